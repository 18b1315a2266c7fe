import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import ThiduaCore
import ThiduaStore
import ThiduaTestSupport

/// Chờ duyệt → "Trình cấp trên": several nominations above the school's authority go up with one tờ trình, all or none.
@Suite("Web: several nominations sent up with one tờ trình")
struct WebForwardTests {
    /// Two Bằng khen of the province the school forwards (Nguyễn Thị Ngọc Hân, Phạm Thị Lan) and a Lao động tiên tiến
    /// it decides itself (Trương Văn Tài), all recommended by the council.
    static func recommended(_ seed: Seed) async throws -> (RegistryFixture, Nomination, Nomination, Nomination) {
        let f = try await RegistryFixture.make(seed)
        let first = try await f.nomination(seed, status: .recommended, award: "BK_TINH")
        let second = try await f.nomination(seed, status: .recommended, award: "BK_TINH", nominee: .person(f.councilPeople[0].id))
        let colleague = try await seed.person("Trương Văn Tài", unit: f.collective.id)
        return (f, first, second, try await f.nomination(seed, status: .recommended, nominee: .person(colleague.id)))
    }

    @Test("Ticked nominations go up with one tờ trình; a mistake, or one the school decides itself, sends none and says which")
    func forwardTicked() async throws {
        try await withTestApp { app, seed in
            let (f, first, second, own) = try await Self.recommended(seed)
            let head = try await seed.webAccount("Hiệu trưởng", [.headmaster], login: "hieu.truong")
            let repository = NominationRepository(client: seed.client)
            @Sendable func statuses() async throws -> [NominationStatus] {
                var found: [NominationStatus] = []
                for id in [first.id, second.id, own.id] { found.append(try await repository.find(id, logger: seed.logger).status) }
                return found
            }
            try await app.test(.router) { client in
                var headmaster = PageClient(client)
                _ = try await headmaster.signIn("hieu.truong", head)
                let page = try await headmaster.get("/decisions/new")
                #expect(
                    page.text.contains("Hoặc trình cấp trên bằng một tờ trình") && page.text.contains(#"formaction="/decisions/forward""#))
                // Each line says which way it goes: the two Bằng khen up with a tờ trình, the school's own in the decision.
                let line = { (id: ID<Nomination>) in page.text.split(separator: "\n").first { $0.contains(#"value="\#(id)""#) } ?? "" }
                #expect(line(first.id).contains("Trình cấp trên</span>") && line(second.id).contains("Trình cấp trên</span>"))
                #expect(line(own.id).contains("Trương Văn Tài") && !line(own.id).contains("Trình cấp trên</span>"))
                #expect(page.text.contains("Xem đề nghị hoặc không duyệt") && page.text.contains("không duyệt hoặc trình riêng"))
                let token = PageClient.formToken(page.text) ?? ""
                let typed = [
                    ("_csrf", token), ("forwardNumber", "25/TTr-THAP"), ("forwardDate", "27/05/2024"),
                    ("addressee", "Hội đồng Thi đua - Khen thưởng huyện Tân Hồng (qua Phòng GD&ĐT)"),
                ]
                let noneTicked = try await headmaster.post("/decisions/forward", typed)
                #expect(noneTicked.status == .unprocessableContent && noneTicked.text.contains("Chọn ít nhất một đề nghị."))
                #expect(noneTicked.text.contains("Chưa trình được:") && noneTicked.text.contains(#"value="25/TTr-THAP""#))
                let ticked = [("ids", first.id.description), ("ids", second.id.description)]
                let noNumber = try await headmaster.post(
                    "/decisions/forward", ticked + [("_csrf", token), ("forwardNumber", " "), ("forwardDate", "31/02/2024")])
                #expect(noNumber.status == .unprocessableContent && noNumber.text.contains("Cần số tờ trình (ví dụ 25/TTr-THAP)."))
                #expect(noNumber.text.contains("Không có ngày 31/02/2024 trong lịch: tháng 2 năm 2024 chỉ có 29 ngày."))
                #expect(noNumber.text.contains(#"value="\#(first.id)" checked"#), "the ticks are kept")
                // One the school decides itself among them: none goes, and the page names it.
                let mixed = try await headmaster.post("/decisions/forward", ticked + [("ids", own.id.description)] + typed)
                #expect(mixed.status == .unprocessableContent)
                #expect(mixed.text.contains("Trương Văn Tài — Lao động tiên tiến: ") && mixed.text.contains("tự quyết định"))
                #expect(mixed.text.contains("Không đề nghị nào được trình"))
                #expect(mixed.text.contains("ký quyết định thay cho tờ trình"), "what to do with the one the school decides")
                #expect(!mixed.text.contains("(decisionNumber"), "in a clerk's words, not the API's")
                #expect(try await statuses() == [.recommended, .recommended, .recommended])

                let sent = try await headmaster.post("/decisions/forward", ticked + typed)
                #expect(sent.status == .seeOther)
                let shown = try await headmaster.get(try #require(sent.headers[.location]))
                #expect(shown.text.contains("Đã trình cấp trên bằng Tờ trình số 25/TTr-THAP."))
                let madeUp = try await headmaster.get("/decisions/new?forwarded=99%2FTTr-THAP&year=2024")
                #expect(madeUp.status == .ok && !madeUp.text.contains("Đã trình cấp trên"), "an address alone claims nothing was sent")
                #expect(!shown.text.contains(#"value="\#(first.id)""#), "what was sent no longer waits on this page")
                let filePath = try #require(WebAuditTests.link("Tờ trình và danh sách đề nghị (bản in)", in: shown.text))
                let file = try await headmaster.get(filePath)
                #expect(file.status == .ok && file.text.contains("Số: 25/TTr-THAP"))
                #expect(
                    file.text.contains("Nguyễn Thị Ngọc Hân") && file.text.contains("Phạm Thị Lan") && !file.text.contains("Trương Văn Tài")
                )
            }
            #expect(try await statuses() == [.forwarded, .forwarded, .recommended])
            for id in [first.id, second.id] {
                let submission = try #require(try await repository.find(id, logger: seed.logger).submission)
                #expect(submission.number == "25/TTr-THAP" && submission.date == LocalDate(2024, 5, 27))
                #expect(submission.addressee == "Hội đồng Thi đua - Khen thưởng huyện Tân Hồng (qua Phòng GD&ĐT)")
            }
        }
    }

    @Test("POST /v1/submissions: one tờ trình for several, all or none; the refused one named, a problem+json, nothing stored")
    func forwardOverTheAPI() async throws {
        try await withTestApp { app, seed in
            let (f, first, second, own) = try await Self.recommended(seed)
            let repository = NominationRepository(client: seed.client)
            try await app.test(.router) { client in
                func body(_ ids: [ID<Nomination>], number: String = "25/TTr-THAP", date: String = "2024-05-27") -> String {
                    let list = ids.map { "\"\($0)\"" }.joined(separator: ",")
                    return #"{"nominationIds":[\#(list)],"submissionNumber":"\#(number)","submissionDate":"\#(date)"}"#
                }
                let staff = try await client.send(.post, "/v1/submissions", token: f.staff, json: body([first.id]))
                #expect(staff.status == 403)
                let none = try await client.send(.post, "/v1/submissions", token: f.headmaster, json: body([]))
                #expect(none.status == 422 && none.body["errors"]?.array?.first?["field"]?.string == "nominationIds", "\(none.body)")
                let badDate = try await client.send(
                    .post, "/v1/submissions", token: f.headmaster, json: body([first.id], date: "2024-02-30"))
                #expect(badDate.status == 422, "\(badDate.body)")
                let mixed = try await client.send(.post, "/v1/submissions", token: f.headmaster, json: body([first.id, own.id, second.id]))
                #expect(mixed.status == 409, "\(mixed.body)")
                let detail = mixed.body["detail"]?.string ?? ""
                #expect(detail.contains("Đề nghị \(own.id):") && detail.contains("tự quyết định"), "\(mixed.body)")
                #expect(try await repository.find(first.id, logger: seed.logger).status == .recommended, "nothing was stored")

                let sent = try await client.send(.post, "/v1/submissions", token: f.headmaster, json: body([first.id, second.id]))
                #expect(sent.status == 202, "\(sent.body)")
                #expect(sent.body["count"]?.number == 2 && sent.body["number"]?.string == "25/TTr-THAP")
                #expect(sent.body["items"]?.array?.compactMap { $0["status"]?.string } == ["forwarded", "forwarded"], "\(sent.body)")
                let again = try await client.send(.post, "/v1/submissions", token: f.headmaster, json: body([first.id]))
                #expect(again.status == 409, "a forwarded nomination is not sent up twice: \(again.body)")
            }
            #expect(try await repository.find(own.id, logger: seed.logger).status == .recommended)
            #expect(try await repository.find(second.id, logger: seed.logger).submission?.number == "25/TTr-THAP")
        }
    }
}
