import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import ThiduaCore
import ThiduaServer
import ThiduaTestSupport

/// The demo school's file to the district (issue "The school year's paperwork", item 3): tờ trình 18/TTr-THAP of
/// 27/05/2024 with its list and the checklist of each nominee's papers and the district's answers — the golden Markdown
/// and HTML from the CLI, the same bytes from the API, the Word file; an unknown tờ trình is said.
@Suite("The file sent upward")
struct SubmissionFileGoldenTests {
    @Test("The demo's tờ trình prints as the golden file with each paper's state and the district's answer; CLI and API agree")
    func submissionFile() async throws {
        try await TestDatabase.with { database, client in
            let cli = CLIRunner(databaseURL: database.url)
            #expect(try cli.run("demo", "--force").status == 0)
            for format in ["md", "html"] {
                let printed = try cli.run("report", "submission", "--number", "18/TTr-THAP", "--year", "2024", "--format", format)
                #expect(printed.status == 0, "\(printed.stderr)")
                let file = HonorListGoldenTests.folder.appending(path: "submission-18-2024.\(format)")
                if ProcessInfo.processInfo.environment["THIDUA_UPDATE_GOLDEN"] == "1" { try Data(printed.stdout.utf8).write(to: file) }
                #expect(Data(printed.stdout.utf8) == (try Data(contentsOf: file)))
                for phrase in [
                    "Số: 18/TTr-THAP", "TỜ TRÌNH", "Tân Hồng, ngày 27 tháng 5 năm 2024",
                    "Kính gửi: Hội đồng Thi đua - Khen thưởng huyện Tân Hồng (qua Phòng Giáo dục và Đào tạo).",
                    "Căn cứ biên bản họp Hội đồng Thi đua - Khen thưởng Trường Tiểu học An Phước ngày 20/05/2024.",
                    "Chiến sĩ thi đua cơ sở: 02 cá nhân;", "Giấy khen của Chủ tịch Ủy ban nhân dân cấp huyện: 01 tập thể;",
                    "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG", "(Kèm theo Tờ trình số 18/TTr-THAP ngày 27/05/2024 của Trường Tiểu học An Phước)",
                    "Phạm Thị Lan", "Huỳnh Ngọc Ánh", "Tổ chuyên môn khối 1", "Có (viết trong thidua)",
                    "Có (họp ngày 20/05/2024)",
                    // Each CSTĐ's sáng kiến comes from the register (sql/0036), with the head's decision and its scope.
                    "Có (Câu lạc bộ Toán vui bồi dưỡng học sinh năng khiếu — Quyết định số 12/QĐ-THAP, cấp cơ sở)", "Hồ sơ đã đủ.",
                    "Được duyệt: Chiến sĩ thi đua cơ sở (số 1520/QĐ-UBND ngày 25/06/2024 của UBND huyện Tân Hồng)",
                    "Duyệt hình thức khác: Giấy khen của Chủ tịch Ủy ban nhân dân cấp huyện (số 1521/QĐ-UBND ngày 25/06/2024",
                    "Không duyệt (số 245/UBND-NV ngày 25/06/2024 của UBND huyện Tân Hồng)",
                    "Cấp trên đã trả lời 3/3: được duyệt 1, duyệt hình thức khác 1, không duyệt 1.", "HIỆU TRƯỞNG",
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
                    uri: "/v1/reports/submission?number=18%2FTTr-THAP&year=2024&format=md", method: .get, headers: Seed.headers(council)
                ) { ($0.status, String(buffer: $0.body)) }
                let printed = try cli.run("report", "submission", "--number", "18/TTr-THAP", "--year", "2024", "--format", "md")
                #expect(fromAPI.0 == .ok && fromAPI.1 == printed.stdout)
            }
            let file = FileManager.default.temporaryDirectory.appending(path: "submission-\(UUID()).docx")
            defer { try? FileManager.default.removeItem(at: file) }
            let written = try cli.run(
                "report", "submission", "--number", "18/TTr-THAP", "--year", "2024", "--format", "docx", "-o", file.path)
            #expect(written.status == 0, "\(written.stderr)")
            #expect(try Data(contentsOf: file).prefix(2) == Data("PK".utf8))

            let unknown = try cli.run("report", "submission", "--number", "99/TTr-THAP", "--year", "2024")
            #expect(unknown.status != 0 && unknown.stderr.contains("Không có tờ trình số 99/TTr-THAP năm 2024"), "\(unknown.stderr)")
            let badYear = try cli.run("report", "submission", "--number", "18/TTr-THAP", "--year", "24")
            #expect(badYear.status != 0 && badYear.stderr.contains("Năm phải là bốn chữ số"), "\(badYear.stderr)")
        }
    }

    @Test("The demo's báo cáo thành tích of Phạm Thị Lan prints as the golden report with the registry's figures; CLI and API agree")
    func achievementReport() async throws {
        try await TestDatabase.with { database, client in
            let cli = CLIRunner(databaseURL: database.url)
            #expect(try cli.run("demo", "--force").status == 0)
            let nomination = try #require(
                try await client.query(
                    """
                    SELECT n.id FROM nominations n JOIN people p ON p.id = n.nominee_person_id
                    WHERE p.code = 'AP004' AND n.award_code = 'CSTD_CS'
                    """, logger: database.logger
                ).collect().first?.decode(UUID.self)
            ).uuidString.lowercased()
            for format in ["md", "html"] {
                let printed = try cli.run(
                    "report", "achievement", "--nomination", nomination, "--date", "2024-05-25", "--format", format)
                #expect(printed.status == 0, "\(printed.stderr)")
                let file = HonorListGoldenTests.folder.appending(path: "achievement-report-AP004.\(format)")
                if ProcessInfo.processInfo.environment["THIDUA_UPDATE_GOLDEN"] == "1" { try Data(printed.stdout.utf8).write(to: file) }
                #expect(Data(printed.stdout.utf8) == (try Data(contentsOf: file)))
                for phrase in [
                    "BÁO CÁO THÀNH TÍCH", "ĐỀ NGHỊ CÔNG NHẬN DANH HIỆU CHIẾN SĨ THI ĐUA CƠ SỞ", "Tân Hồng, ngày 25 tháng 5 năm 2024",
                    "Họ và tên: Phạm Thị Lan", "Chức vụ: Tổ trưởng", "Trình độ chuyên môn: Đại học Sư phạm Giáo dục Tiểu học",
                    "Hoàn thành tốt nhiệm vụ", "2023-2024", "Lao động tiên tiến", "Quyết định số 15/QĐ-THAP ngày 24/05/2024",
                    "NGƯỜI BÁO CÁO THÀNH TÍCH", "BAN CHẤP HÀNH CÔNG ĐOÀN", "XÁC NHẬN, ĐỀ NGHỊ",
                ] {
                    #expect(printed.stdout.contains(phrase), "\(format): \(phrase)")
                }
            }
            let token = try await Seed(client: client, logger: database.logger).account(.union).token
            let app = try await buildApplication(
                ServerConfiguration(database: database.configuration, databaseDescription: "test"), logger: database.logger)
            try await app.test(.router) { api in
                let fromAPI = try await api.execute(
                    uri: "/v1/nominations/\(nomination)/achievement-report/document?format=md&date=2024-05-25", method: .get,
                    headers: Seed.headers(token)
                ) { ($0.status, String(buffer: $0.body)) }
                let printed = try cli.run(
                    "report", "achievement", "--nomination", nomination, "--date", "2024-05-25", "--format", "md")
                #expect(fromAPI.0 == .ok && fromAPI.1 == printed.stdout)
            }
            let unknown = try cli.run("report", "achievement", "--nomination", "00000000-0000-4000-8000-000000000000")
            #expect(unknown.status != 0 && unknown.stderr.contains("Không tìm thấy"), "\(unknown.stderr)")
        }
    }

    @Test("The demo's public posting of the school year's list prints as the golden notice; CLI and API agree")
    func postingNotice() async throws {
        try await TestDatabase.with { database, client in
            let cli = CLIRunner(databaseURL: database.url)
            #expect(try cli.run("demo", "--force").status == 0)
            let movement = try #require(
                try await client.query(
                    "SELECT id FROM movements WHERE period_kind = 'school_year' ORDER BY period_year LIMIT 1", logger: database.logger
                ).collect().first?.decode(UUID.self)
            ).uuidString.lowercased()
            for format in ["md", "html"] {
                let printed = try cli.run("report", "posting", "--movement", movement, "--format", format)
                #expect(printed.status == 0, "\(printed.stderr)")
                let file = HonorListGoldenTests.folder.appending(path: "posting-2023-2024.\(format)")
                if ProcessInfo.processInfo.environment["THIDUA_UPDATE_GOLDEN"] == "1" { try Data(printed.stdout.utf8).write(to: file) }
                #expect(Data(printed.stdout.utf8) == (try Data(contentsOf: file)))
                for phrase in [
                    "THÔNG BÁO", "Về việc niêm yết công khai danh sách đề nghị khen thưởng", "Tân Hồng, ngày 21 tháng 5 năm 2024",
                    "gồm 6 trường hợp", "từ ngày 21/05/2024 đến hết ngày 23/05/2024", "Bảng tin phòng giáo viên", "Phạm Thị Lan",
                    "Tập thể lao động tiên tiến", "HIỆU TRƯỞNG",
                ] {
                    #expect(printed.stdout.contains(phrase), "\(format): \(phrase)")
                }
            }
            let token = try await Seed(client: client, logger: database.logger).account(.council).token
            let app = try await buildApplication(
                ServerConfiguration(database: database.configuration, databaseDescription: "test"), logger: database.logger)
            try await app.test(.router) { api in
                let listed = try await api.execute(
                    uri: "/v1/movements/\(movement)/postings", method: .get, headers: Seed.headers(token)
                ) { (String(buffer: $0.body)) }
                #expect(listed.contains("phong trào đọc sách của tổ khối 1"), "the council reads the demo's comment")
            }
            let file = FileManager.default.temporaryDirectory.appending(path: "posting-\(UUID()).docx")
            defer { try? FileManager.default.removeItem(at: file) }
            #expect(try cli.run("report", "posting", "--movement", movement, "--format", "docx", "-o", file.path).status == 0)
            #expect(try Data(contentsOf: file).prefix(2) == Data("PK".utf8))
            let none = try cli.run("report", "posting", "--movement", "00000000-0000-4000-8000-000000000000")
            #expect(none.status != 0 && none.stderr.contains("Không tìm thấy"), "\(none.stderr)")
        }
    }
}
