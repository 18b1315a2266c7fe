import Foundation
import Logging
import PostgresNIO
import ThiduaCore

extension HonorListRepository {
    /// The list's first `limit` lines, in list order, without sorting the whole list: the awards the period has come
    /// from the per-decision tallies (sql/0019); within one award, individuals are read walking the people's name index
    /// and stop after `limit`; then the chosen lines are read in full. On 100,000 commendations the page's preview
    /// sorted every line (181 ms); this reads a few hundred. The lines are those `entries` gives first.
    /// `byUnitUpTo`: how many people a unit's list may hold and still be read by unit (the tests try both ways).
    public func firstEntries(_ request: HonorList.Request, limit: Int, byUnitUpTo few: Int = 2000, logger: Logger) async throws
        -> [HonorList.Entry]
    {
        // A district's list is grouped by school first (`entries`): its preview is read the plain way.
        let grouped = try await client.withConnection { try await Self.groupsBySchool(request.unitId, on: $0, logger: logger) }
        guard !request.includeRevoked, request.movementId == nil, !grouped else {
            var entries: [HonorList.Entry] = []
            try await self.entries(request, limit: limit, logger: logger) { entries.append($0) }
            return entries
        }
        return try await client.transaction(logger: logger) { connection in
            // Parallel workers cost more to start (15 ms on two cores) than these few-hundred-row reads take.
            try await connection.query("SET LOCAL max_parallel_workers_per_gather = 0", logger: logger)
            let (start, end) = (request.period.startsOn, request.period.endsOn)
            let scope = try await UnitRepository.subtree(request.unitId, on: connection, logger: logger)
            // A school inside a province: its 40 people are found by unit and sorted, rather than found walking the name
            // index past the province's 28,000 (17 ms an award, 3 ms the page's five awards; issue 15's DISTRICT=700).
            let fewPeople =
                try await scope.asyncMap { try await Self.people(in: $0, atMost: few, on: connection, logger: logger) } ?? false
            let groups = try await connection.rows(
                """
                SELECT t.collective, t.award_code FROM commendation_tallies t
                JOIN decisions d ON d.id = t.decision_id JOIN awards a ON a.code = t.award_code
                WHERE d.decision_date BETWEEN \(start) AND \(end)
                  AND (\(scope)::uuid[] IS NULL OR t.unit_id = ANY(\(scope)))
                GROUP BY t.collective, t.award_code, a.precedence HAVING sum(t.count) > 0
                ORDER BY t.collective, a.precedence
                """, logger: logger
            ).map { try $0.decode((Bool, String).self) }
            var ids: [UUID] = []
            for (collective, award) in groups where ids.count < limit {
                let rows =
                    collective
                    ? try await connection.rows(
                        """
                        SELECT c.id FROM commendations c JOIN units nu ON nu.id = c.nominee_unit_id
                        JOIN decisions d ON d.id = c.decision_id
                        WHERE c.award_code = \(award) AND d.decision_date BETWEEN \(start) AND \(end)
                          AND NOT EXISTS (SELECT 1 FROM commendation_revocations r WHERE r.commendation_id = c.id)
                          AND (\(scope)::uuid[] IS NULL OR nu.id = ANY(\(scope)))
                        ORDER BY nu.name, d.decision_date, c.id LIMIT \(limit - ids.count)
                        """, logger: logger)
                    : fewPeople
                        ? try await connection.rows(
                            """
                            WITH p AS MATERIALIZED (
                                SELECT id, given_name, middle_name, family_name FROM people WHERE unit_id = ANY(\(scope)))
                            SELECT c.id FROM p JOIN commendations c ON c.nominee_person_id = p.id
                            JOIN decisions d ON d.id = c.decision_id
                            WHERE c.award_code = \(award) AND d.decision_date BETWEEN \(start) AND \(end)
                              AND NOT EXISTS (SELECT 1 FROM commendation_revocations r WHERE r.commendation_id = c.id)
                            ORDER BY p.given_name, p.middle_name, p.family_name, d.decision_date, c.id LIMIT \(limit - ids.count)
                            """, logger: logger)
                        : try await connection.rows(
                            """
                            SELECT c.id FROM people p JOIN commendations c ON c.nominee_person_id = p.id
                            JOIN decisions d ON d.id = c.decision_id
                            WHERE c.award_code = \(award) AND d.decision_date BETWEEN \(start) AND \(end)
                              AND NOT EXISTS (SELECT 1 FROM commendation_revocations r WHERE r.commendation_id = c.id)
                              AND (\(scope)::uuid[] IS NULL OR p.unit_id = ANY(\(scope)))
                            ORDER BY p.given_name, p.middle_name, p.family_name, d.decision_date, c.id LIMIT \(limit - ids.count)
                            """, logger: logger)
                ids += try rows.map { try $0.decode(UUID.self) }
            }
            guard !ids.isEmpty else { return [] }
            return try await connection.rows(
                "\(unescaped: Self.lineSelect) WHERE c.id = ANY(\(ids)) ORDER BY \(unescaped: Self.lineOrder)", logger: logger
            ).map(Self.line)
        }
    }

    /// Whether the units hold at most `few` people (counting no further).
    private static func people(in units: [UUID], atMost few: Int, on connection: PostgresConnection, logger: Logger) async throws
        -> Bool
    {
        try await connection.rows(
            "SELECT count(*) <= \(few) FROM (SELECT 1 FROM people WHERE unit_id = ANY(\(units)) LIMIT \(few + 1)) s", logger: logger
        ).required("số người").decode(Bool.self)
    }
}
