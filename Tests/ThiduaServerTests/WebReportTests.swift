import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import ThiduaCore
import ThiduaStore
import ThiduaTestSupport

/// Báo cáo → Danh sách khen thưởng in the pages: a preview and the same downloads as `thidua report honor-list`.
@Suite("Web: the honor list")
struct WebReportTests {
    @Test("A year shows the list with the money in đồng and downloads as XLSX and CSV; a wrong year is said beside its field")
    func honorList() async throws {
        try await withTestApp { app, seed in
            let f = try await RegistryFixture.make(seed)
            _ = try await f.commendation(seed)
            let password = try await seed.webAccount("Văn thư", [.staff], login: "van.thu")
            try await app.test(.router) { client in
                var clerk = PageClient(client)
                _ = try await clerk.signIn("van.thu", password)
                let empty = try await clerk.get("/reports/honor-list")
                #expect(empty.status == .ok && empty.text.contains(#"name="period""#))
                let wrong = try await clerk.get("/reports/honor-list?period=24")
                #expect(wrong.status == .unprocessableContent && wrong.text.contains(#"id="period-error""#))
                #expect(wrong.text.contains("ví dụ 2023-2024"))
                let page = try await clerk.get("/reports/honor-list?period=2024")
                #expect(page.status == .ok)
                #expect(page.text.contains("Nguyễn Thị Ngọc Hân") && page.text.contains("12/QĐ-THAP ngày 20/05/2024"))
                #expect(page.text.range(of: #"\d{1,3}(\.\d{3})+ đ"#, options: .regularExpression) != nil, "money as 540.000 đ")
                let xlsx = try await clerk.get("/reports/honor-list/download?period=2024&format=xlsx")
                #expect(xlsx.status == .ok && xlsx.headers[.contentDisposition]?.contains("attachment") == true)
                #expect(Array(Data(buffer: xlsx.body).prefix(2)) == Array("PK".utf8), "an XLSX file is a ZIP package")
                let csv = try await clerk.get("/reports/honor-list/download?period=2024&format=csv")
                #expect(String(buffer: csv.body).contains("Nguyễn Thị Ngọc Hân"))
                let other = try await clerk.get("/reports/honor-list?period=2023")
                #expect(other.text.contains("Chưa có khen thưởng nào trong năm 2023."))
            }
            // Signed out, neither the page nor the file is served.
            try await app.test(.router) { client in
                let response = try await client.execute(uri: "/reports/honor-list/download?period=2024&format=csv", method: .get)
                #expect(response.status == .seeOther && response.headers[.location] == "/login")
            }
        }
    }

    @Test("A long list shows its first 100 lines, in the order of the downloaded file, and says the rest is in the download")
    func longListPreview() async throws {
        try await withTestApp { app, seed in
            _ = try await RegistryFixture.make(seed)
            _ = try await ScaleData(client: seed.client).add(150, by: seed.actor, logger: seed.logger)
            let password = try await seed.webAccount("Văn thư", [.staff], login: "van.thu")
            try await app.test(.router) { client in
                var clerk = PageClient(client)
                _ = try await clerk.signIn("van.thu", password)
                let page = try await clerk.get("/reports/honor-list?period=2024")
                let shown = page.text.components(separatedBy: #"<td data-label="Họ và tên">"#).dropFirst()
                    .map { String($0.prefix { $0 != "<" }) }
                #expect(shown.count == 100)
                #expect(page.text.contains("Chỉ hiện 100 dòng đầu; tải xuống để có đủ danh sách."))
                // Said before the list too: on a phone the end of 100 lines is far away.
                let top = try #require(page.text.range(of: "Trang này hiện 100 dòng đầu"))
                let list = try #require(page.text.range(of: #"<td data-label="Họ và tên">"#))
                #expect(top.lowerBound < list.lowerBound)
                let csv = try await clerk.get("/reports/honor-list/download?period=2024&format=csv")
                // Numbered lines only (the title, the header and the section and award rows carry no number).
                let rows: [[Substring]] = String(buffer: csv.body).split(whereSeparator: \.isNewline).map {
                    $0.split(separator: ",", omittingEmptySubsequences: false)
                }
                let names: [String] = rows.filter { $0.count > 2 && Int($0[0]) != nil }.map { String($0[1]) }
                #expect(names.count == 150)
                #expect(shown == Array(names.prefix(100)))
            }
        }
    }

    @Test("The year summary shows each award with its count, money and bar chart and downloads; a movement's report downloads")
    func summary() async throws {
        try await withTestApp { app, seed in
            let f = try await RegistryFixture.make(seed)
            let commendation = try await f.commendation(seed)
            _ = try await f.movement(seed, period: "2024")
            let staff = try await seed.webAccount("Giáo viên", [.staff], login: "giao.vien")
            let head = try await seed.webAccount("Hiệu trưởng", [.headmaster], login: "hieu.truong")
            try await app.test(.router) { client in
                var teacher = PageClient(client)
                _ = try await teacher.signIn("giao.vien", staff)
                #expect(try await teacher.get("/reports/summary?period=2024").status == .forbidden)
                #expect(!(try await teacher.get("/reports/honor-list").text.contains(#"href="/reports/summary""#)))
                #expect(try await teacher.get("/movements/\(f.movement.id)/report?format=csv").status == .forbidden)
                var headmaster = PageClient(client)
                _ = try await headmaster.signIn("hieu.truong", head)
                #expect(try await headmaster.get("/reports/honor-list").text.contains(#"href="/reports/summary""#))
                let page = try await headmaster.get("/reports/summary?period=2024")
                #expect(page.status == .ok && page.text.contains("Dân vận khéo năm 2024"))
                #expect(page.text.contains("Lao động tiên tiến") && page.text.contains("<svg"))
                #expect(page.text.contains("Chưa có đề nghị"), "a movement without nominations says so, not an empty cell")
                let amount = try #require(commendation.money?.rewardAmount)
                #expect(page.text.contains("\(VietnameseText.grouped(amount)) đ"))
                let html = try await headmaster.get("/reports/summary/download?period=2024&format=html")
                #expect(
                    html.headers[.contentDisposition]?.contains("tong-hop-2024.html") == true && html.text.contains("Lao động tiên tiến"))
                #expect(try await headmaster.get("/reports/summary?period=20x4").status == .unprocessableContent)
                let movement = try await headmaster.get("/movements/\(f.movement.id)")
                #expect(movement.text.contains("/movements/\(f.movement.id)/report?format=csv"))
                let report = try await headmaster.get("/movements/\(f.movement.id)/report?format=csv")
                #expect(report.status == .ok && report.text.contains("DÂN VẬN KHÉO NĂM 2024"))
            }
        }
    }
}
