import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import ThiduaCore
import ThiduaServer
import ThiduaStore
import ThiduaTestSupport

/// A district runs several `serve` instances through PgBouncer (issue "One thidua for a whole district"). Debian's
/// PgBouncer 1.18 in transaction mode hands each transaction to any server connection: a statement prepared on one is
/// unknown on the next, and a session's advisory lock is not held across statements. So `serve
/// --no-prepared-statements` sends every statement unprepared, and migrations connect to PostgreSQL itself
/// (`MIGRATION_DATABASE_URL`).
@Suite("Behind PgBouncer in transaction mode")
struct PgBouncerTests {
    @Test(
        "Prepared statements off, eight pool connections over PgBouncer's two: concurrent writes, reads, a decision with its money and the audit chain as directly"
    )
    func throughPgBouncer() async throws {
        try await TestDatabase.with { database, client in
            let seed = Seed(client: client, logger: database.logger)
            let f = try await RegistryFixture.make(seed)
            let nomination = try await f.nomination(seed, status: .recommended)
            try await PgBouncer.with(database) { bouncer in
                var configuration = database.serverConfiguration
                configuration.database = bouncer.configuration(database: database)
                configuration.preparedStatements = false
                // The pool's routine `SELECT 1` queues in PgBouncer behind the test's burst of writes on two server
                // connections; on a loaded CI machine it missed 2 s twice and the database was taken for down (503).
                configuration.databaseCheckTimeout = .seconds(10)
                let app = try await buildApplication(configuration, logger: database.logger)
                try await app.test(.router) { client in
                    let created = try await withThrowingTaskGroup(of: String?.self) { group in
                        for number in 1...24 {
                            group.addTask {
                                let body = """
                                    {"number":"\(number)/KH-THAP","date":"2024-04-09","issuer":"Trường Tiểu học A","title":"Kế hoạch số \(number)"}
                                    """
                                let response = try await client.send(.post, "/v1/documents", token: f.headmaster, json: body)
                                return response.status == 201 ? response.body["id"]?.string : nil
                            }
                        }
                        return try await group.reduce(into: [String]()) { if let id = $1 { $0.append(id) } }
                    }
                    #expect(created.count == 24)
                    let reads = try await withThrowingTaskGroup(of: Bool.self) { group in
                        for _ in created {
                            group.addTask { try await client.send(.get, "/v1/documents?limit=50", token: f.union).status == 200 }
                            group.addTask { try await client.send(.get, "/v1/me", token: f.staff).status == 200 }
                        }
                        return try await group.reduce(true) { $0 && $1 }
                    }
                    #expect(reads)
                    let documents = try await client.send(.get, "/v1/documents?limit=50", token: f.union)
                    let titles = documents.body["items"]?.array?.compactMap { $0["title"]?.string } ?? []
                    #expect(Set(titles.filter { $0.hasPrefix("Kế hoạch số") }).count == 24)
                    let approved = try await client.send(
                        .post, "/v1/nominations/\(nomination.id)/approve", token: f.headmaster,
                        json: #"{"decisionNumber":"12/QĐ-THAP","decisionDate":"2024-05-30"}"#)
                    #expect(approved.status == 201, "\(approved.body)")
                    let page = try await client.send(.get, "/v1/commendations?year=2024&limit=50", token: f.union)
                    #expect(page.status == 200 && page.body["items"]?.array?.count == 1)
                }
                // The app's eight connections went through PgBouncer's two.
                var connections = 99
                for try await count in try await client.query(
                    "SELECT count(*)::bigint FROM pg_stat_activity WHERE datname = \(database.name) AND usename = \(TestCluster.appRole)",
                    logger: database.logger
                ).decode(Int.self) { connections = count }
                #expect(connections <= bouncer.serverConnections, "\(bouncer.log)")
            }
            #expect(try await seed.count("legal_documents") == 25)
            #expect(try await seed.count("commendations") == 1)
            #expect(try await AuditLog(client: client).verify(logger: database.logger).problems.isEmpty)
        }
    }
}
