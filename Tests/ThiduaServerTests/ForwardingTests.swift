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
            let schoolPassword = try await seed.webAccount(
                "Hiệu trưởng An Phước", [.headmaster], login: "hieu.truong.a", scope: f.school.id)
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
                // Nor can the school's head close it by declining it: only the district's answer moves it on.
                let declined = try await client.send(
                    .post, "/v1/nominations/\(team.id)/decline", token: f.headmaster, json: #"{"reason":"Rút lại"}"#)
                #expect(declined.status == 403, "\(declined.body)")
                #expect(declined.body["detail"]?.string?.contains("chỉ kết quả do lãnh đạo đơn vị đó ghi") == true, "\(declined.body)")
                #expect(try await NominationRepository(client: seed.client).find(team.id, logger: seed.logger).status == .forwarded)

                // The district's head finds it in her queue on the web, then decides it.
                var head = PageClient(client)
                _ = try await head.signIn("truong.phong", password)
                let home = String(buffer: try await head.get("/").body)
                #expect(home.contains("Đơn vị cấp dưới trình lên") && home.contains(f.collective.name), "\(home)")
                // The schools' own to-dos stay theirs: no "record the higher level's answer" for the school's file.
                #expect(!home.contains("Ghi kết quả của cấp trên"), "\(home)")
                var school = PageClient(client)
                _ = try await school.signIn("hieu.truong.a", schoolPassword)
                let schoolPage = String(buffer: try await school.get("/nominations/\(team.id)").body)
                #expect(schoolPage.contains("đã đến \(d.district.name) trên thidua") && !schoolPage.contains("Không duyệt"))
                let page = String(buffer: try await head.get("/nominations/\(team.id)").body)
                #expect(page.contains("đã đến \(d.district.name) trên thidua"))
                let districtHead = try await AccountRepository(client: seed.client).authenticate(
                    token: d.districtHead, logger: seed.logger)
                #expect(districtHead?.roles.contains(.headmaster) == true)
                // The district's council (its head holds the council role there) reviews it before the head answers; the
                // school's council cannot review it any more.
                let review = #"{"scores":{"KQ":35,"LT":50},"vote":"agree","comment":"Thống nhất"}"#
                let bySchoolCouncil = try await client.send(
                    .post, "/v1/nominations/\(team.id)/reviews", token: f.council[0].token, json: review)
                #expect(bySchoolCouncil.status == 403, "\(bySchoolCouncil.body)")
                let reviewed = try await client.send(.post, "/v1/nominations/\(team.id)/reviews", token: d.districtHead, json: review)
                #expect(reviewed.status == 201, "\(reviewed.body)")
                #expect(reviewed.body["members"]?.number == 1 && reviewed.body["reviewed"]?.number == 1, "\(reviewed.body)")
                let stillForwarded = try await NominationRepository(client: seed.client).find(team.id, logger: seed.logger)
                #expect(stillForwarded.status == .forwarded)
                let decided = try await client.send(.post, "/v1/nominations/\(team.id)/answer", token: d.districtHead, json: answer)
                #expect(decided.status == 201, "\(decided.body)")
                // The school's round is kept as it was: its tally on the nomination is the school council's.
                let schoolRound = try await client.send(.get, "/v1/nominations/\(team.id)/reviews", token: f.headmaster)
                #expect(schoolRound.body["members"]?.number == 3, "\(schoolRound.body)")
                let commendation = try await client.send(
                    .get, "/v1/commendations/\(decided.body["commendationId"]?.string ?? "")", token: f.headmaster)
                #expect(commendation.status == 200 && commendation.body["issuer"]?.string == "UBND huyện Tân Hồng")
                // Decided, it leaves the district's queue.
                let after = try await head.get("/")
                #expect(after.status == .ok && !String(buffer: after.body).contains("Đơn vị cấp dưới trình lên"))
            }
        }
    }

    @Test("A province's award arrives at the district first; with the province outside thidua, the district records its answer")
    func levelOutsideThidua() async throws {
        try await withTestApp { app, seed in
            let d = try await ScopedRolesTests.District.make(seed)
            let f = d.f
            // The provincial chairman's Bằng khen: the province is named above the district, but no one works there.
            _ = try await d.underProvince(seed, name: "Tỉnh Đồng Tháp")
            let proposed = try await f.nomination(seed, status: .recommended, award: "BK_TINH", overriding: "Đủ điều kiện theo hồ sơ")
            try await app.test(.router) { client in
                let forwarded = try await client.send(
                    .post, "/v1/nominations/\(proposed.id)/approve", token: f.headmaster,
                    json: #"{"submissionNumber":"19/TTr-THAP","submissionDate":"2024-12-10"}"#)
                #expect(forwarded.status == 202)
                let read = try await client.send(.get, "/v1/nominations/\(proposed.id)", token: f.headmaster)
                #expect(read.body["submission"]?["receivingUnit"]?.string == d.district.name, "\(read.body)")
                #expect(read.body["submission"]?["onwardUnit"] == nil, "\(read.body)")
                // Nowhere to send it on: the district cannot, and records the province's answer when it comes.
                let onward = try await client.send(
                    .post, "/v1/nominations/\(proposed.id)/onward", token: d.districtHead,
                    json: #"{"submissionNumber":"45/TTr-PGDĐT","submissionDate":"2024-12-20"}"#)
                #expect(onward.status == 409 && onward.body["detail"]?.string?.contains("Không có đơn vị cấp trên") == true)
                let answer =
                    #"{"outcome":"approved","issuer":"UBND tỉnh Đồng Tháp","decisionNumber":"88/QĐ-UBND","decisionDate":"2025-01-15"}"#
                let bySchool = try await client.send(.post, "/v1/nominations/\(proposed.id)/answer", token: f.headmaster, json: answer)
                #expect(bySchool.status == 403, "\(bySchool.body)")
                let answered = try await client.send(.post, "/v1/nominations/\(proposed.id)/answer", token: d.districtHead, json: answer)
                #expect(answered.status == 201, "\(answered.body)")
            }
        }
    }

    @Test("A title forwarded to the district waits for its council's 2/3 before its head grants it; a member scores it on the web")
    func districtCouncilVotes() async throws {
        try await withTestApp { app, seed in
            let d = try await ScopedRolesTests.District.make(seed)
            let f = d.f
            let title = try await f.nomination(seed, status: .recommended, award: "CSTD_CS", overriding: "Đủ điều kiện theo hồ sơ")
            // A second council member at the district, on the web: the title needs 2 of its 2 members (2/3 of 2, rounded up).
            let password = try await seed.webAccount("Phó trưởng phòng", [.council], login: "pho.phong", scope: d.district.id)
            try await app.test(.router) { client in
                let forwarded = try await client.send(
                    .post, "/v1/nominations/\(title.id)/approve", token: f.headmaster,
                    json: #"{"submissionNumber":"20/TTr-THAP","submissionDate":"2024-12-10"}"#)
                #expect(forwarded.status == 202, "\(forwarded.body)")
                let answer =
                    #"{"outcome":"approved","issuer":"UBND huyện Tân Hồng","decisionNumber":"1530/QĐ-UBND","decisionDate":"2025-01-15"}"#
                let early = try await client.send(.post, "/v1/nominations/\(title.id)/answer", token: d.districtHead, json: answer)
                #expect(early.status == 409, "\(early.body)")
                #expect(
                    early.body["detail"]?.string?.contains("Hội đồng thi đua – khen thưởng của đơn vị chưa đủ phiếu") == true,
                    "\(early.body)")
                let review = #"{"scores":{"KQ":35,"LT":50},"vote":"agree","comment":"Thống nhất"}"#
                let reviewed = try await client.send(.post, "/v1/nominations/\(title.id)/reviews", token: d.districtHead, json: review)
                #expect(reviewed.status == 201, "\(reviewed.body)")
                var member = PageClient(client)
                _ = try await member.signIn("pho.phong", password)
                let home = try await member.get("/")
                #expect(home.text.contains("Đơn vị cấp dưới trình lên, chờ hội đồng đánh giá"), "\(home.text)")
                let queue = try await member.get("/reviews")
                #expect(queue.status == .ok && queue.text.contains("/nominations/\(title.id)/review"), "\(queue.text)")
                let page = try await member.get("/nominations/\(title.id)/review")
                #expect(page.text.contains(#"id="review-form""#) && page.text.contains("1 trên 2"), "\(page.text)")
                let saved = try await member.post(
                    "/nominations/\(title.id)/review",
                    [("_csrf", PageClient.formToken(page.text) ?? ""), ("score.KQ", "36"), ("score.LT", "52"), ("vote", "agree")])
                #expect(saved.status == .seeOther)
                let counted = try await client.send(.get, "/v1/nominations/\(title.id)/reviews", token: d.districtHead)
                #expect(counted.body["members"]?.number == 2 && counted.body["votes"]?["agree"]?.number == 2, "\(counted.body)")
                let granted = try await client.send(.post, "/v1/nominations/\(title.id)/answer", token: d.districtHead, json: answer)
                #expect(granted.status == 201, "\(granted.body)")
                // Answered, the district's round is closed.
                let late = try await member.get("/nominations/\(title.id)/review")
                #expect(!late.text.contains(#"id="review-form""#))
                let again = try await client.send(.post, "/v1/nominations/\(title.id)/reviews", token: d.districtHead, json: review)
                #expect(again.status == 409, "\(again.body)")
            }
        }
    }

}
