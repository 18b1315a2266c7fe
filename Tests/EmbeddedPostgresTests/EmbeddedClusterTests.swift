import EmbeddedPostgres
import Foundation
import Logging
import PostgresNIO
import Testing
import ThiduaTestSupport

#if canImport(Glibc)
    import Glibc
#endif

@Suite("Embedded PostgreSQL")
struct EmbeddedClusterTests {
    let logger = TestCluster.shared.logger

    /// A fresh folder for one cluster, removed (with the cluster stopped) afterwards.
    func withFolder(_ body: (URL) async throws -> Void) async throws {
        let folder = URL(fileURLWithPath: "/tmp/tpg-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            try await body(folder)
        } catch {
            try? await EmbeddedCluster(dataDirectory: folder, binaries: try PostgresBinaries.locate()).stop(logger: logger)
            throw error
        }
    }

    func selectOne(_ cluster: EmbeddedCluster) async throws -> Int {
        let configuration = PostgresClient.Configuration(
            unixSocketPath: cluster.socketPath, username: EmbeddedCluster.superuser, password: try cluster.password(),
            database: EmbeddedCluster.database)
        let client = PostgresClient(configuration: configuration)
        return try await withThrowingTaskGroup(of: Int.self) { group in
            group.addTask {
                await client.run(); return 0
            }
            defer { group.cancelAll() }
            let rows = try await client.query("SELECT 1", logger: logger)
            for try await value in rows.decode(Int.self) { return value }
            return 0
        }
    }

    @Test("First use initialises and starts a cluster on a unix socket; a second start reuses it")
    func firstStartThenReuse() async throws {
        try await withFolder { folder in
            let cluster = try EmbeddedCluster(dataDirectory: folder, binaries: try PostgresBinaries.locate())
            #expect(try await cluster.status() == .notInitialized)
            #expect(try await cluster.start(logger: logger) == .started)
            guard case .running = try await cluster.status() else {
                Issue.record("the cluster should be running")
                return
            }
            #expect(FileManager.default.fileExists(atPath: cluster.socketPath))
            #expect(try await selectOne(cluster) == 1)
            // Another process on the same folder: same cluster, not a failure.
            let second = try EmbeddedCluster(dataDirectory: folder, binaries: try PostgresBinaries.locate())
            #expect(try await second.start(logger: logger) == .alreadyRunning)
            // The owner's URL carries the password, so `psql "$(thidua db url)"` signs in.
            #expect(cluster.url.hasPrefix("postgresql://thidua:\(try cluster.password())@/thidua?host=/tmp/tpg-"))
            try await cluster.stop(logger: logger)
            #expect(try await cluster.status() == .stopped)
        }
    }

    @Test("After a crash (postmaster killed) the stale pid file is recovered and the cluster starts again")
    func staleAfterCrash() async throws {
        try await withFolder { folder in
            let cluster = try EmbeddedCluster(dataDirectory: folder, binaries: try PostgresBinaries.locate())
            try await cluster.start(logger: logger)
            guard case .running(let pid) = try await cluster.status() else {
                Issue.record("the cluster should be running")
                return
            }
            kill(pid, SIGKILL)
            // Wait for the postmaster and its children to be gone.
            for _ in 0..<100 where kill(pid, 0) == 0 { try await Task.sleep(for: .milliseconds(50)) }
            #expect(FileManager.default.fileExists(atPath: cluster.pgdata.appending(path: "postmaster.pid").path))
            #expect(try await cluster.start(logger: logger) == .started)
            #expect(try await selectOne(cluster) == 1)
            try await cluster.stop(logger: logger)
        }
    }

    @Test("A pid file naming a process that is not PostgreSQL is treated as stale")
    func pidReusedByAnotherProcess() async throws {
        try await withFolder { folder in
            let cluster = try EmbeddedCluster(dataDirectory: folder, binaries: try PostgresBinaries.locate())
            try await cluster.start(logger: logger)
            try await cluster.stop(logger: logger)
            // Our own pid is alive and is not a postgres server.
            let pidFile = cluster.pgdata.appending(path: "postmaster.pid")
            try "\(getpid())\n\(cluster.pgdata.path)\n".write(to: pidFile, atomically: true, encoding: .utf8)
            #expect(try await cluster.start(logger: logger) == .started)
            #expect(try await selectOne(cluster) == 1)
            try await cluster.stop(logger: logger)
        }
    }

    @Test("Missing server programs give one sentence that says how to install them")
    func missingBinaries() {
        #expect(throws: EmbeddedPostgresError.binariesNotFound) {
            try PostgresBinaries.locate(path: "/nonexistent", roots: ["/nonexistent"])
        }
        #expect(EmbeddedPostgresError.binariesNotFound.description.contains("apt-get install postgresql"))
    }

    @Test("The newest versioned folder wins when PATH has none")
    func newestVersionFirst() throws {
        let root = URL(fileURLWithPath: "/tmp/tpg-root-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: root) }
        for version in ["9.6", "15", "16"] {
            let bin = root.appending(path: version).appending(path: "bin")
            try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
            for program in ["initdb", "pg_ctl", "postgres", "createdb"] {
                FileManager.default.createFile(
                    atPath: bin.appending(path: program).path, contents: Data("#!/bin/sh\n".utf8), attributes: [.posixPermissions: 0o755])
            }
        }
        let found = try PostgresBinaries.locate(path: "", roots: [root.path])
        #expect(found.directory.path.hasSuffix("/16/bin"))
    }

    @Test("A data folder too deep for a unix socket is refused up front")
    func socketPathTooLong() {
        let deep = URL(fileURLWithPath: "/tmp/" + String(repeating: "d", count: 100))
        #expect(throws: EmbeddedPostgresError.self) {
            try EmbeddedCluster(dataDirectory: deep, binaries: PostgresBinaries(directory: URL(fileURLWithPath: "/usr/bin")))
        }
    }

    /// Runs psql against the cluster as `user` (nil: this process's user) without a password; its exit status and output.
    func psqlWithoutPassword(_ cluster: EmbeddedCluster, as user: String?) throws -> (status: Int32, output: String) {
        let psql = cluster.binaries.directory.appending(path: "psql").path
        let arguments = ["-h", cluster.socketDirectory.path, "-U", EmbeddedCluster.superuser, "-d", "postgres", "-w", "-c", "SELECT 1"]
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "PGPASSWORD")
        let outcome =
            try user.map {
                try Program.run("/usr/sbin/runuser", ["-u", $0, "--", psql] + arguments, environment: environment, errorsToo: true)
            }
            ?? Program.run(psql, arguments, environment: environment, errorsToo: true)
        return (outcome.status, outcome.text)
    }

    func mode(_ path: String) throws -> Int {
        try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int ?? -1
    }

    @Test("F1: only the owner gets in — folders and socket 0700, password 0600, scram-sha-256; no login without the password")
    func f1OwnerOnly() async throws {
        try await withFolder { folder in
            let cluster = try EmbeddedCluster(dataDirectory: folder, binaries: try PostgresBinaries.locate())
            try await cluster.start(logger: logger)
            defer { Task { [logger] in try? await cluster.stop(logger: logger) } }
            #expect(try mode(folder.path) == 0o700)
            #expect(try mode(cluster.socketDirectory.path) == 0o700)
            #expect(try mode(cluster.passwordFile.path) == 0o600)
            #expect(try mode(cluster.socketPath) & 0o077 == 0)
            let hba = try String(contentsOf: cluster.pgdata.appending(path: "pg_hba.conf"), encoding: .utf8)
            #expect(!hba.split(separator: "\n").contains { !$0.hasPrefix("#") && $0.hasSuffix("trust") })
            // Refused for the reasons F1 is about: no password, and (another user) no way to the socket.
            let owner = try psqlWithoutPassword(cluster, as: nil)
            #expect(owner.status != 0)
            #expect(owner.output.contains("password"), "\(owner.output)")
            if geteuid() == 0 {
                let other = try psqlWithoutPassword(cluster, as: "nobody")
                #expect(other.status != 0)
                #expect(other.output.contains("Permission denied") || other.output.contains("password"), "\(other.output)")
            }
            #expect(try await selectOne(cluster) == 1)
            try await cluster.stop(logger: logger)
        }
    }

    @Test("F1: a folder made by an older thidua (trust, 0755, no password) is secured when it next starts")
    func f1UpgradesOldFolder() async throws {
        try await withFolder { folder in
            let cluster = try EmbeddedCluster(dataDirectory: folder, binaries: try PostgresBinaries.locate())
            try await cluster.start(logger: logger)
            try await cluster.stop(logger: logger)
            // Turn it back into what 7d27e19 made.
            let hbaFile = cluster.pgdata.appending(path: "pg_hba.conf")
            let hba = try String(contentsOf: hbaFile, encoding: .utf8)
            try hba.replacingOccurrences(of: "scram-sha-256", with: "trust").write(to: hbaFile, atomically: false, encoding: .utf8)
            try FileManager.default.removeItem(at: cluster.passwordFile)
            _ = chmod(folder.path, 0o755)
            _ = chmod(cluster.socketDirectory.path, 0o755)

            try await cluster.start(logger: logger)
            #expect(try mode(folder.path) == 0o700)
            #expect(try mode(cluster.passwordFile.path) == 0o600)
            #expect(try !String(contentsOf: hbaFile, encoding: .utf8).contains("\ttrust"))
            #expect(try psqlWithoutPassword(cluster, as: nil).status != 0)
            #expect(try await selectOne(cluster) == 1)
            try await cluster.stop(logger: logger)
        }
    }

    @Test("serve's supervisor starts the cluster again after its postmaster is killed")
    func supervisorRestartsAfterCrash() async throws {
        try await withFolder { folder in
            let cluster = try EmbeddedCluster(dataDirectory: folder, binaries: try PostgresBinaries.locate())
            try await cluster.start(logger: logger)
            let service = ClusterService(cluster: cluster, stopOnShutdown: true, logger: logger, checkEvery: .milliseconds(200))
            let supervisor = Task { await service.supervise() }
            defer { supervisor.cancel() }
            let text = try String(contentsOf: cluster.pgdata.appending(path: "postmaster.pid"), encoding: .utf8)
            let pid = try #require(Int32(text.split(separator: "\n").first ?? ""))
            #expect(kill(pid, SIGKILL) == 0)
            try await Task.sleep(for: .milliseconds(500))
            var back = false
            for _ in 0..<120 {
                if cluster.isPostmasterAlive, (try? await selectOne(cluster)) == 1 {
                    back = true
                    break
                }
                try await Task.sleep(for: .milliseconds(250))
            }
            #expect(back, "the cluster was not started again")
            supervisor.cancel()
            try await cluster.stop(logger: logger)
        }
    }

    @Test("F19b: a data folder path with shell syntax is refused before anything runs")
    func unsafePathRefused() throws {
        for path in ["/tmp/a'b", "/tmp/a\"b", "/tmp/a$(id)", "/tmp/a`id`", "/tmp/a\\b"] {
            #expect(throws: EmbeddedPostgresError.self) {
                try EmbeddedCluster(dataDirectory: URL(fileURLWithPath: path), binaries: try PostgresBinaries.locate())
            }
        }
        #expect(throws: Never.self) {
            try EmbeddedCluster(dataDirectory: URL(fileURLWithPath: "/tmp/thidua data (trường)"), binaries: try PostgresBinaries.locate())
        }
    }
}
