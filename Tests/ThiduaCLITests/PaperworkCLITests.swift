import Foundation
import Testing
import ThiduaCore
import ThiduaStore
import ThiduaTestSupport

/// The sáng kiến register and the union's and sector's commendations from the command line (issue "The school year's
/// paperwork", items 5 and 6): each step prints what it recorded, a mistake fails with a message and records nothing.
@Suite("Initiatives and outside commendations from the command line")
struct PaperworkCLITests {
    static func teacher(_ client: DatabaseClient, _ database: TestDatabase) async throws -> Person {
        let seed = Seed(client: client, logger: database.logger)
        let school = try await seed.unit()
        let team = try await seed.unit("THAP-K1", name: "Tổ chuyên môn khối 1", kind: .collective, parent: school.id)
        let draft = try PersonDraft.validate(fullName: "Phạm Thị Lan", position: "Tổ trưởng", category: "VC", code: "AP004").get()
        return try await PersonRepository(client: client).create(draft, unitId: team.id, by: seed.actor, logger: database.logger)
    }

    @Test("initiative add, apply, score, recognize (cơ sở, then huyện), list; out of order and a bad scope fail")
    func initiatives() async throws {
        try await TestDatabase.with { database, client in
            _ = try await Self.teacher(client, database)
            let cli = CLIRunner(databaseURL: database.url)
            let added = try cli.run(
                "initiative", "add", "--person", "AP004", "--title", "Dạy đọc trơn qua trò chơi", "--period", "2023-2024", "--date",
                "2023-10-05")
            #expect(added.status == 0, "\(added.stderr)")
            #expect(added.stdout.contains("\"Dạy đọc trơn qua trò chơi\" của Phạm Thị Lan, năm học 2023-2024"))
            let found = try #require(
                added.stdout.range(of: "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", options: .regularExpression))
            let id = String(added.stdout[found])
            let early = try cli.run("initiative", "score", id, "--score", "80", "--passed")
            #expect(early.status != 0 && early.stderr.contains("Hội đồng sáng kiến chỉ chấm sáng kiến đã nộp đơn"), "\(early.stderr)")
            #expect(try cli.run("initiative", "apply", id, "--description", "Trò chơi ghép vần", "--date", "2024-03-15").status == 0)
            let scored = try cli.run("initiative", "score", id, "--score", "88", "--passed", "--date", "2024-04-25")
            #expect(scored.stdout.contains("88/100, đạt"), "\(scored.stderr)")
            let scope = try cli.run("initiative", "recognize", id, "--scope", "school", "--number", "12/QĐ-THAP", "--date", "2024-05-10")
            #expect(scope.status != 0 && scope.stderr.contains("Phạm vi là unit"))
            let unit = try cli.run("initiative", "recognize", id, "--scope", "unit", "--number", "12/QĐ-THAP", "--date", "2024-05-10")
            #expect(unit.status == 0 && unit.stdout.contains("được công nhận cấp cơ sở"), "\(unit.stderr)")
            let district = try cli.run(
                "initiative", "recognize", id, "--scope", "district", "--number", "88/QĐ-UBND", "--date", "2024-06-01", "--issuer",
                "Chủ tịch UBND huyện Tân Hồng")
            #expect(district.stdout.contains("được công nhận cấp huyện"), "\(district.stderr)")
            let listed = try cli.run("initiative", "list", "--period", "2023-2024")
            #expect(
                listed.stdout.contains(
                    "Phạm Thị Lan\tDạy đọc trơn qua trò chơi\t2023-2024\tđược công nhận\t88/100\tcấp huyện\t88/QĐ-UBND ngày 01/06/2024"))
        }
    }

    @Test("outside add records the union's Giấy khen with the catalogue's money; a state award fails and records nothing")
    func outside() async throws {
        try await TestDatabase.with { database, client in
            _ = try await Self.teacher(client, database)
            let cli = CLIRunner(databaseURL: database.url)
            let state = try cli.run(
                "outside", "add", "--award", "LDTT", "--person", "AP004", "--period", "2023-2024", "--number", "1/QĐ", "--date",
                "2024-07-15")
            #expect(state.status != 0 && state.stderr.contains("là khen thưởng của Nhà nước"), "\(state.stderr)")
            #expect(try await Seed(client: client, logger: database.logger).count("past_commendations") == 0)
            let added = try cli.run(
                "outside", "add", "--award", "CDGD_GK", "--person", "AP004", "--period", "2023-2024", "--number", "28/QĐ-CĐGD", "--date",
                "2024-07-15")
            #expect(added.status == 0, "\(added.stderr)")
            #expect(added.stdout.contains("tiền thưởng 300.000 đ"))
            let listed = try cli.run("outside", "list", "--period", "2023-2024")
            #expect(
                listed.stdout.contains(
                    "Phạm Thị Lan\tTổ chuyên môn khối 1\tGiấy khen của Công đoàn Giáo dục huyện\t2023-2024\tthường xuyên"))
            #expect(try cli.run("outside", "list", "--period", "2024-2025").stdout.contains("Chưa có khen thưởng nào"))
        }
    }
}
