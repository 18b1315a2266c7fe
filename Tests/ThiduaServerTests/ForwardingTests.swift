import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import ThiduaCore
import ThiduaStore
import ThiduaTestSupport

/// Forwarding inside thidua (issue 15, sql/0038): school A forwards a nomination for the district chairman's Giấy khen;
/// the district is a unit in thidua, so the nomination arrives in its head's queue and is decided there.
@Suite("Forwarding to a unit in thidua")
struct ForwardingTests {
    @Test("A nomination forwarded to the district arrives in its queue; the district's head decides it, not the school's")
    func decidedByTheDistrict() async throws {
        try await withTestApp { app, seed in
            let d = try await ScopedRolesTests.District.make(seed)
            let f = d.f
            let team = try await f.nomination(seed, status: .recommended, award: "GK_HUYEN", nominee: .unit(f.collective.id))
            let password = try await seed.webAccount(
                "Trưởng phòng Tân Hồng", [.headmaster], login: "truong.phong", scope: d.district.id)
            try await app.test(.router) { client in
                let forwarded = try await client.send(
                    .post, "/v1/nominations/\(team.id)/approve", token: f.headmaster,
                    json: #"{"submissionNumber":"18/TTr-THAP","submissionDate":"2024-12-10"}"#)
                #expect(forwarded.status == 202)
                let read = try await client.send(.get, "/v1/nominations/\(team.id)", token: f.headmaster)
                #expect(read.body["submission"]?["receivingUnit"]?.string == d.district.name)
                // The school's file reaches the district, and no other school.
                let file = "/v1/reports/submission?number=18%2FTTr-THAP&year=2024"
                #expect(try await client.send(.get, file, token: d.districtHead).status == 200)
                #expect(try await client.send(.get, file, token: try #require(d.b[.headmaster])).status == 404)

                let answer =
                    #"{"outcome":"approved","issuer":"UBND huyện Tân Hồng","decisionNumber":"1520/QĐ-UBND","decisionDate":"2025-01-15"}"#
                let bySchool = try await client.send(.post, "/v1/nominations/\(team.id)/answer", token: f.headmaster, json: answer)
                #expect(bySchool.status == 403, "\(bySchool.body)")
                #expect(bySchool.body["detail"]?.string?.contains("lãnh đạo đơn vị đó") == true, "\(bySchool.body)")
                let otherSchool = try await client.send(
                    .post, "/v1/nominations/\(team.id)/answer", token: try #require(d.b[.headmaster]), json: answer)
                #expect(otherSchool.status == 404)
                #expect(try await NominationRepository(client: seed.client).find(team.id, logger: seed.logger).status == .forwarded)

                // The district's head finds it in her queue on the web, then decides it.
                var head = PageClient(client)
                _ = try await head.signIn("truong.phong", password)
                let home = String(buffer: try await head.get("/").body)
                #expect(home.contains("Đơn vị cấp dưới trình lên") && home.contains(f.collective.name), "\(home)")
                let page = String(buffer: try await head.get("/nominations/\(team.id)").body)
                #expect(page.contains("đã đến \(d.district.name) trên thidua"))
                let districtHead = try await AccountRepository(client: seed.client).authenticate(
                    token: d.districtHead, logger: seed.logger)
                #expect(districtHead?.roles.contains(.headmaster) == true)
                let decided = try await client.send(.post, "/v1/nominations/\(team.id)/answer", token: d.districtHead, json: answer)
                #expect(decided.status == 201, "\(decided.body)")
                let commendation = try await client.send(
                    .get, "/v1/commendations/\(decided.body["commendationId"]?.string ?? "")", token: f.headmaster)
                #expect(commendation.status == 200 && commendation.body["issuer"]?.string == "UBND huyện Tân Hồng")
                // Decided, it leaves the district's queue.
                let after = try await head.get("/")
                #expect(after.status == .ok && !String(buffer: after.body).contains("Đơn vị cấp dưới trình lên"))
            }
        }
    }

    @Test("A level outside thidua, or a unit of that level no one heads, keeps the school recording the answer it receives")
    func levelOutsideThidua() async throws {
        try await withTestApp { app, seed in
            let d = try await ScopedRolesTests.District.make(seed)
            let f = d.f
            // The provincial chairman's Bằng khen: the province is named above the district, but no one works there.
            let province = try await seed.unit("DT", name: "Tỉnh Đồng Tháp", kind: .province)
            _ = try await UnitRepository(client: seed.client).update(
                d.district.id, name: d.district.name, kind: .district, parentId: province.id, expectedVersion: nil, by: seed.actor,
                logger: seed.logger)
            let proposed = try await f.nomination(seed, status: .recommended, award: "BK_TINH", overriding: "Đủ điều kiện theo hồ sơ")
            try await app.test(.router) { client in
                let forwarded = try await client.send(
                    .post, "/v1/nominations/\(proposed.id)/approve", token: f.headmaster,
                    json: #"{"submissionNumber":"19/TTr-THAP","submissionDate":"2024-12-10"}"#)
                #expect(forwarded.status == 202)
                let read = try await client.send(.get, "/v1/nominations/\(proposed.id)", token: f.headmaster)
                #expect(read.body["submission"]?["receivingUnit"] == nil || read.body["submission"]?["receivingUnit"] == .null)
                let answered = try await client.send(
                    .post, "/v1/nominations/\(proposed.id)/answer", token: f.headmaster,
                    json:
                        #"{"outcome":"approved","issuer":"UBND tỉnh Đồng Tháp","decisionNumber":"88/QĐ-UBND","decisionDate":"2025-01-15"}"#)
                #expect(answered.status == 201, "\(answered.body)")
            }
        }
    }
}
