import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import ThiduaCore
import ThiduaServer
import ThiduaStore
import ThiduaTestSupport

/// The demo school's honor lists in every format, checked in under Golden/ and reviewed by eye.
/// Run with THIDUA_UPDATE_GOLDEN=1 to rewrite them after an intended change.
@Suite("Honor list golden files")
struct HonorListGoldenTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appending(path: "Golden")
    /// Each period with the date the clerk prints on it (today by default: fixed here so the files stay the same).
    static let cases: [(period: String, flag: String, query: String, printed: String)] = [
        ("2024", "--year", "year", "2024-12-31"), ("2023-2024", "--school-year", "schoolYear", "2024-08-31"),
    ]

    @Test("CLI and API give the golden bytes for every format of the demo data")
    func goldenFiles() async throws {
        try await TestDatabase.with { database, client in
            let cli = CLIRunner(databaseURL: database.url)
            #expect(try cli.run("demo", "--force").status == 0)
            let token = try await Seed(client: client, logger: database.logger).account(.staff).token
            let app = try await buildApplication(
                ServerConfiguration(database: database.configuration, databaseDescription: "test"), logger: database.logger)
            try await app.test(.router) { api in
                for (period, flag, query, printed) in Self.cases {
                    for format in ["csv", "md", "json", "html"] {
                        let file = Self.folder.appending(path: "honor-list-\(period).\(format)")
                        let fromCLI = try cli.run("report", "honor-list", flag, period, "--date", printed, "--format", format)
                        #expect(fromCLI.status == 0, "\(fromCLI.stderr)")
                        let cliBytes = Data(fromCLI.stdout.utf8)
                        if ProcessInfo.processInfo.environment["THIDUA_UPDATE_GOLDEN"] == "1" {
                            try cliBytes.write(to: file)
                        }
                        let golden = try Data(contentsOf: file)
                        #expect(cliBytes == golden, "\(file.lastPathComponent) differs from the CLI's output")
                        let apiBytes = try await api.execute(
                            uri: "/v1/reports/honor-list?\(query)=\(period)&date=\(printed)&format=\(format)", method: .get,
                            headers: Seed.headers(token)
                        ) { response in
                            #expect(response.status == .ok)
                            return Data(response.body.readableBytesView)
                        }
                        #expect(apiBytes == cliBytes, "API and CLI differ for \(period).\(format)")
                    }
                }
            }
        }
    }

    @Test("The demo's decision 15/QĐ-THAP prints as the golden HTML and Markdown, from the CLI and the API alike")
    func decisionDocument() async throws {
        try await TestDatabase.with { database, client in
            let cli = CLIRunner(databaseURL: database.url)
            #expect(try cli.run("demo", "--force").status == 0)
            let token = try await Seed(client: client, logger: database.logger).account(.staff).token
            let id = try await client.query("SELECT id FROM decisions WHERE number = '15/QĐ-THAP'", logger: database.logger).collect()
                .first?.decode(UUID.self)
            let app = try await buildApplication(
                ServerConfiguration(database: database.configuration, databaseDescription: "test"), logger: database.logger)
            try await app.test(.router) { api in
                // 15/QĐ-THAP: titles of the school year with money, signed by the headmaster. 45/QĐ-THAP: Giấy khen, one
                // revoked since, signed by the deputy on the headmaster's behalf (KT.).
                for format in ["html", "md"] {
                    let other = try cli.run("report", "decision", "45/QĐ-THAP", "--format", format)
                    let otherFile = Self.folder.appending(path: "decision-45.\(format)")
                    if ProcessInfo.processInfo.environment["THIDUA_UPDATE_GOLDEN"] == "1" {
                        try Data(other.stdout.utf8).write(to: otherFile)
                    }
                    #expect(Data(other.stdout.utf8) == (try Data(contentsOf: otherFile)))
                    let printed = try cli.run("report", "decision", "15/QĐ-THAP", "--format", format)
                    #expect(printed.status == 0, "\(printed.stderr)")
                    let file = Self.folder.appending(path: "decision-15.\(format)")
                    if ProcessInfo.processInfo.environment["THIDUA_UPDATE_GOLDEN"] == "1" { try Data(printed.stdout.utf8).write(to: file) }
                    #expect(Data(printed.stdout.utf8) == (try Data(contentsOf: file)))
                    // The override the demo records (treatment after an accident at work) stays with the nomination, off the
                    // decision (F4).
                    #expect(!printed.stdout.contains("tai nạn lao động"))
                    let fromAPI = try await api.execute(
                        uri: "/v1/decisions/\(try #require(id).uuidString.lowercased())/document?format=\(format)", method: .get,
                        headers: Seed.headers(token)
                    ) { Data($0.body.readableBytesView) }
                    #expect(fromAPI == Data(printed.stdout.utf8))
                }
                #expect(try cli.run("report", "decision", "99/QĐ-KHONG", "--format", "md").status != 0)
                // Numbers restart each year: --year picks the year's decision, and a year without it is said so.
                let inYear = try cli.run("report", "decision", "15/QĐ-THAP", "--year", "2024", "--format", "md")
                #expect(Data(inYear.stdout.utf8) == (try Data(contentsOf: Self.folder.appending(path: "decision-15.md"))))
                let otherYear = try cli.run("report", "decision", "15/QĐ-THAP", "--year", "2023", "--format", "md")
                #expect(otherYear.status != 0 && otherYear.stderr.contains("quyết định \"15/QĐ-THAP\" năm 2023"), "\(otherYear.stderr)")
            }
        }
    }

    @Test("The movement report lists the demo's models with owners, evidence, scores and outcomes, from CLI and API alike")
    func movementReport() async throws {
        try await TestDatabase.with { database, client in
            let cli = CLIRunner(databaseURL: database.url)
            #expect(try cli.run("demo", "--force").status == 0)
            let token = try await Seed(client: client, logger: database.logger).account(.union).token
            let id = try #require(
                try await client.query("SELECT id FROM movements WHERE name LIKE '%Dân vận khéo%'", logger: database.logger)
                    .collect().first?.decode(UUID.self)
            ).uuidString.lowercased()
            let printed = try cli.run("report", "movement", id, "--format", "md")
            #expect(printed.status == 0, "\(printed.stderr)")
            let file = Self.folder.appending(path: "movement-dan-van-kheo.md")
            if ProcessInfo.processInfo.environment["THIDUA_UPDATE_GOLDEN"] == "1" { try Data(printed.stdout.utf8).write(to: file) }
            #expect(Data(printed.stdout.utf8) == (try Data(contentsOf: file)))
            #expect(
                printed.stdout.contains(
                    "| 1 | Mô hình \"Dân vận khéo\" vận động học sinh ra lớp, chống bỏ học | Văn hóa – xã hội | Tổ chuyên môn khối 1 | 2 |")
            )
            #expect(printed.stdout.contains("Công nhận cấp trường (44/QĐ-THAP, 18/12/2024)"))
            let app = try await buildApplication(
                ServerConfiguration(database: database.configuration, databaseDescription: "test"), logger: database.logger)
            try await app.test(.router) { api in
                let fromAPI = try await api.execute(
                    uri: "/v1/reports/movements/\(id)?format=md", method: .get, headers: Seed.headers(token)
                ) { Data($0.body.readableBytesView) }
                #expect(fromAPI == Data(printed.stdout.utf8))
            }
        }
    }

    @Test("XLSX: a real workbook read back cell by cell with openpyxl equals the CSV list; header styled and frozen; money as numbers")
    func xlsxReadBack() async throws {
        try await TestDatabase.with { database, client in
            let cli = CLIRunner(databaseURL: database.url)
            #expect(try cli.run("demo", "--force").status == 0)
            let folder = FileManager.default.temporaryDirectory.appending(path: "thidua-xlsx-\(UUID().uuidString.prefix(8))")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let file = folder.appending(path: "danh-sach.xlsx")
            let written = try cli.run("report", "honor-list", "--year", "2024", "--include-revoked", "--format", "xlsx", "-o", file.path)
            #expect(written.status == 0, "\(written.stderr)")
            let csv = try cli.run("report", "honor-list", "--year", "2024", "--include-revoked", "--format", "csv")

            let script = """
                import json, sys, openpyxl
                wb = openpyxl.load_workbook(sys.argv[1])
                ws = wb.active
                rows = [["" if v is None else v for v in row] for row in ws.iter_rows(values_only=True)]
                money = [ws.cell(row=r, column=8).number_format for r in range(1, ws.max_row + 1) if isinstance(ws.cell(row=r, column=8).value, int)]
                print(json.dumps({"rows": rows, "freeze": ws.freeze_panes, "bold": ws["B2"].font.b, "fill": ws["B2"].fill.fgColor.rgb,
                                  "money": money, "width": ws.column_dimensions["E"].width, "title": ws.title,
                                  "print": [ws.page_setup.paperSize, ws.page_setup.orientation, ws.sheet_properties.pageSetUpPr.fitToPage,
                                            ws.page_setup.fitToWidth, ws.page_setup.fitToHeight, ws.print_title_rows]}, ensure_ascii=False))
                """
            let read = try Program.python(
                script, [file.path], failure: "openpyxl must read the workbook (python3-openpyxl comes from scripts/setup)")
            #expect(read["freeze"]?.string == "A3")
            #expect(read["bold"] == .bool(true))
            #expect(read["fill"]?.string == "FFD9D9D9")
            #expect(read["title"]?.string == "Danh sách khen thưởng")
            #expect(read["width"]?.number == 48)
            #expect(read["money"]?.array?.allSatisfy { $0.string == "#,##0" } == true)
            // Printed: A4 landscape, every column on one page wide (the money column fell onto a page of its own), as many
            // pages tall as it takes, the header row on every page.
            let print = read["print"]?.array ?? []
            #expect(print.count == 6)
            if print.count == 6 {
                #expect(print[0].number == 9 && print[1].string == "landscape" && print[2] == .bool(true))
                #expect(print[3].number == 1 && print[4].number == 0)
                #expect(print[5].string == "$2:$2")
            }

            // Every cell's text equals the CSV's; money is a number in both (the workbook shows it as #,##0, the CSV
            // writes bare digits that any spreadsheet locale reads as a number).
            let records = try CSVReader.records(try CSVReader.decode(Data(csv.stdout.utf8))).map(\.fields)
            let rows = read["rows"]?.array ?? []
            #expect(rows.count == records.count)
            for (row, record) in zip(rows, records) {
                let cells = (row.array ?? []).enumerated().map { column, value -> String in
                    if let number = value.number { return String(Int(number)) }
                    return value.string ?? ""
                }
                let expected = record + Array(repeating: "", count: max(0, cells.count - record.count))
                #expect(cells == expected)
            }
            #expect(rows.contains { $0.array?.contains(.string("Phan Thanh Đức")) == true })

            // The API gives the same bytes (entries carry a fixed date, so a workbook is reproducible). Revoked lines are
            // for the registry roles (F4), so the clerk's office asks as the headmaster.
            let token = try await Seed(client: client, logger: database.logger).account(.headmaster).token
            let app = try await buildApplication(
                ServerConfiguration(database: database.configuration, databaseDescription: "test"), logger: database.logger)
            try await app.test(.router) { api in
                let fromAPI = try await api.execute(
                    uri: "/v1/reports/honor-list?year=2024&includeRevoked=true&format=xlsx", method: .get, headers: Seed.headers(token)
                ) { response in
                    #expect(response.headers[.contentType] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                    return Data(response.body.readableBytesView)
                }
                #expect(fromAPI == (try Data(contentsOf: file)))
            }
        }
    }

    @Test("The year summary counts models, nominations and commendations with money, and draws its chart; CLI and API alike")
    func summary() async throws {
        try await TestDatabase.with { database, client in
            let cli = CLIRunner(databaseURL: database.url)
            #expect(try cli.run("demo", "--force").status == 0)
            let token = try await Seed(client: client, logger: database.logger).account(.council).token
            for format in ["md", "html"] {
                let printed = try cli.run("report", "summary", "--year", "2024", "--format", format)
                #expect(printed.status == 0, "\(printed.stderr)")
                let file = Self.folder.appending(path: "summary-2024.\(format)")
                if ProcessInfo.processInfo.environment["THIDUA_UPDATE_GOLDEN"] == "1" { try Data(printed.stdout.utf8).write(to: file) }
                #expect(Data(printed.stdout.utf8) == (try Data(contentsOf: file)))
            }
            let json = try cli.run("report", "summary", "--year", "2024", "--format", "json")
            let summary = try JSONDecoder().decode(YearSummary.self, from: Data(json.stdout.utf8))
            // The district's answers of 25/06/2024 to tờ trình 18/TTr-THAP: CSTĐ cơ sở granted, another reduced to its Giấy khen.
            #expect(summary.byAward.map(\.code) == ["CSTD_CS", "TTLDTT", "GK_HUYEN", "GK", "LDTT"])
            #expect(summary.byAward.last?.count == 5)
            #expect(summary.byAward.last?.amount == 2_700_000)
            #expect(summary.amount == 7_890_000)
            let danVan = try #require(summary.movements.first { $0.name.contains("Dân vận khéo") })
            #expect(danVan.modelsRegistered == 3)
            #expect(danVan.modelsRecognized == 1)
            #expect(danVan.nominationsByStatus.first { $0.label == "đã trình cấp trên" }?.count == 1)
            let html = try cli.run("report", "summary", "--year", "2024", "--format", "html").stdout
            #expect(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""))
            #expect(!html.contains("src=") && !html.contains("<link") && !html.contains("<script"))
            let unit = try cli.run("report", "summary", "--year", "2024", "--unit", "THAP-K45", "--format", "json")
            #expect(try JSONDecoder().decode(YearSummary.self, from: Data(unit.stdout.utf8)).commendations == 0)
            let app = try await buildApplication(
                ServerConfiguration(database: database.configuration, databaseDescription: "test"), logger: database.logger)
            try await app.test(.router) { api in
                let fromAPI = try await api.execute(
                    uri: "/v1/reports/summary?year=2024&format=json", method: .get, headers: Seed.headers(token)
                ) { Data($0.body.readableBytesView) }
                #expect(fromAPI == Data(json.stdout.utf8))
            }
        }
    }

    @Test("An unknown unit is an error with a non-zero exit; an empty period is not")
    func unknownUnitAndEmptyPeriod() async throws {
        try await TestDatabase.with { database, _ in
            let cli = CLIRunner(databaseURL: database.url)
            let unknown = try cli.run("report", "honor-list", "--year", "2024", "--unit", "KHONG-CO", "--format", "md")
            #expect(unknown.status != 0)
            #expect(unknown.stderr.contains("KHONG-CO"))
            let empty = try cli.run("report", "honor-list", "--year", "2019", "--format", "csv")
            #expect(empty.status == 0)
            #expect(empty.stderr.contains("Không có khen thưởng nào"))
            #expect(empty.stdout.contains("DANH SÁCH KHEN THƯỞNG NĂM 2019"))
            // The printed list is dated the day it is printed, unless the clerk writes another date. An empty database
            // knows no place: the line starts with "Ngày" rather than a comma.
            let today = try cli.run("report", "honor-list", "--year", "2024", "--format", "html")
            #expect(today.stdout.contains(#"<p class="place">N"# + LocalDate.today.written.dropFirst()))
            let given = try cli.run("report", "honor-list", "--year", "2024", "--date", "05/01/2025", "--format", "html")
            #expect(given.stdout.contains(#"<p class="place">Ngày 05 tháng 01 năm 2025</p>"#))
            let wrong = try cli.run("report", "honor-list", "--year", "2024", "--date", "32/13/2024", "--format", "html")
            #expect(wrong.status != 0 && wrong.stderr.contains("--date phải là một ngày dạng dd/mm/yyyy"))
        }
    }
}
