import EmbeddedPostgres
import Foundation
import PostgresNIO

/// PgBouncer (Debian's package, installed by `scripts/setup --browser`) in transaction mode in front of the test
/// cluster, listening on a unix socket of its own, for the duration of a test.
public struct PgBouncer: Sendable {
    public static let executable = URL(fileURLWithPath: "/usr/sbin/pgbouncer")
    static let port = 6432

    public let folder: URL
    /// How many server connections PgBouncer keeps per database and user: the app's pool of 8 shares them.
    public let serverConnections: Int

    /// The database through PgBouncer, as the application role.
    public func configuration(database: TestDatabase) -> PostgresClient.Configuration {
        var configuration = PostgresClient.Configuration(
            unixSocketPath: folder.appending(path: ".s.PGSQL.\(Self.port)").path, username: TestCluster.appRole,
            password: TestCluster.appPassword, database: database.name)
        configuration.options.maximumConnections = 8
        return configuration
    }

    /// Starts PgBouncer for `database`'s cluster, runs `body`, stops it.
    public static func with<T: Sendable>(
        _ database: TestDatabase, serverConnections: Int = 2, _ body: @Sendable (PgBouncer) async throws -> T
    ) async throws -> T {
        guard FileManager.default.isExecutableFile(atPath: executable.path) else {
            throw PgBouncerFailure(message: "PgBouncer is not installed (\(executable.path)): run ./scripts/setup --browser")
        }
        let cluster = database.cluster
        let folder = cluster.dataDirectory.appending(path: "pgb-\(UUID().uuidString.prefix(8).lowercased())")
        try cluster.makeServerUserFolder(folder)
        let bouncer = PgBouncer(folder: folder, serverConnections: serverConnections)
        try bouncer.writeFiles(cluster: cluster)
        let started = try await cluster.runAsServerUser(executable, ["-d", bouncer.file("pgbouncer.ini").path])
        guard started.status == 0 else { throw PgBouncerFailure(message: "pgbouncer did not start: \(started.output) \(bouncer.log)") }
        let result: Result<T, any Error>
        do { result = .success(try await body(bouncer)) } catch { result = .failure(error) }
        try await bouncer.stop()
        return try result.get()
    }

    struct PgBouncerFailure: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }

    /// What PgBouncer wrote to its log, for a failing test's message.
    public var log: String { (try? String(contentsOf: file("pgbouncer.log"), encoding: .utf8)) ?? "" }

    private func file(_ name: String) -> URL { folder.appending(path: name) }

    private func writeFiles(cluster: EmbeddedCluster) throws {
        // Plain passwords in the auth file: PgBouncer signs in to the server with SCRAM on the client's behalf.
        let users = """
            "\(TestCluster.appRole)" "\(TestCluster.appPassword)"
            "\(EmbeddedCluster.superuser)" "\((try? cluster.password()) ?? "")"

            """
        let settings = """
            [databases]
            * = host=\(cluster.socketDirectory.path) port=\(EmbeddedCluster.port)

            [pgbouncer]
            unix_socket_dir = \(folder.path)
            listen_port = \(Self.port)
            auth_type = scram-sha-256
            auth_file = \(file("users.txt").path)
            pool_mode = transaction
            default_pool_size = \(serverConnections)
            max_client_conn = 100
            logfile = \(file("pgbouncer.log").path)
            pidfile = \(file("pgbouncer.pid").path)
            ignore_startup_parameters = extra_float_digits

            """
        for (name, text) in [("users.txt", users), ("pgbouncer.ini", settings)] {
            guard FileManager.default.createFile(atPath: file(name).path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600])
            else { throw PgBouncerFailure(message: "cannot write \(file(name).path)") }
            try cluster.handToServerUser(file(name))
        }
    }

    private func stop() async throws {
        guard let text = try? String(contentsOf: file("pgbouncer.pid"), encoding: .utf8),
            let pid = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines))
        else { return }
        kill(pid, SIGTERM)  // immediate shutdown (SIGINT waits for every client and server connection to finish)
        for _ in 0..<100 where Self.running(pid) { try await Task.sleep(for: .milliseconds(50)) }
        if Self.running(pid) { throw PgBouncerFailure(message: "pgbouncer (pid \(pid)) did not stop on SIGTERM") }
    }

    /// Whether the process is alive (an exited one not yet reaped by its parent, a zombie, is not).
    private static func running(_ pid: pid_t) -> Bool {
        guard kill(pid, 0) == 0 else { return false }
        let status = (try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)) ?? ""
        return !status.contains("State:\tZ")
    }
}
