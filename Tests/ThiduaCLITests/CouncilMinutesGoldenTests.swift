import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import ThiduaCore
import ThiduaServer
import ThiduaTestSupport

/// The demo school's biên bản họp Hội đồng Thi đua – Khen thưởng (issue "The school year's paperwork", item 2): the
/// council set up on 06/09/2023, its meeting of 20/05/2024 on the school year's nominations — the golden Markdown and
/// HTML from the CLI, the same bytes from the API, the Word file; the CLI's refusals leave nothing behind.
@Suite("The council's minutes")
struct CouncilMinutesGoldenTests {
    @Test("The demo's council meeting prints as the golden biên bản; CLI and API agree; mistakes are said and change nothing")
    func councilMinutes() async throws {
        try await TestDatabase.with { database, client in
            let cli = CLIRunner(databaseURL: database.url)
            #expect(try cli.run("demo", "--force").status == 0)
            let movement = try #require(
                try await client.query(
                    "SELECT id FROM movements WHERE period_kind = 'school_year' ORDER BY period_year LIMIT 1", logger: database.logger
                ).collect().first?.decode(UUID.self)
            ).uuidString.lowercased()
            for format in ["md", "html"] {
                let printed = try cli.run("report", "council-minutes", "--movement", movement, "--format", format)
                #expect(printed.status == 0, "\(printed.stderr)")
                let file = HonorListGoldenTests.folder.appending(path: "council-minutes-2023-2024.\(format)")
                if ProcessInfo.processInfo.environment["THIDUA_UPDATE_GOLDEN"] == "1" { try Data(printed.stdout.utf8).write(to: file) }
                #expect(Data(printed.stdout.utf8) == (try Data(contentsOf: file)))
                for phrase in [
                    "BIÊN BẢN", "HỌP HỘI ĐỒNG THI ĐUA – KHEN THƯỞNG", "NĂM HỌC 2023-2024", "Tân Hồng, ngày 20 tháng 5 năm 2024",
                    "Quyết định số 09/QĐ-THAP ngày 06/09/2023", "Thành viên có mặt: 3/3; vắng mặt: 0.", "3/3", "100,00%",
                    "Đề nghị", "THƯ KÝ", "CHỦ TỊCH HỘI ĐỒNG", "Huỳnh Thị Thanh Tâm", "Trần Văn Minh",
                ] {
                    #expect(printed.stdout.contains(phrase), "\(format): \(phrase)")
                }
            }
            let seed = Seed(client: client, logger: database.logger)
            let council = try await seed.account(.council).token
            let app = try await buildApplication(
                ServerConfiguration(database: database.configuration, databaseDescription: "test"), logger: database.logger)
            try await app.test(.router) { api in
                let fromAPI = try await api.execute(
                    uri: "/v1/movements/\(movement)/council-meeting/minutes?format=md", method: .get, headers: Seed.headers(council)
                ) { ($0.status, String(buffer: $0.body)) }
                let printed = try cli.run("report", "council-minutes", "--movement", movement, "--format", "md")
                #expect(fromAPI.0 == .ok && fromAPI.1 == printed.stdout)
            }
            let file = FileManager.default.temporaryDirectory.appending(path: "minutes-\(UUID()).docx")
            defer { try? FileManager.default.removeItem(at: file) }
            let written = try cli.run("report", "council-minutes", "--movement", movement, "--format", "docx", "-o", file.path)
            #expect(written.status == 0, "\(written.stderr)")
            #expect(try Data(contentsOf: file).prefix(2) == Data("PK".utf8))

            let shown = try cli.run("council", "show", "--period", "2023-2024")
            #expect(shown.status == 0 && shown.stdout.contains("Trần Văn Minh\tHiệu trưởng\tChủ tịch Hội đồng"), "\(shown.stdout)")
            let again = try cli.run(
                "council", "create", "--period", "2023-2024", "--decision", "10/QĐ-THAP", "--date", "2023-09-07", "--chair", "AP001",
                "--secretary", "AP027", "--member", "AP002")
            #expect(again.status != 0 && again.stderr.contains("đã được ghi"), "\(again.stderr)")
            let unknown = try cli.run(
                "council", "create", "--period", "2024", "--decision", "11/QĐ-THAP", "--date", "2024-01-07", "--chair", "AP001",
                "--secretary", "XX999", "--member", "AP002")
            #expect(unknown.status != 0 && unknown.stderr.contains("Không tìm thấy cá nhân mã \"XX999\""), "\(unknown.stderr)")
            let meeting = try cli.run(
                "council", "meeting", "--movement", movement, "--date", "2024-05-21", "--from", "14:00", "--to", "15:00", "--place",
                "Phòng họp", "--chair", "AP001", "--secretary", "AP027")
            #expect(meeting.status != 0 && meeting.stderr.contains("đã được ghi"), "\(meeting.stderr)")
            let nomination = try #require(
                try await client.query(
                    "SELECT id FROM nominations WHERE movement_id = \(UUID(uuidString: movement)!) AND award_code = 'LDTT' LIMIT 1",
                    logger: database.logger
                ).collect().first?.decode(UUID.self))
            let ballot = try cli.run(
                "council", "ballot", "--movement", movement, "--nomination", nomination.uuidString, "--issued", "3", "--returned", "3",
                "--valid", "3", "--agree", "3")
            #expect(ballot.status != 0 && ballot.stderr.contains("biểu quyết công khai"), "\(ballot.stderr)")
            #expect(try await seed.count("councils") == 1)
            #expect(try await seed.count("council_meetings") == 1)
            #expect(try await seed.count("council_ballots") == 2, "the demo's two CSTĐ ballots, nothing more")
        }
    }
}
