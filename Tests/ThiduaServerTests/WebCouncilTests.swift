import Foundation
import HTTPTypes
import Testing
import ThiduaCore
import ThiduaStore
import ThiduaTestSupport

/// The council in the browser's pages (issue "The school year's paperwork", item 2): the head records the council from
/// the decision, the secretary the meeting and a secret ballot — each mistake beside its field, nothing recorded — and
/// the biên bản opens to print or in Word.
@Suite("The council on the web")
struct WebCouncilTests {
    @Test("The head records the council, a council member the meeting and a ballot; wrong entries are said beside their fields")
    func councilMeetingAndBallot() async throws {
        try await withTestApp { app, seed in
            let f = try await RegistryFixture.make(seed)
            let worker = try await seed.person("Đỗ Văn Bảy", unit: f.collective.id)
            _ = try await f.nomination(seed, status: .recommended)
            let cstd = try await f.nomination(
                seed, status: .recommended, award: "CSTD_CS", nominee: .person(worker.id), overriding: "Đủ điều kiện theo hồ sơ")
            let head = try await seed.webAccount("Trần Văn Minh", [.headmaster], login: "minh.tran")
            let secretary = try await seed.webAccount("Võ Thị Mười", [.council], login: "vo.muoi", person: f.councilPeople[2].id)
            let path = "/movements/\(f.movement.id)/council"
            let people = f.councilPeople.map(\.id.description)
            try await app.test(.router) { client in
                var browser = PageClient(client)
                _ = try await browser.signIn("minh.tran", head)
                #expect(
                    try await browser.get("/movements/\(f.movement.id)").text.contains(
                        #"href="\#(path)">Hội đồng Thi đua – Khen thưởng</a>"#))
                let empty = try await browser.get(path)
                #expect(empty.status == .ok && empty.text.contains("Chưa ghi quyết định thành lập Hội đồng năm 2024."))
                let token = PageClient.formToken(empty.text) ?? ""
                let council = [
                    ("_csrf", token), ("decisionNumber", "09/QĐ-THAP"), ("chair", people[1]), ("viceChair", ""),
                    ("secretary", people[2]), ("member", people[0]), ("member", f.teacher.id.description),
                ]
                let wrong = try await browser.post(path, council + [("decisionDate", "2024-13-45")])
                #expect(wrong.status == .unprocessableContent && wrong.text.contains(#"id="error-decisionDate""#))
                #expect(wrong.text.contains(#"value="09/QĐ-THAP""#), "what was typed stays")
                let noChair = try await browser.post(
                    path, council.map { $0.0 == "chair" ? ("chair", "") : $0 } + [("decisionDate", "05/01/2024")])
                #expect(noChair.status == .unprocessableContent && noChair.text.contains("Hội đồng có đúng một Chủ tịch."))
                #expect(try await seed.count("councils") == 0)
                let recorded = try await browser.post(path, council + [("decisionDate", "05/01/2024")])
                #expect(recorded.status == .seeOther)
                let shown = try await browser.get(path + "?done=council")
                #expect(
                    shown.text.contains("Đã ghi Hội đồng.")
                        && shown.text.contains("Thành lập theo Quyết định số 09/QĐ-THAP ngày 05/01/2024"))
                #expect(shown.text.contains("Lê Hoàng Phúc") && shown.text.contains("Chủ tịch Hội đồng"))

                var member = PageClient(client)
                _ = try await member.signIn("vo.muoi", secretary)
                let page = try await member.get(path)
                #expect(page.text.contains("Ghi cuộc họp của Hội đồng") && !page.text.contains("Ghi quyết định thành lập Hội đồng"))
                let memberToken = PageClient.formToken(page.text) ?? ""
                let meeting = [
                    ("_csrf", memberToken), ("startsAt", "14:00"), ("endsAt", "16:30"), ("place", "Phòng họp nhà trường"),
                    ("chairId", people[1]), ("secretaryId", people[2]), ("absent-\(f.teacher.id)", "1"),
                    ("reason-\(f.teacher.id)", "Đi công tác"),
                ]
                let badHours = try await member.post(
                    path + "/meeting", meeting.map { $0.0 == "endsAt" ? ("endsAt", "13:00") : $0 } + [("heldOn", "20/05/2024")])
                #expect(badHours.status == .unprocessableContent && badHours.text.contains("Giờ kết thúc phải sau giờ bắt đầu."))
                #expect(badHours.text.contains(#"value="Phòng họp nhà trường""#))
                #expect(try await seed.count("council_meetings") == 0)
                let held = try await member.post(path + "/meeting", meeting + [("heldOn", "20/05/2024")])
                #expect(held.status == .seeOther)
                let after = try await member.get(path)
                #expect(after.text.contains("3/4 thành viên") && after.text.contains("Nguyễn Thị Ngọc Hân (Đi công tác)"))
                #expect(
                    after.text.contains(#"href="\#(path)/minutes">Bản in (HTML)</a>"#) && !after.text.contains("Ghi cuộc họp của Hội đồng"))
                #expect(after.text.contains("Đỗ Văn Bảy") && after.text.contains("Số phiếu phát ra"))

                let ballot = [("_csrf", memberToken), ("nominationId", cstd.id.description), ("returned", "3"), ("valid", "3")]
                let tooMany = try await member.post(path + "/ballots", ballot + [("issued", "3"), ("agree", "4")])
                #expect(tooMany.status == .unprocessableContent && tooMany.text.contains("Số phiếu đồng ý không quá số phiếu hợp lệ."))
                #expect(tooMany.text.contains(#"id="error-agree-\#(cstd.id)""#))
                #expect(try await seed.count("council_ballots") == 0)
                #expect(try await member.post(path + "/ballots", ballot + [("issued", "3"), ("agree", "3")]).status == .seeOther)
                let minutes = try await member.get(path + "/minutes")
                #expect(minutes.status == .ok && minutes.text.contains("HỌP HỘI ĐỒNG THI ĐUA – KHEN THƯỞNG"))
                #expect(minutes.text.contains("3/4") && minutes.text.contains("75,00%"))
                let word = try await member.get(path + "/minutes?format=docx")
                #expect(word.headers[.contentDisposition]?.contains("bien-ban-hop-hoi-dong.docx") == true)
            }
        }
    }
}
