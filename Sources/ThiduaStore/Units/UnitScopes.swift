import Foundation
import Logging
import PostgresNIO
import ThiduaCore

/// Where records sit among the units (sql/0037): the path of units a record belongs to, for scoped roles.
public struct UnitScopes: Sendable {
    let client: DatabaseClient

    public init(client: DatabaseClient) { self.client = client }

    /// The unit of the record (`entity` as the audit log names it: "nomination", "person"…) and every unit above it, the
    /// record's own first; empty when the record is not there.
    public func path(ofRecord entity: String, id: UUID, logger: Logger) async throws -> [ID<OrgUnit>] {
        let rows = try await client.rows("SELECT unit_path(record_unit(\(entity), \(id)))", logger: logger)
        return try rows.first?.decode([UUID]?.self)?.map(ID.init) ?? []
    }

    /// The account as it acts on a record (`Account.acting(at:)` on the record's unit path): unchanged, without a look-up,
    /// when its grants reach everything; nil when the record is not there (whoever reads it says so in their own words).
    public func account(_ account: Account, actingOn entity: String, id: UUID, logger: Logger) async throws -> Account? {
        if account.coversEverything { return account }
        let path = try await path(ofRecord: entity, id: id, logger: logger)
        return path.isEmpty ? nil : account.acting(at: path)
    }

    /// The unit a report covers: the one asked for by code, else the account's own when its roles are scoped (nil: the
    /// whole registry, for an account whose grants reach everything). A unit outside the account's units is not found
    /// (`Policy.reportUnit`); an unknown code too.
    public func reportUnit(code: String?, for account: Account, to action: Policy.Action, logger: Logger) async throws
        -> ID<OrgUnit>?
    {
        let asked = try await code.asyncMap { try await UnitRepository(client: client).find(code: $0, logger: logger).id }
        guard !account.coversEverything else { return asked }
        let path = try await asked.asyncMap { try await self.path(ofRecord: "unit", id: $0.rawValue, logger: logger) } ?? []
        return try Policy.reportUnit(asked: asked, path: path, as: account, for: action)
    }

    /// The units an account may choose for a report: those it holds `action` on and every unit below, collectives (tổ)
    /// left out, by name; every school, district and province when its grants reach everything.
    public func reportUnits(for account: Account, to action: Policy.Action, logger: Logger) async throws -> [OrgUnit] {
        let within = Policy.units(for: action, account)
        let rows = try await client.rows(
            """
            SELECT \(unescaped: UnitRepository.columns) FROM units
            WHERE kind <> 'collective'
              AND (\(within)::uuid[] IS NULL OR id IN (SELECT unnest(unit_subtree(\(within)::uuid[]))))
            ORDER BY kind <> 'province', kind <> 'district', name, id
            LIMIT 2000
            """, logger: logger)
        return try rows.map(UnitRepository.unit)
    }
}
