import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import ThiduaCore
import ThiduaStore
import ThiduaTestSupport

/// The headmaster's steps on one nomination's page: decline with a reason, forward with a tờ trình, record the higher
/// authority's decision, revoke after a page that restates it.
@Suite("Web: the headmaster's steps on a nomination")
struct WebNominationDecisionTests {
    @Test("'Không duyệt' needs a reason, which the page then shows; the council cannot decline but returns a submitted one")
    func decline() async throws {
        try await withTestApp { app, seed in
            let f = try await RegistryFixture.make(seed)
            let nomination = try await f.nomination(seed, status: .recommended)
            let submitted = try await f.nomination(seed, status: .submitted, award: "CSTD_CS", overriding: "Đủ điều kiện theo hồ sơ")
            let head = try await seed.webAccount("Hiệu trưởng", [.headmaster], login: "hieu.truong")
            let member = try await seed.webAccount("Hội đồng", [.council], login: "hoi.dong")
            let path = "/nominations/\(nomination.id)"
            try await app.test(.router) { client in
                var council = PageClient(client)
                _ = try await council.signIn("hoi.dong", member)
                let seen = try await council.get(path)
                #expect(!seen.text.contains("Trả lại bổ sung") && !seen.text.contains("Không duyệt: lý do"))
                let councilToken = PageClient.formToken(seen.text) ?? ""
                let refused = try await council.post(
                    path + "/decide/decline", [("_csrf", councilToken), ("version", "\(nomination.version)")])
                #expect(refused.status == .forbidden)
                #expect(try await council.get("/nominations/\(submitted.id)").text.contains("Trả lại bổ sung"))
                let returned = try await council.post(
                    "/nominations/\(submitted.id)/decide/return",
                    [("_csrf", councilToken), ("version", "\(submitted.version)"), ("reason", "Thiếu bản nhận xét của tổ")])
                #expect(returned.status == .seeOther)
                #expect(try await council.get("/nominations/\(submitted.id)").text.contains("Thiếu bản nhận xét của tổ"))
                var headmaster = PageClient(client)
                _ = try await headmaster.signIn("hieu.truong", head)
                let page = try await headmaster.get(path)
                #expect(page.text.contains("Xem trước và ký quyết định") && page.text.contains("Không duyệt: lý do"))
                #expect(!page.text.contains("/decide/forward"), "the school decides Lao động tiên tiến itself: no tờ trình offered")
                #expect(page.text.contains(#"<span class="roles">(Hiệu trưởng)</span>"#), "a school's head, in the header")
                let token = PageClient.formToken(page.text) ?? ""
                let noReason = try await headmaster.post(
                    path + "/decide/decline", [("_csrf", token), ("version", "\(nomination.version)"), ("reason", " ")])
                #expect(noReason.status == .unprocessableContent && noReason.text.contains("Cần ghi rõ lý do."))
                let declined = try await headmaster.post(
                    path + "/decide/decline",
                    [("_csrf", token), ("version", "\(nomination.version)"), ("reason", "Chưa đủ minh chứng về sáng kiến")])
                #expect(declined.status == .seeOther)
                let after = try await headmaster.get(path)
                #expect(after.text.contains("không duyệt") && after.text.contains("Chưa đủ minh chứng về sáng kiến"))
            }
            #expect(try await NominationRepository(client: seed.client).find(nomination.id, logger: seed.logger).status == .declined)
        }
    }

    @Test("An award above the school's authority is forwarded with a tờ trình, the province's decision recorded, then revoked")
    func forwardRecordRevoke() async throws {
        try await withTestApp { app, seed in
            let f = try await RegistryFixture.make(seed)
            let above = try await f.nomination(seed, status: .recommended, award: "BK_TINH")
            let head = try await seed.webAccount("Hiệu trưởng", [.headmaster], login: "hieu.truong")
            let path = "/nominations/\(above.id)"
            try await app.test(.router) { client in
                var headmaster = PageClient(client)
                _ = try await headmaster.signIn("hieu.truong", head)
                var page = try await headmaster.get(path)
                #expect(page.text.contains(#"action="\#(path)/decide/forward""#) && !page.text.contains("Xem trước và ký quyết định"))
                let token = PageClient.formToken(page.text) ?? ""
                let badDate = try await headmaster.post(
                    path + "/decide/forward",
                    [("_csrf", token), ("version", "\(above.version)"), ("decisionNumber", "52/TTr-THAP"), ("decisionDate", "2024-13-01")])
                #expect(badDate.status == .unprocessableContent && badDate.text.contains("ngày/tháng/năm"))
                let noSubmissionNumber = try await headmaster.post(
                    path + "/decide/forward",
                    [("_csrf", token), ("version", "\(above.version)"), ("decisionNumber", ""), ("decisionDate", "10/12/2024")])
                #expect(
                    noSubmissionNumber.text.contains("Cần số tờ trình (ví dụ 25/TTr-THAP).")
                        && !noSubmissionNumber.text.contains("Cần số quyết định"))
                let forwarded = try await headmaster.post(
                    path + "/decide/forward",
                    [
                        ("_csrf", token), ("version", "\(above.version)"), ("decisionNumber", "52/TTr-THAP"),
                        ("decisionDate", "10/12/2024"),
                        ("addressee", "Hội đồng Thi đua - Khen thưởng huyện Tân Hồng"),
                    ])
                #expect(forwarded.status == .seeOther)
                page = try await headmaster.get(path)
                #expect(page.text.contains("đã trình cấp trên") && page.text.contains("Ghi kết quả của cấp trên"))
                #expect(page.text.contains("Tờ trình số 52/TTr-THAP ngày 10/12/2024 gửi Hội đồng Thi đua - Khen thưởng huyện Tân Hồng"))
                let filePath = try #require(WebAuditTests.link("Hồ sơ trình (bản in)", in: page.text))
                let file = try await headmaster.get(filePath)
                #expect(file.status == .ok && file.text.contains("Số: 52/TTr-THAP") && file.text.contains("THEO DÕI HỒ SƠ VÀ KẾT QUẢ"))
                let home = try await headmaster.get("/")
                #expect(home.text.contains(#"href="\#(path)#ket-qua""#) && home.text.contains("Ghi kết quả của cấp trên →"))
                // Each mistake is shown beside its field, what was typed is kept, and nothing is recorded.
                let mistaken = try await headmaster.post(
                    path + "/answer",
                    [
                        ("_csrf", token), ("outcome", "refused"), ("issuer", "UBND tỉnh Đồng Tháp"), ("decisionNumber", "1234/QĐ-UBND"),
                        ("decisionDate", "32/12/2024"), ("award", ""), ("reason", ""),
                    ])
                #expect(mistaken.status == .unprocessableContent)
                #expect(
                    mistaken.text.contains(#"id="error-decisionDate""#)
                        && mistaken.text.contains("Không có ngày 32/12/2024 trong lịch: tháng 12 năm 2024 chỉ có 31 ngày."))
                #expect(mistaken.text.contains(#"id="error-reason""#) && mistaken.text.contains("Cần ghi lý do cấp trên không duyệt."))
                #expect(mistaken.text.contains(#"value="1234/QĐ-UBND""#))
                #expect(try await NominationRepository(client: seed.client).find(above.id, logger: seed.logger).status == .forwarded)
                let recorded = try await headmaster.post(
                    path + "/answer",
                    [
                        ("_csrf", token), ("outcome", "approved"), ("issuer", "UBND tỉnh Đồng Tháp"), ("decisionNumber", "1234/QĐ-UBND"),
                        ("decisionDate", "20/12/2024"), ("award", ""), ("reason", ""),
                    ])
                #expect(recorded.status == .seeOther)
                page = try await headmaster.get(path)
                #expect(page.text.contains("Quyết định số 1234/QĐ-UBND ngày 20/12/2024"))
                let revokeLink = try #require(WebAuditTests.link("Thu hồi khen thưởng này", in: page.text))
                let confirm = try await headmaster.get(revokeLink)
                #expect(confirm.text.contains("1234/QĐ-UBND") && confirm.text.contains("không hoàn tác"))
                let noNumber = try await headmaster.post(revokeLink, [("_csrf", token), ("reason", "Phát hiện sai phạm")])
                #expect(noNumber.status == .unprocessableContent && noNumber.text.contains("Cần số quyết định thu hồi"))
                let fields = [("_csrf", token), ("reason", "Phát hiện sai phạm"), ("decisionNumber", "30/QĐ-THAP")]
                let early = try await headmaster.post(revokeLink, fields + [("decisionDate", "19/12/2024")])
                #expect(
                    early.status == .unprocessableContent
                        && early.text.contains("không thể có ngày trước quyết định khen thưởng (20/12/2024)"))
                #expect(early.text.contains("30/QĐ-THAP") && early.text.contains("Phát hiện sai phạm"), "what was typed is kept")
                let wrongDate = try await headmaster.post(revokeLink, fields + [("decisionDate", "31/02/2025")])
                #expect(
                    wrongDate.status == .unprocessableContent
                        && wrongDate.text.contains("Không có ngày 31/02/2025 trong lịch: tháng 2 năm 2025 chỉ có 28 ngày."))
                let leapDay = try await headmaster.post(revokeLink, fields + [("decisionDate", "30/02/2024")])
                #expect(leapDay.text.contains("Không có ngày 30/02/2024 trong lịch: tháng 2 năm 2024 chỉ có 29 ngày."))
                // A year no record can have is not a calendar question: the shape's message, not "tháng 1 chỉ có 28 ngày".
                let oldYear = try await headmaster.post(revokeLink, fields + [("decisionDate", "31/01/1800")])
                #expect(oldYear.text.contains("Ngày phải có dạng ngày/tháng/năm") && !oldYear.text.contains("trong lịch"))
                let wrongShape = try await headmaster.post(revokeLink, fields + [("decisionDate", "2025-01-10x")])
                #expect(wrongShape.status == .unprocessableContent && wrongShape.text.contains("Ngày phải có dạng ngày/tháng/năm"))
                let revoked = try await headmaster.post(revokeLink, fields + [("decisionDate", "10/01/2025")])
                #expect(revoked.status == .seeOther)
                page = try await headmaster.get(path)
                #expect(page.text.contains("đã thu hồi: Phát hiện sai phạm") && !page.text.contains("Thu hồi khen thưởng này"))
                // The revocation's own decision, printable and for Word; it cites the province's decision as the province's.
                let printLink = try #require(WebAuditTests.link("Quyết định thu hồi (bản in)", in: page.text))
                let printed = try await headmaster.get(printLink)
                #expect(printed.status == .ok && printed.text.contains("Số: 30/QĐ-THAP"))
                #expect(printed.text.contains("Về việc hủy bỏ Quyết định khen thưởng số 1234/QĐ-UBND ngày 20/12/2024"))
                #expect(printed.text.contains("Căn cứ Quyết định số 1234/QĐ-UBND ngày 20/12/2024 của UBND tỉnh Đồng Tháp"))
                #expect(printed.text.contains("Ngày 10 tháng 01 năm 2025"), "no place set: no stray comma before the date")
                let word = try await headmaster.get(printLink + "?format=docx")
                #expect(word.status == .ok && word.headers[.contentType]?.contains("wordprocessingml") == true)
            }
        }
    }

    @Test("Forwarding an award the school decides itself is not offered, and a form sent anyway is refused in a clerk's words")
    func forwardWithinAuthority() async throws {
        try await withTestApp { app, seed in
            let f = try await RegistryFixture.make(seed)
            let nomination = try await f.nomination(seed, status: .recommended)
            let head = try await seed.webAccount("Hiệu trưởng", [.headmaster], login: "hieu.truong")
            try await app.test(.router) { client in
                var headmaster = PageClient(client)
                _ = try await headmaster.signIn("hieu.truong", head)
                let page = try await headmaster.get("/nominations/\(nomination.id)")
                let refused = try await headmaster.post(
                    "/nominations/\(nomination.id)/decide/forward",
                    [
                        ("_csrf", PageClient.formToken(page.text) ?? ""), ("version", "\(nomination.version)"),
                        ("decisionNumber", "52/TTr-THAP"), ("decisionDate", "10/12/2024"),
                    ])
                #expect(!page.text.contains("/decide/forward"))
                #expect(refused.status == .conflict && refused.text.contains("tự quyết định, không cần tờ trình: hãy ký quyết định"))
                #expect(!refused.text.contains("decisionNumber, decisionDate"), "in a clerk's words, not the API's")
            }
            #expect(try await NominationRepository(client: seed.client).find(nomination.id, logger: seed.logger).status == .recommended)
        }
    }
}
