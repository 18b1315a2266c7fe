import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import ThiduaCore
import ThiduaServer
import ThiduaTestSupport

/// A district's reports (issue 15): the honor list of every school below, grouped by school in each of the five formats,
/// and the year summary counted by school — a school's own reports unchanged.
@Suite("District reports grouped by school")
struct DistrictReportTests {
    static let schools = ["Trường Tiểu học số 1 Tân Hồng", "Trường Tiểu học số 2 Tân Hồng"]

    @Test(
        "The district's honor list: each school once, in order, with its own total; the totals add up; CSV, Markdown, JSON, HTML and XLSX agree; signed by the Trưởng phòng"
    )
    func honorListBySchool() async throws {
        try await TestDatabase.with { database, client in
            let cli = CLIRunner(databaseURL: database.url)
            let demo = try cli.run("demo", "--force", "--district", "2", "--staff", "6", "--years", "1")
            #expect(demo.status == 0, "\(demo.stderr)")
            func list(_ format: String, unit: String = "DT-TH") throws -> String {
                let run = try cli.run("report", "honor-list", "--school-year", "2025-2026", "--unit", unit, "--format", format)
                #expect(run.status == 0, "\(run.stderr)")
                return run.stdout
            }
            // Markdown: a heading per school, in name order, each once; its "Cộng đơn vị" lines add up to the total.
            let markdown = try list("md")
            let headings = markdown.split(separator: "\n").filter { $0.hasPrefix("## ") }.map { String($0.dropFirst(3)) }
            #expect(headings == Self.schools)
            let schoolTotals = markdown.split(separator: "\n").filter { $0.hasPrefix("**Cộng đơn vị: ") }.compactMap { Self.count(in: $0) }
            let total = markdown.split(separator: "\n").first { $0.hasPrefix("**Tổng cộng: ") }.flatMap { Self.count(in: $0) }
            #expect(schoolTotals.count == 2 && schoolTotals.allSatisfy { $0 > 0 })
            #expect(schoolTotals.reduce(0, +) == total)

            // JSON: every section names its school; "schools" carries the same totals.
            let json = try JSONDecoder().decode(JSONValue.self, from: Data(try list("json").utf8))
            let sections = json["sections"]?.array ?? []
            #expect(!sections.isEmpty && sections.allSatisfy { Self.schools.contains($0["school"]?.string ?? "") })
            let bySchool = json["schools"]?.array ?? []
            #expect(bySchool.compactMap { $0["name"]?.string } == Self.schools)
            #expect(bySchool.compactMap { $0["count"]?.number }.map { Int($0) } == schoolTotals)
            #expect(json["count"]?.number.map { Int($0) } == total)

            // CSV: the school's name as a row above its lines, its total under them.
            let csv = try list("csv")
            for school in Self.schools { #expect(csv.contains("\r\n\(school.uppercased())\r\n")) }
            #expect(csv.components(separatedBy: "Cộng đơn vị: ").count == 3)

            // HTML: the school rows, issued and signed by the district's office under UBND huyện (the demo's settings).
            let html = try list("html")
            for school in Self.schools { #expect(html.contains("<tr class=\"school\"><td colspan=\"8\">\(school)</td></tr>")) }
            #expect(html.contains("<div class=\"title\">TRƯỞNG PHÒNG</div>"))
            #expect(
                html.contains("<td>UBND HUYỆN TÂN HỒNG<br><span class=\"underline\">PHÒNG GIÁO DỤC VÀ ĐÀO TẠO HUYỆN TÂN HỒNG</span></td>"))

            // XLSX, read back with openpyxl, has the CSV's rows.
            let folder = FileManager.default.temporaryDirectory.appending(path: "thidua-district-\(UUID().uuidString.prefix(8))")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let file = folder.appending(path: "huyen.xlsx")
            let written = try cli.run(
                "report", "honor-list", "--school-year", "2025-2026", "--unit", "DT-TH", "--format", "xlsx", "-o", file.path)
            #expect(written.status == 0, "\(written.stderr)")
            let read = try Program.python(
                """
                import json, sys, openpyxl
                ws = openpyxl.load_workbook(sys.argv[1]).active
                print(json.dumps([str(row[0].value or "") + "|" + str(row[1].value or "") for row in ws.iter_rows()], ensure_ascii=False))
                """, [file.path], failure: "openpyxl must read the workbook")
            let firstColumns = read.array?.compactMap(\.string) ?? []
            for school in Self.schools { #expect(firstColumns.contains("\(school.uppercased())|")) }
            #expect(firstColumns.filter { $0.hasPrefix("|Cộng đơn vị: ") }.count == 2)

            // A school's own list is not grouped.
            let school = try list("md", unit: "DS0001")
            #expect(!school.contains("Cộng đơn vị") && !school.contains("## Trường"))
            #expect(school.contains("## I. Cá nhân"))
            // A school without settings of its own prints its managing office and that office's place (not its long name).
            let schoolPage = try list("html", unit: "DS0001")
            #expect(
                schoolPage.contains(
                    "<td>PHÒNG GIÁO DỤC VÀ ĐÀO TẠO HUYỆN TÂN HỒNG<br><span class=\"underline\">TRƯỜNG TIỂU HỌC SỐ 1 TÂN HỒNG</span>"))
            #expect(schoolPage.contains("<p class=\"place\">Tân Hồng, ngày "))
        }
    }

    @Test("The district's summary counts by school; its head's API reports cover the district, a school head's only her school")
    func summaryAndScope() async throws {
        try await TestDatabase.with { database, client in
            let cli = CLIRunner(databaseURL: database.url)
            let demo = try cli.run("demo", "--force", "--district", "2", "--staff", "6", "--years", "1")
            #expect(demo.status == 0, "\(demo.stderr)")
            let summary = try cli.run("report", "summary", "--school-year", "2025-2026", "--unit", "DT-TH", "--format", "json")
            #expect(summary.status == 0, "\(summary.stderr)")
            let counted = try JSONDecoder().decode(JSONValue.self, from: Data(summary.stdout.utf8))
            let units = counted["byUnit"]?.array?.compactMap { $0["label"]?.string } ?? []
            #expect(units == Self.schools, "by school, not by tổ: \(units)")

            // The demo prints each account's token: the district's head and the demo school's.
            func token(_ name: String) -> String {
                let line = demo.stdout.split(separator: "\n").first { $0.contains("\t\(name)\t") }
                return line.flatMap { $0.split(separator: "\t").last.map(String.init) } ?? ""
            }
            let (district, school) = (token("Lê Văn Quang (Phòng GD&ĐT)"), token("Trần Văn Minh"))
            #expect(district.hasPrefix("thd_") && school.hasPrefix("thd_"), "\(demo.stdout)")
            let app = try await buildApplication(
                ServerConfiguration(database: database.configuration, databaseDescription: "test"), logger: database.logger)
            try await app.test(.router) { api in
                func get(_ path: String, _ token: String) async throws -> (HTTPResponse.Status, JSONValue?) {
                    try await api.execute(uri: path, method: .get, headers: Seed.headers(token)) { response in
                        (response.status, try? JSONDecoder().decode(JSONValue.self, from: Data(response.body.readableBytesView)))
                    }
                }
                // No unit asked: the district head's own unit, grouped by school.
                let own = try await get("/v1/reports/honor-list?schoolYear=2025-2026&format=json", district)
                #expect(own.0 == .ok)
                #expect(own.1?["schools"]?.array?.compactMap { $0["name"]?.string } == Self.schools)
                // The school's head: her school only (no line of the generated schools), and the district refused.
                let mine = try await get("/v1/reports/honor-list?schoolYear=2025-2026&format=json", school)
                #expect(mine.0 == .ok && mine.1?["schools"] == nil && mine.1?["count"]?.number == 0)
                #expect(try await get("/v1/reports/honor-list?schoolYear=2025-2026&format=json&unit=DT-TH", school).0 == .notFound)
                #expect(try await get("/v1/reports/summary?schoolYear=2025-2026&unit=DS0002", school).0 == .notFound)
            }
        }
    }

    /// "**Cộng đơn vị: 13** — 8.730.000 đồng" → 13.
    static func count(in line: Substring) -> Int? {
        line.split(separator: ":").dropFirst().first?.split(separator: "*").first.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
    }
}
