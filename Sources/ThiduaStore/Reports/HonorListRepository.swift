import Foundation
import Logging
import PostgresNIO
import ThiduaCore

/// Reads the honor list in print order straight from PostgreSQL, one row at a time, so exports stream.
public struct HonorListRepository: Sendable {
    let client: DatabaseClient

    public init(client: DatabaseClient) { self.client = client }

    /// Checks the filters: an unknown unit or movement is an error, not an empty list.
    public func issuer(for request: HonorList.Request, logger: Logger) async throws -> HonorList.Issuer {
        if let movement = request.movementId {
            _ = try await MovementRepository(client: client).find(movement, logger: logger)
        }
        let rows: [PostgresRow]
        if let unit = request.unitId {
            rows = try await client.rows(
                "SELECT u.id, u.name FROM units u WHERE u.id = \(unit)",
                logger: logger)
            guard !rows.isEmpty else { throw DomainError.notFound(OrgUnit.noun) }
        } else {
            // The unit that launched the period's movements, or the topmost school.
            rows = try await client.rows(
                """
                SELECT u.id, u.name FROM units u
                WHERE u.id = coalesce(
                    (SELECT m.unit_id FROM movements m WHERE m.id = \(request.movementId)),
                    (SELECT m.unit_id FROM movements m WHERE m.starts_on <= \(request.period.endsOn)
                        AND m.ends_on >= \(request.period.startsOn) ORDER BY m.created_at LIMIT 1),
                    (SELECT id FROM units WHERE kind = 'school' ORDER BY name LIMIT 1))
                """, logger: logger)
        }
        guard let (id, name) = try rows.first?.decode((UUID, String).self) else {
            return HonorList.Issuer(unitName: "", parentName: "", place: "")
        }
        let settings = try await client.withConnection {
            try await DocumentSettingsRepository.settings(of: id, on: $0, logger: logger).0
        }
        return HonorList.Issuer(unitName: name, settings: settings)
    }

    /// Calls `each` for every line, in list order; with `limit`, for the first lines only (a page's preview: PostgreSQL
    /// then keeps only the top lines while sorting instead of sorting the whole list). A district's or a province's list
    /// (its unit above schools) comes school by school: the office's own lines first, under its name, then the schools
    /// by name (`ReportSchools`); a school's list, or the whole registry's, is read as before, with no school column
    /// (the planner's guess for the recursive scope made it sort every line of the year twice: 0.1 s → 0.2 s a school).
    public func entries(
        _ request: HonorList.Request, limit: Int? = nil, logger: Logger, _ each: (HonorList.Entry) async throws -> Void
    ) async throws {
        try await client.transaction(logger: logger) { connection in
            let grouped = try await Self.groupsBySchool(request.unitId, on: connection, logger: logger)
            let rows: PostgresRowSequence
            if grouped {
                // The same guess passes jit_above_cost on a province's list: compiling took 0.85 s of 1.2 s, the query
                // itself 0.25 s (700 schools, 54,642 lines).
                try await connection.query("SET LOCAL jit = off", logger: logger)
                rows = try await connection.send(
                    """
                    WITH RECURSIVE top(id) AS (SELECT \(request.unitId)::uuid), \(unescaped: ReportSchools.scope),
                    \(unescaped: ReportSchools.ranked)
                    SELECT \(unescaped: Self.lineColumns), sc.school_id, sc.school
                    \(unescaped: Self.lineFrom)
                    JOIN ranked sc ON sc.id = coalesce(c.nominee_unit_id, p.unit_id)
                    WHERE d.decision_date BETWEEN \(request.period.startsOn) AND \(request.period.endsOn)
                      AND (\(request.includeRevoked) OR r.commendation_id IS NULL)
                      AND (\(request.movementId)::uuid IS NULL OR c.movement_id = \(request.movementId))
                    ORDER BY sc.place, \(unescaped: Self.lineOrder)
                    LIMIT \(limit)
                    """, logger: logger)
            } else {
                rows = try await connection.send(
                    """
                    WITH RECURSIVE scope(id) AS (
                        SELECT id FROM units WHERE id = \(request.unitId)
                        UNION SELECT u.id FROM units u JOIN scope s ON u.parent_id = s.id)
                    \(unescaped: Self.lineSelect)
                    WHERE d.decision_date BETWEEN \(request.period.startsOn) AND \(request.period.endsOn)
                      AND (\(request.includeRevoked) OR r.commendation_id IS NULL)
                      AND (\(request.unitId)::uuid IS NULL OR coalesce(c.nominee_unit_id, p.unit_id) IN (SELECT id FROM scope))
                      AND (\(request.movementId)::uuid IS NULL OR c.movement_id = \(request.movementId))
                    ORDER BY \(unescaped: Self.lineOrder)
                    LIMIT \(limit)
                    """, logger: logger)
            }
            for try await row in rows { try await each(try Self.line(row)) }
        }
    }

    /// Whether a list of `unit` is grouped by school: its unit is above schools (a province, a district, a commune).
    static func groupsBySchool(_ unit: ID<OrgUnit>?, on connection: PostgresConnection, logger: Logger) async throws -> Bool {
        guard let unit else { return false }
        return try await !connection.rows(
            "SELECT 1 FROM units WHERE id = \(unit) AND kind IN \(unescaped: ReportSchools.groupingKinds)", logger: logger
        ).isEmpty
    }

    /// One printed line per commendation: the nominee, their unit, the award, the decision and any revocation.
    /// Shared with `DecisionRepository`, which prints the same lines for one decision.
    static let lineSelect = "SELECT \(lineColumns) \(lineFrom)"

    static let lineColumns = """
        c.nominee_person_id IS NULL, a.code, a.name,
               coalesce(p.full_name, nu.name), coalesce(p.position, ''), coalesce(pu.name, nup.name, ''),
               n.achievements, d.number, d.decision_date, coalesce(d.issuer, mu.name), r.reason, c.reward_amount
        """

    static let lineFrom = """
        FROM commendations c
        JOIN decisions d ON d.id = c.decision_id
        JOIN awards a ON a.code = c.award_code
        JOIN nominations n ON n.id = c.nomination_id
        JOIN movements m ON m.id = c.movement_id
        JOIN units mu ON mu.id = m.unit_id
        LEFT JOIN people p ON p.id = c.nominee_person_id
        LEFT JOIN units pu ON pu.id = p.unit_id
        LEFT JOIN units nu ON nu.id = c.nominee_unit_id
        LEFT JOIN units nup ON nup.id = nu.parent_id
        LEFT JOIN commendation_revocations r ON r.commendation_id = c.id
        """

    /// Individuals before collectives, awards by precedence, names in Vietnamese order (the columns are vi-x-icu).
    static let lineOrder =
        "c.nominee_person_id IS NULL, a.precedence, p.given_name, p.middle_name, p.family_name, nu.name, d.decision_date, c.id"

    /// The school column pair `entries` adds after the line's twelve, when the list is grouped.
    private static func school(_ cells: PostgresRandomAccessRow) throws -> HonorList.School? {
        guard cells.count > 13, let id = try cells[12].decode(UUID?.self), let name = try cells[13].decode(String?.self) else {
            return nil
        }
        return HonorList.School(id: ID(id), name: name)
    }

    /// Column by column through a random-access row: the many-column tuple decode cost more than the rest of a line.
    static func line(_ row: PostgresRow) throws -> HonorList.Entry {
        let cells = row.makeRandomAccess()
        let collective = try cells[0].decode(Bool.self)
        return HonorList.Entry(
            section: collective ? .collectives : .individuals, awardCode: try cells[1].decode(String.self),
            awardName: try cells[2].decode(String.self), name: try cells[3].decode(String.self),
            position: try cells[4].decode(String.self), unit: try cells[5].decode(String.self),
            achievements: try cells[6].decode(String.self), decisionNumber: try cells[7].decode(String.self),
            decisionDate: try cells[8].decode(LocalDate.self), decisionLevel: try cells[9].decode(String.self),
            amount: try cells[11].decode(Int?.self), revocation: try cells[10].decode(String?.self),
            school: try Self.school(cells))
    }
}
