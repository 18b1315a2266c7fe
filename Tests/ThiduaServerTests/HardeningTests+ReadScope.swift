import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PostgresNIO
import Testing
import ThiduaCore
import ThiduaStore
import ThiduaTestSupport

/// F4 (security review): what a staff account may not read — revocation reasons stay with the registry's roles.
extension HardeningTests {
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
                // The decision itself, which staff may print, strikes the line through without the reason.
                let decision = try await seed.client.query(
                    "SELECT decision_id FROM commendations WHERE id = \(commendation.id.rawValue)", logger: seed.logger
                ).collect().first?.decode(UUID.self)
                let printed = try await client.execute(
                    uri: "/v1/decisions/\(try #require(decision).uuidString.lowercased())/document?format=html", method: .get,
                    headers: Seed.headers(f.staff)
                ) { ($0.status, String(buffer: $0.body)) }
                #expect(printed.0 == .ok && printed.1.contains(#"class="revoked""#))
                #expect(!printed.1.contains("Lý do nội bộ"))
            }
        }
    }
}
