import Foundation
import HTTPTypes
import Testing
import ThiduaCore
import ThiduaStore
import ThiduaTestSupport

/// The union's and the sector's awards (issue "The school year's paperwork", item 6; sql/0035): the catalogue's issuers and
/// fixed money, the niên hạn kind, and the commendations the union's chair and the head record from their decisions.
@Suite("Union and sector commendations")
struct OutsideCommendationTests {
    @Test(
        "The union's chair records the union's Giấy khen with the catalogue's fixed money (twice for a tổ), the head the Kỷ niệm chương as niên hạn; each records only her issuer's"
    )
    func recording() async throws {
        try await withTestApp { app, seed in
            let f = try await RegistryFixture.make(seed)
            let teacher = #"{"personId":"\#(f.teacher.id)"}"#
            try await app.test(.router) { client in
                func record(_ token: String, _ body: String) async throws -> (status: Int, body: JSONValue, headers: HTTPFields) {
                    try await client.send(.post, "/v1/outside-commendations", token: token, json: body)
                }
                let union = try await record(
                    f.union,
                    #"{"nominee":\#(teacher),"award":"cdgd_gk","period":"2023-2024","decisionNumber":"28/QĐ-CĐGD","decisionDate":"2024-07-15"}"#
                )
                #expect(union.status == 201, "\(union.body)")
                #expect(union.body["rewardAmount"]?.number == 300_000, "the catalogue's fixed amount, not × base salary")
                #expect(union.body["issuer"]?.string == "Ban Thường vụ Công đoàn Giáo dục huyện")
                #expect(union.body["issuerKind"]?.string == "union" && union.body["kind"]?.string == "regular")
                #expect(
                    union.body["period"]?.string == "2023-2024"
                        && union.body["awardName"]?.string == "Giấy khen của Công đoàn Giáo dục huyện")
                #expect(union.headers[.location] == "/v1/outside-commendations/\(union.body["id"]?.string ?? "")")
                let team = try await record(
                    f.union,
                    #"{"nominee":{"unitId":"\#(f.collective.id)"},"award":"CDGD_GK","period":"2023-2024","decisionNumber":"28/QĐ-CĐGD","decisionDate":"2024-07-15","issuer":"Công đoàn Giáo dục huyện Tân Hồng"}"#
                )
                #expect(team.status == 201 && team.body["rewardAmount"]?.number == 600_000, "a tổ receives twice: \(team.body)")
                #expect(team.body["issuer"]?.string == "Công đoàn Giáo dục huyện Tân Hồng", "the body as the decision names it")

                let medal =
                    #"{"nominee":\#(teacher),"award":"KNC_GD","period":"2024-2025","decisionNumber":"4521/QĐ-BGDĐT","decisionDate":"2024-11-14"}"#
                let byUnion = try await record(f.union, medal)
                #expect(byUnion.status == 403 && byUnion.body["detail"]?.string?.contains("Hiệu trưởng") == true)
                let byHead = try await record(f.headmaster, medal)
                #expect(byHead.status == 201, "\(byHead.body)")
                #expect(byHead.body["kind"]?.string == "length_of_service" && byHead.body["rewardAmount"]?.number == 0)
                #expect(byHead.body["issuerKind"]?.string == "sector")
                let unionByHead = try await record(
                    f.headmaster,
                    #"{"nominee":{"personId":"\#(f.councilPeople[0].id)"},"award":"CDGD_GK","period":"2023-2024","decisionNumber":"30/QĐ-CĐGD","decisionDate":"2024-07-15"}"#
                )
                #expect(unionByHead.status == 403)
                #expect(try await record(f.staff, medal).status == 403)
                #expect(try await record(f.council[0].token, medal).status == 403)
                #expect(try await record(f.admin, medal).status == 409, "once per nominee, award and period")
            }
        }
    }

    @Test("A state award, the wrong nominee or kind, a future date and malformed fields are refused beside their field and store nothing")
    func refusals() async throws {
        try await withTestApp { app, seed in
            let f = try await RegistryFixture.make(seed)
            let teacher = #"{"personId":"\#(f.teacher.id)"}"#
            let team = #"{"unitId":"\#(f.collective.id)"}"#
            try await app.test(.router) { client in
                let before = try await seed.count("past_commendations")
                let refusals: [(String, String, String)] = [
                    (
                        #"{"nominee":\#(teacher),"award":"LDTT","period":"2024","decisionNumber":"1/QĐ","decisionDate":"2024-05-24"}"#,
                        "award", "rule-violated"
                    ),
                    (
                        #"{"nominee":\#(teacher),"award":"KHONG_CO","period":"2024","decisionNumber":"1/QĐ","decisionDate":"2024-05-24"}"#,
                        "award", "rule-violated"
                    ),
                    (
                        #"{"nominee":\#(team),"award":"CD_GVTDVN","period":"2024","decisionNumber":"1/QĐ","decisionDate":"2024-05-24"}"#,
                        "award", "rule-violated"
                    ),
                    (
                        #"{"nominee":\#(teacher),"award":"CDGD_GK","period":"2024","decisionNumber":"1/QĐ","decisionDate":"2024-05-24","kind":"length_of_service"}"#,
                        "kind", "rule-violated"
                    ),
                    (
                        #"{"nominee":\#(teacher),"award":"CDGD_GK","period":"2024","decisionNumber":"1/QĐ","decisionDate":"2099-05-24"}"#,
                        "decisionDate", "rule-violated"
                    ),
                    (
                        #"{"nominee":\#(teacher),"award":"CDGD_GK","period":"2023-2025","decisionNumber":"1/QĐ","decisionDate":"2024-05-24"}"#,
                        "period", "rule-violated"
                    ),
                    (
                        #"{"nominee":\#(teacher),"award":"CDGD_GK","period":"năm nay","decisionNumber":"1/QĐ","decisionDate":"24/05/2024"}"#,
                        "decisionDate", "validation-failed"
                    ),
                    (
                        #"{"nominee":\#(teacher),"award":"CDGD_GK","period":"2024","decisionNumber":"  ","decisionDate":"2024-05-24"}"#,
                        "decisionNumber", "validation-failed"
                    ),
                    (
                        #"{"nominee":{},"award":"CDGD_GK","period":"2024","decisionNumber":"1/QĐ","decisionDate":"2024-05-24"}"#,
                        "personId", "rule-violated"
                    ),
                ]
                for (body, field, code) in refusals {
                    let refused = try await client.send(.post, "/v1/outside-commendations", token: f.admin, json: body)
                    #expect(refused.status == 422, "\(body)")
                    #expect(refused.body["code"]?.string == code, "\(body): \(refused.body)")
                    #expect(
                        refused.body["errors"]?.array?.compactMap { $0["field"]?.string }.contains(field) == true,
                        "\(body): \(refused.body)")
                }
                #expect(try await seed.count("past_commendations") == before)
                // A medal for service is of that kind only.
                let thematic = try await client.send(
                    .post, "/v1/outside-commendations", token: f.admin,
                    json:
                        #"{"nominee":\#(teacher),"award":"KNC_GD","period":"2024","decisionNumber":"1/QĐ","decisionDate":"2024-05-24","kind":"thematic"}"#
                )
                #expect(thematic.status == 422 && thematic.body["errors"]?.array?.first?["field"]?.string == "kind")
            }
        }
    }

    @Test("The list by period for the registry's roles, a teacher's own rows, and her record and báo cáo's awards list it")
    func readingAndRecord() async throws {
        try await withTestApp { app, seed in
            let f = try await RegistryFixture.make(seed)
            try await app.test(.router) { client in
                let lines = [
                    (f.teacher.id, "CD_GVTDVN", "2023-2024", "2024-07-15"), (f.councilPeople[0].id, "CDGD_GK", "2023-2024", "2024-07-15"),
                    (f.councilPeople[1].id, "CDGD_GK", "2024-2025", "2025-01-10"),
                ]
                for (person, award, period, date) in lines {
                    let body =
                        #"{"nominee":{"personId":"\#(person)"},"award":"\#(award)","period":"\#(period)","decisionNumber":"9/QĐ-CĐGD","decisionDate":"\#(date)"}"#
                    #expect(try await client.send(.post, "/v1/outside-commendations", token: f.union, json: body).status == 201)
                }
                let year = try await client.send(.get, "/v1/outside-commendations?schoolYear=2023-2024", token: f.headmaster)
                #expect(year.status == 200)
                #expect(
                    year.body["items"]?.array?.compactMap { $0["nomineeName"]?.string } == ["Phạm Thị Lan", "Nguyễn Thị Ngọc Hân"],
                    "the Giấy khen (precedence 140) before the union's title (150)")
                let all = try await client.send(.get, "/v1/outside-commendations", token: f.council[1].token)
                #expect(all.body["items"]?.array?.count == 3)
                let own = try await client.send(.get, "/v1/outside-commendations", token: f.staff)
                #expect(
                    own.body["items"]?.array?.compactMap { $0["awardName"]?.string } == ["Danh hiệu \"Giỏi việc trường, đảm việc nhà\""])
                let someoneElse = year.body["items"]?.array?.first?["id"]?.string ?? ""
                #expect(try await client.send(.get, "/v1/outside-commendations/\(someoneElse)", token: f.staff).status == 404)
                #expect(try await client.send(.get, "/v1/outside-commendations/\(someoneElse)", token: f.union).status == 200)

                let record = try await client.send(.get, "/v1/people/\(f.teacher.id)/record", token: f.staff)
                let titles = record.body["years"]?.array?.flatMap { $0["titles"]?.array ?? [] } ?? []
                let union = titles.first { $0["award"]?.string == "CD_GVTDVN" }
                #expect(
                    union?["rewardAmount"]?.number == 200_000 && union?["source"]?.string?.contains("9/QĐ-CĐGD") == true, "\(record.body)")
            }
        }
    }

    @Test(
        "The catalogue names each award's issuer; a union award's money changes only as a fixed amount, and the new amount applies from its date"
    )
    func catalogue() async throws {
        try await withTestApp { app, seed in
            let f = try await RegistryFixture.make(seed)
            try await app.test(.router) { client in
                let award = try await client.send(.get, "/v1/awards/CDGD_GK", token: f.staff)
                #expect(award.body["issuer"]?.string == "union" && award.body["forService"]?.bool == false)
                #expect(award.body["current"]?["fixedAmount"]?.number == 300_000 && award.body["current"]?["coefficient"]?.string == "0")
                let medal = try await client.send(.get, "/v1/awards/KNC_GD", token: f.staff)
                #expect(medal.body["issuer"]?.string == "sector" && medal.body["forService"]?.bool == true)
                #expect(try await client.send(.get, "/v1/awards/LDTT", token: f.staff).body["issuer"]?.string == "state")

                let coefficient = try await client.send(
                    .post, "/v1/awards/CDGD_GK/rules", token: f.admin,
                    json: #"{"effectiveFrom":"2025-01-01","coefficient":"0.3","reason":"thử"}"#)
                #expect(coefficient.status == 422 && coefficient.body["errors"]?.array?.first?["field"]?.string == "coefficient")
                let raised = try await client.send(
                    .post, "/v1/awards/CDGD_GK/rules", token: f.admin,
                    json: #"{"effectiveFrom":"2025-01-01","fixedAmount":350000,"reason":"Quy chế khen thưởng mới của Công đoàn huyện"}"#)
                #expect(raised.status == 201, "\(raised.body)")
                let quote = try await client.send(.get, "/v1/awards/CDGD_GK/reward?date=2025-03-01&collective=true", token: f.staff)
                #expect(quote.body["rewardAmount"]?.number == 700_000 && quote.body["fixedAmount"]?.number == 350_000)
                for (date, amount) in [("2024-12-31", 300_000.0), ("2025-01-02", 350_000.0)] {
                    let body =
                        #"{"nominee":{"personId":"\#(f.teacher.id)"},"award":"CDGD_GK","period":"\#(date.prefix(4))","decisionNumber":"\#(date)","decisionDate":"\#(date)"}"#
                    let recorded = try await client.send(.post, "/v1/outside-commendations", token: f.union, json: body)
                    #expect(recorded.body["rewardAmount"]?.number == amount, "\(date): \(recorded.body)")
                }
            }
        }
    }

    @Test("Niên hạn is the kind of an award for service and of no other, on nominations too")
    func lengthOfServiceNominations() async throws {
        try await withTestApp { _, seed in
            let f = try await RegistryFixture.make(seed)
            let medal = try await f.nomination(seed, status: .draft, award: "KNC_GD")
            #expect(medal.kind == .lengthOfService, "left out, an award for service is niên hạn")
            await #expect {
                _ = try await f.nomination(
                    seed, status: .draft, award: "GK", nominee: .person(f.councilPeople[0].id), kind: .lengthOfService)
            } throws: { error in
                (error as? DomainError)?.violations.first?.field == "kind"
            }
            await #expect {
                _ = try await f.nomination(seed, status: .draft, award: "KNC_GD", nominee: .person(f.councilPeople[1].id), kind: .thematic)
            } throws: { error in
                (error as? DomainError)?.violations.first?.field == "kind"
            }
        }
    }
}
