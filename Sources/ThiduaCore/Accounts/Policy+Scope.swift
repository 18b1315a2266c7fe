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
