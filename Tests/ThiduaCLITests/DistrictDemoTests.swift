import Foundation
import PostgresNIO
import Testing
import ThiduaCore
import ThiduaTestSupport

/// `thidua demo --district N` (issue "One thidua for a whole district", at scale): generated schools with years of
/// history that the registry's own rules accept, for the district benchmarks.
@Suite("District demo data")
struct DistrictDemoTests {
    @Test(
        "demo --district 2 --years 2: two schools under the district's office, 40 people each, a rating a person a year, CSTĐ only with LĐTT, money from the catalogue; the district's honor list lists both schools"
    )
    func district() async throws {
        try await TestDatabase.with { database, client in
            let cli = CLIRunner(databaseURL: database.url)
            let seed = Seed(client: client, logger: database.logger)
            #expect(try cli.run("demo", "--force").status == 0)
            let added = try cli.run("demo", "--force", "--district", "2", "--years", "2")
            #expect(added.status == 0, "\(added.stderr)")
            #expect(added.stdout.contains("Đã thêm 2 trường thuộc Phòng Giáo dục và Đào tạo huyện Tân Hồng"))

            func number(_ sql: String) async throws -> Int {
                for try await value in try await client.query(PostgresQuery(unsafeSQL: sql), logger: database.logger).decode(Int.self) {
                    return value
                }
                return -1
            }
            #expect(
                try await number(
                    "SELECT count(*)::bigint FROM units u JOIN units d ON d.id = u.parent_id WHERE d.code = 'DT-TH' AND u.code LIKE 'DS%'")
                    == 2)
            #expect(try await number("SELECT count(*)::bigint FROM people WHERE code LIKE 'DS%'") == 80)
            #expect(
                try await number(
                    "SELECT count(*)::bigint FROM performance_ratings r JOIN people p ON p.id = r.person_id WHERE p.code LIKE 'DS%'") == 160
            )
            let twice = """
                SELECT count(*)::bigint FROM (SELECT c.nominee_person_id, c.award_code, m.period_year FROM commendations c
                JOIN movements m ON m.id = c.movement_id GROUP BY 1, 2, 3 HAVING count(*) > 1) AS twice
                """
            #expect(try await number(twice) == 0, "no award twice a person a year")
            let cstdWithoutLdtt = """
                SELECT count(*)::bigint FROM commendations c WHERE c.award_code = 'CSTD_CS' AND NOT EXISTS (
                SELECT 1 FROM commendations l WHERE l.award_code = 'LDTT' AND l.nominee_person_id = c.nominee_person_id
                AND l.movement_id = c.movement_id)
                """
            #expect(try await number(cstdWithoutLdtt) == 0, "CSTĐ cơ sở only with LĐTT the same year")
            let withoutMoney = """
                SELECT count(*)::bigint FROM commendations c JOIN people p ON p.id = c.nominee_person_id
                WHERE p.code LIKE 'DS%' AND c.award_code <> 'BIEU_DUONG' AND c.reward_amount <= 0
                """
            #expect(try await number(withoutMoney) == 0)
            let generated = try await number(
                "SELECT count(*)::bigint FROM commendations c JOIN people p ON p.id = c.nominee_person_id WHERE p.code LIKE 'DS%'")
            #expect(generated > 160, "a title for most, a Giấy khen or a Biểu dương for many")
            #expect(try await seed.count("audit_log") > 0)

            let list = try cli.run("report", "honor-list", "--school-year", "2025-2026", "--unit", "DT-TH", "--format", "csv")
            #expect(list.status == 0)
            #expect(list.stdout.contains("Trường Tiểu học số 1 Tân Hồng") && list.stdout.contains("Trường Tiểu học số 2 Tân Hồng"))
            #expect(list.stdout.contains("/QĐ-DS0001, 25/05/2026"))

            let tooLong = try cli.run("demo", "--force", "--district", "1", "--years", "9")
            #expect(tooLong.status != 0)
            #expect(tooLong.stderr.contains("the catalogue has money from the school year 2019-2020"))
        }
    }
}
