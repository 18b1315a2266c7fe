/// A commendation (khen thưởng): an approved nomination under a signed decision. Immutable; a revocation is a new record.
public struct Commendation: Equatable, Sendable {
    public let id: ID<Commendation>
    public let nominationId: ID<Nomination>
    public let awardCode: String
    public let movementId: ID<Movement>
    public let nominee: Owner
    public let decisionNumber: String
    public let decisionDate: LocalDate
    public let signerName: String
    public let revocation: Revocation?
    /// The authority that issued the decision when it is not the unit itself (a forwarded nomination).
    public var issuer: String? = nil
    /// The money it was issued with; absent only for rows older than the catalogue that had no rule for their date.
    public var money: Money? = nil

    /// Coefficient × base salary (× 2 for a collective where the catalogue says so), rounded: kept as issued.
    public struct Money: Equatable, Sendable, Codable {
        public let coefficient: Coefficient
        public let collectiveFactor: Int
        public let baseSalary: Int
        public let rewardAmount: Int

        public init(coefficient: Coefficient, collectiveFactor: Int, baseSalary: Int, rewardAmount: Int) {
            self.coefficient = coefficient
            self.collectiveFactor = collectiveFactor
            self.baseSalary = baseSalary
            self.rewardAmount = rewardAmount
        }
    }

    public init(
        id: ID<Commendation>, nominationId: ID<Nomination>, awardCode: String, movementId: ID<Movement>, nominee: Owner,
        decisionNumber: String, decisionDate: LocalDate, signerName: String, revocation: Revocation?
    ) {
        self.id = id
        self.nominationId = nominationId
        self.awardCode = awardCode
        self.movementId = movementId
        self.nominee = nominee
        self.decisionNumber = decisionNumber
        self.decisionDate = decisionDate
        self.signerName = signerName
        self.revocation = revocation
    }

    /// A recorded revocation: why, and under which decision.
    public struct Revocation: Equatable, Sendable, Codable {
        public let reason: String
        public let decisionNumber: String

        public init(reason: String, decisionNumber: String) {
            self.reason = reason
            self.decisionNumber = decisionNumber
        }
    }
}

/// A decision reference as the headmaster signs it: number and date.
public struct DecisionReference: Equatable, Sendable {
    public let number: String
    public let date: LocalDate
    /// How the signer holds the position (the head, KT., Q.) and the decision's own Nơi nhận (nil: the unit's).
    public var signedAs: SignedAs = .head
    public var recipients: [String]? = nil

    /// The signature and Nơi nhận a clerk gave with the number and date: `signedAs` head, deputy or acting; recipients
    /// one to ten lines, or none for the unit's default.
    public func signed(as signedAs: String?, recipients: [String]?) throws(DomainError) -> DecisionReference {
        var copy = self
        if let signedAs {
            guard let value = SignedAs(rawValue: signedAs) else {
                throw DomainError.validation([
                    .init(field: "signedAs", message: "Người ký là head (người đứng đầu), deputy (KT. cấp phó ký thay) hoặc acting (Q.).")
                ])
            }
            copy.signedAs = value
        }
        if let recipients {
            let lines = recipients.map { VietnameseText.normalized($0) }
            if let problem = DocumentSettings.recipientsProblem(lines) {
                throw DomainError.validation([.init(field: "recipients", message: problem)])
            }
            copy.recipients = lines
        }
        return copy
    }

    public static func validate(number: String?, date: String?) throws(DomainError) -> DecisionReference {
        try validate(number: number, date: date.flatMap(LocalDate.init), dateMessage: "Ngày quyết định phải có dạng YYYY-MM-DD.")
    }

    /// The same check for a date already read (a page reads dd/mm/yyyy and says so in `dateMessage`).
    public static func validate(number: String?, date: LocalDate?, dateMessage: String) throws(DomainError) -> DecisionReference {
        var violations: [DomainError.FieldViolation] = []
        let number = VietnameseText.normalized(number ?? "")
        if number.isEmpty { violations.append(.init(field: "decisionNumber", message: "Cần số quyết định (ví dụ 12/QĐ-THAP).")) }
        if date == nil { violations.append(.init(field: "decisionDate", message: dateMessage)) }
        guard violations.isEmpty, let date else { throw DomainError.validation(violations) }
        return DecisionReference(number: number, date: date)
    }
}

/// A required written reason (declining, returning, revoking, recusing): trimmed, NFC, not empty.
public func requiredReason(_ text: String?, field: String = "reason") throws(DomainError) -> String {
    let reason = VietnameseText.normalized(text ?? "")
    guard !reason.isEmpty else { throw DomainError.validation([.init(field: field, message: "Cần ghi rõ lý do.")]) }
    return reason
}

extension Commendation {
    /// A revocation is a decision of its own, dated on or after the decision it revokes.
    public func checkRevocation(dated date: LocalDate) throws(DomainError) {
        guard date >= decisionDate else {
            throw DomainError.validation([
                .rule(
                    field: "decisionDate",
                    message: "Quyết định thu hồi không thể có ngày trước quyết định khen thưởng (\(decisionDate.vietnamese)).")
            ])
        }
    }
}
