import Foundation
import HTTPTypes
import Testing
import ThiduaCore
import ThiduaStore
import ThiduaTestSupport

/// The văn thư's settings for a unit's documents (issue "Documents"; sql/0023): the header's managing agency and the
/// place were derived from the parent unit's name, the signature was always "HIỆU TRƯỞNG" and Nơi nhận fixed.
@Suite("Document settings")
struct DocumentSettingsTests {
    @Test("Derived until set; set by admin or headmaster with If-Match; a blank place or a stale version changes nothing")
    func setOnceForTheUnit() async throws {
        try await withTestApp { app, seed in
            let f = try await RegistryFixture.make(seed)
            let path = "/v1/units/\(f.school.id)/document-settings"
            try await app.test(.router) { client in
                let derived = try await client.send(.get, path, token: f.staff)
                #expect(derived.status == 200)
                #expect(derived.body["saved"] == .bool(false))
                #expect(derived.headers[.eTag] == "\"0\"")

                let body =
                    #"{"managingAgency":"PHÒNG GD&ĐT HUYỆN TÂN HỒNG","place":"Tân Hồng","signerPosition":"Hiệu trưởng","#
                    + #""recipients":["Như Điều 3;","Phòng GD&ĐT huyện Tân Hồng (b/c);","Lưu: VT."],"wordsStyle":"southern"}"#
                #expect(try await client.send(.put, path, token: f.staff, json: body).status == 403)
                let blank = try await client.send(.put, path, token: f.headmaster, json: #"{"place":"  ","managingAgency":"X"}"#)
                #expect(blank.status == 422)
                #expect(blank.body["errors"]?.array?.map { $0["field"]?.string } == ["place"])
                #expect(try await client.send(.get, path, token: f.staff).body["saved"] == .bool(false))

                let saved = try await client.send(.put, path, token: f.headmaster, json: body, headers: [.ifMatch: "\"0\""])
                #expect(saved.status == 200)
                #expect(saved.headers[.eTag] == "\"1\"")
                #expect(saved.body["managingAgency"]?.string == "PHÒNG GD&ĐT HUYỆN TÂN HỒNG")
                #expect(saved.body["recipients"]?.array?.count == 3)
                let stale = try await client.send(.put, path, token: f.admin, json: #"{"place":"Hồng Ngự"}"#, headers: [.ifMatch: "\"0\""])
                #expect(stale.status == 412)
                // A field left out keeps its value.
                let changed = try await client.send(
                    .put, path, token: f.admin, json: #"{"fund":"quỹ thi đua, khen thưởng của nhà trường"}"#)
                #expect(changed.body["place"]?.string == "Tân Hồng")
                #expect(changed.body["wordsStyle"]?.string == "southern")
                let audited = try await seed.client.query(
                    "SELECT count(*)::int FROM audit_log WHERE action = 'unit.document-settings'", logger: seed.logger
                ).collect().first?.decode(Int.self)
                #expect(audited == 2)
            }
        }
    }

    @Test(
        "A decision signed by a deputy prints 'KT. HIỆU TRƯỞNG / PHÓ HIỆU TRƯỞNG', its own Nơi nhận, the unit's agency, place, fund and words"
    )
    func deputySignsWithTheUnitsSettings() async throws {
        try await withTestApp { app, seed in
            let f = try await RegistryFixture.make(seed)
            let nomination = try await f.nomination(seed, status: .recommended, overriding: "Đủ điều kiện theo hồ sơ")
            try await app.test(.router) { client in
                let settings =
                    #"{"managingAgency":"UBND HUYỆN TÂN HỒNG","place":"Tân Hồng","fund":"quỹ thi đua, khen thưởng của nhà trường","#
                    + #""wordsStyle":"southern"}"#
                #expect(
                    try await client.send(.put, "/v1/units/\(f.school.id)/document-settings", token: f.admin, json: settings).status == 200)
                let wrong = try await client.send(
                    .post, "/v1/decisions", token: f.headmaster,
                    json: #"{"number":"07/QĐ-THAP","date":"2024-05-20","nominationIds":["\#(nomination.id)"],"signedAs":"vice"}"#)
                #expect(wrong.status == 422)
                #expect(wrong.body["errors"]?.array?.first?["field"]?.string == "signedAs")
                let signed = try await client.send(
                    .post, "/v1/decisions", token: f.headmaster,
                    json: #"{"number":"07/QĐ-THAP","date":"2024-05-20","nominationIds":["\#(nomination.id)"],"signedAs":"deputy","#
                        + #""recipients":["Như Điều 3;","Lưu: VT, TĐKT."]}"#)
                #expect(signed.status == 201)
            }
            let document = try await DecisionRepository(client: seed.client).document("07/QĐ-THAP", logger: seed.logger)
            #expect(document.signatureLines == ["KT. HIỆU TRƯỞNG", "PHÓ HIỆU TRƯỞNG"])
            #expect(document.recipients == ["Như Điều 3;", "Lưu: VT, TĐKT."])
            #expect(document.issuer.parentName == "UBND HUYỆN TÂN HỒNG")
            #expect(document.issuer.place == "Tân Hồng")
            // 0,3 × 1.800.000 = 540.000: "Năm trăm bốn mươi ngàn đồng" in the southern style, from the unit's fund.
            #expect(document.articleTwo.contains("Bằng chữ: Năm trăm bốn mươi ngàn đồng"))
            #expect(document.articleTwo.hasSuffix("trích từ quỹ thi đua, khen thưởng của nhà trường."))
        }
    }

    @Test("The văn thư's page: derived values shown until saved; a blank place is said beside its field; saved, then stale")
    func webPage() async throws {
        try await withTestApp { app, seed in
            let f = try await RegistryFixture.make(seed)
            let password = try await seed.webAccount("Quản trị", [.admin], login: "quan.tri", person: nil)
            let teacher = try await seed.webAccount("Giáo viên", [.staff], login: "giao.vien", person: nil)
            let path = "/units/\(f.school.id)/documents"
            try await app.test(.router) { client in
                var browser = PageClient(client)
                _ = try await browser.signIn("quan.tri", password)
                let page = try await browser.get(path)
                #expect(page.status == .ok && page.text.contains("Chưa thiết lập: đang lấy theo tên đơn vị cấp trên"))
                #expect(page.text.contains(#"name="version" value="0""#))
                let token = PageClient.formToken(page.text) ?? ""
                let fields = [
                    ("_csrf", token), ("version", "0"), ("managingAgency", "PHÒNG GD&ĐT HUYỆN TÂN HỒNG"), ("signerPosition", "Hiệu trưởng"),
                    ("recipients", "Như Điều 3;\r\nPhòng GD&ĐT (b/c);\r\n\r\nLưu: VT."), ("fund", ""), ("wordsStyle", "southern"),
                ]
                let blank = try await browser.post(path, fields + [("place", " ")])
                #expect(blank.status == .unprocessableContent && blank.text.contains(#"id="error-place""#))
                #expect(blank.text.contains(#"value="PHÒNG GD&amp;ĐT HUYỆN TÂN HỒNG""#), "what was typed comes back")
                let saved = try await browser.post(path, fields + [("place", "Tân Hồng")])
                #expect(saved.status == .seeOther)
                let shown = try await browser.get(try #require(saved.headers[.location]))
                #expect(shown.text.contains("Đã lưu.") && shown.text.contains(#"name="version" value="1""#))
                let stored = try await DocumentSettingsRepository(client: seed.client).settings(of: f.school.id, logger: seed.logger)
                #expect(stored.0.recipients == ["Như Điều 3;", "Phòng GD&ĐT (b/c);", "Lưu: VT."])
                #expect(stored.0.wordsStyle == .southern)
                let stale = try await browser.post(path, fields + [("place", "Hồng Ngự")])
                #expect(stale.status == .conflict && stale.text.contains("vừa được người khác sửa"))
                #expect(
                    try await DocumentSettingsRepository(client: seed.client).settings(of: f.school.id, logger: seed.logger).0.place
                        == "Tân Hồng")

                var staff = PageClient(client)
                _ = try await staff.signIn("giao.vien", teacher)
                #expect(try await staff.get(path).status == .forbidden)
            }
        }
    }
}
