import Foundation
import Logging
import PostgresNIO
import ThiduaCore

extension UnitRepository {
    /// Imports a units file in one transaction: all rows or none. Parents may come from the file or the database;
    /// a unit whose code exists is updated only if something differs, so re-importing a file changes nothing.
    /// With `dryRun`, everything is checked and counted exactly as for real, then rolled back.
    public func importUnits(_ rows: [UnitImport.Row], by actor: Actor, dryRun: Bool = false, logger: Logger) async throws
        -> ImportSummary
    {
        try await client.transaction(dryRun: dryRun, logger: logger) { connection in
            // Imports are rare; a table lock keeps two imports from interleaving their code look-ups.
            try await connection.query("LOCK TABLE units IN SHARE ROW EXCLUSIVE MODE", logger: logger)
            var existing: [String: OrgUnit] = [:]
            for try await row in try await connection.query("SELECT \(unescaped: Self.columns) FROM units", logger: logger) {
                let unit = try Self.unit(row)
                existing[unit.code] = unit
            }
            let fileCodes = Set(rows.map(\.draft.code))
            var issues: [ImportIssue] = []
            for row in rows {
                if let parent = row.parentCode, existing[parent] == nil, !fileCodes.contains(parent) {
                    issues.append(
                        ImportIssue(
                            line: row.line,
                            message: "Không tìm thấy đơn vị cấp trên \"\(parent)\" (không có trong tệp, cũng chưa có trong hệ thống)."))
                }
            }
            guard issues.isEmpty else { throw ImportFailed(issues) }

            var summary = ImportSummary()
            var remaining = rows
            // Parents first: each pass writes the rows whose parent is already known.
            while !remaining.isEmpty {
                let ready = remaining.filter { row in row.parentCode.map { existing[$0] != nil } ?? true }
                guard !ready.isEmpty else {
                    throw ImportFailed(
                        remaining.map {
                            ImportIssue(line: $0.line, message: "Quan hệ cấp trên tạo thành vòng lặp (đơn vị \"\($0.draft.code)\").")
                        })
                }
                for row in ready {
                    let parentId = row.parentCode.flatMap { existing[$0]?.id }
                    do {
                        if let current = existing[row.draft.code] {
                            if current.name == row.draft.name && current.kind == row.draft.kind && current.parentId == parentId {
                                summary.unchanged += 1
                            } else {
                                existing[row.draft.code] = try await Self.update(
                                    current, to: row.draft, parentId: parentId, on: connection, by: actor, logger: logger)
                                summary.updated += 1
                            }
                        } else {
                            existing[row.draft.code] = try await Self.insert(
                                row.draft, parentId: parentId, on: connection, by: actor, logger: logger)
                            summary.created += 1
                        }
                    } catch let error as DomainError {
                        throw ImportFailed([ImportIssue(line: row.line, message: error.violations.first?.message ?? error.message)])
                    }
                }
                remaining.removeAll { row in ready.contains { $0.line == row.line } }
            }
            return summary
        }
    }

    static func update(
        _ current: OrgUnit, to draft: UnitDraft, parentId: ID<OrgUnit>?, on connection: PostgresConnection, by actor: Actor, logger: Logger
    ) async throws -> OrgUnit {
        let rows = try await connection.rows(
            """
            UPDATE units SET name = \(draft.name), kind = \(draft.kind), parent_id = \(parentId),
                version = version + 1, updated_at = now()
            WHERE id = \(current.id)
            RETURNING \(unescaped: Self.columns)
            """, logger: logger)
        guard let row = rows.first else { throw DomainError.notFound(OrgUnit.noun) }
        let updated = try unit(row)
        try await AuditLog.record(
            on: connection, by: actor, action: "unit.update", entity: "unit", id: updated.id.description,
            before: current, after: updated, logger: logger)
        return updated
    }
}
