import EmbeddedPostgres
import Foundation
import Logging
import PostgresNIO
import ThiduaStore

/// A primary of its own (not the shared test cluster, whose settings every test relies on) with a hot standby streaming
/// from it, both on unix sockets: the replica and failover tests. Stopped and removed afterwards.
public enum ReplicatedClusters {
    public static let standbyName = "thidua_standby"

    /// Starts a primary with thidua migrated in its `thidua` database, copies it into a streaming standby (synchronous
    /// when asked: a commit waits for the standby to flush it), and runs `body` with the database on each.
    public static func with<T: Sendable>(
        synchronous: Bool = false, _ body: @Sendable (_ primary: TestDatabase, _ standby: TestDatabase) async throws -> T
    ) async throws -> T {
        let logger = TestCluster.shared.logger
        let folder = URL(fileURLWithPath: "/tmp/thidua-rep-\(UUID().uuidString.prefix(8).lowercased())")
        let primary = try EmbeddedCluster(
            dataDirectory: folder.appending(path: "primary"), binaries: try PostgresBinaries.locate(),
            settings: ["fsync": "off", "full_page_writes": "off", "max_connections": "200"])
        var standby: EmbeddedCluster?
        defer { try? FileManager.default.removeItem(at: folder) }
        let result: Result<T, any Error>
        do {
            try await primary.start(logger: logger)
            let primaryDatabase = TestDatabase(cluster: primary)
            try await DatabaseClient.withRunning(primaryDatabase.configuration, logger: logger) { client in
                let migrator = Migrator(client: client, logger: logger)
                try await migrator.apply()
                try await migrator.enableAppRole(password: TestCluster.appPassword)
            }
            let copy = try await primary.startStandby(in: folder.appending(path: "standby"), name: standbyName, logger: logger)
            standby = copy
            if synchronous { try await makeSynchronous(primaryDatabase, logger: logger) }
            result = .success(try await body(primaryDatabase, TestDatabase(cluster: copy)))
        } catch {
            result = .failure(error)
        }
        if let standby { try? await standby.stop(logger: logger) }
        try? await primary.stop(logger: logger)
        return try result.get()
    }

    /// Names the standby in `synchronous_standby_names` and waits until the primary counts it as synchronous.
    private static func makeSynchronous(_ primary: TestDatabase, logger: Logger) async throws {
        try await DatabaseClient.withRunning(primary.configuration, logger: logger) { client in
            try await client.query("ALTER SYSTEM SET synchronous_standby_names = \(unescaped: "'\(standbyName)'")", logger: logger)
            try await client.query("SELECT pg_reload_conf()", logger: logger)
            for _ in 0..<200 {
                let rows = try await client.query(
                    "SELECT count(*)::bigint FROM pg_stat_replication WHERE application_name = \(standbyName) AND sync_state = 'sync'",
                    logger: logger)
                for try await count in rows.decode(Int.self) where count == 1 { return }
                try await Task.sleep(for: .milliseconds(50))
            }
            throw ReplicationNotReady()
        }
    }

    struct ReplicationNotReady: Error, CustomStringConvertible {
        var description: String { "the standby did not become synchronous within 10 s" }
    }
}

extension TestDatabase {
    /// The `thidua` database of a cluster of its own (the replica and failover tests), as its owner.
    init(cluster: EmbeddedCluster) {
        var configuration = PostgresClient.Configuration(
            unixSocketPath: cluster.socketPath, username: EmbeddedCluster.superuser, password: try? cluster.password(),
            database: EmbeddedCluster.database)
        configuration.options.maximumConnections = 8
        self.init(name: EmbeddedCluster.database, cluster: cluster, configuration: configuration)
    }
}
