import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import ThiduaCore
import ThiduaStore
import ThiduaTestSupport

/// The file sent upward over HTTP (issue "The school year's paperwork", item 3; sql/0032): three nominations forwarded
/// with one tờ trình, a báo cáo thành tích marked among the evidence, the file's checklist, and the higher level's three
/// kinds of answer — each mistake refused with nothing changed.
@Suite("The file sent upward and its answers")
struct SubmissionAnswerTests {
    @Test(
        "One tờ trình's file lists its nominees and papers; approved, reduced and refused answers issue or decline; mistakes change nothing"
    )
    func answers() async throws {
        try await withTestApp { app, seed in
            let f = try await RegistryFixture.make(seed)
            let other = try await seed.person("Lê Thị Mai", unit: f.collective.id)
            let proposed = try await f.nomination(seed, status: .recommended, award: "BK_TINH", overriding: "Đủ điều kiện theo hồ sơ")
            let reducedOne = try await f.nomination(
                seed, status: .recommended, award: "BK_TINH", nominee: .person(other.id), overriding: "Đủ điều kiện theo hồ sơ")
            let team = try await f.nomination(seed, status: .recommended, award: "GK_HUYEN", nominee: .unit(f.collective.id))
            try await app.test(.router) { client in
                let addressee = "Hội đồng Thi đua - Khen thưởng huyện Tân Hồng (qua Phòng Giáo dục và Đào tạo)"
                for nomination in [proposed, reducedOne, team] {
                    let forwarded = try await client.send(
                        .post, "/v1/nominations/\(nomination.id)/approve", token: f.headmaster,
                        json: #"{"submissionNumber":"18/TTr-THAP","submissionDate":"2024-12-10","addressee":"\#(addressee)"}"#)
                    #expect(forwarded.status == 202)
                }
                let badPaper = try await client.send(
                    .post, "/v1/nominations/\(proposed.id)/evidence?paper=report", token: f.union, json: #"{"note":"Báo cáo"}"#)
                #expect(badPaper.status == 422 && badPaper.body["errors"]?.array?.first?["field"]?.string == "paper")
                let report = try await client.send(
                    .post, "/v1/nominations/\(proposed.id)/evidence?paper=achievement_report", token: f.union,
                    json: #"{"note":"Báo cáo thành tích đã có xác nhận của Hiệu trưởng"}"#)
                #expect(report.status == 201 && report.body["paper"]?.string == "achievement_report")

                let file = try await client.send(.get, "/v1/reports/submission?number=18%2FTTr-THAP&year=2024", token: f.union)
                #expect(file.status == 200)
                #expect(file.body["addressee"]?.string == addressee)
                #expect(
                    file.body["counts"]?.array?.compactMap(\.string) == [
                        "Bằng khen của bộ, ban, ngành, tỉnh: 02 cá nhân", "Giấy khen của Chủ tịch Ủy ban nhân dân cấp huyện: 01 tập thể",
                    ])
                #expect(file.body["complete"] == .bool(false))
                let first = try #require(file.body["nominees"]?.array?.first { $0["nominationId"]?.string == proposed.id.description })
                #expect(first["papers"]?.array?.first?["state"]?.string == "present")
                // The report written in thidua (sent with the nomination) comes first; the signed one marked among the evidence.
                #expect(first["papers"]?.array?.first?["detail"]?.string == "viết trong thidua")
                let marked = try await client.send(.get, "/v1/nominations/\(proposed.id)/evidence", token: f.union)
                #expect(marked.body["items"]?.array?.compactMap { $0["paper"]?.string } == ["achievement_report"])
                // No council meeting was recorded for the movement: its biên bản is missing from every file.
                #expect(first["missing"]?.array?.compactMap(\.string) == ["council_minutes"])
                #expect(first["answer"] == nil)
                #expect(try await client.send(.get, "/v1/reports/submission?number=18%2FTTr-THAP&year=2023", token: f.union).status == 404)
                #expect(try await client.send(.get, "/v1/reports/submission?number=18%2FTTr-THAP&year=2024", token: f.staff).status == 403)

                func answer(_ id: ID<Nomination>, _ json: String, token: String? = nil) async throws
                    -> (status: Int, body: JSONValue, headers: HTTPFields)
                {
                    try await client.send(.post, "/v1/nominations/\(id)/answer", token: token ?? f.headmaster, json: json)
                }
                let district = #""issuer":"UBND huyện Tân Hồng","decisionNumber":"1520/QĐ-UBND","decisionDate":"2025-01-15""#
                for (json, field) in [
                    (#"{"outcome":"refused",\#(district)}"#, "reason"),
                    (#"{"outcome":"reduced",\#(district)}"#, "award"),
                    (#"{"outcome":"reduced","award":"BK_TINH",\#(district)}"#, "award"),
                    (#"{"outcome":"reduced","award":"KHONG_CO",\#(district)}"#, "award"),
                    (#"{"outcome":"approved","award":"GK",\#(district)}"#, "award"),
                    (
                        #"{"outcome":"approved","issuer":"UBND huyện Tân Hồng","decisionNumber":"1/QĐ","decisionDate":"2024-12-01"}"#,
                        "decisionDate"
                    ),
                ] {
                    let refused = try await answer(proposed.id, json)
                    #expect(refused.status == 422, "\(json)")
                    #expect(refused.body["type"]?.string?.hasSuffix("rule-violated") == true, "\(json)")
                    #expect(refused.body["errors"]?.array?.first?["field"]?.string == field, "\(json)")
                }
                let individualAward = try await answer(team.id, #"{"outcome":"reduced","award":"LDTT",\#(district)}"#)
                #expect(
                    individualAward.status == 422
                        && individualAward.body["errors"]?.array?.first?["message"]?.string?.contains("tập thể") == true)
                #expect(try await answer(proposed.id, #"{"outcome":"approved",\#(district)}"#, token: f.staff).status == 403)
                let unchanged = try await client.send(.get, "/v1/nominations/\(proposed.id)", token: f.headmaster)
                #expect(unchanged.body["status"]?.string == "forwarded")

                let approved = try await answer(proposed.id, #"{"outcome":"approved",\#(district)}"#)
                #expect(approved.status == 201 && approved.body["awardCode"]?.string == "BK_TINH")
                let commendation = try await client.send(
                    .get, "/v1/commendations/\(approved.body["commendationId"]?.string ?? "")", token: f.headmaster)
                #expect(commendation.body["issuer"]?.string == "UBND huyện Tân Hồng")
                #expect(commendation.body["decisionNumber"]?.string == "1520/QĐ-UBND")
                #expect(try await answer(proposed.id, #"{"outcome":"approved",\#(district)}"#).status == 409)

                let reduced = try await answer(
                    reducedOne.id,
                    #"{"outcome":"reduced","award":"GK_HUYEN","issuer":"UBND huyện Tân Hồng","decisionNumber":"1521/QĐ-UBND","decisionDate":"2025-01-15"}"#
                )
                #expect(reduced.status == 201 && reduced.body["awardName"]?.string == "Giấy khen của Chủ tịch Ủy ban nhân dân cấp huyện")
                let lower = try await client.send(
                    .get, "/v1/commendations/\(reduced.body["commendationId"]?.string ?? "")", token: f.headmaster)
                #expect(lower.body["award"]?.string == "GK_HUYEN")
                #expect(lower.body["rewardAmount"]?.number == 710_000)

                let refusal = try await answer(
                    team.id,
                    #"{"outcome":"refused","issuer":"UBND huyện Tân Hồng","decisionNumber":"245/UBND-NV","decisionDate":"2025-01-15","reason":"Đã đủ số lượng"}"#
                )
                #expect(refusal.status == 201 && refusal.body["commendationId"] == nil)
                let declined = try await client.send(.get, "/v1/nominations/\(team.id)", token: f.headmaster)
                #expect(declined.body["status"]?.string == "declined")
                #expect(declined.body["declineReason"]?.string?.hasSuffix("Đã đủ số lượng") == true)

                let answered = try await client.send(.get, "/v1/reports/submission?number=18%2FTTr-THAP&year=2024", token: f.union)
                let outcomes = answered.body["nominees"]?.array?.compactMap { $0["answer"]?["outcome"]?.string }
                #expect(outcomes?.sorted() == ["approved", "reduced", "refused"])
                let printed = try await client.execute(
                    uri: "/v1/reports/submission?number=18%2FTTr-THAP&year=2024&format=html", method: .get, headers: Seed.headers(f.union)
                ) { $0.text }
                #expect(printed.contains("Kính gửi: \(addressee)."))
                #expect(printed.contains("Cấp trên đã trả lời 3/3: được duyệt 1, duyệt hình thức khác 1, không duyệt 1."))
            }
        }
    }
}
