import Foundation
import Logging

#if canImport(Glibc)
    import Glibc
#endif

/// A private PostgreSQL cluster in a data folder: `pgdata/` (the cluster), `run/` (its unix socket; no TCP port),
/// `password` (the superuser's, random) and `postgres.log`. Created with initdb on first use, started with pg_ctl, reused
/// when already running.
///
/// Only its owner gets in (security review F1): the folders are 0700, the socket 0700, and the superuser signs in with
/// the password (scram-sha-256) kept in the 0600 `password` file. A folder made by an older thidua (trust, 0755) is
/// upgraded the next time it starts.
///
/// PostgreSQL refuses to run as root; when thidua is root, the cluster runs as the `postgres` system user,
/// who owns the folder.
public struct EmbeddedCluster: Sendable {
    /// What `start` found.
    public enum StartOutcome: Sendable, Equatable {
        case started
        case alreadyRunning
    }

    /// Whether the cluster exists and runs.
    public enum Status: Sendable, Equatable {
        case notInitialized
        case stopped
        case running(pid: Int32)
    }

    public static let superuser = "thidua"
    public static let database = "thidua"
    public static let port = 5432

    public let dataDirectory: URL
    public let binaries: PostgresBinaries
    /// Extra `postgres -c` settings, e.g. `fsync=off` for throw-away test clusters.
    public let settings: [String: String]
    let runner: ProcessRunner

    public var pgdata: URL { dataDirectory.appending(path: "pgdata") }
    public var socketDirectory: URL { dataDirectory.appending(path: "run") }
    public var logFile: URL { dataDirectory.appending(path: "postgres.log") }
    public var socketPath: String { socketDirectory.appending(path: ".s.PGSQL.\(Self.port)").path }
    public var passwordFile: URL { dataDirectory.appending(path: "password") }
    /// A URL that both `psql` and thidua's DATABASE_URL accept, with the password (hex, so it needs no escaping).
    public var url: String { url(database: Self.database) }

    public func url(database: String) -> String {
        let host =
            socketDirectory.path.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed.subtracting(["&", "=", "+"]))
            ?? socketDirectory.path
        let secret = (try? password()).map { ":\($0)" } ?? ""
        return "postgresql://\(Self.superuser)\(secret)@/\(database)?host=\(host)"
    }

    /// - Parameter runAs: the user running the server; by default `postgres` when thidua runs as root.
    public init(dataDirectory: URL, binaries: PostgresBinaries, settings: [String: String] = [:], runAs: String? = nil)
        throws(EmbeddedPostgresError)
    {
        self.dataDirectory = dataDirectory.standardizedFileURL
        self.binaries = binaries
        self.settings = settings
        if let runAs {
            self.runner = ProcessRunner(user: runAs)
        } else if geteuid() == 0 {
            guard getpwnam("postgres") != nil else { throw .noUnprivilegedUser }
            self.runner = ProcessRunner(user: "postgres")
        } else {
            self.runner = ProcessRunner(user: nil)
        }
        // sockaddr_un holds 108 bytes including the terminator.
        guard socketPath.utf8.count < 107 else { throw .socketPathTooLong(path: socketPath) }
        // pg_ctl passes `-o` to the server through /bin/sh (security review F19b): no shell syntax in the path.
        guard !self.dataDirectory.path.contains(where: { "'\"\\$`".contains($0) }) else { throw .unsafePath(path: self.dataDirectory.path) }
    }

    public func status() async throws -> Status {
        guard FileManager.default.fileExists(atPath: pgdata.appending(path: "PG_VERSION").path) else { return .notInitialized }
        let result = try await runner.run(binaries.pgCtl, ["status", "-D", pgdata.path])
        guard result.status == 0, let pid = Self.pid(in: result.output) else { return .stopped }
        return .running(pid: pid)
    }

    /// Initialises the cluster if needed and starts it, or reuses it when another process already did.
    /// A stale `postmaster.pid` left by a crash is removed first. Safe to call from two processes at once.
    @discardableResult
    public func start(logger: Logger) async throws -> StartOutcome {
        try prepareFolder()
        return try await withFolderLock {
            if case .notInitialized = try await status() { try await initialize(logger: logger) }
            if case .running(let pid) = try await status() {
                if Self.isPostgres(pid: pid) {
                    try await createDatabaseOnce()
                    return .alreadyRunning
                }
                // The pid file names a live process that is not PostgreSQL: a crash, then pid reuse.
                logger.warning("removing stale postmaster.pid", metadata: ["pid": "\(pid)"])
                try? FileManager.default.removeItem(at: pgdata.appending(path: "postmaster.pid"))
            } else if FileManager.default.fileExists(atPath: pgdata.appending(path: "postmaster.pid").path) {
                logger.warning("removing stale postmaster.pid left by a crash")
                try? FileManager.default.removeItem(at: pgdata.appending(path: "postmaster.pid"))
            }
            var options = [
                "-c listen_addresses=''", "-c unix_socket_directories='\(socketDirectory.path)'", "-c unix_socket_permissions=0700",
            ]
            options += settings.sorted { $0.key < $1.key }.map { "-c \($0.key)=\($0.value)" }
            let result = try await runner.run(
                binaries.pgCtl,
                ["start", "-D", pgdata.path, "-l", logFile.path, "-w", "-t", "60", "-o", options.joined(separator: " ")])
            guard result.status == 0 else {
                throw EmbeddedPostgresError.commandFailed(command: "pg_ctl start", output: result.output + "\n" + logTail())
            }
            try await requirePassword(logger: logger)
            try await createDatabaseOnce()
            logger.info("started embedded PostgreSQL", metadata: ["dataDirectory": "\(dataDirectory.path)"])
            return .started
        }
    }

    /// Stops the cluster (fast shutdown: open sessions are ended, data is flushed). Stopping a stopped cluster is fine.
    public func stop(logger: Logger) async throws {
        guard case .running = try await status() else { return }
        let result = try await runner.run(binaries.pgCtl, ["stop", "-D", pgdata.path, "-m", "fast", "-w", "-t", "60"])
        guard result.status == 0 else { throw EmbeddedPostgresError.commandFailed(command: "pg_ctl stop", output: result.output) }
        logger.info("stopped embedded PostgreSQL", metadata: ["dataDirectory": "\(dataDirectory.path)"])
    }

    private func initialize(logger: Logger) async throws {
        let version = try await runner.run(binaries.pgCtl, ["--version"])
        if let major = Self.majorVersion(version.output), major < 15 {
            throw EmbeddedPostgresError.tooOld(version: version.output.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        logger.info("initialising embedded PostgreSQL", metadata: ["dataDirectory": "\(dataDirectory.path)"])
        try? FileManager.default.removeItem(at: pgdata)  // a half-made cluster from an interrupted initdb
        let password = try ensurePasswordFile()
        // initdb reads the password from a file the server's user can read; it is removed straight after.
        let pwfile = dataDirectory.appending(path: ".initdb-password")
        try writePrivate(password, to: pwfile, owner: runner.user)
        defer { try? FileManager.default.removeItem(at: pwfile) }
        let result = try await runner.run(
            binaries.initdb,
            [
                "-D", pgdata.path, "-U", Self.superuser, "--auth-local=scram-sha-256", "--auth-host=scram-sha-256",
                "--pwfile=\(pwfile.path)", "-E", "UTF8", "--locale=C.UTF-8", "--no-instructions",
            ])
        guard result.status == 0 else { throw EmbeddedPostgresError.commandFailed(command: "initdb", output: result.output) }
    }

    /// initdb makes only `postgres` and the templates; thidua's database is created once, on the first start.
    private func createDatabaseOnce() async throws {
        let marker = pgdata.appending(path: "thidua-database-created")
        guard !FileManager.default.fileExists(atPath: marker.path) else { return }
        let result = try await runner.run(
            binaries.directory.appending(path: "createdb"),
            ["-h", socketDirectory.path, "-U", Self.superuser, Self.database], environment: ["PGPASSWORD": try password()])
        guard result.status == 0 || result.output.contains("already exists") else {
            throw EmbeddedPostgresError.commandFailed(command: "createdb", output: result.output)
        }
        FileManager.default.createFile(atPath: marker.path, contents: nil)
    }

    /// Creates the folder (0700: nobody else may enter, list or reach the socket) and, when the server runs as another
    /// user, hands it over and checks they can reach it. An existing folder gets the same modes.
    func prepareFolder() throws {
        let fileManager = FileManager.default
        try fileManager.createDirectory(at: socketDirectory, withIntermediateDirectories: true)
        for path in [dataDirectory.path, socketDirectory.path] { _ = chmod(path, 0o700) }
        if fileManager.fileExists(atPath: logFile.path) { _ = chmod(logFile.path, 0o600) }
        for file in [passwordFile, appPasswordFile] where fileManager.fileExists(atPath: file.path) { _ = chmod(file.path, 0o600) }
        guard let user = runner.user, let account = getpwnam(user) else { return }
        let uid = account.pointee.pw_uid
        let gid = account.pointee.pw_gid
        for path in [dataDirectory.path, socketDirectory.path] { _ = chown(path, uid, gid) }
        if fileManager.fileExists(atPath: logFile.path) { _ = chown(logFile.path, uid, gid) }
        // Every folder above must let the server's user pass through.
        var folder = dataDirectory.deletingLastPathComponent()
        while folder.path != "/" {
            var info = stat()
            if stat(folder.path, &info) == 0, info.st_mode & 0o001 == 0, info.st_uid != uid {
                throw EmbeddedPostgresError.unreachableFolder(path: dataDirectory.path, user: user)
            }
            folder = folder.deletingLastPathComponent()
        }
    }

    /// Serialises start-up between processes sharing the folder (flock on `.lock`).
    private func withFolderLock<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        let path = dataDirectory.appending(path: ".lock").path
        let fd = open(path, O_CREAT | O_RDWR, 0o600)
        guard fd >= 0 else { return try await body() }
        defer { close(fd) }
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            DispatchQueue.global().async {
                _ = flock(fd, LOCK_EX)
                continuation.resume()
            }
        }
        defer { _ = flock(fd, LOCK_UN) }
        return try await body()
    }

    private func logTail() -> String {
        let text = (try? String(contentsOf: logFile, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").suffix(5).joined(separator: "\n")
    }

    static func pid(in output: String) -> Int32? {
        guard let range = output.range(of: "PID: ") else { return nil }
        return Int32(output[range.upperBound...].prefix { $0.isNumber })
    }

    static func majorVersion(_ output: String) -> Int? {
        // "pg_ctl (PostgreSQL) 15.18 (Debian …)"
        output.split(separator: " ").compactMap { Int($0.split(separator: ".").first ?? "") }.first
    }

    static func isPostgres(pid: Int32) -> Bool {
        guard let name = try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8) else { return kill(pid, 0) == 0 }
        return name.hasPrefix("postgres")
    }
}
