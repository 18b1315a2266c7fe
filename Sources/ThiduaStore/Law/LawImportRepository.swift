import Foundation
import Logging
import PostgresNIO
import ThiduaCore

/// Ratings, disciplinary measures and commendations from before thidua: each file in one transaction, all or
/// nothing; unknown people, units or awards are reported with their line numbers. Re-importing a file changes nothing.
public struct LawImportRepository: Sendable {
    let client: DatabaseClient

    public init(client: DatabaseClient) { self.client = client }

    public func importRatings(
        _ rows: [RatingImport.Row], by actor: Actor, logger: Logger, progress: @Sendable (Int) -> Void = { _ in }
    ) async throws -> ImportSummary {
        try await client.transaction(logger: logger) { connection in
            let ids = try await Self.resolve(rows.map { ($0.line, $0.owner) }, on: connection, logger: logger)
            var summary = ImportSummary()
            for (done, row) in rows.enumerated() {
                if done > 0 && done % 1000 == 0 { progress(done) }
                let id = ids[row.line]!
                let result: [PostgresRow]
                switch row.owner {
                case .person:
                    result = try await connection.rows(
                        """
                        INSERT INTO performance_ratings AS r (person_id, period_kind, period_year, rating, months_worked, initiatives,
                                                              recruited_on, maternity_months)
                        VALUES (\(id), \(row.period.kind), \(row.period.year), \(row.rating), \(row.monthsWorked),
                                \(row.initiatives), \(row.recruitedOn), \(row.maternityMonths))
                        ON CONFLICT (person_id, period_kind, period_year) DO UPDATE
                            SET rating = EXCLUDED.rating, months_worked = EXCLUDED.months_worked, initiatives = EXCLUDED.initiatives,
                                recruited_on = EXCLUDED.recruited_on, maternity_months = EXCLUDED.maternity_months, recorded_at = now()
                            WHERE (r.rating, r.months_worked, r.initiatives, r.recruited_on, r.maternity_months) IS DISTINCT FROM
                                  (EXCLUDED.rating, EXCLUDED.months_worked, EXCLUDED.initiatives, EXCLUDED.recruited_on,
                                   EXCLUDED.maternity_months)
                        RETURNING (xmax = 0)
                        """, logger: logger)
                case .unit:
                    result = try await connection.rows(
                        """
                        INSERT INTO unit_ratings AS r (unit_id, period_kind, period_year, rating)
                        VALUES (\(id), \(row.period.kind), \(row.period.year), \(row.rating))
                        ON CONFLICT (unit_id, period_kind, period_year) DO UPDATE SET rating = EXCLUDED.rating, recorded_at = now()
                            WHERE r.rating IS DISTINCT FROM EXCLUDED.rating
                        RETURNING (xmax = 0)
                        """, logger: logger)
                }
                Self.count(result, into: &summary)
            }
            try await Self.audit("import.ratings", summary, by: actor, on: connection, logger: logger)
            return summary
        }
    }

    public func importDisciplines(
        _ rows: [DisciplineImport.Row], by actor: Actor, logger: Logger, progress: @Sendable (Int) -> Void = { _ in }
    ) async throws -> ImportSummary {
        try await client.transaction(logger: logger) { connection in
            let ids = try await Self.resolve(rows.map { ($0.line, .person(code: $0.personCode)) }, on: connection, logger: logger)
            var summary = ImportSummary()
            for (done, row) in rows.enumerated() {
                if done > 0 && done % 1000 == 0 { progress(done) }
                let result = try await connection.rows(
                    """
                    INSERT INTO disciplines (person_id, measure, decided_on, decision_number)
                    VALUES (\(ids[row.line]!), \(row.measure), \(row.decidedOn), \(row.decisionNumber))
                    ON CONFLICT (person_id, measure, decided_on) DO NOTHING
                    RETURNING true
                    """, logger: logger)
                if result.isEmpty { summary.unchanged += 1 } else { summary.created += 1 }
            }
            try await Self.audit("import.disciplines", summary, by: actor, on: connection, logger: logger)
            return summary
        }
    }

    public func importCommendations(
        _ rows: [PastCommendationImport.Row], by actor: Actor, logger: Logger, progress: @Sendable (Int) -> Void = { _ in }
    ) async throws -> ImportSummary {
        try await client.transaction(logger: logger) { connection in
            let ids = try await Self.resolve(rows.map { ($0.line, $0.owner) }, on: connection, logger: logger)
            let awards = Set(
                try await connection.rows("SELECT code FROM awards", logger: logger).map { try $0.decode(String.self) })
            let unknown = rows.filter { !awards.contains($0.award) }
            if !unknown.isEmpty {
                throw ImportFailed(
                    unknown.map { ImportIssue(line: $0.line, message: "Không có khen thưởng mã \"\($0.award)\" trong danh mục.") })
            }
            var summary = ImportSummary()
            for (done, row) in rows.enumerated() {
                if done > 0 && done % 1000 == 0 { progress(done) }
                let id = ids[row.line]!
                let person: UUID? = if case .person = row.owner { id } else { nil }
                let unit: UUID? = if case .unit = row.owner { id } else { nil }
                let result = try await connection.rows(
                    """
                    INSERT INTO past_commendations AS p (person_id, unit_id, award_code, period_kind, period_year, decision_number,
                                                         decision_date, issuer, reward_amount)
                    VALUES (\(person), \(unit), \(row.award), \(row.period.kind), \(row.period.year), \(row.decisionNumber),
                            \(row.decisionDate), \(row.issuer), \(row.amount))
                    ON CONFLICT ON CONSTRAINT past_commendations_once DO UPDATE
                        SET decision_number = EXCLUDED.decision_number, decision_date = EXCLUDED.decision_date,
                            issuer = EXCLUDED.issuer, reward_amount = EXCLUDED.reward_amount, imported_at = now()
                        WHERE p.recorded_at IS NULL  -- a commendation recorded from its decision is never overwritten
                          AND (p.decision_number, p.decision_date, p.issuer, p.reward_amount) IS DISTINCT FROM
                              (EXCLUDED.decision_number, EXCLUDED.decision_date, EXCLUDED.issuer, EXCLUDED.reward_amount)
                    RETURNING (xmax = 0)
                    """, logger: logger)
                Self.count(result, into: &summary)
            }
            try await Self.audit("import.commendations", summary, by: actor, on: connection, logger: logger)
            return summary
        }
    }

    /// Person codes and unit codes to ids, by line; every unknown code is one issue.
    static func resolve(_ owners: [(Int, ImportedOwner)], on connection: PostgresConnection, logger: Logger) async throws -> [Int: UUID] {
        let personCodes = owners.compactMap { if case .person(let code) = $0.1 { code } else { nil } }
        let unitCodes = owners.compactMap { if case .unit(let code) = $0.1 { code } else { nil } }
        var people: [String: UUID] = [:]
        for row in try await connection.rows("SELECT code, id FROM people WHERE code = ANY(\(personCodes))", logger: logger) {
            let (code, id) = try row.decode((String, UUID).self)
            people[code] = id
        }
        var units: [String: UUID] = [:]
        for row in try await connection.rows("SELECT code, id FROM units WHERE code = ANY(\(unitCodes))", logger: logger) {
            let (code, id) = try row.decode((String, UUID).self)
            units[code] = id
        }
        var ids: [Int: UUID] = [:]
        var issues: [ImportIssue] = []
        for (line, owner) in owners {
            switch owner {
            case .person(let code):
                if let id = people[code] {
                    ids[line] = id
                } else {
                    issues.append(.init(line: line, message: "Không có nhân sự mã \"\(code)\"."))
                }
            case .unit(let code):
                if let id = units[code] {
                    ids[line] = id
                } else {
                    issues.append(.init(line: line, message: "Không có đơn vị mã \"\(code)\"."))
                }
            }
        }
        guard issues.isEmpty else { throw ImportFailed(issues) }
        return ids
    }

    static func count(_ result: [PostgresRow], into summary: inout ImportSummary) {
        guard let row = result.first else {
            summary.unchanged += 1
            return
        }
        if (try? row.decode(Bool.self)) == true { summary.created += 1 } else { summary.updated += 1 }
    }

    static func audit(_ action: String, _ summary: ImportSummary, by actor: Actor, on connection: PostgresConnection, logger: Logger)
        async throws
    {
        try await AuditLog.record(
            on: connection, by: actor, action: action, entity: "import", id: action, before: String?.none,
            after: ["created": summary.created, "updated": summary.updated, "unchanged": summary.unchanged], logger: logger)
    }
}
