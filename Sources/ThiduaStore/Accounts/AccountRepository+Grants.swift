import Foundation
import Logging
import PostgresNIO
import ThiduaCore

// Roles granted on units (sql/0037): a role applies to its unit and every unit below. The database refuses a grant or a
// revocation by an account that is not an admin of that unit or above (role_grants_by_admin).
extension AccountRepository {
    /// Grants `role` on `unit` (nil: the top unit). Granting a role the account already holds there changes nothing.
    public func grant(_ role: Role, on unit: ID<OrgUnit>?, to account: ID<Account>, by actor: Actor, logger: Logger) async throws
        -> Account
    {
        try await client.transaction(logger: logger) { connection in
            let before = try await Self.find(account, on: connection, logger: logger)
            try await connection.rows(
                """
                INSERT INTO role_grants (account_id, role, unit_id, granted_by)
                VALUES (\(account), \(role.rawValue), coalesce(\(unit)::uuid, top_unit()), \(actor.accountId))
                ON CONFLICT DO NOTHING
                """, logger: logger)
            let after = try await Self.find(account, on: connection, logger: logger)
            if after.grants != before.grants {
                try await AuditLog.record(
                    on: connection, by: actor, action: "account.grant", entity: "account", id: account.description,
                    before: before.grants, after: after.grants, logger: logger)
            }
            return after
        }
    }

    /// Revokes `role` on `unit` (nil: the top unit, or the whole registry for a role given before any unit existed); the
    /// grant stays as history. An account keeps at least one role.
    public func revoke(_ role: Role, on unit: ID<OrgUnit>?, from account: ID<Account>, by actor: Actor, logger: Logger) async throws
        -> Account
    {
        try await client.transaction(logger: logger) { connection in
            let before = try await Self.find(account, on: connection, logger: logger)
            let revoked = try await connection.rows(
                """
                UPDATE role_grants SET revoked_at = now(), revoked_by = \(actor.accountId)
                WHERE account_id = \(account) AND role = \(role.rawValue) AND revoked_at IS NULL
                  AND (unit_id IS NOT DISTINCT FROM coalesce(\(unit)::uuid, top_unit()) OR (\(unit)::uuid IS NULL AND unit_id IS NULL))
                RETURNING id
                """, logger: logger)
            guard !revoked.isEmpty else {
                throw DomainError.notFound("vai trò \(role.rawValue) của tài khoản này tại đơn vị đã chọn")
            }
            let after = try await Self.find(account, on: connection, logger: logger)
            try await AuditLog.record(
                on: connection, by: actor, action: "account.revoke-role", entity: "account", id: account.description,
                before: before.grants, after: after.grants, logger: logger)
            return after
        }
    }

    /// The tổ (or other unit) a team lead's account is limited to; nil when its roles reach the whole registry.
    public func scope(of account: ID<Account>, logger: Logger) async throws -> ID<OrgUnit>? {
        try await client.rows(
            """
            SELECT unit_id FROM role_grants
            WHERE account_id = \(account) AND revoked_at IS NULL AND unit_id IS NOT NULL AND unit_id IS DISTINCT FROM top_unit()
            ORDER BY role = 'team_lead' DESC, granted_at LIMIT 1
            """, logger: logger
        ).first?.decode(ID<OrgUnit>.self)
    }

    static func find(_ id: ID<Account>, on connection: PostgresConnection, logger: Logger) async throws -> Account {
        let rows = try await connection.rows("SELECT \(unescaped: columns) FROM accounts a WHERE a.id = \(id)", logger: logger)
        guard let row = rows.first else { throw DomainError.notFound("tài khoản") }
        return try account(row)
    }

    /// An account by id, with its grants.
    public func find(_ id: ID<Account>, logger: Logger) async throws -> Account {
        try await client.withConnection { try await Self.find(id, on: $0, logger: logger) }
    }
}
