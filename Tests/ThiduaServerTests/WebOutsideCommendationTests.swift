import Foundation
import HTTPTypes
import Testing
import ThiduaCore
import ThiduaStore
import ThiduaTestSupport

/// Khen thưởng của Công đoàn, của ngành in the pages (issue "The school year's paperwork", item 6): the union's chair
/// records her union's Giấy khen from its decision, each mistake beside its field; the head sees the list and may record
/// only the sector's awards.
@Suite("Union and sector commendations on the web")
struct WebOutsideCommendationTests {
    @Test(
        "The union's chair records a Giấy khen of the union (a wrong date and a missing nominee beside their fields, nothing stored); the list shows the fixed money"
    )
    func unionRecords() async throws {
        try await withTestApp { app, seed in
            let f = try await RegistryFixture.make(seed)
            let union = try await seed.webAccount("Huỳnh Thị Thanh Tâm", [.union], login: "thanh.tam")
            let head = try await seed.webAccount("Trần Văn Minh", [.headmaster], login: "van.minh")
            try await app.test(.router) { client in
                var browser = PageClient(client)
                _ = try await browser.signIn("thanh.tam", union)
                let home = try await browser.get("/")
                #expect(home.text.contains(#"href="/outside-commendations""#), "the union's menu has the page")
                let page = try await browser.get("/outside-commendations?period=2023-2024")
                #expect(page.status == .ok && page.text.contains("Chưa có khen thưởng nào của Công đoàn, của ngành năm học 2023-2024."))
                #expect(page.text.contains(#"<option value="CDGD_GK""#) && !page.text.contains(#"<option value="KNC_GD""#))
                #expect(!page.text.contains(#"<option value="LDTT""#), "the state's awards are not recorded here")
                let token = PageClient.formToken(page.text) ?? ""
                let fields = [("_csrf", token), ("award", "CDGD_GK"), ("period", "2023-2024"), ("decisionNumber", "28/QĐ-CĐGD")]
                let wrong = try await browser.post("/outside-commendations", fields + [("nominee", ""), ("decisionDate", "31/02/2024")])
                #expect(wrong.status == .unprocessableContent)
                #expect(wrong.text.contains(#"id="error-decisionDate""#) && wrong.text.contains(#"id="error-nominee""#))
                #expect(wrong.text.contains("Chọn cá nhân hoặc tập thể được khen thưởng."), "no API field names beside the form's field")
                #expect(wrong.text.contains(#"value="28/QĐ-CĐGD""#), "what was typed stays")
                #expect(try await seed.count("past_commendations") == 0)
                let recorded = try await browser.post(
                    "/outside-commendations", fields + [("nominee", "p:\(f.teacher.id)"), ("decisionDate", "15/07/2024")])
                #expect(recorded.status == .seeOther)
                let location = try #require(recorded.headers[.location])
                #expect(location.hasSuffix("?period=2023-2024&recorded=1#da-ghi"))
                let shown = try await browser.get(String(location.prefix { $0 != "#" }))
                #expect(shown.text.contains("Đã ghi khen thưởng.") && shown.text.contains("Nguyễn Thị Ngọc Hân"))
                #expect(shown.text.contains("Số 28/QĐ-CĐGD ngày 15/07/2024") && shown.text.contains("300.000 đ"))
                #expect(shown.text.contains("Khen thưởng của Công đoàn: 1, tiền thưởng 300.000 đ (chi từ quỹ của Công đoàn)"))
                let twice = try await browser.post(
                    "/outside-commendations", fields + [("nominee", "p:\(f.teacher.id)"), ("decisionDate", "15/07/2024")])
                #expect(twice.status == .unprocessableContent && twice.text.contains(#"id="error-award""#))
                #expect(twice.text.contains("Đã ghi khen thưởng này cho cá nhân, tập thể đó trong kỳ này."), "said beside the award")

                var headmaster = PageClient(client)
                _ = try await headmaster.signIn("van.minh", head)
                let headPage = try await headmaster.get("/outside-commendations?period=2023-2024")
                #expect(headPage.text.contains("Nguyễn Thị Ngọc Hân") && headPage.text.contains(#"<option value="KNC_GD""#))
                #expect(!headPage.text.contains(#"<option value="CDGD_GK""#), "the union's awards are the union's to record")
                let refused = try await headmaster.post(
                    "/outside-commendations",
                    [
                        ("_csrf", PageClient.formToken(headPage.text) ?? ""), ("award", "CDGD_GK"), ("period", "2023-2024"),
                        ("decisionNumber", "30/QĐ-CĐGD"), ("nominee", "p:\(f.councilPeople[0].id)"), ("decisionDate", "15/07/2024"),
                    ])
                #expect(refused.status == .forbidden)
                #expect(try await seed.count("past_commendations") == 1)
                // The sector's Kỷ niệm chương carries no money: its total says so rather than "0 đ".
                let medal = try await headmaster.post(
                    "/outside-commendations",
                    [
                        ("_csrf", PageClient.formToken(headPage.text) ?? ""), ("award", "KNC_GD"), ("period", "2023-2024"),
                        ("decisionNumber", "4521/QĐ-BGDĐT"), ("nominee", "p:\(f.councilPeople[0].id)"), ("decisionDate", "14/11/2023"),
                    ])
                #expect(medal.status == .seeOther)
                let withMedal = try await headmaster.get("/outside-commendations?period=2023-2024")
                #expect(withMedal.text.contains("Khen thưởng của ngành Giáo dục: 1, không kèm tiền thưởng"))
                #expect(!withMedal.text.contains("tiền thưởng 0 đ"))
            }
        }
    }
}
