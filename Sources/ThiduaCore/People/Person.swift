/// A member of staff (cá nhân): name as written and split, unit, position (chức vụ) and category.
public struct Person: Equatable, Sendable, Codable {
    public let id: ID<Person>
    public var unitId: ID<OrgUnit>
    public var code: String?
    public var name: PersonName
    public var position: String
    public var category: StaffCategory
    public var version: Int

    public init(
        id: ID<Person>, unitId: ID<OrgUnit>, code: String?, name: PersonName,
        position: String, category: StaffCategory, version: Int
    ) {
        self.id = id
        self.unitId = unitId
        self.code = code
        self.name = name
        self.position = position
        self.category = category
        self.version = version
    }
}
