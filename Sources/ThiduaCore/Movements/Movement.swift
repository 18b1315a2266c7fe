/// An emulation movement (phong trào thi đua): who launched it, its period, legal bases, criteria and deadlines.
public struct Movement: Equatable, Sendable {
    public let id: ID<Movement>
    public var name: String
    public var unitId: ID<OrgUnit>
    public var period: Period
    public var registrationDeadline: LocalDate?
    public var nominationDeadline: LocalDate?
    public var status: MovementStatus
    public var legalBases: [ID<LegalDocument>]
    public var criteria: [Criterion]
    public var version: Int

    public init(
        id: ID<Movement>, name: String, unitId: ID<OrgUnit>, period: Period, registrationDeadline: LocalDate?,
        nominationDeadline: LocalDate?, status: MovementStatus, legalBases: [ID<LegalDocument>], criteria: [Criterion], version: Int
    ) {
        self.id = id
        self.name = name
        self.unitId = unitId
        self.period = period
        self.registrationDeadline = registrationDeadline
        self.nominationDeadline = nominationDeadline
        self.status = status
        self.legalBases = legalBases
        self.criteria = criteria
        self.version = version
    }
}

/// One scoring criterion (tiêu chí) with its maximum points.
public struct Criterion: Equatable, Sendable, Codable {
    public let code: String
    public let title: String
    public let maxPoints: Int

    /// The most points one criterion may carry (a council scores 0…maxPoints).
    public static let maximumPoints = 1_000

    public init(code: String, title: String, maxPoints: Int) {
        self.code = code
        self.title = title
        self.maxPoints = maxPoints
    }
}

/// The validated content of a new movement.
public struct MovementDraft: Equatable, Sendable {
    public var name: String
    public var unitId: ID<OrgUnit>
    public var period: Period
    public var registrationDeadline: LocalDate?
    public var nominationDeadline: LocalDate?
    public var legalBases: [ID<LegalDocument>]
    public var criteria: [Criterion]

    public static func validate(
        name: String?, unitId: String?, period: String?, registrationDeadline: String?, nominationDeadline: String?,
        legalBases: [String]?, criteria: [(code: String?, title: String?, maxPoints: Int?)]?
    ) -> Result<MovementDraft, DomainError> {
        var violations: [DomainError.FieldViolation] = []
        let name = VietnameseText.normalized(name ?? "")
        if name.isEmpty { violations.append(.init(field: "name", message: "Cần tên phong trào.")) }
        let unit = unitId.flatMap { ID<OrgUnit>($0) }
        if unit == nil { violations.append(.init(field: "unitId", message: "Cần unitId: đơn vị phát động.")) }
        let parsedPeriod = period.flatMap(Period.init)
        if parsedPeriod == nil { violations.append(.init(field: "period", message: "Kỳ phải là năm (2024) hoặc năm học (2023-2024).")) }
        func deadline(_ text: String?, field: String) -> LocalDate? {
            guard let text else { return nil }
            guard let date = LocalDate(text) else {
                violations.append(.init(field: field, message: "Hạn phải có dạng YYYY-MM-DD."))
                return nil
            }
            if let parsedPeriod, !parsedPeriod.contains(date) {
                violations.append(
                    .rule(
                        field: field,
                        message: "Hạn \(date) nằm ngoài kỳ \(parsedPeriod.label) (\(parsedPeriod.startsOn) – \(parsedPeriod.endsOn))."))
            }
            return date
        }
        let registration = deadline(registrationDeadline, field: "registrationDeadline")
        let nomination = deadline(nominationDeadline, field: "nominationDeadline")
        var bases: [ID<LegalDocument>] = []
        for text in legalBases ?? [] {
            guard let id = ID<LegalDocument>(text) else {
                violations.append(.init(field: "legalBases", message: "legalBases chỉ gồm mã UUID của văn bản."))
                continue
            }
            if !bases.contains(id) { bases.append(id) }
        }
        var parsedCriteria: [Criterion] = []
        for (index, raw) in (criteria ?? []).enumerated() {
            let code = VietnameseText.normalized(raw.code ?? "")
            let title = VietnameseText.normalized(raw.title ?? "")
            guard !code.isEmpty, !title.isEmpty, let points = raw.maxPoints, points > 0 else {
                violations.append(
                    .init(
                        field: "criteria[\(index)]",
                        message: "Mỗi tiêu chí cần mã (code), tên (title) và điểm tối đa lớn hơn 0 (maxPoints)."))
                continue
            }
            guard points <= Criterion.maximumPoints else {
                let most = VietnameseText.grouped(Criterion.maximumPoints)
                violations.append(.init(field: "criteria[\(index)]", message: "Điểm tối đa của một tiêu chí không quá \(most)."))
                continue
            }
            if parsedCriteria.contains(where: { $0.code == code }) {
                violations.append(.rule(field: "criteria[\(index)]", message: "Mã tiêu chí \"\(code)\" bị trùng."))
                continue
            }
            parsedCriteria.append(Criterion(code: code, title: title, maxPoints: points))
        }
        guard violations.isEmpty, let unit, let parsedPeriod else { return .failure(.validation(violations)) }
        return .success(
            MovementDraft(
                name: name, unitId: unit, period: parsedPeriod, registrationDeadline: registration,
                nominationDeadline: nomination, legalBases: bases, criteria: parsedCriteria))
    }
}

extension Movement {
    /// A unit reviews its titles by one kind of period (sql/0025): a title nominated in a movement of the other kind is
    /// refused on the award, saying where to nominate it instead.
    public func checkTitlePeriod(title award: String, reviewedBy wanted: Period.Kind, unitName: String) throws(DomainError) {
        guard wanted != period.kind else { return }
        let by = wanted == .schoolYear ? "năm học" : "năm dương lịch"
        throw DomainError.validation([
            .rule(
                field: "award",
                message: "Danh hiệu thi đua của \(unitName) được xét theo \(by); phong trào này tính theo \(period.vietnamese). "
                    + "Hãy đề nghị \"\(award)\" trong phong trào \(by), hoặc chọn hình thức khen thưởng (Giấy khen).")
        ])
    }
}

extension Movement {
    /// How a document names movements inside a sentence: `phong trào thi đua "Dạy tốt"`, and a name that already says
    /// it (`Phong trào thi đua "Dân vận khéo" năm 2024`) as it is, its first letter small — never "phong trào thi đua
    /// "Phong trào thi đua …"". Several are joined with commas.
    public static func inSentence(_ names: [String]) -> String {
        let plain = names.filter { !$0.lowercased().hasPrefix("phong trào") }
        let named = names.filter { $0.lowercased().hasPrefix("phong trào") }.map { $0.prefix(1).lowercased() + $0.dropFirst() }
        let quoted = plain.isEmpty ? [] : ["phong trào thi đua " + plain.map { "\"\($0)\"" }.joined(separator: ", ")]
        return (quoted + named).joined(separator: ", ")
    }
}
