import Foundation

/// The Hội đồng Thi đua – Khen thưởng of a unit for one period, as the head's decision set it up: its members are people
/// (with or without an account), one chair and one secretary among them. Its membership is the denominator of every vote
/// the biên bản reports (issue 14, item 2).
public struct Council: Equatable, Sendable {
    public enum Duty: String, Codable, CaseIterable, Sendable {
        case chair
        case viceChair = "vice_chair"
        case secretary, member

        /// As the decision and the biên bản write it.
        public var vietnamese: String {
            switch self {
            case .chair: "Chủ tịch Hội đồng"
            case .viceChair: "Phó Chủ tịch Hội đồng"
            case .secretary: "Thư ký Hội đồng"
            case .member: "Ủy viên"
            }
        }
    }

    public struct Member: Equatable, Sendable {
        public let personId: ID<Person>
        public let name: String
        public let position: String
        public let duty: Duty

        public init(personId: ID<Person>, name: String, position: String, duty: Duty) {
            self.personId = personId
            self.name = name
            self.position = position
            self.duty = duty
        }
    }

    public let id: ID<Council>
    public let unitId: ID<OrgUnit>
    public let period: Period
    public let decisionNumber: String
    public let decisionDate: LocalDate
    /// Chair first, then vice-chairs, members, and the secretary, as the decision lists them.
    public let members: [Member]

    public init(
        id: ID<Council>, unitId: ID<OrgUnit>, period: Period, decisionNumber: String, decisionDate: LocalDate, members: [Member]
    ) {
        self.id = id
        self.unitId = unitId
        self.period = period
        self.decisionNumber = decisionNumber
        self.decisionDate = decisionDate
        self.members = members
    }

    public static let noun = "Hội đồng Thi đua – Khen thưởng"

    public func member(_ id: ID<Person>) -> Member? { members.first { $0.personId == id } }
}

/// What the head (or a clerk) enters to set up the council: checked before the database's own constraints.
public struct CouncilDraft: Equatable, Sendable {
    public let period: Period
    public let decisionNumber: String
    public let decisionDate: LocalDate
    /// In the decision's order.
    public let members: [(personId: ID<Person>, duty: Council.Duty)]

    public static func == (lhs: CouncilDraft, rhs: CouncilDraft) -> Bool {
        lhs.period == rhs.period && lhs.decisionNumber == rhs.decisionNumber && lhs.decisionDate == rhs.decisionDate
            && lhs.members.map(\.personId) == rhs.members.map(\.personId) && lhs.members.map(\.duty) == rhs.members.map(\.duty)
    }

    /// Every problem at once: the decision's number and date, one chair and one secretary, at least three members, nobody
    /// twice.
    public static func validate(
        period: Period?, decisionNumber: String?, decisionDate: String?, members: [(personId: String, duty: String)]
    ) throws(DomainError) -> CouncilDraft {
        var violations: [DomainError.FieldViolation] = []
        if period == nil {
            violations.append(.rule(field: "period", message: "Cần năm học (hai năm liền nhau) hoặc năm của Hội đồng, ví dụ 2023-2024."))
        }
        let number = VietnameseText.normalized(decisionNumber ?? "")
        if number.isEmpty { violations.append(.init(field: "decisionNumber", message: "Cần số quyết định thành lập Hội đồng.")) }
        let date = decisionDate.flatMap(LocalDate.init)
        if date == nil {
            violations.append(.init(field: "decisionDate", message: "Ngày quyết định phải có dạng YYYY-MM-DD, ví dụ 2023-09-05."))
        }
        var parsed: [(personId: ID<Person>, duty: Council.Duty)] = []
        for (index, member) in members.enumerated() {
            guard let id = ID<Person>(member.personId) else {
                violations.append(.init(field: "members[\(index)].personId", message: "Không nhận ra người này."))
                continue
            }
            guard let duty = Council.Duty(rawValue: member.duty) else {
                violations.append(
                    .init(field: "members[\(index)].duty", message: "Nhiệm vụ là chair, vice_chair, secretary hoặc member."))
                continue
            }
            if parsed.contains(where: { $0.personId == id }) {
                violations.append(.rule(field: "members[\(index)].personId", message: "Một người được ghi hai lần."))
            }
            parsed.append((id, duty))
        }
        if parsed.filter({ $0.duty == .chair }).count != 1 {
            violations.append(.rule(field: "members", message: "Hội đồng có đúng một Chủ tịch."))
        }
        if parsed.filter({ $0.duty == .secretary }).count != 1 {
            violations.append(.rule(field: "members", message: "Hội đồng có đúng một Thư ký."))
        }
        if members.count < 3 { violations.append(.rule(field: "members", message: "Hội đồng cần ít nhất ba thành viên.")) }
        guard violations.isEmpty, let period, let date else { throw DomainError.validation(violations) }
        return CouncilDraft(period: period, decisionNumber: number, decisionDate: date, members: parsed)
    }
}
