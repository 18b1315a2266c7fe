/// Who grants an award (Luật TĐKT 2022, Điều 80). Each level lists the awards it grants (sql/0024); the rank only orders
/// the levels in lists.
public struct AuthorityLevel: Equatable, Sendable, Codable {
    public let code: String
    public let name: String
    public let rank: Int

    public init(code: String, name: String, rank: Int) {
        self.code = code
        self.name = name
        self.rank = rank
    }
}

/// A row of the award catalogue (danh hiệu thi đua / hình thức khen thưởng) with its rules by effective period.
public struct Award: Equatable, Sendable, Codable {
    public enum Recipient: String, Codable, Sendable {
        case individual, collective, both, model

        public func suits(_ owner: Owner) -> Bool { suits(collective: owner.unitId != nil) }

        /// Whether a collective (else a person) may be nominated for an award with this recipient.
        public func suits(collective: Bool) -> Bool {
            switch self {
            case .both: true
            case .individual: !collective
            case .collective: collective
            case .model: false
            }
        }
    }

    /// Who issues an award: the state (the Law's titles and forms), the trade union or the sector's ministry (sql/0035).
    /// The union's and the sector's awards carry a fixed amount of money under their own rules, never × base salary.
    public enum Issuer: String, Codable, CaseIterable, Sendable {
        case state, union, sector

        /// "Nhà nước", "Công đoàn", "Ngành Giáo dục", as lists head them.
        public var vietnamese: String {
            switch self {
            case .state: "Nhà nước"
            case .union: "Công đoàn"
            case .sector: "Ngành Giáo dục"
            }
        }

        /// The same name inside a sentence ("Khen thưởng của ngành Giáo dục"): only the sector's is a common noun.
        public var vietnameseInSentence: String { self == .sector ? "ngành Giáo dục" : vietnamese }
    }

    public let code: String
    public let name: String
    public let recipient: Recipient
    public let kind: String
    public let precedence: Int
    public let citation: String
    public let verified: Bool
    public let issuer: Issuer
    /// The issuing body as its decisions print it ("Ban Thường vụ Công đoàn Giáo dục huyện"); empty for the state's.
    public let issuerName: String
    /// Given for years of service (niên hạn): its commendations are of that kind, and no other award's are.
    public let forService: Bool
    public var rules: [AwardRule]

    public init(
        code: String, name: String, recipient: Recipient, kind: String, precedence: Int, citation: String, verified: Bool,
        issuer: Issuer = .state, issuerName: String = "", forService: Bool = false, rules: [AwardRule]
    ) {
        self.code = code
        self.name = name
        self.recipient = recipient
        self.kind = kind
        self.precedence = precedence
        self.citation = citation
        self.verified = verified
        self.issuer = issuer
        self.issuerName = issuerName
        self.forService = forService
        self.rules = rules
    }

    public func rule(on date: LocalDate) -> AwardRule? { AwardRule.inForce(on: date, in: rules) }
}

/// The rules of one award from a date until the next row's date: coefficient, who grants it, the council's vote
/// threshold and the eligibility rules it reads.
public struct AwardRule: Equatable, Sendable, Codable {
    public let awardCode: String
    public let effectiveFrom: LocalDate
    public let coefficient: Coefficient
    public let collectiveFactor: Int
    public let authorityLevel: String
    public let voteThreshold: VoteThreshold?
    public let eligibility: [EligibilityRule]
    public let citation: String
    public let verified: Bool
    /// Money as a fixed amount for one person (× the collective factor for a collective) instead of the coefficient of
    /// the base salary: the union's and the sector's own rules (sql/0035). The coefficient is then 0.
    public let fixedAmount: Int?

    /// The JSON keys are the API's (`GET /v1/awards`): the award code is `award`, as everywhere on the wire.
    enum CodingKeys: String, CodingKey {
        case awardCode = "award"
        case effectiveFrom, coefficient, collectiveFactor, authorityLevel, voteThreshold, eligibility, citation, verified, fixedAmount
    }

    /// The largest fixed amount accepted (the database checks it too): 1 tỷ đồng.
    public static let maxFixedAmount = 1_000_000_000

    public init(
        awardCode: String, effectiveFrom: LocalDate, coefficient: Coefficient, collectiveFactor: Int, authorityLevel: String,
        voteThreshold: VoteThreshold?, eligibility: [EligibilityRule], citation: String, verified: Bool, fixedAmount: Int? = nil
    ) {
        self.awardCode = awardCode
        self.effectiveFrom = effectiveFrom
        self.coefficient = coefficient
        self.collectiveFactor = collectiveFactor
        self.authorityLevel = authorityLevel
        self.voteThreshold = voteThreshold
        self.eligibility = eligibility
        self.citation = citation
        self.verified = verified
        self.fixedAmount = fixedAmount
    }

    public static func inForce(on date: LocalDate, in rules: [AwardRule]) -> AwardRule? {
        rules.filter { $0.effectiveFrom <= date }.max { $0.effectiveFrom < $1.effectiveFrom }
    }
}

/// The share of votes a recommendation needs, and what it is a share of: every council member who may vote, or the
/// members who voted. "2/3 of all members" = 2 of 3, members.
public struct VoteThreshold: Equatable, Sendable, Codable {
    public enum Base: String, Codable, Sendable {
        case members, present
    }

    public let numerator: Int
    public let denominator: Int
    public let base: Base

    public init(numerator: Int, denominator: Int, base: Base) {
        self.numerator = numerator
        self.denominator = denominator
        self.base = base
    }

    /// The agreeing votes needed out of this tally: the smallest whole number reaching the share.
    public func required(_ tally: Tally) -> Int {
        let of = base == .members ? tally.members : tally.reviewed
        return (of * numerator + denominator - 1) / denominator
    }

    public func isMet(by tally: Tally) -> Bool {
        let of = base == .members ? tally.members : tally.reviewed
        return of > 0 && tally.agree >= required(tally)
    }

    /// "2/3 tổng số thành viên hội đồng", "9/10 số thành viên dự họp".
    public var vietnamese: String {
        "\(numerator)/\(denominator) " + (base == .members ? "tổng số thành viên hội đồng" : "số thành viên có mặt biểu quyết")
    }
}

extension AwardRule {
    /// An admin's change of an award's rules from a date: what is not given is taken from the rule in force the day
    /// before (so "the coefficient becomes 0.35 from 2026-01-01" is one field). A reason is required. `fixedAmount`:
    /// left out, the previous rule's; a number, money as that fixed amount (the coefficient becomes 0); 0 for the union's
    /// and the sector's awards means "no money".
    public static func revised(
        award: Award, effectiveFrom: String?, coefficient: String?, collectiveFactor: Int?, authorityLevel: String?,
        voteThreshold: VoteThreshold??, eligibility: [String]?, citation: String?, verified: Bool?, fixedAmount: Int? = nil
    ) throws(DomainError) -> AwardRule {
        var violations: [DomainError.FieldViolation] = []
        let from = effectiveFrom.flatMap(LocalDate.init)
        if from == nil { violations.append(.init(field: "effectiveFrom", message: "Ngày áp dụng phải có dạng YYYY-MM-DD.")) }
        let previous = from.flatMap { date in award.rules.filter { $0.effectiveFrom <= date }.max { $0.effectiveFrom < $1.effectiveFrom } }
        let fixed = fixedAmount ?? previous?.fixedAmount
        if let fixed, !(0...maxFixedAmount).contains(fixed) {
            violations.append(
                .init(field: "fixedAmount", message: "Mức tiền cố định là số đồng từ 0 đến 1.000.000.000, ví dụ 300000."))
        }
        if fixed == nil, award.issuer != .state {
            violations.append(
                .rule(
                    field: "fixedAmount",
                    message: "Khen thưởng của \(award.issuer.vietnamese) có mức tiền cố định theo quy chế của tổ chức đó (0 nếu không có).")
            )
        }
        let parsedCoefficient = fixed != nil ? Coefficient(hundredths: 0) : coefficient.map(Coefficient.init) ?? previous?.coefficient
        if fixed != nil, let coefficient, Coefficient(coefficient) != Coefficient(hundredths: 0) {
            violations.append(
                .rule(field: "coefficient", message: "Khen thưởng có mức tiền cố định không tính theo hệ số lương cơ sở (hệ số 0)."))
        }
        if parsedCoefficient == nil {
            // Left out with no rule before it to copy from: a rule against stored data; sent unreadable: the field's form.
            let message = "Hệ số phải là số thập phân không âm, tối đa hai chữ số lẻ, ví dụ 0.3."
            violations.append(
                coefficient == nil ? .rule(field: "coefficient", message: message) : .init(field: "coefficient", message: message))
        }
        let factor = collectiveFactor ?? previous?.collectiveFactor ?? 1
        if ![1, 2].contains(factor) {
            violations.append(.init(field: "collectiveFactor", message: "Hệ số tập thể là 1 hoặc 2 (tập thể nhận gấp đôi)."))
        }
        let level = authorityLevel ?? previous?.authorityLevel
        if level == nil { violations.append(.rule(field: "authorityLevel", message: "Cần cấp có thẩm quyền quyết định.")) }
        var rules: [EligibilityRule] = previous?.eligibility ?? []
        if let eligibility {
            rules = []
            for name in eligibility {
                guard let rule = EligibilityRule(rawValue: name) else {
                    violations.append(.init(field: "eligibility", message: "Không có tiêu chuẩn \"\(name)\"."))
                    continue
                }
                rules.append(rule)
            }
        }
        let citationText = VietnameseText.normalized(citation ?? previous?.citation ?? "")
        if citationText.isEmpty {
            // Left out with no rule before it to copy from is a rule against stored data; sent blank, the field's own form.
            let message = "Cần căn cứ pháp lý của quy định."
            violations.append(citation == nil ? .rule(field: "citation", message: message) : .init(field: "citation", message: message))
        }
        guard violations.isEmpty, let from, let parsedCoefficient, let level else { throw DomainError.validation(violations) }
        return AwardRule(
            awardCode: award.code, effectiveFrom: from, coefficient: parsedCoefficient, collectiveFactor: factor, authorityLevel: level,
            voteThreshold: voteThreshold ?? previous?.voteThreshold, eligibility: rules, citation: citationText,
            verified: verified ?? previous?.verified ?? true, fixedAmount: fixed)
    }
}

extension VoteThreshold {
    /// A threshold as an admin gives it; a numerator of 0 means "no threshold" (nil).
    public static func validate(numerator: Int?, denominator: Int?, base: String?) throws(DomainError) -> VoteThreshold? {
        if numerator == 0 { return nil }
        guard let numerator, let denominator, numerator > 0, denominator >= numerator, let base = base.flatMap(Base.init) else {
            throw DomainError.validation([
                .rule(
                    field: "voteThreshold",
                    message: "Tỉ lệ biểu quyết cần numerator > 0, denominator ≥ numerator, base là members hoặc present.")
            ])
        }
        return VoteThreshold(numerator: numerator, denominator: denominator, base: base)
    }

    /// Why a recommendation cannot be made with this tally, or nil when the votes reach the threshold.
    public func refusal(_ tally: Tally, awardName: String) -> DomainError? {
        guard !isMet(by: tally) else { return nil }
        return DomainError(
            .conflict,
            "Chưa đủ phiếu để đề nghị \"\(awardName)\": \(counted(tally)).",
            violations: [.init(field: "recommended", message: "Chưa đạt tỉ lệ biểu quyết của khen thưởng này.")])
    }

    /// Why the head of the unit a nomination was forwarded to cannot grant it yet: that unit's council has not reached the
    /// threshold (sql/0041); nil when it has.
    public func receivingCouncilRefusal(_ tally: Tally, awardName: String) -> DomainError? {
        guard !isMet(by: tally) else { return nil }
        return DomainError(
            .conflict,
            "Hội đồng thi đua – khen thưởng của đơn vị chưa đủ phiếu cho \"\(awardName)\": \(counted(tally)). "
                + "Các thành viên hội đồng chấm ở trang \"Chấm điểm\" trước khi ghi quyết định.",
            violations: [.init(field: "outcome", message: "Hội đồng của đơn vị chưa đạt tỉ lệ biểu quyết.")])
    }

    /// "3 phiếu đồng ý, cần 4 (2/3 tổng số thành viên; 5 thành viên, 4 đã biểu quyết)": the votes against the threshold.
    private func counted(_ tally: Tally) -> String {
        "\(tally.agree) phiếu đồng ý, cần \(required(tally)) (\(vietnamese); \(tally.members) thành viên, \(tally.reviewed) đã biểu quyết)"
    }

}
