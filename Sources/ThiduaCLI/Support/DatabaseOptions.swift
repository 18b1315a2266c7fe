import ArgumentParser
import EmbeddedPostgres
import Foundation
import Logging
import PostgresNIO
import ThiduaCore
import ThiduaStore

/// `--database-url` and `--data-dir`, shared by every command that touches the database.
struct DatabaseOptions: ParsableArguments {
    @Option(
        help:
            "PostgreSQL URL (postgres://user:pass@host:5432/db?sslmode=…, or ?host=/socket/dir). Default: $DATABASE_URL, else the embedded cluster. Prefer the environment variable: a flag's password shows in the process list."
    )
    var databaseURL: String?

    @Option(help: "Folder of the embedded PostgreSQL cluster. Default: $THIDUA_DATA_DIR, else .thidua in the working directory.")
    var dataDir: String?

    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: Logger.Level = .warning

    /// Where the data lives: an existing server, or the embedded cluster.
    enum Target {
        case server(PostgresClient.Configuration, description: String)
        case embedded(EmbeddedCluster)
    }

    func target(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Target {
        if let url = databaseURL ?? environment["DATABASE_URL"], !url.isEmpty {
            let configuration = try DatabaseURL.configuration(url)
            return .server(configuration, description: configuration.host.map { "server \($0)" } ?? "server (unix socket)")
        }
        return .embedded(try cluster(environment: environment))
    }

    /// The owner's connection as a libpq URL, for pg_dump and pg_restore. For the embedded cluster the URL carries the
    /// password, so ask once the cluster has started (inside `withDatabase`).
    func ownerURL(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String {
        let given = [databaseURL, environment["MIGRATION_DATABASE_URL"], environment["DATABASE_URL"]].compactMap { $0 }
        if let url = given.first(where: { !$0.isEmpty }) { return url }
        return try cluster(environment: environment).url
    }

    /// Where PostgreSQL's programs are (`THIDUA_PG_BIN`, else PATH and the usual folders).
    func postgresBinaries(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> PostgresBinaries {
        try environment["THIDUA_PG_BIN"].map { try PostgresBinaries.locate(path: $0, roots: []) } ?? PostgresBinaries.locate()
    }

    /// The owner's connection for migrations when it differs from DATABASE_URL: `MIGRATION_DATABASE_URL`.
    func migrationTarget(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> PostgresClient.Configuration? {
        guard let url = environment["MIGRATION_DATABASE_URL"], !url.isEmpty else { return nil }
        return try DatabaseURL.configuration(url)
    }

    func cluster(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> EmbeddedCluster {
        let folder = dataDir ?? environment["THIDUA_DATA_DIR"] ?? ".thidua"
        let url = URL(fileURLWithPath: folder, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        // THIDUA_PG_BIN points at a folder holding initdb, pg_ctl and postgres, for installs outside the usual places.
        let binaries =
            try environment["THIDUA_PG_BIN"].map { try PostgresBinaries.locate(path: $0, roots: []) } ?? PostgresBinaries.locate()
        return try EmbeddedCluster(dataDirectory: url.absoluteURL, binaries: binaries)
    }

    func logger(label: String = "thidua") -> Logger {
        var logger = Logger(label: label) { LineLogHandler(label: $0) }
        logger.logLevel = logLevel
        return logger
    }

    /// Runs `body` with a migrated database. The embedded cluster is started if needed and, if this
    /// command started it, stopped again afterwards.
    func withDatabase<T: Sendable>(migrate: Bool = true, _ body: @Sendable (DatabaseClient, Logger) async throws -> T) async throws -> T {
        let logger = logger()
        let configuration: PostgresClient.Configuration
        var startedCluster: EmbeddedCluster?
        switch try target() {
        case .server(let server, _):
            // Commands are the operator's: they connect as the owner when MIGRATION_DATABASE_URL names it.
            configuration = databaseURL == nil ? (try migrationTarget() ?? server) : server
        case .embedded(let cluster):
            if try await cluster.start(logger: logger) == .started { startedCluster = cluster }
            configuration = try DatabaseURL.configuration(cluster.url)
        }
        do {
            let result = try await Self.run(configuration, logger: logger) { client in
                if migrate { try await Migrator(client: client, logger: logger).apply() }
                return try await body(client, logger)
            }
            try await startedCluster?.stop(logger: logger)
            return result
        } catch {
            try? await startedCluster?.stop(logger: logger)
            throw error
        }
    }

    /// Runs a database client for the duration of `body`.
    static func run<T: Sendable>(
        _ configuration: PostgresClient.Configuration, logger: Logger, _ body: @Sendable (DatabaseClient) async throws -> T
    ) async throws -> T {
        try await DatabaseClient.withRunning(configuration, logger: logger) { client in
            try await checkConnection(client, logger: logger)
            return try await body(client)
        }
    }

    /// The pool retries a refused connection forever; a command should say so and stop instead.
    static func checkConnection(_ client: DatabaseClient, logger: Logger) async throws {
        try await withThrowingTaskGroup(of: Bool.self) { group in
            group.addTask {
                try await client.ping(logger: logger)
                return true
            }
            group.addTask {
                try await Task.sleep(for: .seconds(15))
                return false
            }
            let connected = try await group.next() ?? false
            group.cancelAll()
            guard connected else {
                throw ValidationError(
                    "Cannot reach PostgreSQL within 15 seconds: check DATABASE_URL, or that the server is running (run with --log-level debug for details)."
                )
            }
        }
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}
