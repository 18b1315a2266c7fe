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
}
