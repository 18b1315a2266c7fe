import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import ThiduaCore
import ThiduaServer
import ThiduaTestSupport

/// The demo school's registration list (issue "The school year's paperwork", item 1): filed in October 2023 in the school
/// year's movement, printed at year end beside what each registrant achieved — the golden Markdown and HTML from the CLI,
/// the same bytes from the API, the workbook and the Word file; the CLI's refusals leave nothing behind.
@Suite("The registration list")
struct RegistrationGoldenTests {
    @Test("The demo's registrations print as the golden list (registered against achieved); CLI and API agree; mistakes are said")
    func registrationList() async throws {
        try await TestDatabase.with { database, client in
            let cli = CLIRunner(databaseURL: database.url)
            #expect(try cli.run("demo", "--force").status == 0)
            let movement = try #require(
                try await client.query(
                    "SELECT id FROM movements WHERE period_kind = 'school_year' ORDER BY period_year LIMIT 1", logger: database.logger
                ).collect().first?.decode(UUID.self)
            ).uuidString.lowercased()
            for format in ["md", "html"] {
                let printed = try cli.run("report", "registrations", "--movement", movement, "--date", "2024-05-20", "--format", format)
                #expect(printed.status == 0, "\(printed.stderr)")
                let file = HonorListGoldenTests.folder.appending(path: "registrations-2023-2024.\(format)")
                if ProcessInfo.processInfo.environment["THIDUA_UPDATE_GOLDEN"] == "1" { try Data(printed.stdout.utf8).write(to: file) }
                #expect(Data(printed.stdout.utf8) == (try Data(contentsOf: file)))
                for phrase in [
                    "DANH SÁCH ĐĂNG KÝ THI ĐUA", "NĂM HỌC 2023-2024", "Tân Hồng, ngày 20 tháng 5 năm 2024", "Chiến sĩ thi đua cơ sở",
                    "Vận dụng trò chơi dân gian trong dạy học môn Toán lớp 2", "Lao động tiên tiến: 5 đăng ký, 4 đạt.",
                    "Tập thể lao động tiên tiến: 1 đăng ký, 1 đạt.", "Tổng số: 6 cá nhân, 1 tập thể đăng ký.",
                    "Đạt danh hiệu nhưng không có bản đăng ký:",
                ] {
                    #expect(printed.stdout.contains(phrase), "\(format): \(phrase)")
                }
            }
            let seed = Seed(client: client, logger: database.logger)
            let union = try await seed.account(.union).token
            let staff = try await seed.account(.staff).token
            let app = try await buildApplication(
                ServerConfiguration(database: database.configuration, databaseDescription: "test"), logger: database.logger)
            try await app.test(.router) { api in
                let path = "/v1/movements/\(movement)/registrations/document?date=2024-05-20&format=md"
                let fromAPI = try await api.execute(uri: path, method: .get, headers: Seed.headers(union)) {
                    ($0.status, String(buffer: $0.body))
                }
                let printed = try cli.run("report", "registrations", "--movement", movement, "--date", "2024-05-20", "--format", "md")
                #expect(fromAPI.0 == .ok && fromAPI.1 == printed.stdout)
                #expect(try await api.execute(uri: path, method: .get, headers: Seed.headers(staff)) { $0.status } == .forbidden)
            }
            for format in ["xlsx", "docx"] {
                let file = FileManager.default.temporaryDirectory.appending(path: "registrations-\(UUID()).\(format)")
                defer { try? FileManager.default.removeItem(at: file) }
                let written = try cli.run("report", "registrations", "--movement", movement, "--format", format, "-o", file.path)
                #expect(written.status == 0, "\(written.stderr)")
                #expect(try Data(contentsOf: file).prefix(2) == Data("PK".utf8), "\(format) is a zip package")
            }

            let before = try await seed.count("registrations")
            let again = try cli.run(
                "registration", "add", "--movement", movement, "--person", "AP004", "--title", "LDTT", "--date", "2023-10-06")
            #expect(again.status != 0 && again.stderr.contains("đã có bản đăng ký"), "\(again.stderr)")
            let wrongTitle = try cli.run(
                "registration", "add", "--movement", movement, "--unit", "THAP-K23", "--title", "LDTT", "--date", "2023-10-06")
            #expect(
                wrongTitle.status != 0 && wrongTitle.stderr.contains("Danh hiệu đăng ký phải là danh hiệu thi đua"), "\(wrongTitle.stderr)")
            let late = try cli.run(
                "registration", "add", "--movement", movement, "--person", "AP008", "--title", "LDTT", "--date", "2025-01-06")
            #expect(late.status != 0 && late.stderr.contains("Ngày đăng ký phải trong thời gian của phong trào"), "\(late.stderr)")
            #expect(try await seed.count("registrations") == before)
            let filed = try cli.run(
                "registration", "add", "--movement", movement, "--person", "AP008", "--title", "LDTT", "--date", "2023-10-06")
            #expect(filed.status == 0 && filed.stdout.contains("Đã ghi bản đăng ký"), "\(filed.stderr)")
            let listed = try cli.run("registration", "list", "--movement", movement)
            #expect(listed.stdout.split(separator: "\n").count == before + 1)
            let id = try #require(filed.stdout.split(separator: " ").dropFirst(5).first.map { String($0.dropLast()) })
            let withdrawn = try cli.run("registration", "withdraw", id)
            #expect(withdrawn.status == 0 && withdrawn.stdout.contains("Đã rút bản đăng ký"), "\(withdrawn.stderr)")
            #expect(try await seed.count("registrations") == before)
        }
    }
}
