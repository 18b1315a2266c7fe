import Foundation
import PostgresNIO
import Testing
import ThiduaCore
import ThiduaTestSupport
@testable import ThiduaStore

/// The statements every request runs are prepared once per connection (issue "Performance"); behind PgBouncer in
/// transaction mode (`serve --no-prepared-statements`) the same SQL goes unprepared and answers the same.
@Suite("Prepared statements")
struct PreparedStatementTests {
    @Test(
        "The token check and the read by id answer the same prepared and unprepared; prepared, the connection keeps the statement; unprepared, it does not"
    )
    func sameAnswersBothWays() async throws {
        try await TestDatabase.with { database, client in
            let seed = Seed(client: client, logger: database.logger)
            let f = try await RegistryFixture.make(seed)
            let commendation = try await f.commendation(seed)
            let hash = APIToken.hash(f.headmaster)
            let logger = database.logger
            try await client.withConnection { connection in
                func kept() async throws -> Set<String> {
                    Set(
                        try await connection.query("SELECT name FROM pg_prepared_statements", logger: logger).collect().map {
                            try $0.decode(String.self)
                        })
                }
                let plain = try await connection.rows(AccountRepository.TokenAccount(hash: hash), prepared: false, logger: logger)
                let plainRead = try await connection.rows(CommendationRepository.ByID(id: commendation.id), prepared: false, logger: logger)
                #expect(!(try await kept()).contains("thidua_commendation_by_id"), "the read was not prepared")
                let prepared = try await connection.rows(AccountRepository.TokenAccount(hash: hash), prepared: true, logger: logger)
                let preparedRead = try await connection.rows(
                    CommendationRepository.ByID(id: commendation.id), prepared: true, logger: logger)
                #expect(try await kept().isSuperset(of: ["thidua_token_account", "thidua_commendation_by_id"]))
                #expect(plain == prepared && prepared.map(\.id) == [f.headmasterAccount.id])
                #expect(plainRead == preparedRead && preparedRead.map(\.id) == [commendation.id])
                // The page of a year's commendations (a missing period bound as ±infinity) answers the same both ways.
                let page = CommendationRepository.PeriodPage(
                    period: try Period.choose(year: "2024", schoolYear: nil), createdAt: "-infinity",
                    id: "00000000-0000-0000-0000-000000000000", limit: 10)
                let plainPage = try await connection.rows(page, prepared: false, logger: logger).map(\.item)
                let preparedPage = try await connection.rows(page, prepared: true, logger: logger).map(\.item)
                #expect(plainPage == preparedPage && preparedPage.map(\.id) == [commendation.id])
                let otherYear = CommendationRepository.PeriodPage(
                    period: try Period.choose(year: "2023", schoolYear: nil), createdAt: "-infinity",
                    id: "00000000-0000-0000-0000-000000000000", limit: 10)
                #expect(try await connection.rows(otherYear, prepared: true, logger: logger).isEmpty)
                let anyYear = CommendationRepository.PeriodPage(
                    period: nil, createdAt: "-infinity", id: "00000000-0000-0000-0000-000000000000", limit: 10)
                #expect(try await connection.rows(anyYear, prepared: true, logger: logger).map(\.item) == preparedPage)
                // Again on the same connection: bound, not prepared a second time.
                #expect(try await connection.rows(AccountRepository.TokenAccount(hash: hash), prepared: true, logger: logger) == prepared)
                #expect(
                    try await connection.rows(
                        AccountRepository.TokenAccount(hash: APIToken.hash("thd_wrong")), prepared: true, logger: logger
                    ).isEmpty)
            }
        }
    }

    @Test("The token's hash is SHA-256 in lowercase hex, as stored")
    func tokenHash() {
        #expect(APIToken.hash("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}
