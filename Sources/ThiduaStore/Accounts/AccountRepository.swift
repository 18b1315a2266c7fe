import Foundation
import Logging
import PostgresNIO
import ThiduaCore

/// Accounts, their roles and API tokens.
public struct AccountRepository: Sendable {
    let client: DatabaseClient

    public init(client: DatabaseClient) { self.client = client }

    /// An account and its grants, each as "role|unit|covers everything" (sql/0037).
    static let columns = """
        a.id, a.display_name, ARRAY(
            SELECT g.role || '|' || coalesce(g.unit_id::text, '') || '|' || (g.unit_id IS NULL OR g.unit_id = top_unit())::text
            FROM role_grants g WHERE g.account_id = a.id AND g.revoked_at IS NULL ORDER BY g.role, g.unit_id
        ), a.person_id, a.disabled_at IS NOT NULL
        """

    /// Creates an account and its first token; the token is returned once and never stored. Its roles are granted on
    /// `scope` (a school, a team lead's tổ), else on the top unit, in the same transaction.
    public func create(
        displayName: String, roles: Set<Role>, personId: ID<Person>?, scope: ID<OrgUnit>? = nil, by actor: Actor, logger: Logger
    ) async throws -> (account: Account, token: String) {
        let name = try Account.validatedName(displayName, roles: roles)
        return try await client.transaction(logger: logger) { connection in
            try await Self.insert(name: name, roles: roles, personId: personId, scope: scope, on: connection, by: actor, logger: logger)
        }
    }

    /// The insert (with a web sign-in name or without), its audit row and the first token, in the caller's transaction.
    static func insert(
        name: String, roles: Set<Role>, personId: ID<Person>?, login: String? = nil, scope: ID<OrgUnit>? = nil,
        on connection: PostgresConnection, by actor: Actor, logger: Logger
    ) async throws -> (account: Account, token: String) {
        let rows = try await connection.rows(
            """
            INSERT INTO accounts AS a (display_name, roles, person_id, login)
            VALUES (\(name), \(roles.sorted().map(\.rawValue)), \(personId), \(login))
            RETURNING a.id
            """, logger: logger)
        let id = ID<Account>(try rows.required("tài khoản vừa tạo").decode(UUID.self))
        // Its roles on the unit named, else the top unit (the whole registry while there is none).
        try await connection.rows(
            """
            INSERT INTO role_grants (account_id, role, unit_id, granted_by)
            SELECT \(id), r, coalesce(\(scope)::uuid, top_unit()), \(actor.accountId) FROM unnest(\(roles.sorted().map(\.rawValue))::text[]) r
            """, logger: logger)
        let account = try await Self.find(id, on: connection, logger: logger)
        try await AuditLog.record(
            on: connection, by: actor, action: "account.create", entity: "account", id: account.id.description,
            before: Account?.none, after: account, logger: logger)
        let token = try await Self.issueToken(for: account.id, on: connection, by: actor, logger: logger)
        return (account, token)
    }

    /// A new token for an existing, enabled account (earlier tokens keep working until revoked).
    public func issueToken(for id: ID<Account>, by actor: Actor, logger: Logger) async throws -> String {
        try await client.transaction(logger: logger) { connection in
            let rows = try await connection.rows(
                "SELECT a.disabled_at IS NOT NULL FROM accounts a WHERE a.id = \(id) FOR UPDATE", logger: logger)
            guard let disabled = try rows.first?.decode(Bool.self) else { throw DomainError.notFound("tài khoản") }
            guard !disabled else { throw DomainError(.conflict, "Tài khoản đã bị thu hồi; không thể cấp mã truy cập mới.") }
            return try await Self.issueToken(for: id, on: connection, by: actor, logger: logger)
        }
    }

    /// Disables the account and revokes all its tokens at once.
    public func revoke(_ id: ID<Account>, by actor: Actor, logger: Logger) async throws -> Account {
        try await client.transaction(logger: logger) { connection in
            let before = try await connection.rows(
                "SELECT \(unescaped: Self.columns) FROM accounts a WHERE a.id = \(id) FOR UPDATE", logger: logger)
            guard let row = before.first else { throw DomainError.notFound("tài khoản") }
            let current = try Self.account(row)
            let after = try await connection.rows(
                """
                UPDATE accounts AS a SET disabled_at = coalesce(disabled_at, now()) WHERE a.id = \(id)
                RETURNING \(unescaped: Self.columns)
                """, logger: logger)
            try await connection.rows(
                "UPDATE api_tokens SET revoked_at = now() WHERE account_id = \(id) AND revoked_at IS NULL", logger: logger)
            guard let updatedRow = after.first else { throw DomainError.notFound("tài khoản") }
            let updated = try Self.account(updatedRow)
            try await AuditLog.record(
                on: connection, by: actor, action: "account.revoke", entity: "account", id: id.description,
                before: current, after: updated, logger: logger)
            return updated
        }
    }

    /// Accounts by name; with `within`, only those holding a role on these units or below (an account's scope).
    public func list(within units: [ID<OrgUnit>]? = nil, logger: Logger) async throws -> [Account] {
        let rows = try await client.rows(
            """
            SELECT \(unescaped: Self.columns) FROM accounts a
            WHERE \(units)::uuid[] IS NULL OR EXISTS (
                SELECT 1 FROM role_grants g WHERE g.account_id = a.id AND g.revoked_at IS NULL
                  AND g.unit_id IN (SELECT unnest(unit_subtree(\(units)::uuid[]))))
            ORDER BY a.display_name COLLATE "vi-x-icu", a.id
            """, logger: logger)
        return try rows.map(Self.account)
    }

    /// The enabled account a token belongs to, or nil for an unknown or revoked token.
    public func authenticate(token: String, logger: Logger) async throws -> Account? {
        try await client.rows(TokenAccount(hash: APIToken.hash(token)), logger: logger).first
    }

    /// The account a live token signs in, prepared on each connection: every API request runs it.
    struct TokenAccount: PostgresPreparedStatement {
        static let name = "thidua_token_account"
        static let sql = """
            SELECT \(AccountRepository.columns) FROM api_tokens t JOIN accounts a ON a.id = t.account_id
            WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND a.disabled_at IS NULL
            """
        typealias Row = Account
        let hash: String

        func makeBindings() throws -> PostgresBindings {
            var bindings = PostgresBindings(capacity: 1)
            bindings.append(hash)
            return bindings
        }

        func decodeRow(_ row: PostgresRow) throws -> Account { try AccountRepository.account(row) }
    }

    static func issueToken(for id: ID<Account>, on connection: PostgresConnection, by actor: Actor, logger: Logger) async throws -> String {
        let token = APIToken.generate()
        try await connection.rows(
            "INSERT INTO api_tokens (account_id, token_hash) VALUES (\(id), \(APIToken.hash(token)))", logger: logger)
        try await AuditLog.record(
            on: connection, by: actor, action: "account.token", entity: "account", id: id.description,
            before: String?.none, after: "token issued", logger: logger)
        return token
    }

    static func account(_ row: PostgresRow) throws -> Account {
        let (id, name, granted, personId, disabled) = try row.decode((UUID, String, [String], UUID?, Bool).self)
        let grants = granted.compactMap { text -> Grant? in
            let parts = text.split(separator: "|", omittingEmptySubsequences: false)
            guard parts.count == 3, let role = Role(rawValue: String(parts[0])) else { return nil }
            return Grant(role: role, unit: ID<OrgUnit>(String(parts[1])), coversEverything: parts[2] == "true")
        }
        return Account(
            id: ID(id), displayName: name, roles: Set(grants.map(\.role)), grants: grants, personId: personId.map(ID.init),
            disabled: disabled)
    }
}
