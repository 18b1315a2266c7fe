import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PostgresNIO
import Testing
import ThiduaCore
import ThiduaServer
import ThiduaStore
import ThiduaTestSupport

/// `serve --read-database-url` (issue "One thidua for a whole district", past one machine): reports, exports and the
/// commendations' list read from a streaming standby, which first replays the primary's writes up to the moment the
/// read began (`DatabaseClient+Replica.swift`).
@Suite("Reports from a streaming replica")
struct ReplicaTests {
    static let names = ["Trần Văn An", "Lê Thị Bình", "Phạm Văn Cường", "Đỗ Thị Dung"]

    @Test(
        "Right after each decision the standby's honor list and list page have it; with the standby's replay paused, the primary answers and nothing is missing"
    )
    func reportsFromStandby() async throws {
        try await ReplicatedClusters.with { primary, standby in
            try await DatabaseClient.withRunning(primary.configuration, logger: primary.logger) { client in
                let seed = Seed(client: client, logger: primary.logger)
                let f = try await RegistryFixture.make(seed)
                var made: [Nomination] = []
                for name in Self.names {
                    let person = try await seed.person(name, unit: f.school.id)
                    made.append(try await f.nomination(seed, status: .recommended, nominee: .person(person.id)))
                }
                let nominations = made
                var configuration = primary.serverConfiguration
                configuration.readDatabase = standby.appConfiguration
                let app = try await buildApplication(configuration, logger: primary.logger)
                try await app.test(.router) { api in
                    @Sendable func honorList() async throws -> String {
                        try await api.execute(
                            uri: "/v1/reports/honor-list?year=2024&format=csv", method: .get, headers: Seed.headers(f.union)
                        ) { String(buffer: $0.body) }
                    }
                    @Sendable func approve(_ index: Int) async throws -> Int {
                        try await api.send(
                            .post, "/v1/nominations/\(nominations[index].id)/approve", token: f.headmaster,
                            json: #"{"decisionNumber":"\#(index + 1)/QĐ-THAP","decisionDate":"2024-05-30"}"#
                        ).status
                    }
                    for index in 0..<3 {
                        #expect(try await approve(index) == 201)
                        let list = try await honorList()
                        #expect(Self.names.prefix(index + 1).allSatisfy(list.contains), "decision \(index + 1): \(list)")
                    }
                    let page = try await api.send(.get, "/v1/commendations?year=2024&limit=50", token: f.union)
                    #expect(page.status == 200 && page.body["items"]?.array?.count == 3)
                    #expect(try await Self.appSessions(on: standby) > 0, "the standby served the reads")

                    try await Self.onStandby(standby, "SELECT pg_wal_replay_pause()")
                    #expect(try await approve(3) == 201)
                    let whilePaused = try await honorList()
                    #expect(Self.names.allSatisfy(whilePaused.contains), "the primary answered: \(whilePaused)")
                    try await Self.onStandby(standby, "SELECT pg_wal_replay_resume()")
                }
            }
        }
    }

    static func onStandby(_ standby: TestDatabase, _ statement: String) async throws {
        try await DatabaseClient.withRunning(standby.configuration, logger: standby.logger) { client in
            _ = try await client.query(PostgresQuery(unsafeSQL: statement), logger: standby.logger).collect()
        }
    }

    static func appSessions(on standby: TestDatabase) async throws -> Int {
        try await DatabaseClient.withRunning(standby.configuration, logger: standby.logger) { client in
            let rows = try await client.query(
                "SELECT count(*)::bigint FROM pg_stat_activity WHERE usename = \(TestCluster.appRole)", logger: standby.logger)
            for try await count in rows.decode(Int.self) { return count }
            return 0
        }
    }
}
