import ArgumentParser
import Foundation
import EmbeddedPostgres
import Hummingbird
import Logging
import ServiceLifecycle
import ThiduaServer
import ThiduaStore

/// `thidua serve`: the JSON API. Starts the embedded cluster unless a DATABASE_URL is given.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run the HTTP API (applies pending migrations first unless --no-migrate).")

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on.")
    var port = 8080

    @Option(help: "Largest evidence file accepted, in MiB.")
    var maxEvidenceMib = 20

    @Option(help: "Write a backup here when the server starts and then every day (thidua-YYYYMMDD-HHMMSS.dump).")
    var backupDir: String?

    @Option(help: "How many backups --backup-dir keeps (the newest).")
    var backupKeep = 14

    @Option(help: .hidden) var backupIntervalSeconds = 86_400

    @Option(help: "Serve GET /metrics (Prometheus text) on this port; off when not given.")
    var metricsPort: Int?

    @Option(
        name: .customLong("public-url"),
        help: "The address people open thidua at, e.g. https://thidua.truong.edu.vn; with https the sign-in cookie is Secure.")
    var publicURL: String?

    @Option(help: "Address of the metrics listener (loopback by default: metrics are for your monitoring, not the world).")
    var metricsHost = "127.0.0.1"

    @Flag(
        name: .customLong("migrate"), inversion: .prefixedNo,
        help: "Apply pending migrations at start; with --no-migrate, pending migrations are an error.")
    var migrate = true

    @Flag(
        name: .customLong("prepared-statements"), inversion: .prefixedNo,
        help:
            "Prepare the statements every request runs on each connection; --no-prepared-statements behind PgBouncer in transaction mode, which cannot carry them."
    )
    var preparedStatements = true

    @Option(
        help:
            "How long an API token's account is remembered, in milliseconds (a revoked token stops working within it); 0 looks it up on every request."
    )
    var tokenCacheMs = 1000

    @Option(
        help:
            "Most connections this server opens to PostgreSQL (its pool); with several servers on one database, their sum stays under PostgreSQL's max_connections."
    )
    var databaseConnections = 20

    @Option(
        help:
            "A streaming replica the reports, exports and list pages read from (postgres://…; else READ_DATABASE_URL). Each such read waits until the replica has replayed the primary's writes (at most 1 s), else the primary answers it."
    )
    var readDatabaseUrl: String?

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("--port must be between 1 and 65535.") }
        guard (1...1024).contains(maxEvidenceMib) else { throw ValidationError("--max-evidence-mib must be between 1 and 1024.") }
        guard (1...3650).contains(backupKeep) else { throw ValidationError("--backup-keep must be between 1 and 3650.") }
        guard (0...60_000).contains(tokenCacheMs) else { throw ValidationError("--token-cache-ms must be between 0 and 60000.") }
        guard (1...500).contains(databaseConnections) else { throw ValidationError("--database-connections must be between 1 and 500.") }
        guard backupIntervalSeconds >= 1 else { throw ValidationError("--backup-interval-seconds must be positive.") }
        if let metricsPort, !(1...65535).contains(metricsPort) || metricsPort == port {
            throw ValidationError("--metrics-port must be between 1 and 65535 and differ from --port.")
        }
    }

    func run() async throws {
        var logger = database.logger()
        if database.logLevel == .warning { logger.logLevel = .info }  // a server reports its requests by default
        var services: [any Service] = []
        var configuration: ServerConfiguration
        switch try database.target() {
        case .server(let server, let description):
            configuration = ServerConfiguration(
                host: host, port: port, database: server, databaseDescription: description, migrate: migrate,
                maxEvidenceBytes: maxEvidenceMib * 1_048_576)
            // MIGRATION_DATABASE_URL: the owner runs the migrations; if DATABASE_URL names the application role, the owner
            // also gives it its password (security review F6).
            if let owner = try database.migrationTarget() {
                configuration.migrationDatabase = owner
                if server.username == Migrator.appRole { configuration.appRolePassword = server.password }
            }
        case .embedded(let cluster):
            let outcome = try await cluster.start(logger: logger)
            if outcome == .alreadyRunning {
                logger.info("reusing the embedded PostgreSQL already running in \(cluster.dataDirectory.path)")
            }
            services.append(ClusterService(cluster: cluster, stopOnShutdown: outcome == .started, logger: logger))
            // The cluster holds both roles: the owner migrates, the requests use the application role.
            configuration = ServerConfiguration(
                host: host, port: port, database: try DatabaseURL.configuration(cluster.appURL),
                databaseDescription: "embedded (\(cluster.dataDirectory.path))", migrate: migrate,
                maxEvidenceBytes: maxEvidenceMib * 1_048_576)
            configuration.migrationDatabase = try DatabaseURL.configuration(cluster.url)
            configuration.appRolePassword = try cluster.appPassword()
        }
        if let backupDir {
            let folder = URL(fileURLWithPath: backupDir, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
            services.append(
                BackupService(
                    database: database, folder: folder.absoluteURL, keep: backupKeep, interval: .seconds(backupIntervalSeconds),
                    logger: logger))
        }
        if let metricsPort {
            services.append(MetricsEndpoint.make(host: metricsHost, port: metricsPort, logger: logger))
            configuration.metrics = true
        }
        configuration.publicURL = publicURL
        configuration.preparedStatements = preparedStatements
        configuration.tokenCacheLifetime = .milliseconds(tokenCacheMs)
        configuration.database.options.maximumConnections = databaseConnections
        if let url = readDatabaseUrl ?? ProcessInfo.processInfo.environment["READ_DATABASE_URL"], !url.isEmpty {
            configuration.readDatabase = try DatabaseURL.configuration(url, name: "READ_DATABASE_URL")
            configuration.readDatabase?.options.maximumConnections = databaseConnections
        }
        let app = try await buildApplication(configuration, logger: logger, services: services)
        // SIGTERM or SIGINT stops serve within 10 s whatever state it is in: 7 s to finish requests and stop the
        // cluster gracefully, then cancellation, then at most 2 s more (security review, "a database crash under load").
        var group = ServiceGroupConfiguration(
            services: [.init(service: app)], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        group.maximumGracefulShutdownDuration = .seconds(7)
        group.maximumCancellationDuration = .seconds(2)
        try await ServiceGroup(configuration: group).run()
    }
}
