import Foundation

/// A sáng kiến (Luật TĐKT 2022, Điều 3 khoản 4): a teacher's idea registered in autumn, applied for with its description,
/// scored by the school's initiative council, recognised by the head's decision (cơ sở scope) and, forwarded, by the
/// district's or the province's (sql/0036). Eligibility reads the recognised ones and their widest scope.
public struct Initiative: Equatable, Sendable {
    public enum Status: String, Codable, CaseIterable, Sendable, WorkflowStatus {
        case registered, applied, scored, recognized
        case notRecognized = "not_recognized"
        case withdrawn

        public static let entity = "initiatives"
        /// The steps, the same as sql/0036's rows of workflow_transitions (a test compares them).
        public static let moves: [Status: Set<Status>] = [
            .registered: [.applied, .withdrawn], .applied: [.scored, .withdrawn], .scored: [.recognized, .notRecognized],
        ]

        public var vietnameseName: String {
            switch self {
            case .registered: "đã đăng ký"
            case .applied: "đã nộp đơn công nhận"
            case .scored: "hội đồng đã chấm"
            case .recognized: "được công nhận"
            case .notRecognized: "không được công nhận"
            case .withdrawn: "đã rút"
            }
        }
    }

    /// How far an initiative's effect reaches, as the recognising level decided: the school (cơ sở), the district, the
    /// province. A wider scope is recorded only above the one before it.
    public enum Scope: String, Codable, CaseIterable, Sendable, Comparable {
        case unit, district, province

        /// "cấp cơ sở", "cấp huyện", "cấp tỉnh".
        public var vietnamese: String {
            switch self {
            case .unit: "cấp cơ sở"
            case .district: "cấp huyện"
            case .province: "cấp tỉnh"
            }
        }

        public static func < (lhs: Scope, rhs: Scope) -> Bool { allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)! }
    }

    /// One recognition: the scope, the decision and who issued it.
    public struct Recognition: Equatable, Sendable {
        public let scope: Scope
        public let decisionNumber: String
        public let decisionDate: LocalDate
        public let issuer: String

        public init(scope: Scope, decisionNumber: String, decisionDate: LocalDate, issuer: String) {
            self.scope = scope
            self.decisionNumber = decisionNumber
            self.decisionDate = decisionDate
            self.issuer = issuer
        }
    }

    public let id: ID<Initiative>
    public let personId: ID<Person>
    public let authorName: String
    public let unitName: String
    public let title: String
    public let period: Period
    public let registeredOn: LocalDate
    public let status: Status
    public let description: String?
    public let appliedOn: LocalDate?
    public let score: Int?
    public let passed: Bool?
    public let scoredOn: LocalDate?
    public let recognitions: [Recognition]
    public let version: Int

    public init(
        id: ID<Initiative>, personId: ID<Person>, authorName: String, unitName: String, title: String, period: Period,
        registeredOn: LocalDate, status: Status, description: String?, appliedOn: LocalDate?, score: Int?, passed: Bool?,
        scoredOn: LocalDate?, recognitions: [Recognition], version: Int
    ) {
        self.id = id
        self.personId = personId
        self.authorName = authorName
        self.unitName = unitName
        self.title = title
        self.period = period
        self.registeredOn = registeredOn
        self.status = status
        self.description = description
        self.appliedOn = appliedOn
        self.score = score
        self.passed = passed
        self.scoredOn = scoredOn
        self.recognitions = recognitions
        self.version = version
    }

    public static let noun = "sáng kiến"

    /// The widest scope recognised so far; nil before the head's recognition.
    public var scope: Scope? { recognitions.map(\.scope).max() }

    /// The scope the next recognition gives: cơ sở once the council said đạt, then huyện, then tỉnh; nil when none can.
    public var nextScope: Scope? {
        switch (status, scope) {
        case (.scored, nil) where passed == true: .unit
        case (.recognized, .unit?): .district
        case (.recognized, .district?): .province
        default: nil
        }
    }

    /// The next step's refusal when the initiative is not where that step starts (409, with the status it is in).
    public func check(_ step: Step) throws(DomainError) {
        let (ready, message): (Bool, String) =
            switch step {
            case .apply: (status == .registered, "Chỉ nộp đơn công nhận cho sáng kiến vừa đăng ký")
            case .score: (status == .applied, "Hội đồng sáng kiến chỉ chấm sáng kiến đã nộp đơn")
            case .withdraw: (status == .registered || status == .applied, "Sáng kiến đã được chấm không rút được nữa")
            case .recognize(.unit): (nextScope == .unit, "Chỉ công nhận sáng kiến hội đồng đã chấm đạt")
            case .recognize(let wanted):
                (
                    nextScope == wanted,
                    "Công nhận \(wanted.vietnamese) chỉ sau khi đã được công nhận \(wanted == .district ? "cấp cơ sở" : "cấp huyện")"
                )
            }
        guard ready else {
            throw DomainError(.conflict, "\(message); sáng kiến \"\(title)\" đang ở trạng thái \(status.vietnameseName).")
        }
    }

    public enum Step: Equatable, Sendable {
        case apply, score, withdraw
        case recognize(Scope)
    }
}
