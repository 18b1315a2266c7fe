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
                // Again on the same connection: bound, not prepared a second time.
                #expect(try await connection.rows(AccountRepository.TokenAccount(hash: hash), prepared: true, logger: logger) == prepared)
                #expect(
                    try await connection.rows(
                        AccountRepository.TokenAccount(hash: APIToken.hash("thd_wrong")), prepared: true, logger: logger
                    ).isEmpty)
            }
        }
    }

    @Test(
        "The list's default pages answer the same prepared and unprepared, and PostgreSQL keeps one plan for each instead of planning every call"
    )
    func defaultPagesArePlannedOnce() async throws {
        try await TestDatabase.with { database, client in
            let seed = Seed(client: client, logger: database.logger)
            let f = try await RegistryFixture.make(seed)
            let commendation = try await f.commendation(seed)  // 20/05/2024
            // Enough rows (all decided in 2024) that a plan costed for a bound LIMIT would lose to planning each call.
            _ = try await ScaleData(client: client).add(2_000, by: seed.actor, logger: seed.logger)
            let logger = database.logger
            let first = (createdAt: "-infinity", id: "00000000-0000-0000-0000-000000000000")
            try await client.withConnection { connection in
                func both<S: PostgresPreparedStatement>(_ statement: S) async throws -> [Commendation]
                where S.Row == (item: Commendation, createdAt: Keyset.Instant) {
                    let plain = try await connection.rows(statement, prepared: false, logger: logger).map(\.item)
                    var prepared: [Commendation] = []
                    for _ in 1...8 { prepared = try await connection.rows(statement, prepared: true, logger: logger).map(\.item) }
                    #expect(plain == prepared)
                    return prepared
                }
                let all = try await both(CommendationRepository.AllPage(createdAt: first.createdAt, id: first.id))
                #expect(all.count == PageRequest.defaultLimit + 1 && all[0].id == commendation.id)
                #expect(try await both(CommendationRepository.YearPage(createdAt: first.createdAt, id: first.id, year: 2024)) == all)
                #expect(try await both(CommendationRepository.YearPage(createdAt: first.createdAt, id: first.id, year: 2023)).isEmpty)
                let schoolYear = try await both(CommendationRepository.SchoolYearPage(createdAt: first.createdAt, id: first.id, year: 2023))
                #expect(!schoolYear.isEmpty && schoolYear.allSatisfy { $0.decisionDate < LocalDate(2024, 9, 1) })
                let plans = try await connection.query(
                    "SELECT name, generic_plans FROM pg_prepared_statements WHERE name LIKE 'thidua_commendation%page'", logger: logger
                ).collect().map { try $0.decode((String, Int).self) }
                #expect(plans.count == 3 && plans.allSatisfy { $0.1 > 0 }, "\(plans)")
            }
        }
    }

    @Test("The token's hash is SHA-256 in lowercase hex, as stored")
    func tokenHash() {
        #expect(APIToken.hash("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}
