import Foundation
import HTTPTypes
import Testing
import ThiduaCore
import ThiduaStore
import ThiduaTestSupport

/// Đăng ký thi đua over the API (issue "The school year's paperwork", item 1; sql/0029): who may file for whom, what may be
/// registered and when, the list by role, the withdrawal, the year-end comparison, and the catalogue's switch that makes
/// registration a condition of a title.
@Suite("Registrations")
struct RegistrationTests {
    @Test(
        "The union files for a teacher and a tổ, a teacher for herself only; wrong titles, awards and dates are refused beside their field and change nothing"
    )
    func filing() async throws {
        try await withTestApp { app, seed in
            let f = try await RegistryFixture.make(seed)
            let path = "/v1/movements/\(f.movement.id)/registrations"
            let teacher = #"{"personId":"\#(f.teacher.id)"}"#
            try await app.test(.router) { client in
                func file(_ token: String, _ body: String) async throws -> (status: Int, body: JSONValue, headers: HTTPFields) {
                    try await client.send(.post, path, token: token, json: body)
                }
                let filed = try await file(
                    f.union,
                    #"{"nominee":\#(teacher),"title":"ldtt","award":"GK","initiative":"Dạy Toán qua trò chơi","registeredOn":"2024-01-20"}"#
                )
                #expect(filed.status == 201)
                #expect(filed.body["title"]?.string == "LDTT" && filed.body["titleName"]?.string == "Lao động tiên tiến")
                #expect(filed.body["awardName"]?.string == "Giấy khen" && filed.body["registeredOn"]?.string == "2024-01-20")
                #expect(filed.headers[.location] == "/v1/registrations/\(filed.body["id"]?.string ?? "")")
                let count = try await seed.count("registrations")

                let twice = try await file(f.staff, #"{"nominee":\#(teacher),"title":"CSTD_CS","registeredOn":"2024-01-21"}"#)
                #expect(twice.status == 409 && twice.body["detail"]?.string?.contains("đã có bản đăng ký") == true)
                let other = #"{"personId":"\#(f.councilPeople[1].id)"}"#
                #expect(try await file(f.staff, #"{"nominee":\#(other),"title":"LDTT","registeredOn":"2024-01-21"}"#).status == 403)
                let refusals: [(String, String)] = [
                    (#"{"nominee":{"unitId":"\#(f.collective.id)"},"title":"LDTT","registeredOn":"2024-01-21"}"#, "title"),
                    (#"{"nominee":\#(other),"title":"LDTT","award":"TTLDTT","registeredOn":"2024-01-21"}"#, "award"),
                    (#"{"nominee":\#(other),"title":"LDTT","registeredOn":"2023-12-31"}"#, "registeredOn"),
                    (#"{"nominee":\#(other),"title":"LDTT","registeredOn":"2099-01-01"}"#, "registeredOn"),
                    (#"{"nominee":\#(other),"title":"KHONG_CO","registeredOn":"2024-01-21"}"#, "title"),
                    (#"{"nominee":\#(other),"registeredOn":"2024-01-21"}"#, "title"),
                    (#"{"nominee":{},"title":"LDTT"}"#, "personId"),
                ]
                for (body, field) in refusals {
                    let refused = try await file(f.union, body)
                    #expect(refused.status == 422, "\(body)")
                    #expect(
                        refused.body["errors"]?.array?.compactMap { $0["field"]?.string }.contains(field) == true,
                        "\(body): \(refused.body)")
                }
                #expect(try await seed.count("registrations") == count)
                let team = try await file(
                    f.union, #"{"nominee":{"unitId":"\#(f.collective.id)"},"title":"TTLDTT","registeredOn":"2024-01-22"}"#)
                #expect(team.status == 201 && team.body["unit"]?.string == "Trường Tiểu học An Phước")
                let own = try await file(f.council[1].token, #"{"nominee":\#(other),"title":"LDTT","registeredOn":"2024-01-23"}"#)
                #expect(own.status == 201, "a council member files for herself: \(own.body)")

                let all = try await client.send(.get, path, token: f.headmaster).body["items"]?.array ?? []
                #expect(
                    all.compactMap { $0["nomineeName"]?.string } == ["Nguyễn Thị Ngọc Hân", "Lê Hoàng Phúc", "Tổ chuyên môn khối 1"],
                    "given names: Hân before Phúc")
                let mine = try await client.send(.get, path, token: f.staff).body["items"]?.array ?? []
                #expect(mine.compactMap { $0["nomineeName"]?.string } == ["Nguyễn Thị Ngọc Hân"])

                let teamId = team.body["id"]?.string ?? ""
                #expect(try await client.send(.post, "/v1/registrations/\(teamId)/withdraw", token: f.staff, json: "{}").status == 404)
                let withdrawn = try await client.send(.post, "/v1/registrations/\(teamId)/withdraw", token: f.union, json: "{}")
                #expect(withdrawn.status == 200 && withdrawn.body["nomineeName"]?.string == "Tổ chuyên môn khối 1")
                #expect(try await client.send(.get, "/v1/registrations/\(teamId)", token: f.union).status == 404)
                // Once the movement is closed the list stays as filed, to be compared with the results.
                #expect(try await client.send(.post, "/v1/movements/\(f.movement.id)/close", token: f.headmaster, json: "{}").status == 200)
                let kept = filed.body["id"]?.string ?? ""
                let late = try await client.send(.post, "/v1/registrations/\(kept)/withdraw", token: f.union, json: "{}")
                #expect(late.status == 409 && late.body["detail"]?.string?.contains("giữ nguyên để đối chiếu") == true)
                #expect(try await client.send(.get, "/v1/registrations/\(kept)", token: f.union).status == 200)
            }
            let audited = try await seed.client.query(
                "SELECT count(*)::int FROM audit_log WHERE entity = 'registration'", logger: seed.logger
            ).collect().first?.decode(Int.self)
            #expect(audited == 4, "three filed, one withdrawn")
        }
    }

    @Test(
        "At year end the list sets each registration beside what was awarded; with the catalogue's switch on, an unregistered nominee fails 'registered'"
    )
    func yearEnd() async throws {
        try await withTestApp { app, seed in
            let f = try await RegistryFixture.make(seed)
            let path = "/v1/movements/\(f.movement.id)/registrations"
            try await app.test(.router) { client in
                let filed = try await client.send(
                    .post, path, token: f.union,
                    json: #"{"nominee":{"personId":"\#(f.teacher.id)"},"title":"LDTT","registeredOn":"2024-01-20"}"#)
                #expect(filed.status == 201)
                let early = try await client.send(.get, path + "/document?format=md&date=2024-01-31", token: f.headmaster)
                #expect(early.status == 200)
                let before = String(
                    buffer: try await client.execute(
                        uri: path + "/document?format=md&date=2024-01-31", method: .get, headers: Seed.headers(f.headmaster)
                    ) { $0.body })
                #expect(before.contains("| 1 | Nguyễn Thị Ngọc Hân |") && before.contains("| Chưa có |"))
                #expect(before.contains("Lao động tiên tiến: 1 đăng ký, 0 đạt."))

                _ = try await f.commendation(seed)
                let after = String(
                    buffer: try await client.execute(
                        uri: path + "/document?format=md&date=2024-12-31", method: .get, headers: Seed.headers(f.headmaster)
                    ) { $0.body })
                #expect(after.contains("Lao động tiên tiến: 1 đăng ký, 1 đạt.") && after.contains("| Lao động tiên tiến |"))
                // The fixture's school has no place for its papers: the date line starts with "Ngày", no stray comma.
                #expect(after.contains("*Ngày 31 tháng 12 năm 2024*"))
            }
            // The catalogue makes registration a condition of LĐTT from 2024: the registered teacher passes, a colleague fails.
            let catalogue = CatalogueRepository(client: seed.client)
            let current = try await catalogue.award("LDTT", logger: seed.logger)
            let rules = (current.rule(on: LocalDate(2024, 1, 1))?.eligibility.map(\.rawValue) ?? []) + ["registered"]
            _ = try await catalogue.setRule(
                try AwardRule.revised(
                    award: current, effectiveFrom: "2024-01-01", coefficient: nil, collectiveFactor: nil, authorityLevel: nil,
                    voteThreshold: nil, eligibility: rules, citation: nil, verified: nil),
                reason: "Quy chế thi đua của trường: chỉ xét danh hiệu cho người đã đăng ký", by: seed.actor, logger: seed.logger)
            let eligibility = EligibilityRepository(client: seed.client)
            let period = try #require(Period(kindCode: "calendar_year", year: 2024))
            let registered = try await eligibility.explain(award: "LDTT", for: .person(f.teacher.id), in: period, logger: seed.logger)
            #expect(registered.results.first { $0.rule == .registered }?.outcome == .passed)
            #expect(registered.registration == "Đã đăng ký Lao động tiên tiến ngày 20/01/2024")
            let colleague = try await eligibility.explain(
                award: "LDTT", for: .person(f.councilPeople[1].id), in: period, logger: seed.logger)
            #expect(colleague.results.first { $0.rule == .registered }?.outcome == .failed)
            #expect(colleague.registration == "Không có bản đăng ký thi đua năm 2024")
        }
    }
}
