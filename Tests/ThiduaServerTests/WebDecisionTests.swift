import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import ThiduaCore
import ThiduaStore
import ThiduaTestSupport

/// Chờ duyệt → a batch decision in the pages (web-ui.md flow 4): preview (a dry run), sign, the printed decision.
@Suite("Web: the headmaster's batch decision")
struct WebDecisionTests {
    @Test("The preview lists the exact people, count and money and stores nothing; signing issues all and opens the decision")
    func previewAndSign() async throws {
        try await withTestApp { app, seed in
            let f = try await RegistryFixture.make(seed)
            let first = try await f.nomination(seed, status: .recommended, overriding: "Đủ điều kiện theo hồ sơ")
            let other = try await seed.person("Lê Văn Tám", unit: f.collective.id)
            let second = try await f.nomination(seed, status: .recommended, nominee: .person(other.id), overriding: "Đủ điều kiện")
            let password = try await seed.webAccount("Trần Văn Minh", [.headmaster], login: "hieu.truong", person: nil)
            try await app.test(.router) { client in
                var browser = PageClient(client)
                _ = try await browser.signIn("hieu.truong", password)
                let form = try await browser.get("/decisions/new")
                #expect(form.status == .ok && form.text.contains(#"value="\#(first.id)""#) && form.text.contains("Lê Văn Tám"))
                #expect(form.text.contains(#"href="/nominations/\#(second.id)""#), "each one opens its page, to decline or forward it")
                let token = PageClient.formToken(form.text) ?? ""
                let ids = [("ids", first.id.description), ("ids", second.id.description)]
                let badDate = try await browser.post(
                    "/decisions/preview", [("_csrf", token), ("number", "15/QĐ-THAP"), ("date", "31/02/2024")] + ids)
                #expect(badDate.status == .unprocessableContent && badDate.text.contains("Không có ngày 31/02/2024 trong lịch"))
                let badShape = try await browser.post(
                    "/decisions/preview", [("_csrf", token), ("number", "15/QĐ-THAP"), ("date", "24.05.2024")] + ids)
                #expect(badShape.status == .unprocessableContent && badShape.text.contains("ví dụ 24/05/2024"))
                #expect(badDate.text.contains(#"value="15/QĐ-THAP""#), "what was typed comes back")
                let preview = try await browser.post(
                    "/decisions/preview", [("_csrf", token), ("number", "15/QĐ-THAP"), ("date", "24/05/2024")] + ids)
                #expect(preview.status == .ok)
                #expect(preview.text.contains("Ký Quyết định số 15/QĐ-THAP ngày 24/05/2024 khen thưởng 2 đề nghị, tổng "))
                #expect(preview.text.contains("Nguyễn Thị Ngọc Hân") && preview.text.contains("Lê Văn Tám"))
                #expect(
                    preview.text.range(of: #"\d{1,3}(\.\d{3})+ đ<"#, options: .regularExpression) != nil,
                    "\(preview.text.components(separatedBy: "<tbody>").last?.prefix(600) ?? "")")
                #expect(try await seed.count("commendations") == 0, "a preview stores nothing")
                #expect(preview.text.contains(#"name="signedAs" value="deputy""#) == false, "the head signs unless told")
                let signed = try await browser.post(
                    "/decisions", [("_csrf", token), ("number", "15/QĐ-THAP"), ("date", "24/05/2024"), ("signedAs", "deputy")] + ids)
                #expect(signed.status == .seeOther)
                #expect(try await seed.count("commendations") == 2)
                let location = try #require(signed.headers[.location])
                let done = try await browser.get(location)
                #expect(done.status == .ok && done.text.contains("Đã ký Quyết định số <strong>15/QĐ-THAP</strong>"))
                #expect(done.text.contains("khen thưởng 2 đề nghị") && done.text.contains(#"href="/""#), "a way back to the work list")
                let print = try #require(done.text.firstMatch(of: /href="(\/decisions\/document\?number=[^"]+)"/)?.1)
                    .replacingOccurrences(of: "&amp;", with: "&")
                #expect(print.hasSuffix("&year=2024"), "numbers restart each year: the link names the year")
                let document = try await browser.get(print)
                #expect(
                    document.status == .ok && document.text.contains("15/QĐ-THAP") && document.text.contains("Lê Văn Tám"),
                    "\(location) \(document.status) \(document.text.prefix(300))")
                #expect(document.text.contains("KT. HIỆU TRƯỞNG<br>PHÓ HIỆU TRƯỞNG"), "signed by a deputy, as chosen on the form")
                // The Word file to finish, and the accountant's receipt list (printable, and as a workbook).
                let word = try await browser.get(print + "&format=docx")
                #expect(word.headers[.contentType]?.hasPrefix("application/vnd.openxmlformats-officedocument.wordprocessingml") == true)
                #expect(word.headers[.contentDisposition]?.contains("quyet-dinh.docx") == true)
                let receipts = try await browser.get(print.replacingOccurrences(of: "/decisions/document", with: "/decisions/rewards"))
                #expect(receipts.status == .ok && receipts.text.contains("DANH SÁCH KÝ NHẬN TIỀN THƯỞNG"))
                #expect(receipts.text.contains("Lê Văn Tám") && receipts.text.contains(#"<td class="sign"></td>"#))
                #expect(done.text.contains("Danh sách ký nhận (Excel)"))
                // Signing the same nominations again is refused and changes nothing.
                let again = try await browser.post(
                    "/decisions", [("_csrf", token), ("number", "16/QĐ-THAP"), ("date", "25/05/2024")] + ids)
                #expect(again.status == .conflict && again.text.contains("Không ký được quyết định"))
                #expect(try await seed.count("commendations") == 2)
                // This year's 15/QĐ-THAP is taken: a preview with another date says so on the form, with what was typed.
                let dung = try await seed.person("Hà Văn Dũng", unit: f.collective.id)
                let third = try await f.nomination(seed, status: .recommended, nominee: .person(dung.id), overriding: "Đủ điều kiện")
                let taken = try await browser.post(
                    "/decisions/preview",
                    [("_csrf", token), ("number", "15/QĐ-THAP"), ("date", "01/06/2024"), ("ids", third.id.description)])
                #expect(taken.status == .unprocessableContent)
                #expect(taken.text.contains("Quyết định số 15/QĐ-THAP năm 2024 đã có, ngày 24/05/2024"))
                #expect(taken.text.contains(#"value="01/06/2024""#) && taken.text.contains("Hà Văn Dũng"))
                #expect(try await seed.count("commendations") == 2)
            }
        }
    }

    @Test("Only the headmaster reaches Chờ duyệt; a POST without the form token signs nothing")
    func headmasterOnly() async throws {
        try await withTestApp { app, seed in
            let f = try await RegistryFixture.make(seed)
            let nomination = try await f.nomination(seed, status: .recommended, overriding: "Đủ điều kiện")
            let council = try await seed.webAccount("Hội đồng", [.council], login: "hoi.dong")
            let head = try await seed.webAccount("Hiệu trưởng", [.headmaster], login: "hieu.truong")
            try await app.test(.router) { client in
                var member = PageClient(client)
                _ = try await member.signIn("hoi.dong", council)
                #expect(try await member.get("/decisions/new").status == .forbidden)
                var headmaster = PageClient(client)
                _ = try await headmaster.signIn("hieu.truong", head)
                let forged = try await headmaster.post(
                    "/decisions", [("number", "15/QĐ-THAP"), ("date", "24/05/2024"), ("ids", nomination.id.description)])
                #expect(forged.status == .forbidden)
                #expect(try await seed.count("commendations") == 0)
            }
        }
    }

    @Test(
        "The decision's own Nơi nhận is typed on the form, shown on the preview, printed on the signed decision; eleven lines are refused")
    func ownRecipients() async throws {
        try await withTestApp { app, seed in
            let f = try await RegistryFixture.make(seed)
            let nomination = try await f.nomination(seed, status: .recommended, overriding: "Đủ điều kiện theo hồ sơ")
            let password = try await seed.webAccount("Trần Văn Minh", [.headmaster], login: "hieu.truong", person: nil)
            try await app.test(.router) { client in
                var browser = PageClient(client)
                _ = try await browser.signIn("hieu.truong", password)
                let form = try await browser.get("/decisions/new")
                #expect(form.text.contains("Nơi nhận của quyết định này") && form.text.contains("Phòng GD&amp;ĐT (b/c);"))
                let token = PageClient.formToken(form.text) ?? ""
                let fields = [("_csrf", token), ("number", "17/QĐ-THAP"), ("date", "24/05/2024"), ("ids", nomination.id.description)]
                let tooMany = try await browser.post(
                    "/decisions/preview", fields + [("recipientsText", (1...11).map { "Nơi \($0);" }.joined(separator: "\r\n"))])
                #expect(tooMany.status == .unprocessableContent && tooMany.text.contains("Nơi nhận cần từ 1 đến 10 dòng."))
                #expect(tooMany.text.contains("Nơi 11;"), "what was typed comes back")
                let preview = try await browser.post(
                    "/decisions/preview", fields + [("recipientsText", "Như Điều 3;\r\n\r\nKế toán trường;\r\nLưu: VT.")])
                #expect(preview.status == .ok && preview.text.contains("Nơi nhận riêng: Như Điều 3; Kế toán trường; Lưu: VT."))
                let carried = preview.text.matches(of: /name="recipients" value="([^"]+)"/).map { String($0.1) }
                #expect(carried == ["Như Điều 3;", "Kế toán trường;", "Lưu: VT."])
                let signed = try await browser.post("/decisions", fields + carried.map { ("recipients", $0) })
                #expect(signed.status == .seeOther)
                let printed = try await DecisionRepository(client: seed.client).document("17/QĐ-THAP", logger: seed.logger)
                #expect(printed.recipients == ["Như Điều 3;", "Kế toán trường;", "Lưu: VT."])
            }
        }
    }
}
