import Foundation

/// A yearly performance rating (xếp loại chất lượng).
public enum Rating: String, Codable, CaseIterable, Sendable {
    case excellent, good, completed
    case notCompleted = "not_completed"

    public var rank: Int {
        switch self {
        case .excellent: 3
        case .good: 2
        case .completed: 1
        case .notCompleted: 0
        }
    }

    public var vietnamese: String {
        switch self {
        case .excellent: "Hoàn thành xuất sắc nhiệm vụ"
        case .good: "Hoàn thành tốt nhiệm vụ"
        case .completed: "Hoàn thành nhiệm vụ"
        case .notCompleted: "Không hoàn thành nhiệm vụ"
        }
    }

    public var english: String {
        switch self {
        case .excellent: "excellently completed duties"
        case .good: "well completed duties"
        case .completed: "completed duties"
        case .notCompleted: "did not complete duties"
        }
    }

    /// Reads a rating as a clerk writes it: the code, the full Vietnamese phrase or its short form ("xuất sắc", "tốt").
    public init?(label: String) {
        let key = VietnameseText.searchKey(label).split(separator: " ").joined(separator: " ")
        if let exact = Rating(rawValue: label.trimmingCharacters(in: .whitespaces).lowercased()) {
            self = exact
            return
        }
        let forms: [(Rating, [String])] = [
            (.notCompleted, ["khong hoan thanh nhiem vu", "khong hoan thanh"]),
            (.excellent, ["hoan thanh xuat sac nhiem vu", "xuat sac", "htxs"]),
            (.good, ["hoan thanh tot nhiem vu", "tot", "htt"]),
            (.completed, ["hoan thanh nhiem vu", "hoan thanh", "ht"]),
        ]
        guard let match = forms.first(where: { $0.1.contains(key) }) else { return nil }
        self = match.0
    }
}

/// A disciplinary measure (hình thức kỷ luật), mildest first.
public enum DisciplineMeasure: String, Codable, CaseIterable, Sendable, Comparable {
    case reprimand, warning
    case salaryDowngrade = "salary_downgrade"
    case demotion, dismissal, discharge

    public var vietnamese: String {
        switch self {
        case .reprimand: "Khiển trách"
        case .warning: "Cảnh cáo"
        case .salaryDowngrade: "Hạ bậc lương"
        case .demotion: "Giáng chức"
        case .dismissal: "Cách chức"
        case .discharge: "Buộc thôi việc"
        }
    }

    public init?(label: String) {
        if let exact = DisciplineMeasure(rawValue: label.trimmingCharacters(in: .whitespaces).lowercased()) {
            self = exact
            return
        }
        let key = VietnameseText.searchKey(label)
        guard let match = Self.allCases.first(where: { VietnameseText.searchKey($0.vietnamese) == key }) else { return nil }
        self = match
    }

    private var severity: Int { Self.allCases.firstIndex(of: self) ?? 0 }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.severity < rhs.severity }
}

/// What the eligibility rules read about one person: ratings, disciplinary measures, titles and commendations
/// (issued in thidua, imported from before it, or still being considered), and recognized initiatives.
public struct PersonFacts: Equatable, Sendable {
    public struct RatingFact: Equatable, Sendable {
        public let period: Period
        public let rating: Rating
        public let monthsWorked: Int?
        /// Initiatives (sáng kiến) recognized in the period, as imported: models (mô hình) are not initiatives.
        public let initiatives: Int
        /// The day the person was recruited, when it falls in the period (the ten-month rule is for new recruits).
        public let recruitedOn: LocalDate?
        /// Months of maternity leave in the period: they count as time worked.
        public let maternityMonths: Int

        public init(
            period: Period, rating: Rating, monthsWorked: Int?, initiatives: Int, recruitedOn: LocalDate? = nil, maternityMonths: Int = 0
        ) {
            self.period = period
            self.rating = rating
            self.monthsWorked = monthsWorked
            self.initiatives = initiatives
            self.recruitedOn = recruitedOn
            self.maternityMonths = maternityMonths
        }
    }

    public struct DisciplineFact: Equatable, Sendable {
        public let measure: DisciplineMeasure
        public let date: LocalDate
        public let decisionNumber: String

        public init(measure: DisciplineMeasure, date: LocalDate, decisionNumber: String) {
            self.measure = measure
            self.date = date
            self.decisionNumber = decisionNumber
        }
    }

    public struct TitleFact: Equatable, Sendable {
        public enum Status: String, Codable, Sendable {
            /// Issued in thidua or imported from before it.
            case issued
            /// A nomination for it is being considered.
            case pending
        }
        public let awardCode: String
        public let awardName: String
        public let period: Period
        public let status: Status
        /// The decision ("12/QĐ-THAP ngày 20/12/2024 (UBND huyện)") or the nomination's status.
        public let source: String
        public let rewardAmount: Int?

        public init(awardCode: String, awardName: String, period: Period, status: Status, source: String, rewardAmount: Int?) {
            self.awardCode = awardCode
            self.awardName = awardName
            self.period = period
            self.status = status
            self.source = source
            self.rewardAmount = rewardAmount
        }
    }

    /// A recognized model (mô hình, e.g. "Dân vận khéo") the person owns, by the date it was recognized. A model is not a
    /// sáng kiến (Luật TĐKT 2022, Điều 3 khoản 4: a new solution recognized by an initiative council): it is shown to
    /// the council but never counted as one.
    public struct ModelFact: Equatable, Sendable {
        public let title: String
        public let recognizedOn: LocalDate

        public init(title: String, recognizedOn: LocalDate) {
            self.title = title
            self.recognizedOn = recognizedOn
        }
    }

    public let name: String
    public var ratings: [RatingFact]
    public var disciplines: [DisciplineFact]
    public var titles: [TitleFact]
    public var models: [ModelFact]
    public var registrations: [RegistrationFact] = []
    /// The sáng kiến of the register that were recognised (sql/0036), with their widest scope.
    public var initiatives: [InitiativeFact] = []

    public init(
        name: String, ratings: [RatingFact] = [], disciplines: [DisciplineFact] = [], titles: [TitleFact] = [],
        models: [ModelFact] = []
    ) {
        self.name = name
        self.ratings = ratings
        self.disciplines = disciplines
        self.titles = titles
        self.models = models
    }

    public func rating(in period: Period) -> RatingFact? { ratings.first { $0.period == period } }

    public func disciplines(in period: Period) -> [DisciplineFact] { disciplines.filter { period.contains($0.date) } }

    /// Initiatives (sáng kiến) recognized in a period: those of the register plus a count imported with the rating (the
    /// years before thidua); models do not count.
    public func initiativeCount(in period: Period) -> Int {
        (rating(in: period)?.initiatives ?? 0) + initiatives(in: period).count
    }

    /// The register's initiatives of a period that were recognised.
    public func initiatives(in period: Period) -> [InitiativeFact] { initiatives.filter { $0.period == period } }

    /// The person's models recognized in a period, shown beside the initiatives.
    public func models(in period: Period) -> [ModelFact] { models.filter { period.contains($0.recognizedOn) } }

    /// Whether anything is stored for the period: without a rating or a title it cannot say "no".
    public func hasRecord(in period: Period) -> Bool {
        rating(in: period) != nil || titles.contains { $0.period == period && $0.status == .issued }
    }

    public func title(_ award: String, in period: Period) -> TitleFact? {
        let matching = titles.filter { $0.awardCode == award && $0.period == period }
        return matching.first { $0.status == .issued } ?? matching.first
    }
}

/// A registration (đăng ký thi đua) for a period: the title sought and the day it was filed.
public struct RegistrationFact: Equatable, Sendable {
    public let period: Period
    public let titleName: String
    public let registeredOn: LocalDate

    public init(period: Period, titleName: String, registeredOn: LocalDate) {
        self.period = period
        self.titleName = titleName
        self.registeredOn = registeredOn
    }
}

/// What the rules read about a collective: its own ratings and titles, and its members' facts.
public struct CollectiveFacts: Equatable, Sendable {
    public let name: String
    public var ratings: [Period: Rating]
    public var titles: [PersonFacts.TitleFact]
    public var members: [PersonFacts]
    public var registrations: [RegistrationFact] = []

    public init(name: String, ratings: [Period: Rating] = [:], titles: [PersonFacts.TitleFact] = [], members: [PersonFacts] = []) {
        self.name = name
        self.ratings = ratings
        self.titles = titles
        self.members = members
    }
}

/// A recognised sáng kiến of the register: the period it was applied in, its widest scope and the day of that recognition.
public struct InitiativeFact: Equatable, Sendable {
    public let title: String
    public let period: Period
    public let scope: Initiative.Scope
    public let scopeRecognizedOn: LocalDate

    public init(title: String, period: Period, scope: Initiative.Scope, scopeRecognizedOn: LocalDate) {
        self.title = title
        self.period = period
        self.scope = scope
        self.scopeRecognizedOn = scopeRecognizedOn
    }
}
