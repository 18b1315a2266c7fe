import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import ThiduaCore
import ThiduaStore
import ThiduaTestSupport

/// A district's head sends several nominations on to the province with one tờ trình of the district's own, all or none.
@Suite("Sending several nominations on with one tờ trình")
struct OnwardBatchTests {
    @Test("The district's page lists what can go on; the ticked go with one tờ trình, all or none; the API does the same")
    func sentOnTogether() async throws {
        try await withTestApp { app, seed in
            let d = try await ScopedRolesTests.District.make(seed)
            let f = d.f
            let province = try await d.underProvince(seed, name: "Sở Giáo dục và Đào tạo Đồng Tháp")
            _ = try await AccountRepository(client: seed.client).create(
                displayName: "Giám đốc Sở", roles: [.headmaster], personId: nil, scope: province.id, by: seed.actor, logger: seed.logger)
            let password = try await seed.webAccount("Trưởng phòng Tân Hồng", [.headmaster], login: "truong.phong", scope: d.district.id)
            let first = try await f.nomination(seed, status: .recommended, award: "BK_TINH", overriding: "Đủ điều kiện theo hồ sơ")
            let second = try await f.nomination(
                seed, status: .recommended, award: "BK_TINH", nominee: .person(f.councilPeople[0].id), overriding: "Đủ điều kiện theo hồ sơ"
            )
            let colleague = try await seed.person("Trương Văn Tài", unit: f.collective.id)
            let third = try await f.nomination(
                seed, status: .recommended, award: "BK_TINH", nominee: .person(colleague.id), overriding: "Đủ điều kiện theo hồ sơ")
            let repository = NominationRepository(client: seed.client)
            try await app.test(.router) { client in
                for nomination in [first, second, third] {
                    let up = try await client.send(
                        .post, "/v1/nominations/\(nomination.id)/approve", token: f.headmaster,
                        json: #"{"submissionNumber":"52/TTr-THAP","submissionDate":"2024-12-10"}"#)
                    #expect(up.status == 202, "\(up.body)")
                }
                var head = PageClient(client)
                _ = try await head.signIn("truong.phong", password)
                let home = try await head.get("/")
                #expect(home.text.contains(#"href="/submissions/onward">Trình tiếp nhiều đề nghị bằng một tờ trình"#), "\(home.text)")
                let page = try await head.get("/submissions/onward")
                for nomination in [first, second, third] { #expect(page.text.contains(#"value="\#(nomination.id)""#)) }
                let token = PageClient.formToken(page.text) ?? ""
                let ticked = [("ids", first.id.description), ("ids", second.id.description)]
                let early = try await head.post(
                    "/submissions/onward",
                    ticked + [("_csrf", token), ("submissionNumber", "45/TTr-PGDĐT"), ("submissionDate", "01/12/2024")])
                #expect(early.status == .unprocessableContent && early.text.contains("Không đề nghị nào được trình"), "\(early.text)")
                #expect(early.text.contains("Tờ trình không thể trước ngày tờ trình gửi lên (10/12/2024)."))
                #expect(early.text.contains(#"value="\#(first.id)" checked"#) && early.text.contains(#"value="45/TTr-PGDĐT""#))
                #expect(try await repository.find(first.id, logger: seed.logger).submission?.onward == [], "nothing went")
                let none = try await head.post(
                    "/submissions/onward", [("_csrf", token), ("submissionNumber", "45/TTr-PGDĐT"), ("submissionDate", "20/12/2024")])
                #expect(none.status == .unprocessableContent && none.text.contains("Chọn ít nhất một đề nghị."))

                let sent = try await head.post(
                    "/submissions/onward",
                    ticked + [("_csrf", token), ("submissionNumber", "45/TTr-PGDĐT"), ("submissionDate", "20/12/2024")])
                #expect(sent.status == .seeOther)
                let shown = try await head.get(try #require(sent.headers[.location]))
                #expect(shown.text.contains("Đã trình tiếp bằng Tờ trình số 45/TTr-PGDĐT."))
                let madeUp = try await head.get("/submissions/onward?sent=99%2FTTr-PGD&year=2024")
                #expect(madeUp.status == .ok && !madeUp.text.contains("Đã trình tiếp"), "an address alone claims nothing was sent")
                #expect(shown.text.contains(#"value="\#(third.id)""#) && !shown.text.contains(#"value="\#(first.id)""#))
                let filePath = try #require(WebAuditTests.link("Tờ trình và danh sách đề nghị (bản in)", in: shown.text))
                let file = try await head.get(filePath)
                #expect(file.status == .ok && file.text.contains("Số: 45/TTr-PGDĐT"))
                #expect(file.text.contains(f.teacher.name.full) && file.text.contains(f.councilPeople[0].name.full))

                // The API: the one already sent is named, and the third does not go either.
                let api =
                    #"{"nominationIds":["\#(third.id)","\#(first.id)"],"submissionNumber":"46/TTr-PGDĐT","submissionDate":"2024-12-21"}"#
                let refused = try await client.send(.post, "/v1/submissions/onward", token: d.districtHead, json: api)
                #expect(
                    refused.status == 409 && refused.body["detail"]?.string?.contains("Đề nghị \(first.id):") == true, "\(refused.body)")
                #expect(try await repository.find(third.id, logger: seed.logger).submission?.onward == [], "nothing went")
                let bySchool = try await client.send(
                    .post, "/v1/submissions/onward", token: f.headmaster,
                    json: #"{"nominationIds":["\#(third.id)"],"submissionNumber":"46/TTr-PGDĐT","submissionDate":"2024-12-21"}"#)
                #expect(bySchool.status == 409 || bySchool.status == 403, "the school's head does not send on: \(bySchool.body)")
                let onward = try await client.send(
                    .post, "/v1/submissions/onward", token: d.districtHead,
                    json: #"{"nominationIds":["\#(third.id)"],"submissionNumber":"46/TTr-PGDĐT","submissionDate":"2024-12-21"}"#)
                #expect(onward.status == 201 && onward.body["count"]?.number == 1, "\(onward.body)")
                #expect(onward.body["items"]?.array?.first?["submission"]?["receivingUnit"]?.string == province.name, "\(onward.body)")
            }
            for nomination in [first, second] {
                let hop = try await repository.find(nomination.id, logger: seed.logger).submission?.onward.first
                #expect(hop?.number == "45/TTr-PGDĐT" && hop?.date == LocalDate(2024, 12, 20) && hop?.fromUnit == d.district.name)
            }
        }
    }
}
