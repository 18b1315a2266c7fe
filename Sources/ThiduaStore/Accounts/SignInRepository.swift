import Foundation
import Logging
import PostgresNIO
import ThiduaCore

/// Sign-in for the web app: logins, passwords set through one-time links, sessions kept in PostgreSQL, and the throttle
/// on failed sign-ins (`SignInRules`). Only hashes of links, passwords and session ids are stored.
public struct SignInRepository: Sendable {
    let client: DatabaseClient
    let hasher: PasswordHash

    public init(client: DatabaseClient, hasher: PasswordHash = .init()) {
        self.client = client
        self.hasher = hasher
    }

    /// A signed-in browser: the cookie's value (returned once, at sign-in), the account, and the form token bound to it.
    public struct Session: Sendable {
        public let cookie: String
        /// The signed-in account; on a page about one record, as it acts there (its roles on that record's unit).
        public var account: Account
        public let csrfToken: String
        /// The kinds of the units the account heads (a district office, a school): what its header calls the role.
        public let headOf: [UnitKind]

        /// The column of the kinds of units an account heads, read with the account (`Session.headOf`).
        static let headKindsColumn = """
            ARRAY(
                SELECT DISTINCT u.kind::text FROM role_grants g JOIN units u ON u.id = g.unit_id
                WHERE g.account_id = a.id AND g.role = 'headmaster' AND g.revoked_at IS NULL ORDER BY 1
            ) AS head_kinds
            """

        static func headKinds(in row: PostgresRow) throws -> [UnitKind] {
            try row.makeRandomAccess()["head_kinds"].decode([String].self).compactMap(UnitKind.init(rawValue:))
        }
    }

    public enum Outcome: Sendable {
        case signedIn(Session)
        /// Wrong login or password (the page does not say which).
        case refused
        /// Too many failures for this login lately: refused even with the right password.
        case throttled
    }

    static func newLink(for id: ID<Account>, on connection: PostgresConnection, logger: Logger) async throws -> String {
        let token = APIToken.generate()
        try await connection.rows("UPDATE password_links SET used_at = now() WHERE account_id = \(id) AND used_at IS NULL", logger: logger)
        try await connection.rows(
            """
            INSERT INTO password_links (token_hash, account_id, expires_at)
            VALUES (\(APIToken.hash(token)), \(id), now() + make_interval(secs => \(SignInRules.linkLifetime.seconds)))
            """, logger: logger)
        return token
    }

    /// Creates an account with a sign-in name in one transaction: its API token and a set-password link token.
    public func createAccount(
        displayName: String, roles: Set<Role>, personId: ID<Person>?, login text: String, scope: ID<OrgUnit>? = nil, by actor: Actor,
        logger: Logger
    ) async throws -> (account: Account, token: String, link: String) {
        let name = try Account.validatedName(displayName, roles: roles)
        let login = try SignInRules.login(text)
        return try await client.transaction(logger: logger) { connection in
            let (account, token) = try await AccountRepository.insert(
                name: name, roles: roles, personId: personId, login: login, scope: scope, on: connection, by: actor, logger: logger)
            return (account, token, try await Self.newLink(for: account.id, on: connection, logger: logger))
        }
    }

    /// A new set-password link for an account that has a login; earlier unused links stop working.
    public func issueLink(for id: ID<Account>, by actor: Actor, logger: Logger) async throws -> String {
        try await client.transaction(logger: logger) { connection in
            let rows = try await connection.rows(
                "SELECT login IS NOT NULL FROM accounts WHERE id = \(id) AND disabled_at IS NULL FOR UPDATE", logger: logger)
            guard let hasLogin = try rows.first?.decode(Bool.self) else { throw DomainError.notFound("tài khoản đang hoạt động") }
            guard hasLogin else {
                throw DomainError(
                    .conflict,
                    "Tài khoản này chưa có tên đăng nhập web nên không có mật khẩu để đặt; tài khoản dùng web được tạo bằng "
                        + "thidua user add … --login TÊN.")
            }
            try await AuditLog.record(
                on: connection, by: actor, action: "account.password-link", entity: "account", id: id.description,
                before: String?.none, after: String?.none, logger: logger)
            return try await Self.newLink(for: id, on: connection, logger: logger)
        }
    }

    /// Sets the password through a link, which is then used up; returns the account.
    public func setPassword(link: String, password text: String, logger: Logger) async throws -> ID<Account> {
        let password = try SignInRules.password(text)
        let hash = try hasher.make(password)
        return try await client.transaction(logger: logger) { connection in
            let rows = try await connection.rows(
                """
                UPDATE password_links l SET used_at = now()
                FROM accounts a
                WHERE l.token_hash = \(APIToken.hash(link)) AND l.used_at IS NULL AND l.expires_at > now()
                  AND a.id = l.account_id AND a.disabled_at IS NULL
                RETURNING \(unescaped: AccountRepository.columns)
                """, logger: logger)
            guard let account = try rows.first.map(AccountRepository.account) else {
                throw DomainError(.conflict, "Liên kết đặt mật khẩu không còn dùng được (đã dùng hoặc quá 72 giờ); hãy xin liên kết mới.")
            }
            let id = account.id
            try await connection.rows(
                "UPDATE accounts SET password_hash = \(hash), password_set_at = now() WHERE id = \(id)", logger: logger)
            // A new password ends the sessions signed in with the old one.
            try await connection.rows("UPDATE sessions SET ended_at = now() WHERE account_id = \(id) AND ended_at IS NULL", logger: logger)
            try await AuditLog.record(
                on: connection, by: Actor(account: account), action: "account.password-set", entity: "account",
                id: id.description, before: String?.none, after: String?.none, logger: logger)
            return id
        }
    }
}
