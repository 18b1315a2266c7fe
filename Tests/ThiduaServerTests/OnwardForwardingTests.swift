import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import ThiduaCore
import ThiduaStore
import ThiduaTestSupport

/// Forwarding again (issue 15, sql/0043): a province's Bằng khen sent by school A arrives at its district first; the
/// province uses thidua too, so the district's head sends it on with a tờ trình of its own and the province's head
/// answers it.
@Suite("Forwarding again to the province")
struct OnwardForwardingTests {
    @Test("A province's award goes school → district → province: only the district's head sends it on, only the province's answers")
    func sentOnToTheProvince() async throws {
        try await withTestApp { app, seed in
            let d = try await ScopedRolesTests.District.make(seed)
            let f = d.f
            let province = try await d.underProvince(seed, name: "Sở Giáo dục và Đào tạo Đồng Tháp")
            let (_, provinceHead) = try await AccountRepository(client: seed.client).create(
                displayName: "Giám đốc Sở", roles: [.headmaster], personId: nil, scope: province.id, by: seed.actor, logger: seed.logger)
            let districtPassword = try await seed.webAccount(
                "Trưởng phòng Tân Hồng", [.headmaster], login: "truong.phong", scope: d.district.id)
            let proposed = try await f.nomination(seed, status: .recommended, award: "BK_TINH", overriding: "Đủ điều kiện theo hồ sơ")
            let path = "/v1/nominations/\(proposed.id)"
            try await app.test(.router) { client in
                let forwarded = try await client.send(
                    .post, "\(path)/approve", token: f.headmaster,
                    json: #"{"submissionNumber":"52/TTr-THAP","submissionDate":"2024-12-10"}"#)
                #expect(forwarded.status == 202, "\(forwarded.body)")
                let arrived = try await client.send(.get, path, token: f.headmaster)
                #expect(arrived.body["submission"]?["receivingUnit"]?.string == d.district.name, "\(arrived.body)")
                #expect(arrived.body["submission"]?["onwardUnit"]?.string == province.name, "\(arrived.body)")

                // At the district, no one records the province's answer: it goes on to the province first.
                let answer =
                    #"{"outcome":"approved","issuer":"UBND tỉnh Đồng Tháp","decisionNumber":"88/QĐ-UBND","decisionDate":"2025-01-20"}"#
                for token in [d.districtHead, provinceHead] {
                    let early = try await client.send(.post, "\(path)/answer", token: token, json: answer)
                    #expect(early.status == 409, "\(early.body)")
                    #expect(early.body["detail"]?.string?.contains("hãy trình tiếp") == true, "\(early.body)")
                }
                // The district's head sees the form to send it on, not the answer's.
                var head = PageClient(client)
                _ = try await head.signIn("truong.phong", districtPassword)
                let page = try await head.get("/nominations/\(proposed.id)")
                // The header names the district's head for what he is, not a school's Hiệu trưởng.
                #expect(page.text.contains(#"<span class="roles">(Trưởng phòng)</span>"#), "\(page.text.prefix(1500))")
                #expect(page.text.contains("Trình tiếp lên \(province.name)") && !page.text.contains(#"id="ket-qua""#), "\(page.text)")
                // Near the top, the line says what comes next and leads to the form (a phone lands above the panel).
                #expect(page.text.contains("đơn vị đó trình tiếp lên \(province.name)") && page.text.contains(##"href="#trinh-tiep""##))
                // Nor a bare "Không duyệt": the database would refuse it; a refusal is the answer of whoever decides.
                #expect(!page.text.contains("/decide/decline"), "\(page.text)")
                // A date typed wrongly on the web is said beside its field, and nothing is sent.
                let typo = try await head.post(
                    "/nominations/\(proposed.id)/onward",
                    [
                        ("_csrf", PageClient.formToken(page.text) ?? ""), ("submissionNumber", "45/TTr-PGDĐT"),
                        ("submissionDate", "31/02/2024"),
                    ])
                #expect(typo.status == .unprocessableContent && typo.text.contains(#"id="error-submissionDate""#), "\(typo.text)")

                let onward = #"{"submissionNumber":"45/TTr-PGDĐT","submissionDate":"2024-12-20"}"#
                let bySchool = try await client.send(.post, "\(path)/onward", token: f.headmaster, json: onward)
                #expect(bySchool.status == 403, "\(bySchool.body)")
                let early = try await client.send(
                    .post, "\(path)/onward", token: d.districtHead,
                    json: #"{"submissionNumber":"45/TTr-PGDĐT","submissionDate":"2024-12-01"}"#)
                #expect(early.status == 422 && early.body["errors"]?.array?.first?["field"]?.string == "submissionDate", "\(early.body)")
                let unnumbered = try await client.send(
                    .post, "\(path)/onward", token: d.districtHead, json: #"{"submissionNumber":" ","submissionDate":"2024-12-20"}"#)
                #expect(unnumbered.status == 422 && unnumbered.body["errors"]?.array?.first?["field"]?.string == "submissionNumber")
                let unchanged = try await NominationRepository(client: seed.client).find(proposed.id, logger: seed.logger)
                #expect(unchanged.submission?.onward == [] && unchanged.submission?.receivingUnitId == d.district.id)

                let sent = try await client.send(.post, "\(path)/onward", token: d.districtHead, json: onward)
                #expect(sent.status == 201, "\(sent.body)")
                #expect(sent.body["submission"]?["receivingUnit"]?.string == province.name, "\(sent.body)")
                #expect(sent.body["submission"]?["onward"]?.array?.first?["fromUnit"]?.string == d.district.name, "\(sent.body)")
                #expect(sent.body["submission"]?["onward"]?.array?.first?["number"]?.string == "45/TTr-PGDĐT", "\(sent.body)")
                #expect(sent.body["submission"]?["onwardUnit"] == nil, "\(sent.body)")
                let twice = try await client.send(.post, "\(path)/onward", token: d.districtHead, json: onward)
                #expect(twice.status == 409, "\(twice.body)")
                // The district's tờ trình is a file of its own: the district issues it, to the province's level.
                let file = try await client.send(.get, "/v1/reports/submission?number=45%2FTTr-PGD%C4%90T&year=2024", token: provinceHead)
                #expect(file.status == 200, "\(file.body)")
                #expect(file.body["unit"]?.string?.localizedCaseInsensitiveContains(d.district.name) == true, "\(file.body)")
                #expect(file.body["date"]?.string == "2024-12-20" && file.body["nominees"]?.array?.count == 1, "\(file.body)")
                let after = try await head.get("/nominations/\(proposed.id)")
                #expect(after.text.contains("Tờ trình của \(d.district.name) (bản in)"), "\(after.text)")
                #expect(after.text.contains("\(d.district.name) trình tiếp (Tờ trình số 45/TTr-PGDĐT ngày 20/12/2024)"), "\(after.text)")
                #expect(after.text.contains("đã đến \(province.name) trên thidua") && !after.text.contains(#"id="trinh-tiep""#))

                // Now the province's head answers it, and the district's cannot.
                let byDistrict = try await client.send(.post, "\(path)/answer", token: d.districtHead, json: answer)
                #expect(byDistrict.status == 403, "\(byDistrict.body)")
                let granted = try await client.send(.post, "\(path)/answer", token: provinceHead, json: answer)
                #expect(granted.status == 201, "\(granted.body)")
                let answered = try await head.get("/nominations/\(proposed.id)")
                #expect(
                    answered.text.contains("đã đến \(province.name) trên thidua")
                        && !answered.text.contains("lãnh đạo đơn vị đó ghi quyết định"), "\(answered.text)")
                let commendation = try await CommendationRepository(client: seed.client).find(nomination: proposed.id, logger: seed.logger)
                #expect(commendation?.issuer == "UBND tỉnh Đồng Tháp" && commendation?.decisionNumber == "88/QĐ-UBND")
                let log = try await client.send(.get, "/v1/audit?entity=nomination&id=\(proposed.id)", token: provinceHead)
                #expect(log.body["items"]?.array?.contains { $0["action"]?.string == "nomination.send_on" } == true, "\(log.body)")
            }
        }
    }

    @Test("A title is sent on only once the district's council has voted for it, as its grant would need")
    func titleWaitsForTheDistrictCouncil() async throws {
        try await withTestApp { app, seed in
            let d = try await ScopedRolesTests.District.make(seed)
            let province = try await d.underProvince(seed, name: "Sở Giáo dục và Đào tạo Đồng Tháp")
            _ = try await AccountRepository(client: seed.client).create(
                displayName: "Giám đốc Sở", roles: [.headmaster], personId: nil, scope: province.id, by: seed.actor, logger: seed.logger)
            // The province's Cờ thi đua for tổ 1: 2/3 of the council's members; the district's council is its head alone.
            let title = try await d.f.nomination(seed, status: .recommended, award: "CO_TINH", nominee: .unit(d.f.collective.id))
            let path = "/v1/nominations/\(title.id)"
            try await app.test(.router) { client in
                let forwarded = try await client.send(
                    .post, "\(path)/approve", token: d.f.headmaster,
                    json: #"{"submissionNumber":"53/TTr-THAP","submissionDate":"2024-12-10"}"#)
                #expect(forwarded.status == 202, "\(forwarded.body)")
                let onward = #"{"submissionNumber":"46/TTr-PGDĐT","submissionDate":"2024-12-20"}"#
                let early = try await client.send(.post, "\(path)/onward", token: d.districtHead, json: onward)
                #expect(early.status == 409, "\(early.body)")
                #expect(early.body["detail"]?.string?.contains("chưa đủ phiếu") == true, "\(early.body)")
                let review = #"{"scores":{"KQ":35,"LT":50},"vote":"agree","comment":"Thống nhất"}"#
                let reviewed = try await client.send(.post, "\(path)/reviews", token: d.districtHead, json: review)
                #expect(reviewed.status == 201, "\(reviewed.body)")
                let sent = try await client.send(.post, "\(path)/onward", token: d.districtHead, json: onward)
                #expect(sent.status == 201, "\(sent.body)")
                #expect(sent.body["submission"]?["receivingUnit"]?.string == province.name, "\(sent.body)")
            }
        }
    }
}

extension ScopedRolesTests.District {
    /// Puts the district under a province (code DT) of that name, which it returns: the tree gains a level above.
    func underProvince(_ seed: Seed, name: String) async throws -> OrgUnit {
        let province = try await seed.unit("DT", name: name, kind: .province)
        _ = try await UnitRepository(client: seed.client).update(
            district.id, name: district.name, kind: .district, parentId: province.id, expectedVersion: nil, by: seed.actor,
            logger: seed.logger)
        return province
    }
}
