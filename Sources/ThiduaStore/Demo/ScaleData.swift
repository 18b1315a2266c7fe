import Foundation
import Logging
import PostgresNIO
import ThiduaCore

/// Bulk data for benchmarks (`thidua demo --scale N`): N generated people, each with an approved LĐTT, Giấy khen or CSTĐ cơ sở nomination
/// in the school's movement for titles (the school year's, sql/0025) and its commendation decided in calendar 2024 (a
/// decision per thousand, dated through the year, money from the catalogue),
/// for benchmarks; and (`--pending N`) N more people each with an LĐTT nomination the council has recommended, waiting for the
/// headmaster's decision (the batch-decision benchmark). Written in bulk with SQL in one transaction: generated rows are benchmark data and are not
/// entered in the audit log one by one (one audit entry records the batch).
public struct ScaleData: Sendable {
    let client: DatabaseClient

    public init(client: DatabaseClient) { self.client = client }

    /// What was added: how many, and the first generated person code.
    public struct Added: Sendable {
        public let count: Int
        public let firstCode: String
    }

    static let families = [
        "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý",
    ]
    static let middles = ["Văn", "Thị", "Minh", "Ngọc", "Thanh", "Hữu", "Quốc", "Thu", "Kim", "Đức", "Thị Mỹ", "Hoàng"]
    static let givens = [
        "An", "Ánh", "Ân", "Bình", "Châu", "Dũng", "Đức", "Giang", "Hà", "Hải", "Hân", "Hùng", "Khoa", "Lan", "Linh", "Mai", "Nam",
        "Nga", "Phúc", "Quang", "Sơn", "Tâm", "Thảo", "Trang", "Tuấn", "Uyên", "Việt", "Yến", "Ẩn",
    ]

    /// Adds `count` people with their commendations and `pending` people with a recommended nomination on top of the demo
    /// school; `progress` hears people written so far.
    public func add(
        _ count: Int, pending: Int = 0, by actor: Actor, logger: Logger, progress: @Sendable (Int) -> Void = { _ in }
    ) async throws -> Added {
        try await client.withConnection { connection in
            try await connection.query("BEGIN", logger: logger)
            do {
                let added = try await generate(count, pending: pending, by: actor, on: connection, logger: logger, progress: progress)
                try await connection.query("COMMIT", logger: logger)
                // After a bulk load: statistics for the planner, and the rows marked visible once, here, rather than by
                // the first report that reads them.
                try await connection.query("VACUUM (ANALYZE) people, nominations, decisions, commendations", logger: logger)
                return added
            } catch {
                _ = try? await connection.query("ROLLBACK", logger: logger)
                throw error
            }
        }
    }

    private func generate(
        _ count: Int, pending: Int, by actor: Actor, on connection: PostgresConnection, logger: Logger, progress: (Int) -> Void
    ) async throws -> Added {
        let context = try await connection.query(
            """
            SELECT m.id, a.id, a.display_name, (SELECT count(*) FROM people WHERE code LIKE 'S%')::bigint
            FROM movements m, accounts a
            WHERE m.period_kind = unit_title_period_kind(m.unit_id) AND m.status = 'open' AND 'headmaster' = ANY (a.roles)
            ORDER BY m.period_year DESC, m.created_at, a.created_at LIMIT 1
            """, logger: logger
        ).collect()
        guard let row = context.first else { throw DomainError(.conflict, "Cần dữ liệu demo trước (thidua demo).") }
        let (movement, head, headName, existing) = try row.decode((UUID, UUID, String, Int).self)
        let units = try await connection.query(
            "SELECT id FROM units WHERE code IN ('THAP-K1', 'THAP-K23', 'THAP-K45', 'THAP-VP') ORDER BY code", logger: logger
        ).collect().map { try $0.decode(UUID.self) }
        let first = existing + 1
        let last = existing + count + pending
        let keys = { (names: [String]) in names.map(VietnameseText.searchKey) }
        let batch = 20_000
        var start = first
        while start <= last {
            let end = min(start + batch - 1, last)
            try await connection.query(
                """
                INSERT INTO people (unit_id, code, full_name, family_name, middle_name, given_name, position, category, search_key)
                SELECT u[1 + g % cardinality(u)], 'S' || lpad(g::text, 7, '0'),
                       f[1 + g % cardinality(f)] || ' ' || m[1 + (g / 7) % cardinality(m)] || ' ' || n[1 + (g / 3) % cardinality(n)],
                       f[1 + g % cardinality(f)], m[1 + (g / 7) % cardinality(m)], n[1 + (g / 3) % cardinality(n)], 'Giáo viên', 'VC',
                       fk[1 + g % cardinality(f)] || ' ' || mk[1 + (g / 7) % cardinality(m)] || ' ' || nk[1 + (g / 3) % cardinality(n)]
                FROM generate_series(\(start)::int, \(end)::int) AS g,
                     (SELECT \(units)::uuid[] AS u, \(Self.families)::text[] AS f, \(Self.middles)::text[] AS m, \(Self.givens)::text[] AS n,
                             \(keys(Self.families))::text[] AS fk, \(keys(Self.middles))::text[] AS mk, \(keys(Self.givens))::text[] AS nk) AS pools
                """, logger: logger)
            progress(end - first + 1)
            start = end + 1
        }
        let statements: [PostgresQuery] = [
            """
            CREATE TEMP TABLE scale_batch ON COMMIT DROP AS
            SELECT p.id AS person_id, g AS n, gen_random_uuid() AS nomination_id,
                   CASE WHEN g % 20 = 0 THEN 'CSTD_CS' WHEN g % 20 < 4 THEN 'GK' ELSE 'LDTT' END AS award_code
            FROM generate_series(\(first)::int, \(first + count - 1)::int) AS g JOIN people p ON p.code = 'S' || lpad(g::text, 7, '0')
            """,
            """
            INSERT INTO decisions (number, decision_date, signer_id, signer_name)
            SELECT 'S' || d || '/QĐ-THAP', DATE '2024-01-15' + (d % 340), \(head), \(headName)
            FROM (SELECT DISTINCT n / 1000 AS d FROM scale_batch) AS numbers
            ON CONFLICT DO NOTHING
            """,
            """
            INSERT INTO nominations (id, movement_id, award_code, nominee_person_id, achievements, status, recommendation_tally, created_by)
            SELECT nomination_id, \(movement), award_code, person_id, 'Hoàn thành tốt nhiệm vụ năm học 2023-2024', 'approved',
                   '{"agree":3,"disagree":0,"abstain":0,"members":3}'::jsonb, \(head)
            FROM scale_batch
            """,
            """
            INSERT INTO commendations (nomination_id, decision_id, award_code, movement_id, nominee_person_id,
                                       coefficient, collective_factor, base_salary, reward_amount)
            SELECT b.nomination_id, d.id, b.award_code, \(movement), b.person_id, r.coefficient, 1, s.amount,
                   ceil(r.coefficient * s.amount / 10000) * 10000
            FROM scale_batch b
            JOIN decisions d ON d.number = 'S' || (b.n / 1000) || '/QĐ-THAP'
            JOIN award_rules r ON r.award_code = b.award_code
                AND r.effective_from = (SELECT max(effective_from) FROM award_rules WHERE award_code = b.award_code AND effective_from <= d.decision_date)
            JOIN base_salaries s ON s.effective_from = (SELECT max(effective_from) FROM base_salaries WHERE effective_from <= d.decision_date)
            """,
            """
            INSERT INTO nominations (movement_id, award_code, nominee_person_id, achievements, status, recommendation_tally, created_by)
            SELECT \(movement), 'LDTT', p.id, 'Hoàn thành tốt nhiệm vụ năm học', 'recommended',
                   '{"agree":3,"disagree":0,"abstain":0,"members":3}'::jsonb, \(head)
            FROM generate_series(\(first + count)::int, \(last)::int) AS g JOIN people p ON p.code = 'S' || lpad(g::text, 7, '0')
            """,
        ]
        for statement in statements { try await connection.query(statement, logger: logger) }
        try await AuditLog.record(
            on: connection, by: actor, action: "demo.scale", entity: "demo", id: "scale", before: String?.none,
            after: ["people": count + pending, "pending": pending, "first": first, "last": last], logger: logger)
        return Added(
            count: count + pending, firstCode: "S" + String(repeating: "0", count: max(0, 7 - String(first).count)) + String(first))
    }
}
