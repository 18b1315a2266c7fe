/// A person's or collective's record year by year — rating, titles and commendations, recognized initiatives,
/// disciplinary measures — which is what the chain rules read and what a council asks to see.
public struct LifetimeRecord: Equatable, Sendable, Codable {
    public struct Title: Equatable, Sendable, Codable {
        public let award: String
        public let awardName: String
        public let status: String
        public let source: String
        public let rewardAmount: Int?
    }

    public struct Discipline: Equatable, Sendable, Codable {
        public let measure: String
        public let measureName: String
        public let decidedOn: LocalDate
        public let decisionNumber: String
    }

    public struct Year: Equatable, Sendable, Codable {
        public let period: String
        public let periodKind: Period.Kind
        public let rating: Rating?
        public let ratingName: String?
        public let monthsWorked: Int?
        public let importedInitiatives: Int
        public let titles: [Title]
        public let recognizedModels: [String]
        public let disciplines: [Discipline]
    }

    public let name: String
    public let kind: String
    public let years: [Year]

    /// Every period something is stored for, the latest first. Models and disciplines fall in the calendar year
    /// of their date unless a school year of the record holds them already.
    public init(person facts: PersonFacts) {
        self.init(name: facts.name, kind: "person", ratings: facts.ratings, titles: facts.titles, facts: facts)
    }

    public init(collective facts: CollectiveFacts) {
        let ratings = facts.ratings.map { PersonFacts.RatingFact(period: $0.key, rating: $0.value, monthsWorked: nil, initiatives: 0) }
        self.init(name: facts.name, kind: "unit", ratings: ratings, titles: facts.titles, facts: PersonFacts(name: facts.name))
    }

    private init(name: String, kind: String, ratings: [PersonFacts.RatingFact], titles: [PersonFacts.TitleFact], facts: PersonFacts) {
        var periods = Set(ratings.map(\.period)).union(titles.map(\.period))
        func home(_ date: LocalDate) -> Period {
            periods.filter { $0.contains(date) }.sorted { $0.kind == .schoolYear && $1.kind != .schoolYear }.first
                ?? Period(kind: .calendarYear, year: date.year)
        }
        let modelPeriods = facts.models.map { (home($0.recognizedOn), $0.title) }
        let disciplinePeriods = facts.disciplines.map { (home($0.date), $0) }
        periods.formUnion(modelPeriods.map(\.0))
        periods.formUnion(disciplinePeriods.map(\.0))
        self.name = name
        self.kind = kind
        self.years = periods.sorted { ($0.endsOn, $0.kind.rawValue) > ($1.endsOn, $1.kind.rawValue) }.map { period in
            let rating = ratings.first { $0.period == period }
            return Year(
                period: period.label, periodKind: period.kind, rating: rating?.rating, ratingName: rating?.rating.vietnamese,
                monthsWorked: rating?.monthsWorked, importedInitiatives: rating?.initiatives ?? 0,
                titles: titles.filter { $0.period == period }.map {
                    Title(
                        award: $0.awardCode, awardName: $0.awardName, status: $0.status.rawValue, source: $0.source,
                        rewardAmount: $0.rewardAmount)
                },
                recognizedModels: modelPeriods.filter { $0.0 == period }.map(\.1),
                disciplines: disciplinePeriods.filter { $0.0 == period }.map {
                    Discipline(
                        measure: $0.1.measure.rawValue, measureName: $0.1.measure.vietnamese, decidedOn: $0.1.date,
                        decisionNumber: $0.1.decisionNumber)
                })
        }
    }
}
