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
}
