/// "Staff see only their own": the one place that decides what an account may read in the registry.
///
/// Registry roles (admin, headmaster, council, union) read everything. An account that holds only the staff role reads
/// what concerns the person it is linked to: their models, nominations, commendations, evidence and lifetime record.
/// A staff account linked to no person reads nothing. Anything else is answered as if it did not exist (404), so an
/// id reveals nothing about records that are not yours.
public enum ReadScope: Equatable, Sendable {
    case everything
    case own(ID<Person>)
    case nothing

    /// The person a list must be narrowed to; nil when the scope is everything or nothing.
    public var person: ID<Person>? {
        if case .own(let person) = self { person } else { nil }
    }
}

extension Policy {
    /// What this account may read in the registry (models, nominations, commendations, evidence, records).
    public static func readScope(_ account: Account) -> ReadScope {
        if can(account, .readRegistry) { return .everything }
        guard !account.disabled, let person = account.personId else { return .nothing }
        return .own(person)
    }

    /// Whether the account may read a record owned by `owner` (a person or a collective).
    public static func canRead(_ owner: Owner, as account: Account) -> Bool {
        switch readScope(account) {
        case .everything: true
        case .own(let person): owner.personId == person
        case .nothing: false
        }
    }

    /// Whether the account may add evidence to a model owned by `owner`: the union and admins to any model, a person to
    /// the models they lead themselves (not to their unit's).
    public static func canAddEvidence(toModelOwnedBy owner: Owner, as account: Account) -> Bool {
        if can(account, .registerModel) { return true }
        guard !account.disabled, let person = account.personId else { return false }
        return owner.personId == person
    }

    /// Whether the account may write the báo cáo thành tích of a nomination of `nominee`: the union and admins for anyone,
    /// a person their own.
    public static func canWriteAchievementReport(for nominee: Owner, as account: Account) -> Bool {
        if can(account, .nominate) { return true }
        guard canWriteAchievementReports(account), let person = account.personId else { return false }
        return nominee.personId == person
    }

    /// Whether the account writes any báo cáo thành tích at all (checked before the nomination is looked up): the union,
    /// admins, and teachers for their own.
    public static func canWriteAchievementReports(_ account: Account) -> Bool {
        can(account, .nominate) || (!account.disabled && account.roles.contains(.staff))
    }

    /// Throws `notFound(what)` when the account may not read the record: "not yours" looks like "not there".
    public static func requireRead(_ owner: Owner, as account: Account, what: String) throws(DomainError) {
        guard canRead(owner, as: account) else { throw DomainError.notFound(what) }
    }
}

extension Policy {
    /// Who files or withdraws a registration (đăng ký thi đua) for `owner`: the union and admins for anyone, a person
    /// for themselves (a tổ's registration goes through the union until tổ trưởng is a role).
    public static func canRegister(_ owner: Owner, as account: Account) -> Bool {
        if can(account, .nominate) { return true }
        guard !account.disabled, let person = account.personId else { return false }
        return owner.personId == person
    }

    /// Throws `forbidden` when the account may not file or withdraw this registration.
    public static func requireRegister(_ owner: Owner, as account: Account) throws(DomainError) {
        guard canRegister(owner, as: account) else {
            throw DomainError.forbidden("Chỉ công đoàn, quản trị hoặc chính người đăng ký mới được ghi hay rút bản đăng ký thi đua này.")
        }
    }
}
