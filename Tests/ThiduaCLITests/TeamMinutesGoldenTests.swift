import Foundation
import Testing
import ThiduaCore
import ThiduaTestSupport

/// The demo's tổ 1 bình xét (issue "The school year's paperwork", item 2): the golden biên bản from the CLI; a team lead
/// account scoped to the tổ; an unknown tổ creates no account; a second record of the same review is refused.
@Suite("The tổ's review minutes")
struct TeamMinutesGoldenTests {
    @Test("The demo's tổ 1 review prints as the golden biên bản; a team lead is scoped to a tổ; mistakes change nothing")
    func teamMinutes() async throws {
        try await TestDatabase.with { database, client in
            let cli = CLIRunner(databaseURL: database.url)
            #expect(try cli.run("demo", "--force").status == 0)
            let movement = try #require(
                try await client.query(
                    "SELECT id FROM movements WHERE period_kind = 'school_year' ORDER BY period_year LIMIT 1", logger: database.logger
                ).collect().first?.decode(UUID.self)
            ).uuidString.lowercased()
            for format in ["md", "html"] {
                let printed = try cli.run("report", "team-minutes", "--movement", movement, "--unit", "THAP-K1", "--format", format)
                #expect(printed.status == 0, "\(printed.stderr)")
                let file = HonorListGoldenTests.folder.appending(path: "team-minutes-2023-2024.\(format)")
                if ProcessInfo.processInfo.environment["THIDUA_UPDATE_GOLDEN"] == "1" { try Data(printed.stdout.utf8).write(to: file) }
                #expect(Data(printed.stdout.utf8) == (try Data(contentsOf: file)))
                for phrase in [
                    "BÌNH XÉT THI ĐUA, KHEN THƯỞNG", "TỔ CHUYÊN MÔN KHỐI 1 – NĂM HỌC 2023-2024", "Tân Hồng, ngày 15 tháng 5 năm 2024",
                    "Thành viên có mặt: 5/6", "Cao Thị Yến (Nghỉ ốm)", "4/5", "80,00%", "2/5", "40,00%", "Không đề nghị",
                    "Tổ thống nhất đề nghị 5/6 cá nhân", "TỔ TRƯỞNG", "Phạm Thị Lan",
                ] {
                    #expect(printed.stdout.contains(phrase), "\(format): \(phrase)")
                }
            }
            let seed = Seed(client: client, logger: database.logger)
            let accounts = try await seed.count("accounts")
            let unknown = try cli.run("user", "add", "Tổ trưởng khối 9", "--role", "team_lead", "--unit", "THAP-K9")
            #expect(unknown.status != 0 && unknown.stderr.contains("Không tìm thấy"), "\(unknown.stderr)")
            #expect(try await seed.count("accounts") == accounts)
            let added = try cli.run("user", "add", "Ngô Văn Hùng", "--role", "team_lead", "--role", "staff", "--unit", "THAP-K23")
            #expect(added.status == 0 && added.stdout.contains("staff, team_lead"), "\(added.stderr)")
            // Both roles on the tổ named; the demo's tổ trưởng of tổ 1 holds hers on her tổ too.
            #expect(
                try await seed.count("role_grants g JOIN units u ON u.id = g.unit_id WHERE g.role = 'team_lead' AND u.kind = 'collective'")
                    == 2, "the demo's tổ trưởng of tổ 1, and this one")
            let again = try cli.run(
                "team-review", "record", "--movement", movement, "--unit", "THAP-K1", "--date", "2024-05-16", "--from", "15:00", "--to",
                "16:00", "--place", "Phòng họp", "--chair", "AP004", "--secretary", "AP005", "--vote", "AP006:LDTT:4")
            #expect(again.status != 0 && again.stderr.contains("đã được ghi"), "\(again.stderr)")
            let noReason = try cli.run(
                "team-review", "record", "--movement", movement, "--unit", "THAP-K1", "--date", "2024-05-16", "--from", "15:00", "--to",
                "16:00", "--place", "Phòng họp", "--chair", "AP004", "--secretary", "AP005", "--absent", "AP029", "--vote", "AP006:LDTT:4")
            #expect(noReason.status != 0 && noReason.stderr.contains("Cần lý do vắng mặt"), "\(noReason.stderr)")
            let outsider = try cli.run(
                "team-review", "record", "--movement", movement, "--unit", "THAP-K23", "--date", "2024-05-16", "--from", "15:00", "--to",
                "16:00", "--place", "Phòng họp", "--chair", "AP009", "--secretary", "AP010", "--vote", "AP004:LDTT:4")
            #expect(outsider.status != 0 && outsider.stderr.contains("phải là thành viên của tổ"), "\(outsider.stderr)")
            #expect(try await seed.count("team_reviews") == 1)
        }
    }
}
