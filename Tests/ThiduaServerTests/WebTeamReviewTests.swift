import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import ThiduaCore
import ThiduaStore
import ThiduaTestSupport

/// A tổ's bình xét in the pages (issue "The school year's paperwork", item 2): the tổ trưởng records it once with each
/// mistake beside its field, then prints its biên bản; the council picks the tổ and reads it; another tổ's leader cannot.
@Suite("Web: a tổ's bình xét")
struct WebTeamReviewTests {
    @Test("The tổ trưởng records the review, mistakes first; the council reads it; another tổ's leader is refused")
    func recordAndRead() async throws {
        try await withTestApp { app, seed in
            let f = try await RegistryFixture.make(seed)
            let second = try await seed.person("Đỗ Văn Bảy", unit: f.collective.id)
            let leadPassword = try await seed.webAccount(
                "Phạm Thị Lan", [.teamLead, .staff], login: "to.truong", person: f.councilPeople[0].id, scope: f.collective.id)
            let other = try await seed.unit("THAP-K2", name: "Tổ chuyên môn khối 2", kind: .collective, parent: f.school.id)
            let otherPassword = try await seed.webAccount("Tổ trưởng khối 2", [.teamLead], login: "to.truong.2", scope: other.id)
            let councilPassword = try await seed.webAccount("Thành viên", [.council], login: "hoi.dong")
            let path = "/movements/\(f.movement.id)/team-review"
            try await app.test(.router) { client in
                var lead = PageClient(client)
                _ = try await lead.signIn("to.truong", leadPassword)
                let form = try await lead.get(path)
                #expect(form.status == .ok && form.text.contains("Bình xét của Tổ chuyên môn khối 1"))
                #expect(form.text.contains("Đỗ Văn Bảy") && form.text.contains("Nguyễn Thị Ngọc Hân"))
                let token = PageClient.formToken(form.text) ?? ""
                let target = "\(path)?unit=\(f.collective.id)"
                let teacher = f.teacher.id.description, absent = second.id.description, chair = f.councilPeople[0].id.description
                var fields = [
                    ("_csrf", token), ("heldOn", "15/13/2024"), ("startsAt", "15:30"), ("endsAt", "17:00"), ("place", "Phòng họp tổ"),
                    ("chairId", chair), ("secretaryId", teacher), ("absent-\(absent)", "1"), ("reason-\(absent)", "Nghỉ ốm"),
                    ("title-\(teacher)", "LDTT"), ("agree-\(teacher)", "2"), ("title-\(chair)", "LDTT"), ("agree-\(chair)", "2"),
                    ("title-\(absent)", ""),
                ]
                let badDate = try await lead.post(target, fields)
                #expect(badDate.status == .unprocessableContent && badDate.text.contains(#"id="error-heldOn""#))
                #expect(badDate.text.contains(#"value="Phòng họp tổ""#), "what was typed is kept")
                fields[1] = ("heldOn", "15/05/2024")
                fields[10] = ("agree-\(teacher)", "5")
                let tooMany = try await lead.post(target, fields)
                #expect(tooMany.status == .unprocessableContent && tooMany.text.contains(#"role="alert""#))
                #expect(try await seed.count("team_reviews") == 0)
                fields[10] = ("agree-\(teacher)", "2")
                let recorded = try await lead.post(target, fields)
                #expect(recorded.status == .seeOther)
                let page = try await lead.get(try #require(recorded.headers[.location]))
                #expect(page.text.contains("Đã ghi bình xét của tổ.") && page.text.contains("có mặt 2/3"))
                let minutes = try await lead.get("\(path)/minutes?unit=\(f.collective.id)")
                #expect(minutes.status == .ok && minutes.text.contains("BIÊN BẢN"))

                var otherLead = PageClient(client)
                _ = try await otherLead.signIn("to.truong.2", otherPassword)
                #expect(try await otherLead.get(target).status == .forbidden)

                var council = PageClient(client)
                _ = try await council.signIn("hoi.dong", councilPassword)
                let chooser = try await council.get(path)
                #expect(chooser.text.contains("Tổ chuyên môn khối 1") && chooser.text.contains("Tổ chuyên môn khối 2"))
                let read = try await council.get(target)
                #expect(read.text.contains("có mặt 2/3") && !read.text.contains("Ghi bình xét</button>"))
            }
        }
    }
}
