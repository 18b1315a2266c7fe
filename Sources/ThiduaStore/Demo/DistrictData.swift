import Foundation
import Logging
import PostgresNIO
import ThiduaCore

/// A generated district for the scale benchmarks (`thidua demo --district N`, issue "One thidua for a whole district"):
/// N primary schools under the demo's district (its education office, Phòng Giáo dục và Đào tạo huyện Tân Hồng), each with `staff` people and `years` school years of
/// history ending with the last finished one — for every person and year a performance rating, LĐTT for nineteen in
/// twenty, CSTĐ cơ sở (on top of LĐTT, as the law asks) for one in ten, a school Giấy khen for about two in five and a
/// Biểu dương for about half, each nominated in the school's movement of that year and decided by the school's decision of 25 May, with
/// money from the catalogue. Written in bulk with SQL, a transaction per batch of schools; one audit entry per batch.
public struct DistrictData: Sendable {
    let client: DatabaseClient

    public init(client: DatabaseClient) { self.client = client }

    /// The first school year the catalogue has money for: its first base salary is from 1 July 2019, and a year's
    /// decision is dated 25 May of the year after.
    public static let firstYear = 2019

    public struct Added: Sendable {
        public let schools: Int
        public let people: Int
        public let commendations: Int
    }

    /// Adds `schools` schools; `lastYear` is the school year (its September) the history ends with.
    public func add(
        schools: Int, staff: Int = 40, years: Int, lastYear: Int, by actor: Actor, logger: Logger,
        progress: @Sendable (Int) -> Void = { _ in }
    ) async throws -> Added {
        let firstYear = lastYear - years + 1
        guard firstYear >= Self.firstYear else {
            throw DomainError.validation([
                .init(
                    field: "years",
                    message: "Danh mục có lương cơ sở từ 01/07/2019: lịch sử bắt đầu từ năm học \(Self.firstYear)-\(Self.firstYear + 1).")
            ])
        }
        let context = try await client.rows(
            """
            SELECT u.id, a.id, (SELECT count(*) FROM units WHERE code LIKE 'DS%')::bigint
            FROM units u, accounts a WHERE u.code = 'DT-TH' AND 'headmaster' = ANY (a.roles) ORDER BY a.created_at LIMIT 1
            """, logger: logger)
        guard let row = context.first else { throw DomainError(.conflict, "Cần dữ liệu demo trước (thidua demo).") }
        let (district, head, existing) = try row.decode((UUID, UUID, Int).self)
        var added = Added(schools: 0, people: 0, commendations: 0)
        let batch = 20
        var start = existing + 1
        while start <= existing + schools {
            let end = min(start + batch - 1, existing + schools)
            let (from, to) = (start, end)
            let commendations = try await client.transaction(logger: logger) { connection in
                let count = try await Self.generate(
                    schools: from...to, staff: staff, years: firstYear...lastYear, district: district, head: head, on: connection,
                    logger: logger)
                try await AuditLog.record(
                    on: connection, by: actor, action: "demo.district", entity: "demo", id: "district", before: String?.none,
                    after: [
                        "schools": "\(from)-\(to)", "staff": "\(staff)", "years": "\(firstYear)-\(lastYear)", "commendations": "\(count)",
                    ],
                    logger: logger)
                return count
            }
            added = Added(
                schools: added.schools + end - start + 1, people: added.people + (end - start + 1) * staff,
                commendations: added.commendations + commendations)
            progress(added.schools)
            start = end + 1
        }
        try await client.rows(
            "VACUUM (ANALYZE) units, people, movements, decisions, nominations, commendations, performance_ratings", logger: logger)
        return added
    }

    private static func generate(
        schools: ClosedRange<Int>, staff: Int, years: ClosedRange<Int>, district: UUID, head: UUID, on connection: PostgresConnection,
        logger: Logger
    ) async throws -> Int {
        let (first, last) = (schools.lowerBound, schools.upperBound)
        let codes = "u.code BETWEEN 'DS' || lpad(\(first)::text, 4, '0') AND 'DS' || lpad(\(last)::text, 4, '0')"
        let keys = { (names: [String]) in names.map(VietnameseText.searchKey) }
        let (families, middles, givens) = (ScaleData.families, ScaleData.middles, ScaleData.givens)
        let statements: [PostgresQuery] = [
            """
            INSERT INTO units (code, name, kind, parent_id)
            SELECT 'DS' || lpad(s::text, 4, '0'), 'Trường Tiểu học số ' || s || ' Tân Hồng', 'school', \(district)
            FROM generate_series(\(first)::int, \(last)::int) AS s
            """,
            """
            INSERT INTO people (unit_id, code, full_name, family_name, middle_name, given_name, position, category, search_key)
            SELECT u.id, u.code || '-' || lpad(i::text, 2, '0'),
                   f[1 + g % cardinality(f)] || ' ' || m[1 + (g / 7) % cardinality(m)] || ' ' || n[1 + (g / 3) % cardinality(n)],
                   f[1 + g % cardinality(f)], m[1 + (g / 7) % cardinality(m)], n[1 + (g / 3) % cardinality(n)],
                   CASE i WHEN 1 THEN 'Hiệu trưởng' WHEN 2 THEN 'Phó Hiệu trưởng' ELSE 'Giáo viên' END,
                   CASE WHEN i <= 2 THEN 'CBQL' ELSE 'VC' END,
                   fk[1 + g % cardinality(f)] || ' ' || mk[1 + (g / 7) % cardinality(m)] || ' ' || nk[1 + (g / 3) % cardinality(n)]
            FROM units u CROSS JOIN generate_series(1, \(staff)::int) AS i
                 CROSS JOIN LATERAL (SELECT substr(u.code, 3)::int * 101 + i * 13 AS g) AS seed,
                 (SELECT \(families)::text[] AS f, \(middles)::text[] AS m, \(givens)::text[] AS n,
                         \(keys(families))::text[] AS fk, \(keys(middles))::text[] AS mk, \(keys(givens))::text[] AS nk) AS pools
            WHERE \(unescaped: codes)
            """,
            """
            INSERT INTO movements (name, unit_id, period_kind, period_year, starts_on, ends_on, status)
            SELECT 'Thi đua năm học ' || y || '-' || (y + 1), u.id, 'school_year', y, make_date(y, 9, 1), make_date(y + 1, 8, 31), 'closed'
            FROM units u CROSS JOIN generate_series(\(years.lowerBound)::int, \(years.upperBound)::int) AS y
            WHERE \(unescaped: codes)
            """,
            """
            INSERT INTO decisions (number, decision_date, signer_id, signer_name)
            SELECT (20 + y % 7) || '/QĐ-' || u.code, make_date(y + 1, 5, 25), \(head),
                   (SELECT full_name FROM people WHERE code = u.code || '-01')
            FROM units u CROSS JOIN generate_series(\(years.lowerBound)::int, \(years.upperBound)::int) AS y
            WHERE \(unescaped: codes)
            """,
            """
            CREATE TEMP TABLE district_batch ON COMMIT DROP AS
            SELECT p.id AS person_id, m.id AS movement_id, d.id AS decision_id, d.decision_date, m.period_year AS y, a.award_code,
                   gen_random_uuid() AS nomination_id
            FROM units u
            JOIN people p ON p.unit_id = u.id
            JOIN movements m ON m.unit_id = u.id
            JOIN decisions d ON d.number = (20 + m.period_year % 7) || '/QĐ-' || u.code AND d.decision_date = make_date(m.period_year + 1, 5, 25)
            CROSS JOIN LATERAL (SELECT abs(hashtext(p.code || m.period_year)) AS h) AS r
            CROSS JOIN LATERAL (VALUES
                (CASE WHEN r.h % 20 < 19 THEN 'LDTT' END),
                (CASE WHEN r.h % 20 < 2 THEN 'CSTD_CS' END),
                (CASE WHEN r.h % 5 < 2 THEN 'GK' END),
                (CASE WHEN r.h % 2 = 0 THEN 'BIEU_DUONG' END)) AS a (award_code)
            WHERE \(unescaped: codes) AND a.award_code IS NOT NULL
            """,
            """
            INSERT INTO performance_ratings (person_id, period_kind, period_year, rating, months_worked)
            SELECT p.id, 'school_year', g.year, CASE WHEN a.cstd THEN 'excellent' WHEN a.ldtt THEN 'good' ELSE 'completed' END, 12
            FROM units u JOIN people p ON p.unit_id = u.id
                 CROSS JOIN generate_series(\(years.lowerBound)::int, \(years.upperBound)::int) AS g (year)
                 LEFT JOIN (SELECT person_id, y, bool_or(award_code = 'CSTD_CS') AS cstd, bool_or(award_code = 'LDTT') AS ldtt
                            FROM district_batch GROUP BY person_id, y) AS a ON a.person_id = p.id AND a.y = g.year
            WHERE \(unescaped: codes)
            """,
            """
            INSERT INTO nominations (id, movement_id, award_code, nominee_person_id, achievements, status, recommendation_tally, created_by)
            SELECT nomination_id, movement_id, award_code, person_id, 'Hoàn thành tốt nhiệm vụ năm học ' || y || '-' || (y + 1), 'approved',
                   '{"agree":5,"disagree":0,"abstain":0,"members":5}'::jsonb, \(head)
            FROM district_batch
            """,
            """
            INSERT INTO commendations (nomination_id, decision_id, award_code, movement_id, nominee_person_id,
                                       coefficient, collective_factor, base_salary, reward_amount)
            SELECT b.nomination_id, b.decision_id, b.award_code, b.movement_id, b.person_id, r.coefficient, 1, s.amount,
                   ceil(r.coefficient * s.amount / 10000) * 10000
            FROM district_batch b
            JOIN award_rules r ON r.award_code = b.award_code
                AND r.effective_from = (SELECT max(effective_from) FROM award_rules WHERE award_code = b.award_code AND effective_from <= b.decision_date)
            JOIN base_salaries s ON s.effective_from = (SELECT max(effective_from) FROM base_salaries WHERE effective_from <= b.decision_date)
            """,
        ]
        for statement in statements { try await connection.rows(statement, logger: logger) }
        return try await connection.rows("SELECT count(*)::bigint FROM district_batch", logger: logger).first?.decode(Int.self) ?? 0
    }
}
