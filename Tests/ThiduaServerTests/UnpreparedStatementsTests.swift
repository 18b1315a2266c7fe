import Foundation
import Testing
import ThiduaCore
import ThiduaServer
import ThiduaTestSupport

/// `serve --no-prepared-statements` (PgBouncer in transaction mode cannot carry prepared statements): the API signs in
/// and reads as it does prepared.
@Suite("API without prepared statements")
struct UnpreparedStatementsTests {
    @Test("Signed in by token, a commendation reads the same; a wrong token is 401")
    func readsTheSame() async throws {
        for prepared in [true, false] {
            try await withTestApp(configure: { $0.preparedStatements = prepared }) { app, seed in
                let f = try await RegistryFixture.make(seed)
                let commendation = try await f.commendation(seed)
                try await app.test(.router) { client in
                    let read = try await client.send(.get, "/v1/commendations/\(commendation.id)", token: f.headmaster)
                    #expect(read.status == 200 && read.body["id"]?.string == commendation.id.description)
                    #expect(read.body["award"]?.string == "LDTT" && read.body["decisionNumber"]?.string == "12/QĐ-THAP")
                    #expect(try await client.send(.get, "/v1/me", token: f.headmaster).status == 200)
                    #expect(try await client.send(.get, "/v1/commendations/\(commendation.id)", token: "thd_wrong").status == 401)
                    #expect(read.body["rewardAmount"]?.number.map { Int($0) } == commendation.money?.rewardAmount)
                    #expect(read.body["signer"]?.string == commendation.signerName, "prepared: \(prepared)")
                }
            }
        }
    }
}
