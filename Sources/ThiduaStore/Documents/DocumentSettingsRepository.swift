import Foundation
import Logging
import PostgresNIO
import ThiduaCore

/// The văn thư's settings for the documents a unit issues (sql/0023): read with what can be derived when none are
/// saved, replaced whole with the version the clerk read (If-Match), audited.
public struct DocumentSettingsRepository: Sendable {
    let client: DatabaseClient

    public init(client: DatabaseClient) { self.client = client }

    /// The unit's settings and their version (0 while none are saved).
    public func settings(of unit: ID<OrgUnit>, logger: Logger) async throws -> (DocumentSettings, version: Int) {
        try await client.withConnection { try await Self.settings(of: unit.rawValue, on: $0, logger: logger) }
    }

    /// Saves the unit's settings. With `expectedVersion`, a clerk who read an older version is told to reload (412).
    public func save(
        _ settings: DocumentSettings, for unit: ID<OrgUnit>, expectedVersion: Int?, by actor: Actor, logger: Logger
    ) async throws -> (DocumentSettings, version: Int) {
        try await client.transaction(logger: logger) { connection in
            let (before, version) = try await Self.settings(of: unit.rawValue, on: connection, logger: logger, lock: true)
            if let expectedVersion, expectedVersion != version {
                throw DomainError(
                    .preconditionFailed,
                    "Thiết lập văn bản đã được người khác sửa (phiên bản hiện tại \(version)); hãy tải lại rồi sửa tiếp.")
            }
            try await connection.rows(
                """
                INSERT INTO document_settings AS s (unit_id, managing_agency, place, signer_position, recipients, fund, words_style)
                VALUES (\(unit), \(settings.managingAgency), \(settings.place), \(settings.signerPosition), \(settings.recipients),
                        \(settings.fund), \(settings.wordsStyle.rawValue))
                ON CONFLICT (unit_id) DO UPDATE
                    SET managing_agency = EXCLUDED.managing_agency, place = EXCLUDED.place,
                        signer_position = EXCLUDED.signer_position, recipients = EXCLUDED.recipients, fund = EXCLUDED.fund,
                        words_style = EXCLUDED.words_style, version = s.version + 1, updated_at = now()
                """, logger: logger)
            let after = try await Self.settings(of: unit.rawValue, on: connection, logger: logger)
            try await AuditLog.record(
                on: connection, by: actor, action: "unit.document-settings", entity: "unit", id: unit.description,
                before: before.saved ? before : nil, after: after.0, logger: logger)
            return after
        }
    }

    /// The settings a unit prints with: its own, or derived from its parent's name.
    static func settings(of unit: UUID, on connection: PostgresConnection, logger: Logger, lock: Bool = false) async throws
        -> (DocumentSettings, version: Int)
    {
        let rows = try await connection.rows(
            """
            SELECT coalesce(p.name, ''), u.kind, s.managing_agency, s.place, s.signer_position, s.recipients, s.fund, s.words_style,
                   coalesce(s.version, 0)
            FROM units u LEFT JOIN units p ON p.id = u.parent_id LEFT JOIN document_settings s ON s.unit_id = u.id
            WHERE u.id = \(unit)
            \(unescaped: lock ? "FOR UPDATE OF u" : "")
            """, logger: logger)
        let (parent, kind, agency, place, position, recipients, fund, style, version) = try rows.required(OrgUnit.noun).decode(
            (String, UnitKind, String?, String?, String?, [String]?, String?, String?, Int).self)
        guard let agency, let place, let position, let recipients else { return (.derived(parentName: parent, kind: kind), 0) }
        return (
            DocumentSettings(
                managingAgency: agency, place: place, signerPosition: position, recipients: recipients, fund: fund ?? "",
                wordsStyle: style.flatMap(AmountInWords.Style.init) ?? .northern),
            version
        )
    }

    /// The unit a paper is issued by (its name under its managing agency, its place) and the settings it prints with.
    static func issuer(of unit: ID<OrgUnit>, on connection: PostgresConnection, logger: Logger) async throws
        -> (HonorList.Issuer, DocumentSettings)
    {
        let name = try await connection.rows("SELECT name FROM units WHERE id = \(unit)", logger: logger).required(OrgUnit.noun)
            .decode(String.self)
        let settings = try await settings(of: unit.rawValue, on: connection, logger: logger).0
        return (HonorList.Issuer(unitName: name, settings: settings), settings)
    }
}
