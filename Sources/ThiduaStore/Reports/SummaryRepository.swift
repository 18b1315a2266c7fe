import Foundation
import Logging
import PostgresNIO
import ThiduaCore

/// The year summary: movements whose period overlaps the requested one, and commendations decided within it
/// (revoked ones left out), optionally for one unit and the units under it. A district's or a province's counts by unit
/// are by school (`ReportSchools`), and a movement of a unit below is named with its unit ("Thi đua năm học 2025-2026
/// (Trường Tiểu học số 1 Tân Hồng)").
public struct SummaryRepository: Sendable {
    let client: DatabaseClient

    public init(client: DatabaseClient) { self.client = client }

    public func summary(_ period: Period, unit: ID<OrgUnit>?, logger: Logger) async throws -> YearSummary {
        let issuer = try await HonorListRepository(client: client).issuer(
            for: HonorList.Request(period: period, unitId: unit), logger: logger)
        return try await client.transaction(logger: logger) { connection in
            // As the honor list (HonorListRepository.entries): a province's counts are cheap, compiling them is not.
            try await connection.query("SET LOCAL jit = off", logger: logger)
            let start = period.startsOn.description
            let end = period.endsOn.description
            let scope = try await UnitRepository.subtree(unit, on: connection, logger: logger)
            var movements: [YearSummary.MovementLine] = []
            let movementRows = try await connection.rows(
                """
                SELECT m.id, CASE WHEN m.unit_id <> \(unit) THEN m.name || ' (' || u.name || ')' ELSE m.name END,
                       m.period_kind, m.period_year, m.status
                FROM movements m JOIN units u ON u.id = m.unit_id
                WHERE m.starts_on <= \(end)::date AND m.ends_on >= \(start)::date
                  AND (\(scope)::uuid[] IS NULL OR m.unit_id = ANY(\(scope)))
                ORDER BY m.starts_on, m.unit_id <> \(unit), u.name, m.name
                """, logger: logger)
            for row in movementRows {
                let (id, name, kind, year, status) = try row.decode((UUID, String, String, Int, String).self)
                let fields = try await connection.rows(
                    """
                    SELECT f.name, count(mi.id)::bigint, count(mi.id) FILTER (WHERE mi.status = 'recognized')::bigint
                    FROM model_fields f LEFT JOIN model_initiatives mi ON mi.field_code = f.code AND mi.movement_id = \(id)
                        AND mi.status <> 'withdrawn'
                    GROUP BY f.code, f.name ORDER BY f.code
                    """, logger: logger
                ).map { row in
                    let (field, registered, recognized) = try row.decode((String, Int, Int).self)
                    return YearSummary.FieldCount(field: field, registered: registered, recognized: recognized)
                }
                let levels = try await connection.rows(
                    """
                    SELECT recognition_level, count(*)::bigint FROM model_initiatives
                    WHERE movement_id = \(id) AND status = 'recognized' GROUP BY recognition_level ORDER BY recognition_level
                    """, logger: logger
                ).map { row in
                    let (level, count) = try row.decode((String, Int).self)
                    return YearSummary.Count(label: ModelInitiative.Recognition.vietnamese(level), count: count)
                }
                let statuses = try await connection.rows(
                    "SELECT status, count FROM nomination_tallies WHERE movement_id = \(id) AND count > 0", logger: logger
                ).map { row in try row.decode((String, Int).self) }
                let byStatus = NominationStatus.allCases.compactMap { status in
                    statuses.first { $0.0 == status.rawValue }.map { YearSummary.Count(label: status.vietnameseName, count: $0.1) }
                }
                movements.append(
                    .init(
                        name: name, period: Period(kindCode: kind, year: year)?.label ?? "\(year)",
                        status: MovementStatus(rawValue: status)?.vietnameseName ?? status,
                        modelsRegistered: fields.map(\.registered).reduce(0, +),
                        modelsRecognized: fields.map(\.recognized).reduce(0, +), modelsByField: fields, recognizedByLevel: levels,
                        nominationsByStatus: byStatus))
            }
            // The period's counts per award and unit, summed from the per-decision tallies the database keeps
            // (sql/0019): a few hundred rows where counting the commendations read 100,000 on a large school.
            var byAward: [(precedence: Int, tally: YearSummary.Tally)] = []
            var byUnit: [YearSummary.Tally] = []
            let rows = try await connection.rows(
                """
                WITH RECURSIVE top(id) AS (SELECT \(unit)::uuid), \(unescaped: ReportSchools.scope),
                tallies AS (
                    SELECT t.award_code, t.unit_id, sum(t.count)::bigint AS count, sum(t.amount)::bigint AS amount
                    FROM commendation_tallies t JOIN decisions d ON d.id = t.decision_id
                    WHERE d.decision_date BETWEEN \(start)::date AND \(end)::date
                      AND (\(scope)::uuid[] IS NULL OR t.unit_id = ANY(\(scope)))
                    GROUP BY 1, 2 HAVING sum(t.count) > 0)
                SELECT t.award_code, a.name, a.precedence, coalesce(sc.school, u.name), t.count, t.amount
                FROM tallies t JOIN awards a ON a.code = t.award_code JOIN units u ON u.id = t.unit_id
                LEFT JOIN scope sc ON sc.id = t.unit_id
                ORDER BY sc.inside, coalesce(sc.school, u.name) COLLATE "vi-x-icu", coalesce(sc.school_id, u.id), a.precedence
                """, logger: logger)
            for row in rows {
                let (code, awardName, precedence, unitName, count, amount) = try row.decode((String, String, Int, String, Int, Int).self)
                func adding(_ tally: YearSummary.Tally?, code: String, label: String) -> YearSummary.Tally {
                    YearSummary.Tally(code: code, label: label, count: (tally?.count ?? 0) + count, amount: (tally?.amount ?? 0) + amount)
                }
                if let index = byAward.firstIndex(where: { $0.tally.code == code }) {
                    byAward[index].tally = adding(byAward[index].tally, code: code, label: awardName)
                } else {
                    byAward.append((precedence, adding(nil, code: code, label: awardName)))
                }
                if byUnit.last?.code == unitName {
                    byUnit[byUnit.count - 1] = adding(byUnit.last, code: unitName, label: unitName)
                } else {
                    byUnit.append(adding(nil, code: unitName, label: unitName))
                }
            }
            return YearSummary(
                period: period, unit: issuer.unitName, movements: movements,
                byAward: byAward.sorted { $0.precedence < $1.precedence }.map(\.tally), byUnit: byUnit)
        }
    }
}
