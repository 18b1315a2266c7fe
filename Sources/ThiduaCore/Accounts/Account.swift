/// A signed-in user: an account with roles granted on units, possibly linked to the person it belongs to.
public struct Account: Equatable, Sendable, Codable {
    public let id: ID<Account>
    public var displayName: String
    /// The roles held anywhere (the grants' roles, kept equal to them here in Core); where each applies is in `grants`.
    public internal(set) var roles: Set<Role>
    public internal(set) var grants: [Grant]
    public var personId: ID<Person>?
    public var disabled: Bool

    /// Without `grants`, each role is held on the whole registry.
    public init(
        id: ID<Account>, displayName: String, roles: Set<Role>, grants: [Grant]? = nil, personId: ID<Person>?, disabled: Bool = false
    ) {
        self.id = id
        self.displayName = displayName
        self.grants = grants ?? roles.sorted().map(Grant.everywhere)
        self.roles = grants.map { Set($0.map(\.role)) } ?? roles
        self.personId = personId
        self.disabled = disabled
    }

    public func has(_ role: Role) -> Bool { roles.contains(role) }

    /// What a new account needs: a name to show (NFC, tidy spaces) and at least one role; returns the name to store.
    public static func validatedName(_ displayName: String, roles: Set<Role>) throws(DomainError) -> String {
        let name = VietnameseText.normalized(displayName)
        var violations: [DomainError.FieldViolation] = []
        if name.isEmpty { violations.append(.init(field: "displayName", message: "Tên hiển thị không được để trống.")) }
        if roles.isEmpty { violations.append(.init(field: "roles", message: "Cần ít nhất một vai trò.")) }
        guard violations.isEmpty else { throw DomainError.validation(violations) }
        return name
    }
}
