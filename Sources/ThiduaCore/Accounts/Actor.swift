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

    /// A failed sign-in to the web app: no account is known to have acted (the login may not exist).
    public static let signInPage = Actor(accountId: nil, name: "web:sign-in")

    private init(accountId: ID<Account>?, name: String) {
        self.accountId = accountId
        self.name = name
    }
}
