import Foundation
import HTTPTypes
import Testing
import ThiduaCore
import ThiduaStore
import ThiduaTestSupport

/// Sáng kiến in the pages (issue "The school year's paperwork", item 5): a teacher registers and applies for her own,
/// the initiative council scores it, the head recognises it; each mistake beside its field, nothing stored by a wrong form.
@Suite("Initiatives on the web")
struct WebInitiativeTests {
    @Test(
        "A teacher registers her sáng kiến and applies; the council scores it (a wrong score beside its field); the head recognises it cơ sở"
    )
    func wholeWay() async throws {
        try await withTestApp { app, seed in
            let f = try await RegistryFixture.make(seed)
            let teacher = try await seed.webAccount("Nguyễn Thị Ngọc Hân", [.staff], login: "ngoc.han", person: f.teacher.id)
            let council = try await seed.webAccount("Phạm Thị Lan", [.council], login: "lan.pham", person: f.councilPeople[0].id)
            let head = try await seed.webAccount("Trần Văn Minh", [.headmaster], login: "van.minh")
            try await app.test(.router) { client in
                var own = PageClient(client)
                _ = try await own.signIn("ngoc.han", teacher)
                let list = try await own.get("/initiatives?period=2024")
                #expect(list.status == .ok && list.text.contains("Tác giả: <strong>Nguyễn Thị Ngọc Hân</strong>"))
                let token = PageClient.formToken(list.text) ?? ""
                let fields = [("_csrf", token), ("personId", f.teacher.id.description), ("period", "2024")]
                let blank = try await own.post("/initiatives", fields + [("title", " "), ("registeredOn", "10/01/2024")])
                #expect(blank.status == .unprocessableContent && blank.text.contains(#"id="error-title""#))
                #expect(try await seed.count("initiatives") == 0)
                let registered = try await own.post(
                    "/initiatives", fields + [("title", "Góc đọc sách lớp học"), ("registeredOn", "10/01/2024")])
                #expect(registered.status == .seeOther)
                let path = try #require(registered.headers[.location])
                let fresh = try await own.get("/initiatives?period=2024")
                #expect(fresh.text.contains("Chưa chấm") && fresh.text.contains("Chưa công nhận"), "no blank cells on a phone's card")
                let page = try await own.get(path)
                #expect(page.text.contains("Góc đọc sách lớp học") && page.text.contains("Đã đăng ký") && page.text.contains("10/01/2024"))
                #expect(!page.text.contains("Kết quả chấm của Hội đồng sáng kiến"), "a teacher does not score")
                let applied = try await own.post(
                    path + "/application",
                    [
                        ("_csrf", PageClient.formToken(page.text) ?? ""),
                        ("description", "Thực trạng: ít sách.\nGiải pháp: góc đọc mỗi lớp."),
                        ("appliedOn", "15/03/2024"),
                    ])
                #expect(applied.status == .seeOther)
                let waiting = try await own.get(path)
                #expect(
                    waiting.text.contains("Đã nộp đơn công nhận") && !waiting.text.contains("Kết quả chấm của Hội đồng sáng kiến"),
                    "a teacher does not score")

                var member = PageClient(client)
                _ = try await member.signIn("lan.pham", council)
                let scoring = try await member.get(path)
                #expect(scoring.text.contains("Kết quả chấm của Hội đồng sáng kiến") && scoring.text.contains("góc đọc mỗi lớp"))
                let scoreToken = PageClient.formToken(scoring.text) ?? ""
                let wrong = try await member.post(
                    path + "/score", [("_csrf", scoreToken), ("score", "120"), ("passed", "true"), ("scoredOn", "20/04/2024")])
                #expect(wrong.status == .unprocessableContent && wrong.text.contains(#"id="error-score""#))
                #expect(wrong.text.contains(#"value="20/04/2024""#), "what was typed stays")
                let scored = try await member.post(
                    path + "/score", [("_csrf", scoreToken), ("score", "86"), ("passed", "true"), ("scoredOn", "20/04/2024")])
                #expect(scored.status == .seeOther)
                #expect(try await member.post(path + "/recognitions", [("_csrf", scoreToken), ("scope", "unit")]).status == .forbidden)

                var headmaster = PageClient(client)
                _ = try await headmaster.signIn("van.minh", head)
                let deciding = try await headmaster.get(path)
                #expect(deciding.text.contains("Công nhận cấp cơ sở") && deciding.text.contains("86/100 — đạt"))
                let recognized = try await headmaster.post(
                    path + "/recognitions",
                    [
                        ("_csrf", PageClient.formToken(deciding.text) ?? ""), ("scope", "unit"), ("decisionNumber", "12/QĐ-THAP"),
                        ("decisionDate", "10/05/2024"),
                    ])
                #expect(recognized.status == .seeOther)
                let shown = try await headmaster.get(path)
                #expect(shown.text.contains("Được công nhận") && shown.text.contains("Số 12/QĐ-THAP ngày 10/05/2024"))
                #expect(shown.text.contains("Hiệu trưởng Trường Tiểu học An Phước") && shown.text.contains("Công nhận cấp huyện"))
                let listed = try await headmaster.get("/initiatives?period=2024")
                #expect(listed.text.contains("Góc đọc sách lớp học") && listed.text.contains("cấp cơ sở"))
            }
        }
    }
}
