import EmbeddedPostgres
import Foundation
import Logging
import PostgresNIO
import Testing
import ThiduaCore
import ThiduaStore
import ThiduaTestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// What `serve`'s database client does when PostgreSQL crashes and comes back (security review, "a database crash under
/// load"): 503 at once while it is gone, serving again within 5 s of its return.
@Suite("Database outage")
struct DatabaseOutageTests {
    let logger = TestCluster.shared.logger

    /// `SELECT 1` through thidua's client: how long it took and whether it answered or was refused as unavailable.
    func selectOne(_ client: DatabaseClient) async -> (answered: Bool, unavailable: Bool, took: Duration) {
        let started = ContinuousClock.now
        do {
            _ = try await client.withConnection { try await $0.query("SELECT 1", logger: logger).collect() }
            return (true, false, ContinuousClock.now - started)
        } catch {
            return (false, StoreErrorMapping.isDatabaseUnavailable(error), ContinuousClock.now - started)
        }
    }

    @Test("Postmaster killed: calls are refused as unavailable within 10 s, then at once; back within 5 s of a restart")
    func crashAndReturn() async throws {
        let folder = URL(fileURLWithPath: "/tmp/tpg-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: folder) }
        let cluster = try EmbeddedCluster(dataDirectory: folder, binaries: try PostgresBinaries.locate())
        try await cluster.start(logger: logger)
        let configuration = PostgresClient.Configuration(
            unixSocketPath: cluster.socketPath, username: EmbeddedCluster.superuser, password: try cluster.password(),
            database: EmbeddedCluster.database)
        let client = DatabaseClient(configuration: configuration, logger: logger)
        let running = Task { try await client.run() }
        defer { running.cancel() }
        #expect(await selectOne(client).answered)

        let text = try String(contentsOf: cluster.pgdata.appending(path: "postmaster.pid"), encoding: .utf8)
        let pid = try #require(Int32(text.split(separator: "\n").first ?? ""))
        #expect(kill(pid, SIGKILL) == 0)
        for _ in 0..<100 where cluster.isPostmasterAlive { try await Task.sleep(for: .milliseconds(50)) }

        // While it is gone: no call waits for the pool's minute-long back-off, and none answers anything but unavailable.
        let first = await selectOne(client)
        #expect(!first.answered && first.unavailable)
        #expect(first.took < .seconds(10))
        for _ in 0..<100 where !client.isDown { try await Task.sleep(for: .milliseconds(100)) }
        #expect(client.isDown)
        let prompt = await selectOne(client)
        #expect(prompt.unavailable && prompt.took < .milliseconds(100))
        // A long outage: the old pool would by now be backing off for many seconds.
        try await Task.sleep(for: .seconds(3))

        try await cluster.start(logger: logger)
        let restarted = ContinuousClock.now
        var back = false
        while ContinuousClock.now - restarted < .seconds(5) {
            if await selectOne(client).answered {
                back = true
                break
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(back, "thidua's client did not serve again within 5 s of the database's return")
        #expect(!client.isDown)
        running.cancel()
        try await cluster.stop(logger: logger)
    }
}
