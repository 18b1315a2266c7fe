/// A role held on a unit: it applies to that unit and to every unit below it (sql/0037, `role_grants`).
public struct Grant: Equatable, Hashable, Sendable, Codable {
    public let role: Role
    /// The unit granted on; nil for the whole registry (an install's first accounts, before any unit exists).
    public let unit: ID<OrgUnit>?
    /// Whether the grant reaches every record: no unit, or the registry's one top unit (a one-school install).
    public let coversEverything: Bool

    public init(role: Role, unit: ID<OrgUnit>?, coversEverything: Bool) {
        self.role = role
        self.unit = unit
        self.coversEverything = coversEverything || unit == nil
    }

    /// A role on the whole registry.
    public static func everywhere(_ role: Role) -> Grant { Grant(role: role, unit: nil, coversEverything: true) }

    /// Whether the grant applies to a record of the unit whose path (the unit, then each unit above it) is `path`.
    public func applies(at path: [ID<OrgUnit>]) -> Bool {
        coversEverything || unit.map(path.contains) ?? true
    }
}

extension Account {
    /// Whether every grant reaches every record: nothing to narrow (every one-school install).
    public var coversEverything: Bool { grants.allSatisfy(\.coversEverything) }

    /// The account as it acts on a record of the unit whose path (the unit, then each unit above it) is `path`: the roles
    /// granted there or above. A headmaster of school A is nobody at school B: no roles, so every check refuses.
    public func acting(at path: [ID<OrgUnit>]) -> Account {
        var narrowed = self
        narrowed.grants = grants.filter { $0.applies(at: path) }
        narrowed.roles = Set(narrowed.grants.map(\.role))
        return narrowed
    }

    /// The units under which the account holds one of `roles`: nil when one such grant covers everything (no narrowing),
    /// an empty list when it holds none of them.
    public func units(holding roles: Set<Role>) -> [ID<OrgUnit>]? {
        let held = grants.filter { roles.contains($0.role) }
        if held.contains(where: \.coversEverything) { return nil }
        return Array(Set(held.compactMap(\.unit))).sorted { $0.description < $1.description }
    }
}
