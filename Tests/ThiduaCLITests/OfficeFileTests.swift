import Foundation
import Testing
import ThiduaCore
import ThiduaServer
import ThiduaTestSupport

/// The files a clerk opens (issue "Documents"): the decision and the reward receipt list as Word documents, converted by
/// LibreOffice (the program a school's office uses; `scripts/setup --browser` installs it) and read back as text, and
/// the receipt list as a workbook read back by openpyxl. A broken package fails here.
@Suite("Office files: DOCX through LibreOffice, the receipt list's workbook")
struct OfficeFileTests {
    /// The text LibreOffice prints from each file, whitespace collapsed (table cells wrap).
    static func textThroughLibreOffice(_ files: [URL], in folder: URL) throws -> [String] {
        // A profile of its own: two conversions at once would fight over one.
        let profile = folder.appending(path: "profile")
        let converted = try Program.run(
            "/usr/bin/env",
            ["soffice", "-env:UserInstallation=file://\(profile.path)", "--headless", "--convert-to", "pdf", "--outdir", folder.path]
                + files.map(\.path), errorsToo: true)
        #expect(converted.status == 0, "LibreOffice (soffice, from scripts/setup --browser) must convert: \(converted.text)")
        return try files.map { file in
            let pdf = folder.appending(path: file.deletingPathExtension().lastPathComponent + ".pdf")
            let text = try Program.run("/usr/bin/env", ["pdftotext", pdf.path, "-"])
            #expect(text.status == 0, "pdftotext (poppler-utils) must read \(pdf.lastPathComponent)")
            return text.text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
    }

    @Test("The demo's decisions and receipt list as DOCX open in LibreOffice with their text: header, KT. signature, words, names")
    func docxOpenInLibreOffice() async throws {
        try await TestDatabase.with { database, client in
            let cli = CLIRunner(databaseURL: database.url)
            #expect(try cli.run("demo", "--force").status == 0)
            let folder = FileManager.default.temporaryDirectory.appending(path: "thidua-docx-\(UUID().uuidString.prefix(8))")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let files = [
                "quyet-dinh-15", "quyet-dinh-45", "ky-nhan-15", "thu-hoi-03", "dang-ky", "bien-ban-hoi-dong", "to-trinh-18",
                "bao-cao-thanh-tich",
            ].map {
                folder.appending(path: "\($0).docx")
            }
            #expect(try cli.run("report", "decision", "15/QĐ-THAP", "--format", "docx", "-o", files[0].path).status == 0)
            #expect(try cli.run("report", "decision", "45/QĐ-THAP", "--format", "docx", "-o", files[1].path).status == 0)
            #expect(try cli.run("report", "rewards", "15/QĐ-THAP", "--format", "docx", "-o", files[2].path).status == 0)
            #expect(try cli.run("report", "revocation", "03/QĐ-THAP", "--format", "docx", "-o", files[3].path).status == 0)
            let movement = try await client.query(
                "SELECT id FROM movements WHERE period_kind = 'school_year' LIMIT 1", logger: database.logger
            ).collect().first?.decode(UUID.self).uuidString.lowercased()
            let registrations = try cli.run(
                "report", "registrations", "--movement", movement ?? "", "--date", "2024-05-20", "--format", "docx", "-o", files[4].path)
            #expect(registrations.status == 0, "\(registrations.stderr)")
            let minutes = try cli.run("report", "council-minutes", "--movement", movement ?? "", "--format", "docx", "-o", files[5].path)
            #expect(minutes.status == 0, "\(minutes.stderr)")
            let submission = try cli.run(
                "report", "submission", "--number", "18/TTr-THAP", "--year", "2024", "--format", "docx", "-o", files[6].path)
            #expect(submission.status == 0, "\(submission.stderr)")
            let reported = try await client.query(
                """
                SELECT n.id FROM nominations n JOIN people p ON p.id = n.nominee_person_id
                WHERE p.code = 'AP004' AND n.award_code = 'CSTD_CS'
                """, logger: database.logger
            ).collect().first?.decode(UUID.self).uuidString.lowercased()
            let report = try cli.run(
                "report", "achievement", "--nomination", reported ?? "", "--date", "2024-05-25", "--format", "docx", "-o", files[7].path)
            #expect(report.status == 0, "\(report.stderr)")
            let texts = try Self.textThroughLibreOffice(files, in: folder)
            guard texts.count == 8 else { return }
            for phrase in [
                "PHÒNG GD&ĐT HUYỆN TÂN HỒNG", "TRƯỜNG TIỂU HỌC AN PHƯỚC", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 15/QĐ-THAP",
                "Tân Hồng, ngày 24 tháng 5 năm 2024", "Về việc công nhận danh hiệu thi đua năm học 2023 - 2024",
                "Căn cứ Nghị định số 98/2023/NĐ-CP", "Điều 1.", "Bằng chữ: Bốn triệu một trăm bốn mươi nghìn đồng", "Nơi nhận:",
                "HIỆU TRƯỞNG", "Trần Văn Minh", "DANH SÁCH CÁ NHÂN, TẬP THỂ ĐƯỢC CÔNG NHẬN DANH HIỆU THI ĐUA", "Võ Thị Lan",
            ] {
                #expect(texts[0].contains(phrase), "decision 15: \(phrase)")
            }
            for phrase in ["Số: 45/QĐ-THAP", "Về việc tặng Giấy khen", "KT. HIỆU TRƯỞNG", "PHÓ HIỆU TRƯỞNG", "Nguyễn Thị Ngọc Hân"] {
                #expect(texts[1].contains(phrase), "decision 45: \(phrase)")
            }
            for phrase in [
                "DANH SÁCH KÝ NHẬN TIỀN THƯỞNG", "(Kèm theo Quyết định số 15/QĐ-THAP ngày 24/05/2024", "Ký nhận", "Đặng Văn An",
                "540.000", "Tổng cộng: 06 người nhận, 4.140.000 đồng", "KẾ TOÁN",
            ] {
                #expect(texts[2].contains(phrase), "receipt list 15: \(phrase)")
            }
            for phrase in [
                "Số: 03/QĐ-THAP", "Về việc hủy bỏ Quyết định khen thưởng số 45/QĐ-THAP", "Lý do: Phát hiện vi phạm", "Bằng chữ:",
            ] {
                #expect(texts[3].contains(phrase), "revocation 03: \(phrase)")
            }
            for phrase in [
                "DANH SÁCH ĐĂNG KÝ THI ĐUA", "NĂM HỌC 2023-2024", "Tân Hồng, ngày 20 tháng 5 năm 2024", "I. CÁ NHÂN", "II. TẬP THỂ",
                "Vận dụng trò chơi dân gian", "Lao động tiên tiến: 5 đăng ký, 4 đạt.", "NGƯỜI LẬP DANH SÁCH",
            ] {
                #expect(texts[4].contains(phrase), "registration list: \(phrase)")
            }
            for phrase in [
                "BIÊN BẢN", "HỌP HỘI ĐỒNG THI ĐUA – KHEN THƯỞNG", "Tân Hồng, ngày 20 tháng 5 năm 2024", "Thành viên có mặt: 3/3",
                "Kết quả biểu quyết", "100,00%", "Đề nghị", "THƯ KÝ", "CHỦ TỊCH HỘI ĐỒNG", "Huỳnh Thị Thanh Tâm",
            ] {
                #expect(texts[5].contains(phrase), "council minutes: \(phrase)")
            }
            for phrase in [
                "Số: 18/TTr-THAP", "TỜ TRÌNH", "Kính gửi: Hội đồng Thi đua - Khen thưởng huyện Tân Hồng", "02 cá nhân", "Nơi nhận:",
                "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG", "I. CHIẾN SĨ THI ĐUA CƠ SỞ", "Phạm Thị Lan", "THEO DÕI HỒ SƠ VÀ KẾT QUẢ",
                "bồi dưỡng học sinh năng khiếu", "Hồ sơ đã đủ.",
                "Cấp trên đã trả lời 3/3",
            ] {
                #expect(texts[6].contains(phrase), "tờ trình 18: \(phrase)")
            }
            for phrase in [
                "BÁO CÁO THÀNH TÍCH", "ĐỀ NGHỊ CÔNG NHẬN DANH HIỆU CHIẾN SĨ THI ĐUA CƠ SỞ", "Họ và tên: Phạm Thị Lan",
                "I. SƠ LƯỢC LÝ LỊCH", "II. THÀNH TÍCH ĐẠT ĐƯỢC", "Lao động tiên tiến", "NGƯỜI BÁO CÁO THÀNH TÍCH",
            ] {
                #expect(texts[7].contains(phrase), "báo cáo thành tích: \(phrase)")
            }
        }
    }

    @Test(
        "The receipt list: HTML as the golden file (CLI and API alike); the workbook has money as numbers, a SUM and the header on every page; revoked lines are not paid"
    )
    func receiptList() async throws {
        try await TestDatabase.with { database, client in
            let cli = CLIRunner(databaseURL: database.url)
            #expect(try cli.run("demo", "--force").status == 0)
            let html = try cli.run("report", "rewards", "15/QĐ-THAP")
            #expect(html.status == 0, "\(html.stderr)")
            let golden = HonorListGoldenTests.folder.appending(path: "rewards-15.html")
            if ProcessInfo.processInfo.environment["THIDUA_UPDATE_GOLDEN"] == "1" { try Data(html.stdout.utf8).write(to: golden) }
            #expect(Data(html.stdout.utf8) == (try Data(contentsOf: golden)))
            let token = try await Seed(client: client, logger: database.logger).account(.staff).token
            let id = try await client.query("SELECT id FROM decisions WHERE number = '15/QĐ-THAP'", logger: database.logger).collect()
                .first?.decode(UUID.self)
            let app = try await buildApplication(
                ServerConfiguration(database: database.configuration, databaseDescription: "test"), logger: database.logger)
            try await app.test(.router) { api in
                let fromAPI = try await api.execute(
                    uri: "/v1/decisions/\(try #require(id).uuidString.lowercased())/rewards", method: .get, headers: Seed.headers(token)
                ) { Data($0.body.readableBytesView) }
                #expect(fromAPI == Data(html.stdout.utf8))
            }

            let folder = FileManager.default.temporaryDirectory.appending(path: "thidua-rewards-\(UUID().uuidString.prefix(8))")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let file = folder.appending(path: "ky-nhan-45.xlsx")
            #expect(try cli.run("report", "rewards", "45/QĐ-THAP", "--format", "xlsx", "-o", file.path).status == 0)
            let read = try Program.python(
                """
                import json, sys, openpyxl
                ws = openpyxl.load_workbook(sys.argv[1]).active
                rows = [[v for v in row] for row in ws.iter_rows(values_only=True)]
                print(json.dumps({"rows": rows, "format": ws["F4"].number_format, "titles": ws.print_title_rows,
                                  "paper": ws.page_setup.paperSize}, ensure_ascii=False))
                """, [file.path], failure: "openpyxl must read the receipt list")
            let rows = read["rows"]?.array ?? []
            // 45/QĐ-THAP gave two Giấy khen; the person's was revoked since: only the collective is paid.
            #expect(rows.count > 4)
            if rows.count > 4 {
                #expect(rows[3].array?[1].string == "Tổ chuyên môn khối 1")
                #expect(rows[3].array?[2].string == "Đại diện tập thể ký nhận")
                #expect(rows[3].array?[5].number == 1_410_000)
                #expect(rows[4].array?[5].string == "=SUM(F4:F4)")
            }
            #expect(rows.contains { $0.array?.first?.string == "Không chi 01 khen thưởng đã bị thu hồi sau khi quyết định được ký." })
            #expect(read["format"]?.string == "#,##0")
            #expect(read["titles"]?.string == "$3:$3")
            #expect(read["paper"]?.number == 9)
        }
    }
}
