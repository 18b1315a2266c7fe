import Foundation
import Logging
import PostgresNIO
import ThiduaCore

// The unit an account's roles apply to (sql/0031): a tổ trưởng's tổ; none means the whole registry.
extension AccountRepository {
    public func setScope(_ account: ID<Account>, unit: ID<OrgUnit>?, by actor: Actor, logger: Logger) async throws {
        try await client.transaction(logger: logger) { connection in
            try await Self.writeScope(account, unit: unit, on: connection, by: actor, logger: logger)
        }
    }

    static func writeScope(
        _ account: ID<Account>, unit: ID<OrgUnit>?, on connection: PostgresConnection, by actor: Actor, logger: Logger
    ) async throws {
        try await connection.rows("DELETE FROM account_scopes WHERE account_id = \(account)", logger: logger)
        if let unit {
            try await connection.rows("INSERT INTO account_scopes (account_id, unit_id) VALUES (\(account), \(unit))", logger: logger)
        }
        try await AuditLog.record(
            on: connection, by: actor, action: "account.scope", entity: "account", id: account.description, before: String?.none,
            after: unit?.description, logger: logger)
    }

    public func scope(of account: ID<Account>, logger: Logger) async throws -> ID<OrgUnit>? {
        try await client.rows("SELECT unit_id FROM account_scopes WHERE account_id = \(account)", logger: logger).first?.decode(
            ID<OrgUnit>.self)
    }
}
