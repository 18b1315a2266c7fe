import Foundation

/// A commendation decided by a body other than the state and recorded from its decision (sql/0035): the union's Giấy
/// khen and "Giỏi việc trường, đảm việc nhà" (the union's chair records them), the sector's Kỷ niệm chương "Vì sự nghiệp
/// giáo dục" (the head or an admin). Its money is the catalogue's fixed amount on the decision's date, paid from the
/// issuer's funds, never × base salary. It joins the nominee's record and the awards their báo cáo thành tích lists.
public struct OutsideCommendation: Equatable, Sendable {
    public let id: ID<OutsideCommendation>
    public let nominee: Owner
    public let nomineeName: String
    /// A person's unit (tổ), or the tổ's parent unit.
    public let unitName: String
    public let awardCode: String
    public let awardName: String
    public let issuer: Award.Issuer
    /// The issuing body as the decision names it.
    public let issuerName: String
    public let period: Period
    public let kind: CommendationKind
    public let decisionNumber: String
    public let decisionDate: LocalDate
    public let rewardAmount: Int

    public init(
        id: ID<OutsideCommendation>, nominee: Owner, nomineeName: String, unitName: String, awardCode: String, awardName: String,
        issuer: Award.Issuer, issuerName: String, period: Period, kind: CommendationKind, decisionNumber: String,
        decisionDate: LocalDate, rewardAmount: Int
    ) {
        self.id = id
        self.nominee = nominee
        self.nomineeName = nomineeName
        self.unitName = unitName
        self.awardCode = awardCode
        self.awardName = awardName
        self.issuer = issuer
        self.issuerName = issuerName
        self.period = period
        self.kind = kind
        self.decisionNumber = decisionNumber
        self.decisionDate = decisionDate
        self.rewardAmount = rewardAmount
    }

    public static let noun = "khen thưởng của Công đoàn, của ngành"

    /// Who records an award of this issuer: the union's chair the union's, the head the sector's, an admin both. The
    /// state's awards are proposed and decided in thidua (nominations), never recorded here.
    public static func roles(recording issuer: Award.Issuer) -> Set<Role> {
        switch issuer {
        case .state: []
        case .union: [.admin, .union]
        case .sector: [.admin, .headmaster]
        }
    }

    /// Refuses an account that does not record this issuer's awards (403), and a state award for anyone (422).
    public static func checkRecording(_ award: Award, as account: Account) throws(DomainError) {
        try checkIssuer(award)
        guard !account.roles.isDisjoint(with: roles(recording: award.issuer)) else {
            throw DomainError.forbidden(
                award.issuer == .union
                    ? "Chỉ Ban chấp hành công đoàn (hoặc quản trị) ghi khen thưởng của Công đoàn."
                    : "Chỉ Hiệu trưởng (hoặc quản trị) ghi khen thưởng của ngành.")
        }
    }

    /// A state award is refused (422): it is proposed and decided in thidua, or imported with the school's history.
    public static func checkIssuer(_ award: Award) throws(DomainError) {
        guard award.issuer != .state else {
            throw DomainError.rule(
                field: "award",
                "\"\(award.name)\" là khen thưởng của Nhà nước: được đề nghị và quyết định trong thidua (Đề nghị khen thưởng), "
                    + "hoặc nhập từ hồ sơ cũ; ở đây chỉ ghi khen thưởng của Công đoàn, của ngành.")
        }
    }

    /// The money of one commendation: the rule in force on the decision's date must give a fixed amount.
    public static func amount(of award: Award, on date: LocalDate, collective: Bool) throws(DomainError) -> Int {
        guard let rule = award.rule(on: date) else {
            throw DomainError.rule(field: "decisionDate", "Danh mục chưa có quy định cho \"\(award.name)\" vào ngày \(date.vietnamese).")
        }
        guard let fixed = rule.fixedAmount else {
            throw DomainError.rule(field: "award", "Danh mục chưa ghi mức tiền cố định của \"\(award.name)\" vào ngày \(date.vietnamese).")
        }
        return fixed * (collective ? rule.collectiveFactor : 1)
    }
}

/// What the union's chair (or the head, an admin) enters from the decision in her hands; checked here before the
/// database's own checks (a non-state award, the nominee's kind, the award's kind of commendation, no future date).
public struct OutsideCommendationDraft: Equatable, Sendable {
    public let nominee: Owner
    public let awardCode: String
    public let period: Period
    public let decisionNumber: String
    public let decisionDate: LocalDate
    /// The issuing body as the decision names it; nil: the catalogue's.
    public let issuerName: String?
    /// nil: the award's (niên hạn for an award given for service, else thường xuyên).
    public let kind: CommendationKind?

    public init(
        nominee: Owner, awardCode: String, period: Period, decisionNumber: String, decisionDate: LocalDate, issuerName: String?,
        kind: CommendationKind?
    ) {
        self.nominee = nominee
        self.awardCode = awardCode
        self.period = period
        self.decisionNumber = decisionNumber
        self.decisionDate = decisionDate
        self.issuerName = issuerName
        self.kind = kind
    }

    /// The kind the commendation is recorded with: the one given, else the award's.
    public func kind(for award: Award) -> CommendationKind { kind ?? (award.forService ? .lengthOfService : .regular) }

    /// Reads the fields as the API, the CLI and the form send them; every mistake is named with its field.
    public static func validate(
        personId: String?, unitId: String?, award: String?, period: String?, decisionNumber: String?, decisionDate: String?,
        issuer: String?, kind: String?
    ) throws(DomainError) -> OutsideCommendationDraft {
        var violations: [DomainError.FieldViolation] = []
        var nominee: Owner?
        do { nominee = try Owner.parse(personId: personId, unitId: unitId, field: "personId") } catch { violations += error.violations }
        let award = (award ?? "").trimmingCharacters(in: .whitespaces).uppercased()
        if award.isEmpty { violations.append(.init(field: "award", message: "Cần khen thưởng (ví dụ CDGD_GK, KNC_GD).")) }
        let parsedPeriod = FieldParsing.period(
            period, field: "period", message: "Kỳ khen thưởng là năm học (2023-2024) hoặc năm (2024).", into: &violations)
        let number = VietnameseText.normalized(decisionNumber ?? "")
        if number.isEmpty || number.count > 200 {
            violations.append(.init(field: "decisionNumber", message: "Cần số quyết định (không quá 200 ký tự), ví dụ 45/QĐ-CĐGD."))
        }
        let date = decisionDate.map { $0.trimmingCharacters(in: .whitespaces) }.flatMap(LocalDate.init)
        if date == nil {
            violations.append(.init(field: "decisionDate", message: "Ngày quyết định phải có dạng YYYY-MM-DD, ví dụ 2024-06-10."))
        }
        let issuerName = issuer.map(VietnameseText.normalized).flatMap { $0.isEmpty ? nil : $0 }
        if let issuerName, issuerName.count > 200 {
            violations.append(.init(field: "issuer", message: "Tên cơ quan, tổ chức ban hành không quá 200 ký tự."))
        }
        var parsedKind: CommendationKind?
        do { parsedKind = try CommendationKind.parse(kind) } catch { violations += error.violations }
        guard violations.isEmpty, let nominee, let parsedPeriod, let date else { throw DomainError.validation(violations) }
        return OutsideCommendationDraft(
            nominee: nominee, awardCode: award, period: parsedPeriod, decisionNumber: number, decisionDate: date,
            issuerName: issuerName, kind: parsedKind)
    }
}
