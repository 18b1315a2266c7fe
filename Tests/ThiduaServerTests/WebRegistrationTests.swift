import Foundation
import HTTPTypes
import Testing
import ThiduaCore
import ThiduaStore
import ThiduaTestSupport

/// Đăng ký thi đua in the browser's pages (issue "The school year's paperwork", item 1): the union files for a teacher,
/// a mistake is said beside its field and files nothing, a teacher sees and withdraws only her own, the list downloads.
@Suite("Registrations on the web")
struct WebRegistrationTests {
    @Test("The union files for a teacher (a wrong date beside its field, nothing filed); the teacher sees hers alone and withdraws it")
    func fileAndWithdraw() async throws {
        try await withTestApp { app, seed in
            let f = try await RegistryFixture.make(seed)
            let union = try await seed.webAccount("Công đoàn trường", [.union], login: "cong.doan")
            let teacher = try await seed.webAccount("Nguyễn Thị Ngọc Hân", [.staff], login: "ngoc.han", person: f.teacher.id)
            let path = "/movements/\(f.movement.id)/registrations"
            try await app.test(.router) { client in
                var browser = PageClient(client)
                _ = try await browser.signIn("cong.doan", union)
                let movement = try await browser.get("/movements/\(f.movement.id)")
                #expect(movement.text.contains(#"href="\#(path)">Đăng ký thi đua</a>"#))
                let page = try await browser.get(path)
                #expect(
                    page.status == .ok && page.text.contains("Chưa có bản đăng ký nào.")
                        && page.text.contains(#"value="p:\#(f.teacher.id)""#))
                let token = PageClient.formToken(page.text) ?? ""
                let fields = [
                    ("_csrf", token), ("nominee", "p:\(f.teacher.id)"), ("title", "LDTT"), ("award", "GK"),
                    ("initiative", "Dạy Toán qua trò chơi dân gian"),
                ]
                let wrong = try await browser.post(path, fields + [("registeredOn", "31/12/2023")])
                #expect(wrong.status == .unprocessableContent)
                #expect(
                    wrong.text.contains(#"id="error-registeredOn""#)
                        && wrong.text.contains("Ngày đăng ký phải trong thời gian của phong trào"))
                #expect(wrong.text.contains(#"value="Dạy Toán qua trò chơi dân gian""#), "what was typed stays")
                #expect(try await seed.count("registrations") == 0)
                let filed = try await browser.post(path, fields + [("registeredOn", "20/01/2024")])
                #expect(filed.status == .seeOther)
                // The browser keeps the fragment to itself: the page opens at the "Đã ghi" line.
                let location = try #require(filed.headers[.location])
                #expect(location.hasSuffix("?filed=1#da-ghi"))
                let shown = try await browser.get(String(location.prefix { $0 != "#" }))
                #expect(
                    shown.text.contains("Đã ghi bản đăng ký.") && shown.text.contains("Nguyễn Thị Ngọc Hân")
                        && shown.text.contains("20/01/2024"))
                #expect(shown.text.contains("Dạy Toán qua trò chơi dân gian") && shown.text.contains("Giấy khen"))
                let printed = try await browser.get(path + "/document?format=html")
                #expect(printed.status == .ok && printed.text.contains("DANH SÁCH ĐĂNG KÝ THI ĐUA"))
                let workbook = try await browser.get(path + "/document?format=xlsx")
                #expect(workbook.headers[.contentDisposition]?.contains("dang-ky-thi-dua.xlsx") == true)
                let nomination = try await f.nomination(seed, status: .draft)
                let panel = try await browser.get("/nominations/\(nomination.id)")
                #expect(
                    panel.text.contains("Đăng ký thi đua: Đã đăng ký Lao động tiên tiến ngày 20/01/2024"), "the eligibility panel says it")

                var own = PageClient(client)
                _ = try await own.signIn("ngoc.han", teacher)
                let mine = try await own.get(path)
                #expect(mine.text.contains("Người đăng ký: <strong>Nguyễn Thị Ngọc Hân</strong>"))
                #expect(!mine.text.contains("Danh sách gửi Phòng GD&amp;ĐT"), "the list is the registry's")
                #expect(try await own.get(path + "/document").status == .forbidden)
                let withdraw = try #require(mine.text.range(of: #"/registrations/[0-9a-f-]{36}/withdraw"#, options: .regularExpression))
                let withdrawn = try await own.post(String(mine.text[withdraw]), [("_csrf", PageClient.formToken(mine.text) ?? "")])
                #expect(withdrawn.status == .seeOther)
                #expect(try await seed.count("registrations") == 0)
            }
        }
    }
}
