import EmbeddedPostgres
import Foundation
import Logging
import PostgresNIO
import ThiduaStore

/// A fresh, migrated database of its own for one test; dropped afterwards.
public struct TestDatabase: Sendable {
    public let name: String
    public let cluster: EmbeddedCluster
    public let configuration: PostgresClient.Configuration
    public var logger: Logger { TestCluster.shared.logger }

    /// The same database as the application role (`thidua_app`), the way `serve` connects.
    public var appConfiguration: PostgresClient.Configuration {
        var configuration = PostgresClient.Configuration(
            unixSocketPath: cluster.socketPath, username: TestCluster.appRole, password: TestCluster.appPassword, database: name)
        configuration.options.maximumConnections = 8
        return configuration
    }

    /// A URL for this database that thidua's DATABASE_URL accepts.
    public var url: String { cluster.url(database: name) }

    /// Creates a database copied from the migrated template (or an empty one), runs `body`, drops it.
    public static func with<T: Sendable>(
        migrated: Bool = true, _ body: @Sendable (TestDatabase, DatabaseClient) async throws -> T
    ) async throws -> T {
        let cluster = try await TestCluster.shared.cluster()
        let logger = TestCluster.shared.logger
        let name = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let template = migrated ? TestCluster.templateName : "template0"
        let admin = await TestCluster.shared.admin(cluster: cluster)
        // The template's last connection may still be closing right after migration: retry briefly.
        for attempt in 1...50 {
            do {
                try await admin.query("CREATE DATABASE \(unescaped: name) TEMPLATE \(unescaped: template)", logger: logger)
                break
            } catch let error as PSQLError where error.serverInfo?[.sqlState] == "55006" && attempt < 50 {
                try await Task.sleep(for: .milliseconds(100))
            }
        }
        let database = TestDatabase(
            name: name, cluster: cluster, configuration: TestCluster.shared.configuration(database: name, cluster: cluster))
        let result: Result<T, any Error>
        do {
            result = .success(
                try await TestCluster.withClient(database: name, cluster: cluster, logger: logger) { client in
                    try await body(database, client)
                })
        } catch {
            result = .failure(error)
        }
        try await admin.query("DROP DATABASE IF EXISTS \(unescaped: name) WITH (FORCE)", logger: logger)
        return try result.get()
    }
}
