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
}
