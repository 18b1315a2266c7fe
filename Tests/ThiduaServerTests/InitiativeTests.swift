import Foundation
import HTTPTypes
import Testing
import ThiduaCore
import ThiduaStore
import ThiduaTestSupport

/// The sáng kiến register over the API (issue "The school year's paperwork", item 5; sql/0036): register, apply, the
/// initiative council's score, the head's recognition and wider scopes, who may do each, and what eligibility reads.
@Suite("Initiatives")
struct InitiativeTests {
    @Test(
        "A teacher's sáng kiến from registration to provincial scope: each step by its role, in order, with the school head as the default issuer"
    )
    func wholeWay() async throws {
        try await withTestApp { app, seed in
            let f = try await RegistryFixture.make(seed)
            try await app.test(.router) { client in
                let registered = try await client.send(
                    .post, "/v1/initiatives", token: f.union,
                    json:
                        #"{"personId":"\#(f.teacher.id)","title":"Dạy học sinh lớp 1 đọc trơn qua trò chơi","period":"2024","registeredOn":"2024-01-10"}"#
                )
                #expect(registered.status == 201 && registered.body["status"]?.string == "registered", "\(registered.body)")
                let id = registered.body["id"]?.string ?? ""
                #expect(registered.headers[.location] == "/v1/initiatives/\(id)")
                let path = "/v1/initiatives/\(id)"
                // Out of order: nothing to score or recognise yet.
                #expect(
                    try await client.send(.post, path + "/score", token: f.council[0].token, json: #"{"score":80,"passed":true}"#).status
                        == 409)

                let applied = try await client.send(
                    .post, path + "/application", token: f.staff,
                    json:
                        #"{"description":"Vấn đề: học sinh lớp 1 đọc chậm.\nGiải pháp: trò chơi ghép vần mỗi tiết.","appliedOn":"2024-03-15"}"#
                )
                #expect(applied.status == 200 && applied.body["status"]?.string == "applied", "the author applies herself: \(applied.body)")
                #expect(applied.body["description"]?.string?.contains("\n") == true, "paragraphs kept")
                #expect(try await client.send(.post, path + "/score", token: f.union, json: #"{"score":80,"passed":true}"#).status == 403)
                let scored = try await client.send(
                    .post, path + "/score", token: f.council[0].token, json: #"{"score":86,"passed":true,"scoredOn":"2024-04-20"}"#)
                #expect(scored.status == 200 && scored.body["score"]?.number == 86 && scored.body["status"]?.string == "scored")

                func recognize(_ token: String, _ body: String) async throws -> (status: Int, body: JSONValue, headers: HTTPFields) {
                    try await client.send(.post, path + "/recognitions", token: token, json: body)
                }
                #expect(
                    try await recognize(f.council[0].token, #"{"scope":"unit","decisionNumber":"12/QĐ-THAP","decisionDate":"2024-05-10"}"#)
                        .status == 403)
                let early = try await recognize(
                    f.headmaster, #"{"scope":"unit","decisionNumber":"12/QĐ-THAP","decisionDate":"2024-04-01"}"#)
                #expect(
                    early.status == 422 && early.body["errors"]?.array?.first?["field"]?.string == "decisionDate",
                    "before the council scored")
                let skipped = try await recognize(
                    f.headmaster,
                    #"{"scope":"district","decisionNumber":"88/QĐ-UBND","decisionDate":"2024-06-01","issuer":"Chủ tịch UBND huyện"}"#)
                #expect(skipped.status == 409, "a wider scope only after the school's")
                let school = try await recognize(
                    f.headmaster, #"{"scope":"unit","decisionNumber":"12/QĐ-THAP","decisionDate":"2024-05-10"}"#)
                #expect(school.status == 201 && school.body["status"]?.string == "recognized" && school.body["scope"]?.string == "unit")
                #expect(school.body["recognitions"]?.array?.first?["issuer"]?.string == "Hiệu trưởng Trường Tiểu học An Phước")
                let noIssuer = try await recognize(
                    f.headmaster, #"{"scope":"district","decisionNumber":"88/QĐ-UBND","decisionDate":"2024-06-01"}"#)
                #expect(noIssuer.status == 422 && noIssuer.body["code"]?.string == "rule-violated")
                let district = try await recognize(
                    f.headmaster,
                    #"{"scope":"district","decisionNumber":"88/QĐ-UBND","decisionDate":"2024-06-01","issuer":"Chủ tịch UBND huyện Tân Hồng"}"#
                )
                #expect(district.status == 201 && district.body["scope"]?.string == "district")
                let province = try await recognize(
                    f.headmaster,
                    #"{"scope":"province","decisionNumber":"301/QĐ-UBND","decisionDate":"2024-11-20","issuer":"Chủ tịch UBND tỉnh Đồng Tháp"}"#
                )
                #expect(province.status == 201 && province.body["scope"]?.string == "province")
                #expect(
                    province.body["recognitions"]?.array?.compactMap { $0["scopeName"]?.string } == ["cấp cơ sở", "cấp huyện", "cấp tỉnh"])
                #expect(
                    try await recognize(
                        f.headmaster, #"{"scope":"province","decisionNumber":"302/QĐ-UBND","decisionDate":"2024-11-21","issuer":"x"}"#
                    ).status == 409)
                #expect(try await client.send(.post, path + "/withdraw", token: f.union, json: "{}").status == 409, "scored: kept")
            }
        }
    }

    @Test("Who may register and read; a failed score ends it; malformed steps are refused beside their field and change nothing")
    func refusals() async throws {
        try await withTestApp { app, seed in
            let f = try await RegistryFixture.make(seed)
            try await app.test(.router) { client in
                let other = #"{"personId":"\#(f.councilPeople[0].id)","title":"Sổ tay chủ nhiệm điện tử","period":"2024"}"#
                #expect(try await client.send(.post, "/v1/initiatives", token: f.staff, json: other).status == 403)
                let own = try await client.send(
                    .post, "/v1/initiatives", token: f.staff,
                    json: #"{"personId":"\#(f.teacher.id)","title":"Góc đọc sách lớp học","period":"2024"}"#)
                #expect(own.status == 201, "a teacher registers her own")
                let mine = own.body["id"]?.string ?? ""
                let theirs = try await client.send(.post, "/v1/initiatives", token: f.union, json: other)
                #expect(theirs.status == 201)
                let twice = try await client.send(.post, "/v1/initiatives", token: f.union, json: other)
                #expect(twice.status == 409 && twice.body["errors"]?.array?.first?["field"]?.string == "title")
                let bad = try await client.send(
                    .post, "/v1/initiatives", token: f.union, json: #"{"personId":"\#(f.teacher.id)","title":"x","period":"2023-2025"}"#)
                #expect(bad.status == 422 && bad.body["code"]?.string == "rule-violated")
                let count = try await seed.count("initiatives")

                let listed = try await client.send(.get, "/v1/initiatives?year=2024", token: f.staff)
                #expect(
                    listed.body["items"]?.array?.compactMap { $0["title"]?.string } == ["Góc đọc sách lớp học"], "a teacher sees her own")
                #expect(try await client.send(.get, "/v1/initiatives", token: f.headmaster).body["items"]?.array?.count == 2)
                let theirPath = "/v1/initiatives/\(theirs.body["id"]?.string ?? "")"
                #expect(try await client.send(.get, theirPath, token: f.staff).status == 404)

                let path = "/v1/initiatives/\(mine)"
                let empty = try await client.send(.post, path + "/application", token: f.staff, json: #"{"description":"  "}"#)
                #expect(empty.status == 422 && empty.body["errors"]?.array?.first?["field"]?.string == "description")
                #expect(
                    try await client.send(.post, path + "/application", token: f.staff, json: #"{"description":"Mô tả"}"#).status == 200)
                let high = try await client.send(.post, path + "/score", token: f.admin, json: #"{"score":101,"passed":true}"#)
                #expect(high.status == 422 && high.body["errors"]?.array?.first?["field"]?.string == "score")
                let failed = try await client.send(.post, path + "/score", token: f.admin, json: #"{"score":40,"passed":false}"#)
                #expect(failed.status == 200 && failed.body["status"]?.string == "not_recognized", "không đạt ends it")
                let late = try await client.send(
                    .post, path + "/recognitions", token: f.headmaster,
                    json: #"{"scope":"unit","decisionNumber":"1/QĐ","decisionDate":"2024-05-10"}"#)
                #expect(late.status == 409 && late.body["detail"]?.string?.contains("không được công nhận") == true)
                #expect(try await client.send(.post, theirPath + "/withdraw", token: f.union, json: "{}").status == 200)
                #expect(
                    try await client.send(.get, "/v1/initiatives", token: f.headmaster).body["items"]?.array?.count == 1,
                    "withdrawn: not listed")
                #expect(try await seed.count("initiatives") == count)
            }
        }
    }

    @Test("Eligibility reads the register: a recognised sáng kiến passes CSTĐ cơ sở's 'excellent or initiative', named with its scope")
    func eligibilityReadsTheRegister() async throws {
        try await withTestApp { app, seed in
            let f = try await RegistryFixture.make(seed)
            try await seed.client.query(
                """
                INSERT INTO performance_ratings (person_id, period_kind, period_year, rating, months_worked)
                VALUES (\(f.teacher.id.rawValue), 'calendar_year', 2024, 'good', 12)
                """, logger: seed.logger)
            let nomination = try await f.nomination(seed, status: .draft, award: "CSTD_CS")
            try await app.test(.router) { client in
                func rule() async throws -> JSONValue? {
                    let report = try await client.send(.get, "/v1/nominations/\(nomination.id)/eligibility", token: f.union)
                    return report.body["results"]?.array?.first { $0["rule"]?.string == "excellent_or_initiative" }
                }
                #expect(try await rule()?["outcome"]?.string == "failed", "rated good, no initiative")
                let created = try await client.send(
                    .post, "/v1/initiatives", token: f.union,
                    json: #"{"personId":"\#(f.teacher.id)","title":"Trò chơi ghép vần","period":"2024","registeredOn":"2024-01-10"}"#)
                let path = "/v1/initiatives/\(created.body["id"]?.string ?? "")"
                _ = try await client.send(
                    .post, path + "/application", token: f.union, json: #"{"description":"Mô tả","appliedOn":"2024-03-01"}"#)
                _ = try await client.send(
                    .post, path + "/score", token: f.headmaster, json: #"{"score":90,"passed":true,"scoredOn":"2024-04-01"}"#)
                #expect(try await rule()?["outcome"]?.string == "failed", "scored is not yet recognised")
                let recognized = try await client.send(
                    .post, path + "/recognitions", token: f.headmaster,
                    json: #"{"scope":"unit","decisionNumber":"12/QĐ-THAP","decisionDate":"2024-05-10"}"#)
                #expect(recognized.status == 201)
                let passed = try await rule()
                #expect(passed?["outcome"]?.string == "passed")
                #expect(
                    passed?["facts"]?.array?.contains {
                        $0.string == "Sáng kiến được công nhận năm 2024: 1 — Trò chơi ghép vần (cấp cơ sở)"
                    } == true,
                    "\(String(describing: passed))")
            }
        }
    }
}
