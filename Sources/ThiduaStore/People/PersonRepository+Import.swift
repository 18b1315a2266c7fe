import Foundation
import Logging
import PostgresNIO
import ThiduaCore

extension PersonRepository {
    /// Imports a people file in one transaction: all rows or none. A row matches an existing person by `code`,
    /// or else by full name within the unit; a match is updated only if something differs.
    /// `progress` hears the number of rows done every 1,000 rows. With `dryRun`, everything is checked and counted
    /// exactly as for real, then rolled back: the preview of the pages' "Xem trước khi nhập".
    public func importPeople(
        _ rows: [PersonImport.Row], by actor: Actor, dryRun: Bool = false, logger: Logger, progress: @Sendable (Int) -> Void = { _ in }
    ) async throws -> ImportSummary {
        try await client.transaction(dryRun: dryRun, logger: logger) { connection in
            try await connection.query("LOCK TABLE people IN SHARE ROW EXCLUSIVE MODE", logger: logger)
            var unitIds: [String: ID<OrgUnit>] = [:]
            for try await (id, code) in try await connection.query("SELECT id, code FROM units", logger: logger).decode((UUID, String).self)
            {
                unitIds[code] = ID(id)
            }
            var byCode: [String: Person] = [:]
            var byUnitAndName: [String: [Person]] = [:]
            for try await row in try await connection.query("SELECT \(unescaped: Self.columns) FROM people", logger: logger) {
                let person = try Self.person(row)
                if let code = person.code { byCode[code] = person }
                byUnitAndName["\(person.unitId)|\(person.name.full)", default: []].append(person)
            }

            var issues: [ImportIssue] = []
            var summary = ImportSummary()
            for (done, row) in rows.enumerated() {
                if done > 0 && done % 1000 == 0 { progress(done) }
                guard let unitId = unitIds[row.unitCode] else {
                    issues.append(
                        ImportIssue(
                            line: row.line,
                            message: "Không tìm thấy đơn vị \"\(row.unitCode)\"; hãy nhập đơn vị trước (thidua import units)."))
                    continue
                }
                let candidates = byUnitAndName["\(unitId)|\(row.draft.name.full)"] ?? []
                let match: Person?
                if let code = row.draft.code {
                    match = byCode[code]
                } else if candidates.count > 1 {
                    issues.append(
                        ImportIssue(
                            line: row.line,
                            message:
                                "Có \(candidates.count) người tên \"\(row.draft.name.full)\" trong đơn vị \(row.unitCode); hãy thêm cột code (mã nhân sự) để phân biệt."
                        ))
                    continue
                } else {
                    match = candidates.first
                }
                guard issues.isEmpty else { continue }  // the file will be refused: stop writing, keep checking
                do {
                    if let current = match {
                        let same =
                            current.unitId == unitId && current.name == row.draft.name && current.position == row.draft.position
                            && current.category == row.draft.category && current.code == row.draft.code
                        if same {
                            summary.unchanged += 1
                        } else {
                            _ = try await Self.update(current, to: row.draft, unitId: unitId, on: connection, by: actor, logger: logger)
                            summary.updated += 1
                        }
                    } else {
                        _ = try await Self.insert(row.draft, unitId: unitId, on: connection, by: actor, logger: logger)
                        summary.created += 1
                    }
                } catch let error as DomainError {
                    issues.append(ImportIssue(line: row.line, message: error.violations.first?.message ?? error.message))
                }
            }
            guard issues.isEmpty else { throw ImportFailed(issues) }
            return summary
        }
    }
}
