import EmbeddedPostgres
import Foundation
import Logging
import PostgresNIO
import ThiduaStore

/// One embedded PostgreSQL cluster per test process, with a migrated template database that each test
/// copies (`CREATE DATABASE … TEMPLATE`), so tests run in parallel on databases of their own.
public actor TestCluster {
    public static let shared = TestCluster()

    public nonisolated let logger: Logger = {
        var logger = Logger(label: "thidua-tests") { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = ProcessInfo.processInfo.environment["THIDUA_TEST_LOG"].flatMap(Logger.Level.init(rawValue:)) ?? .error
        return logger
    }()

    private var ready: Task<EmbeddedCluster, any Error>?
    private var adminClient: DatabaseClient?

    static let templateName = "thidua_template"
    /// The application role and its password in the test cluster (the role is cluster-wide; set once at start).
    public static let appRole = Migrator.appRole
    static let appPassword = "thidua-app-test"

    /// The running cluster with its template; started on first use, stopped when the test process exits.
    public func cluster() async throws -> EmbeddedCluster {
        if let ready { return try await ready.value }
        let logger = self.logger
        let task = Task { try await Self.start(logger: logger) }
        ready = task
        return try await task.value
    }

    private static func start(logger: Logger) async throws -> EmbeddedCluster {
        // Short path: unix socket paths are limited to 107 bytes.
        let folder = URL(fileURLWithPath: "/tmp/thidua-test-\(getpid())")
        try? FileManager.default.removeItem(at: folder)
        // Swift Testing starts every test at once: in the suite's first seconds their pools (8 each), the serve processes'
        // and the CLI's reach 330 connections here (pg_stat_activity, polled), and a CLI test on a busier machine then
        // met a full server and gave up after its 15 s ("Cannot reach PostgreSQL"). The test cluster allows 1,000.
        let cluster = try EmbeddedCluster(
            dataDirectory: folder, binaries: try PostgresBinaries.locate(),
            settings: ["fsync": "off", "synchronous_commit": "off", "full_page_writes": "off", "max_connections": "1000"])
        try await cluster.start(logger: logger)
        registerStopAtExit(cluster)
        try await withClient(database: EmbeddedCluster.database, cluster: cluster, logger: logger) { client in
            try await client.query("CREATE DATABASE \(unescaped: templateName)", logger: logger)
        }
        try await withClient(database: templateName, cluster: cluster, logger: logger) { client in
            let migrator = Migrator(client: client, logger: logger)
            try await migrator.apply()
            try await migrator.enableAppRole(password: appPassword)
        }
        return cluster
    }

    /// One client on the cluster's own database for the whole test process: every test's CREATE and DROP DATABASE go
    /// through it, so 40 tests starting at once do not open 40 more pools (one of the suite's stalls on 04/12/2026 had
    /// 40 admin clients left open after their CREATE DATABASE, their run() not returning after cancellation). This one
    /// runs until the process exits.
    func admin(cluster: EmbeddedCluster) -> DatabaseClient {
        if let adminClient { return adminClient }
        var configuration = configuration(database: EmbeddedCluster.database, cluster: cluster)
        configuration.options.maximumConnections = 16
        let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        Task { await client.run() }
        let admin = DatabaseClient(client)
        adminClient = admin
        return admin
    }

    /// A client configuration for one database of the test cluster.
    public nonisolated func configuration(database: String, cluster: EmbeddedCluster) -> PostgresClient.Configuration {
        var configuration = PostgresClient.Configuration(
            unixSocketPath: cluster.socketPath, username: EmbeddedCluster.superuser, password: try? cluster.password(), database: database)
        configuration.options.maximumConnections = 8
        return configuration
    }

    /// Runs `body` with a client to `database`; the client is shut down (its connections closed) afterwards.
    static func withClient<T: Sendable>(
        database: String, cluster: EmbeddedCluster, logger: Logger, _ body: @Sendable (DatabaseClient) async throws -> T
    ) async throws -> T {
        try await DatabaseClient.withRunning(shared.configuration(database: database, cluster: cluster), logger: logger, body)
    }
}

private nonisolated(unsafe) var clusterToStop: (pgCtl: String, pgdata: String, user: String?, folder: String)?

/// At process exit, stop the test cluster (immediately: its data is thrown away) and delete its folder.
private func registerStopAtExit(_ cluster: EmbeddedCluster) {
    clusterToStop = (cluster.binaries.pgCtl.path, cluster.pgdata.path, geteuid() == 0 ? "postgres" : nil, cluster.dataDirectory.path)
    atexit {
        guard let stop = clusterToStop else { return }
        let command =
            (stop.user.map { ["/usr/sbin/runuser", "-u", $0, "--"] } ?? []) + [
                stop.pgCtl, "stop", "-D", stop.pgdata, "-m", "immediate", "-w",
            ]
        var pid: pid_t = 0
        let arguments = command.map { strdup($0) } + [nil]
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        if posix_spawn(&pid, command[0], &actions, nil, arguments, environ) == 0 {
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        try? FileManager.default.removeItem(atPath: stop.folder)
    }
}
