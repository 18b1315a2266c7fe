/// Who made a change, as written in the audit log: an account, or the command line on behalf of an operator.
public struct Actor: Equatable, Sendable {
    public let accountId: ID<Account>?
    public let name: String

    public init(account: Account) {
        self.accountId = account.id
        self.name = account.displayName
    }

    /// A change made from the command line by an operating-system user.
    public static func commandLine(user: String) -> Actor { Actor(accountId: nil, name: "cli:\(user)") }

    private init(accountId: ID<Account>?, name: String) {
        self.accountId = accountId
        self.name = name
    }
}
