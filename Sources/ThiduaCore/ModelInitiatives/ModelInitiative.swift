/// A model initiative (mô hình, e.g. "Dân vận khéo") registered in a movement by a person or a collective.
public struct ModelInitiative: Equatable, Sendable {
    public let id: ID<ModelInitiative>
    public var movementId: ID<Movement>
    public var title: String
    public var field: String
    public var owner: Owner
    public var goals: String
    public var startsOn: LocalDate
    public var endsOn: LocalDate
    public var status: ModelStatus
    public var recognition: Recognition?
    public var version: Int

    public init(
        id: ID<ModelInitiative>, movementId: ID<Movement>, title: String, field: String, owner: Owner, goals: String,
        startsOn: LocalDate, endsOn: LocalDate, status: ModelStatus, recognition: Recognition?, version: Int
    ) {
        self.id = id
        self.movementId = movementId
        self.title = title
        self.field = field
        self.owner = owner
        self.goals = goals
        self.startsOn = startsOn
        self.endsOn = endsOn
        self.status = status
        self.recognition = recognition
        self.version = version
    }

    /// The four fields of a "Dân vận khéo" model, by code, with their Vietnamese names.
    public static let fields: [(code: String, name: String)] = [
        ("economy", "Kinh tế"), ("culture_society", "Văn hoá – xã hội"), ("defence_security", "Quốc phòng – an ninh"),
        ("political_system", "Xây dựng hệ thống chính trị"),
    ]

    /// The Vietnamese name of a field code ("culture_society" → "Văn hoá – xã hội").
    public static func fieldName(_ code: String) -> String { fields.first { $0.code == code }?.name ?? code }

    /// The headmaster's recognition: at which level and by which decision.
    public struct Recognition: Equatable, Sendable, Codable {
        public let level: String
        public let decision: String
        public let date: LocalDate

        public init(level: String, decision: String, date: LocalDate) {
            self.level = level
            self.decision = decision
            self.date = date
        }

        public static let levels = ["school", "district", "province"]

        /// "cấp trường", "cấp huyện", "cấp tỉnh".
        public static func vietnamese(_ level: String) -> String {
            ["school": "cấp trường", "district": "cấp huyện", "province": "cấp tỉnh"][level] ?? level
        }
    }
}

/// Who a model or a nomination belongs to: a person, or a collective unit.
public enum Owner: Equatable, Hashable, Sendable {
    case person(ID<Person>)
    case unit(ID<OrgUnit>)

    /// Reads `personId` / `unitId`; exactly one must be given.
    public static func parse(personId: String?, unitId: String?, field: String) throws(DomainError) -> Owner {
        switch (personId.flatMap { ID<Person>($0) }, unitId.flatMap { ID<OrgUnit>($0) }) {
        case (let person?, nil): return .person(person)
        case (nil, let unit?): return .unit(unit)
        default:
            throw DomainError.rule(field: field, "Cần đúng một trong hai: personId (cá nhân) hoặc unitId (tập thể).")
        }
    }

    public var personId: ID<Person>? { if case .person(let id) = self { id } else { nil } }
    public var unitId: ID<OrgUnit>? { if case .unit(let id) = self { id } else { nil } }
}
