/// A signed-in user: an account with roles, possibly linked to the person it belongs to.
public struct Account: Equatable, Sendable, Codable {
    public let id: ID<Account>
    public var displayName: String
    public var roles: Set<Role>
    public var personId: ID<Person>?
    public var disabled: Bool

    public init(id: ID<Account>, displayName: String, roles: Set<Role>, personId: ID<Person>?, disabled: Bool = false) {
        self.id = id
        self.displayName = displayName
        self.roles = roles
        self.personId = personId
        self.disabled = disabled
    }

    public func has(_ role: Role) -> Bool { roles.contains(role) }
}
