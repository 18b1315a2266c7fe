/// Rules for an account scoped to a unit (sql/0031, `account_scopes`): today a team lead's tổ; none means the whole school.
extension Policy {
    /// Who records a tổ's bình xét: an admin, or a team lead whose account is scoped to that tổ (or to no unit).
    public static func requireTeamReview(of unit: ID<OrgUnit>, as account: Account, scope: ID<OrgUnit>?) throws(DomainError) {
        try require(account, .recordTeamReview)
        if account.has(.admin) { return }
        if let scope, scope != unit {
            throw DomainError.forbidden("Tài khoản này là tổ trưởng của tổ khác; chỉ ghi bình xét của tổ mình.")
        }
    }

    /// Who reads a tổ's bình xét: the registry's roles every tổ's, a team lead their own.
    public static func requireReadTeamReview(of unit: ID<OrgUnit>, as account: Account, scope: ID<OrgUnit>?) throws(DomainError) {
        if can(account, .readRegistry) { return }
        try requireTeamReview(of: unit, as: account, scope: scope)
    }
}

/// Rules for roles granted on units (sql/0037): what lists and reports a scoped account reads.
extension Policy {
    /// The units an account's lists of `action`'s records are narrowed to (each with the units below); nil when its
    /// grants for that action reach everything.
    public static func units(for action: Action, _ account: Account) -> [ID<OrgUnit>]? {
        account.units(holding: roles(allowedTo: action))
    }

    /// The unit a report is made for. Asked for a unit (whose path is `path`, the unit first): that unit, if the account
    /// may `action` there, else not found. Asked for none: the whole registry for an account whose grants for `action`
    /// reach everything, else the one unit it holds them on (with several, it must choose).
    public static func reportUnit(
        asked: ID<OrgUnit>?, path: [ID<OrgUnit>], as account: Account, for action: Action = .readRegistry
    ) throws(DomainError) -> ID<OrgUnit>? {
        if let asked {
            guard can(account.acting(at: path), action) else { throw DomainError.notFound("đơn vị") }
            return asked
        }
        guard let units = units(for: action, account) else { return nil }
        guard units.count == 1 else {
            throw DomainError.rule(field: "unit", "Tài khoản được giao nhiều đơn vị; hãy chọn đơn vị cho báo cáo (unit=mã đơn vị).")
        }
        return units[0]
    }
}

/// An office an account holds: a role and the units it holds it on itself, not below (nil: the whole registry). A queue of
/// work for an office holds what that role's holders on those units answer for — a school's head the school's, a
/// district's head what the schools send up, not each school's own (sql/0037, `responsible_unit`).
public struct Office: Equatable, Sendable {
    public let role: Role
    public let units: [ID<OrgUnit>]?

    public init?(_ role: Role, of account: Account) {
        let held = account.grants.filter { $0.role == role }
        guard !held.isEmpty, !account.disabled else { return nil }
        self.role = role
        self.units = held.contains { $0.unit == nil } ? nil : Array(Set(held.compactMap(\.unit))).sorted { $0.description < $1.description }
    }
}
