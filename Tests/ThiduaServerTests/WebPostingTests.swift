import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import ThiduaCore
import ThiduaStore
import ThiduaTestSupport

/// "Niêm yết công khai" in the pages (issue "The school year's paperwork", item 7): the head posts the council's list
/// with each mistake beside its field, a teacher comments, the council reads the comment, the notice prints.
@Suite("Web: public posting of the council's list")
struct WebPostingTests {
    @Test("The head posts the list; a teacher comments while it is up; the council reads it; the notice prints")
    func postAndComment() async throws {
        try await withTestApp { app, seed in
            let f = try await RegistryFixture.make(seed)
            _ = try await f.nomination(seed, status: .recommended, overriding: "Đủ điều kiện theo hồ sơ")
            let head = try await seed.webAccount("Hiệu trưởng", [.headmaster], login: "hieu.truong")
            let teacherPassword = try await seed.webAccount("Nguyễn Thị Ngọc Hân", [.staff], login: "ngoc.han", person: f.teacher.id)
            let councilPassword = try await seed.webAccount("Thành viên", [.council], login: "hoi.dong")
            let path = "/movements/\(f.movement.id)/posting"
            try await app.test(.router) { client in
                var headmaster = PageClient(client)
                _ = try await headmaster.signIn("hieu.truong", head)
                let empty = try await headmaster.get(path)
                #expect(empty.status == .ok && empty.text.contains("Phong trào chưa có đợt niêm yết nào."))
                let token = PageClient.formToken(empty.text) ?? ""
                let mistaken = try await headmaster.post(
                    path, [("_csrf", token), ("postedOn", "32/05/2024"), ("days", "40"), ("place", "")])
                #expect(mistaken.status == .unprocessableContent)
                for field in ["postedOn", "days", "place"] { #expect(mistaken.text.contains(#"id="error-\#(field)""#), "\(field)") }
                #expect(try await seed.count("postings") == 0)
                let today = LocalDate.today.vietnamese
                let posted = try await headmaster.post(path, [("_csrf", token), ("postedOn", today), ("days", "3"), ("place", "Bảng tin")])
                #expect(posted.status == .seeOther)
                let shown = try await headmaster.get(try #require(posted.headers[.location]))
                #expect(shown.text.contains("Đã niêm yết danh sách.") && shown.text.contains("Nguyễn Thị Ngọc Hân"))
                #expect(shown.text.contains("đang niêm yết") && shown.text.contains("Chưa có góp ý nào."))

                var teacher = PageClient(client)
                _ = try await teacher.signIn("ngoc.han", teacherPassword)
                let page = try await teacher.get(path)
                #expect(!page.text.contains("Niêm yết danh sách Hội đồng đề nghị"), "only the head posts")
                let teacherToken = PageClient.formToken(page.text) ?? ""
                let blank = try await teacher.post(path + "/comments", [("_csrf", teacherToken), ("body", "  "), ("nominationId", "")])
                #expect(blank.status == .unprocessableContent && blank.text.contains(#"id="error-body""#))
                let sent = try await teacher.post(
                    path + "/comments", [("_csrf", teacherToken), ("body", "Đồng ý với danh sách"), ("nominationId", "")])
                #expect(sent.status == .seeOther)
                #expect(!(try await teacher.get(path)).text.contains("Đồng ý với danh sách"), "comments are the council's to read")

                var council = PageClient(client)
                _ = try await council.signIn("hoi.dong", councilPassword)
                let read = try await council.get(path)
                #expect(read.text.contains("Đồng ý với danh sách") && read.text.contains("Nguyễn Thị Ngọc Hân"))
                let notice = try await council.get(path + "/notice")
                #expect(notice.status == .ok && notice.text.contains("THÔNG BÁO") && notice.text.contains("Bảng tin"))
            }
        }
    }
}
