/// The summary of a year or school year: per movement, models registered and recognized (by field and level) and
/// nominations by status; commendations by award and by unit with their reward money.
public struct YearSummary: Equatable, Sendable, Codable {
    public struct Count: Equatable, Sendable, Codable {
        public let label: String
        public let count: Int

        public init(label: String, count: Int) {
            self.label = label
            self.count = count
        }
    }

    public struct FieldCount: Equatable, Sendable, Codable {
        public let field: String
        public let registered: Int
        public let recognized: Int

        public init(field: String, registered: Int, recognized: Int) {
            self.field = field
            self.registered = registered
            self.recognized = recognized
        }
    }

    public struct MovementLine: Equatable, Sendable, Codable {
        public let name: String
        public let period: String
        public let status: String
        public let modelsRegistered: Int
        public let modelsRecognized: Int
        public let modelsByField: [FieldCount]
        public let recognizedByLevel: [Count]
        public let nominationsByStatus: [Count]

        public init(
            name: String, period: String, status: String, modelsRegistered: Int, modelsRecognized: Int, modelsByField: [FieldCount],
            recognizedByLevel: [Count], nominationsByStatus: [Count]
        ) {
            self.name = name
            self.period = period
            self.status = status
            self.modelsRegistered = modelsRegistered
            self.modelsRecognized = modelsRecognized
            self.modelsByField = modelsByField
            self.recognizedByLevel = recognizedByLevel
            self.nominationsByStatus = nominationsByStatus
        }
    }

    public struct Tally: Equatable, Sendable, Codable {
        public let code: String
        public let label: String
        public let count: Int
        public let amount: Int

        public init(code: String, label: String, count: Int, amount: Int) {
            self.code = code
            self.label = label
            self.count = count
            self.amount = amount
        }
    }

    public let period: String
    public let unit: String
    public let movements: [MovementLine]
    public let byAward: [Tally]
    public let byUnit: [Tally]

    public init(period: Period, unit: String, movements: [MovementLine], byAward: [Tally], byUnit: [Tally]) {
        self.period = period.label
        self.unit = unit
        self.movements = movements
        self.byAward = byAward
        self.byUnit = byUnit
    }

    public var commendations: Int { byAward.map(\.count).reduce(0, +) }
    public var amount: Int { byAward.map(\.amount).reduce(0, +) }

    public var title: String {
        "TỔNG HỢP THI ĐUA – KHEN THƯỞNG " + (Period(period)?.vietnamese ?? period).uppercased()
    }
}
