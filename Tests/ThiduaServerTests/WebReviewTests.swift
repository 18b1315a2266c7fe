import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import ThiduaCore
import ThiduaStore
import ThiduaTestSupport

/// Chấm điểm in the pages (web-ui.md flow 3): the scoring form, its errors beside the fields, others' scores after one's own.
@Suite("Web: council review")
struct WebReviewTests {
    @Test("A council member scores each criterion; a score over its maximum comes back beside its field; others' scores after saving")
    func scoreAndSeeOthers() async throws {
        try await withTestApp { app, seed in
            let f = try await RegistryFixture.make(seed)
            let nomination = try await f.nomination(seed, status: .inReview, overriding: "Đủ điều kiện theo hồ sơ")
            // Reviewing needs a council account on the pages: the fixture's first council member gets a login.
            let member = f.council[0].account
            let password = try await seed.webAccount(member.displayName, [.council], login: "hoi.dong", person: member.personId)
            try await app.test(.router) { client in
                var browser = PageClient(client)
                _ = try await browser.signIn("hoi.dong", password)
                let queue = try await browser.get("/reviews")
                #expect(queue.status == .ok && queue.text.contains("/nominations/\(nomination.id)/review"))
                let page = try await browser.get("/nominations/\(nomination.id)/review")
                #expect(page.status == .ok && page.text.contains("tối đa 40") && page.text.contains("1 trên"))
                #expect(!page.text.contains("Kết quả đánh giá"), "others' scores stay hidden before one's own review")
                let token = PageClient.formToken(page.text) ?? ""
                let over = try await browser.post(
                    "/nominations/\(nomination.id)/review",
                    [("_csrf", token), ("score.KQ", "45"), ("score.LT", "50"), ("vote", "agree"), ("comment", "Tốt <b>lắm</b>")])
                #expect(over.status == .unprocessableContent)
                #expect(
                    over.text.contains(#"id="error-KQ""#) && over.text.contains(#"value="45""#)
                        && over.text.contains("Tốt &lt;b&gt;lắm&lt;/b&gt;"))
                #expect(try await seed.count("reviews") == 1, "a refused form stores nothing")
                let saved = try await browser.post(
                    "/nominations/\(nomination.id)/review",
                    [("_csrf", token), ("score.KQ", "38"), ("score.LT", "52"), ("vote", "agree"), ("comment", "Xứng đáng")])
                #expect(saved.status == .seeOther)
                let after = try await browser.get("/nominations/\(nomination.id)/review")
                #expect(after.text.contains("Kết quả đánh giá") && after.text.contains("Xứng đáng") && after.text.contains("Đồng ý: 2"))
                #expect(!after.text.contains(#"id="review-form""#), "once the others' scores are shown, the review is final")
            }
        }
    }

    @Test("Only council members reach the scoring pages")
    func councilOnly() async throws {
        try await withTestApp { app, seed in
            let f = try await RegistryFixture.make(seed)
            let nomination = try await f.nomination(seed, status: .submitted, overriding: "Đủ điều kiện")
            let password = try await seed.webAccount("Công đoàn", [.union], login: "cong.doan")
            try await app.test(.router) { client in
                var browser = PageClient(client)
                _ = try await browser.signIn("cong.doan", password)
                #expect(try await browser.get("/reviews").status == .forbidden)
                let page = try await browser.get("/nominations/\(nomination.id)/review")
                #expect(page.status == .forbidden && page.text.contains("Không có quyền"))
            }
        }
    }
}
