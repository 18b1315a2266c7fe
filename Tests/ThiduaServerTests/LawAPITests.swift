import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import ThiduaCore
import ThiduaStore
import ThiduaTestSupport

@Suite("The law over HTTP")
struct LawAPITests {
    @Test("The catalogue, base salaries and reward money are readable; an admin changes a rule only with a reason")
    func catalogue() async throws {
        try await withTestApp { app, seed in
            let f = try await RegistryFixture.make(seed)
            try await app.test(.router) { client in
                let awards = try await client.send(.get, "/v1/awards", token: f.staff)
                #expect(awards.status == 200)
                let items = awards.body["items"]?.array ?? []
                #expect(items.first?["code"]?.string == "CSTD_TQ")
                let bk = try #require(items.first { $0["code"]?.string == "BK_TINH" })
                #expect(bk["rules"]?.array?.map { $0["coefficient"]?.string } == ["1", "1", "1.5"])
                #expect(bk["rules"]?.array?[1]["verified"] == .bool(false))
                #expect(bk["current"]?["authorityLevel"]?.string == "province")

                let reward = try await client.send(.get, "/v1/awards/LDTT/reward?date=2024-07-01", token: f.staff)
                #expect(reward.body["rewardAmount"]?.number == 710_000)
                #expect(reward.body["coefficient"]?.string == "0.3")
                #expect(reward.body["baseSalary"]?.number == 2_340_000)
                let collective = try await client.send(.get, "/v1/awards/GK/reward?date=2024-07-01&collective=true", token: f.staff)
                #expect(collective.body["rewardAmount"]?.number == 1_410_000)
                let early = try await client.send(.get, "/v1/awards/LDTT/reward?date=2019-06-30", token: f.staff)
                #expect(early.status == 422)
                #expect(early.body["detail"]?.string?.contains("01/07/2019") == true)
                #expect(try await client.send(.get, "/v1/awards/NOPE/reward?date=2024-07-01", token: f.staff).status == 404)

                let noReason = try await client.send(
                    .post, "/v1/awards/LDTT/rules", token: f.admin, json: #"{"effectiveFrom":"2026-01-01","coefficient":"0.35"}"#)
                #expect(noReason.status == 422)
                #expect(noReason.body["errors"]?.array?.first?["field"]?.string == "reason")
                let badCoefficient = try await client.send(
                    .post, "/v1/awards/LDTT/rules", token: f.admin,
                    json: #"{"effectiveFrom":"2026-01-01","coefficient":"0.355","reason":"x"}"#)
                #expect(badCoefficient.status == 422)
                #expect(badCoefficient.body["errors"]?.array?.first?["field"]?.string == "coefficient")
                let changed = try await client.send(
                    .post, "/v1/awards/LDTT/rules", token: f.admin,
                    json: #"{"effectiveFrom":"2026-01-01","coefficient":"0.35","reason":"Nghị định mới"}"#)
                #expect(changed.status == 201)
                #expect(changed.body["rules"]?.array?.last?["coefficient"]?.string == "0.35")
                #expect(changed.body["rules"]?.array?.last?["eligibility"]?.array?.count == 3)
                let later = try await client.send(.get, "/v1/awards/LDTT/reward?date=2026-01-02", token: f.staff)
                #expect(later.body["rewardAmount"]?.number == 820_000)

                let salary = try await client.send(
                    .post, "/v1/base-salaries", token: f.admin, json: #"{"amount":2530000,"effectiveFrom":"2026-07-01"}"#)
                #expect(salary.status == 201)
                let again = try await client.send(
                    .post, "/v1/base-salaries", token: f.admin, json: #"{"amount":2600000,"effectiveFrom":"2026-07-01"}"#)
                #expect(again.status == 409)
                let rounding = try await client.send(
                    .put, "/v1/settings", token: f.admin, json: #"{"rewardRounding":"nearest","reason":"Theo hướng dẫn của tỉnh"}"#)
                #expect(rounding.body["rewardRounding"]?.string == "nearest")
                // 0.8 × 1,800,000 = 1,440,000 is already round; 0.35 × 2,340,000 = 819,000 → 820,000 to the nearest too.
                let nearest = try await client.send(.get, "/v1/awards/GK_XA/reward?date=2024-08-01", token: f.staff)
                #expect(nearest.body["rewardAmount"]?.number == 350_000)
                #expect(nearest.body["rounding"]?.string == "nearest")
            }
        }
    }

    @Test("A nomination's eligibility is shown in both languages; a failed rule blocks submission with 422 until overridden with a reason")
    func eligibilityAndOverride() async throws {
        try await withTestApp { app, seed in
            let f = try await RegistryFixture.make(seed)
            try await seed.client.query(
                """
                INSERT INTO performance_ratings (person_id, period_kind, period_year, rating, months_worked)
                VALUES (\(f.teacher.id.rawValue), 'calendar_year', 2024, 'good', 8)
                """, logger: seed.logger)
            let nomination = try await f.nomination(seed, status: .draft)
            try await app.test(.router) { client in
                let report = try await client.send(.get, "/v1/nominations/\(nomination.id)/eligibility", token: f.union)
                #expect(report.status == 200)
                let results = report.body["results"]?.array ?? []
                #expect(results.map { $0["rule"]?.string } == ["rating_good", "months_worked", "no_discipline"])
                #expect(results.map { $0["outcome"]?.string } == ["passed", "failed", "passed"])
                #expect(results[1]["facts"]?.array?.first?.string == "Số tháng công tác năm 2024: 8 (cần ít nhất 10)")
                #expect(results[1]["factsEnglish"]?.array?.first?.string == "Months worked in year 2024: 8 (10 needed)")
                #expect(
                    results[1]["titleEnglish"]?.string == "Worked at least 10 months in the period (new recruits; maternity leave counts)")
                // Each rule says where it comes from; one read from an older decree is marked unverified.
                #expect(results[1]["citation"]?.string?.hasPrefix("Nghị định 91/2017/NĐ-CP, Điều 6") == true)
                #expect(results[1]["verified"]?.bool == false)
                #expect(results[0]["verified"]?.bool == true)

                let refused = try await client.send(.post, "/v1/nominations/\(nomination.id)/submit", token: f.union)
                #expect(refused.status == 422)
                #expect(refused.body["code"]?.string == "ineligible")
                #expect(refused.body["errors"]?.array?.map { $0["field"]?.string } == ["eligibility.months_worked"])
                #expect(try await client.send(.get, "/v1/nominations/\(nomination.id)", token: f.union).body["status"]?.string == "draft")

                let byUnion = try await client.send(
                    .post, "/v1/nominations/\(nomination.id)/eligibility-overrides", token: f.union,
                    json: #"{"rule":"months_worked","reason":"x"}"#)
                #expect(byUnion.status == 403)
                let withoutReason = try await client.send(
                    .post, "/v1/nominations/\(nomination.id)/eligibility-overrides", token: f.headmaster,
                    json: #"{"rule":"months_worked","reason":"   "}"#)
                #expect(withoutReason.status == 422)
                let overridden = try await client.send(
                    .post, "/v1/nominations/\(nomination.id)/eligibility-overrides", token: f.headmaster,
                    json: #"{"rule":"months_worked","reason":"Nghỉ điều trị tai nạn lao động, được tính thời gian công tác"}"#)
                #expect(overridden.status == 201)
                #expect(overridden.body["results"]?.array?[1]["override"]?["reason"]?.string?.hasPrefix("Nghỉ điều trị") == true)
                #expect(try await client.send(.post, "/v1/nominations/\(nomination.id)/submit", token: f.union).status == 200)

                // The staff member reads their own record; another's is "not found", as for every record not theirs.
                let own = try await client.send(.get, "/v1/people/\(f.teacher.id)/record", token: f.staff)
                #expect(own.body["years"]?.array?.first?["monthsWorked"]?.number == 8)
                #expect(own.body["years"]?.array?.first?["titles"]?.array?.first?["status"]?.string == "pending")
                #expect(try await client.send(.get, "/v1/people/\(f.councilPeople[0].id)/record", token: f.staff).status == 404)
            }
        }
    }

    @Test("Forwarding over HTTP: approval with a submission answers 202 forwarded; the higher decision issues the commendation")
    func forwardAndExternalDecision() async throws {
        try await withTestApp { app, seed in
            let f = try await RegistryFixture.make(seed)
            let nomination = try await f.nomination(seed, status: .recommended, award: "BK_TINH")
            try await app.test(.router) { client in
                let direct = try await client.send(
                    .post, "/v1/nominations/\(nomination.id)/approve", token: f.headmaster,
                    json: #"{"decisionNumber":"20/QĐ-THAP","decisionDate":"2024-12-10"}"#)
                #expect(direct.status == 409)
                #expect(direct.body["errors"]?.array?.first?["field"]?.string == "submissionNumber")
                let forwarded = try await client.send(
                    .post, "/v1/nominations/\(nomination.id)/approve", token: f.headmaster,
                    json: #"{"submissionNumber":"52/TTr-THAP","submissionDate":"2024-12-10"}"#)
                #expect(forwarded.status == 202)
                #expect(forwarded.body["status"]?.string == "forwarded")
                #expect(forwarded.body["submission"]?["number"]?.string == "52/TTr-THAP")
                let missingIssuer = try await client.send(
                    .post, "/v1/nominations/\(nomination.id)/external-decision", token: f.headmaster,
                    json: #"{"decisionNumber":"1234/QĐ-UBND","decisionDate":"2025-01-15"}"#)
                #expect(missingIssuer.status == 422)
                let issued = try await client.send(
                    .post, "/v1/nominations/\(nomination.id)/external-decision", token: f.headmaster,
                    json: #"{"issuer":"UBND tỉnh Đồng Tháp","decisionNumber":"1234/QĐ-UBND","decisionDate":"2025-01-15"}"#)
                #expect(issued.status == 201)
                #expect(issued.body["award"]?.string == "BK_TINH")
                #expect(issued.body["decisionDate"]?.string == "2025-01-15")
                #expect(issued.body["coefficient"]?.string == "1")
                #expect(issued.body["baseSalary"]?.number == 2_340_000)
                #expect(issued.body["rewardAmount"]?.number == 2_340_000)
                #expect(issued.body["issuer"]?.string == "UBND tỉnh Đồng Tháp")
            }
        }
    }
}
