import Foundation
import Logging
import PostgresNIO
import ThiduaCore

/// The legal documents a unit cites in every decision, after the Law and the decree and before the movements' plans
/// (sql/0028): the sector's circular, the regulations, the charter, the decision setting up its council.
public struct UnitLegalBasesRepository: Sendable {
    let client: DatabaseClient

    public init(client: DatabaseClient) { self.client = client }

    /// The unit's bases in the order they are cited (`LegalDocument.citedBefore`).
    public func bases(of unit: ID<OrgUnit>, logger: Logger) async throws -> [LegalDocument] {
        try await client.withConnection { try await Self.bases(of: unit.rawValue, on: $0, logger: logger) }
    }

    /// Replaces the unit's bases with these documents (admin, headmaster); audited. An unknown document is said by field.
    public func replace(
        _ documents: [ID<LegalDocument>], of unit: ID<OrgUnit>, by actor: Actor, logger: Logger
    ) async throws -> [LegalDocument] {
        try await client.transaction(logger: logger) { connection in
            _ = try await connection.rows("SELECT id FROM units WHERE id = \(unit) FOR UPDATE", logger: logger).required(OrgUnit.noun)
            let before = try await Self.bases(of: unit.rawValue, on: connection, logger: logger)
            let ids = documents.map(\.rawValue)
            try await connection.rows("DELETE FROM unit_legal_bases WHERE unit_id = \(unit)", logger: logger)
            try await connection.rows(
                """
                INSERT INTO unit_legal_bases (unit_id, document_id)
                SELECT \(unit), d FROM unnest(\(ids)::uuid[]) AS d ON CONFLICT DO NOTHING
                """, logger: logger)
            let after = try await Self.bases(of: unit.rawValue, on: connection, logger: logger)
            try await AuditLog.record(
                on: connection, by: actor, action: "unit.legal-bases", entity: "unit", id: unit.description,
                before: before.map(\.number), after: after.map(\.number), logger: logger)
            return after
        }
    }

    static func bases(of unit: UUID, on connection: PostgresConnection, logger: Logger) async throws -> [LegalDocument] {
        let rows = try await connection.rows(
            """
            SELECT \(unescaped: DocumentRepository.qualifiedColumns)
            FROM unit_legal_bases b JOIN legal_documents d ON d.id = b.document_id WHERE b.unit_id = \(unit)
            """, logger: logger)
        return try rows.map { try DocumentRepository.document($0).item }.sorted(by: LegalDocument.citedBefore)
    }

}
