import Foundation
import Logging

#if canImport(Glibc)
    import Glibc
#endif

// A streaming standby of an embedded cluster, on the same machine (the deployment tests: a replica for the reports, a
// manual failover). Production uses PostgreSQL's own replication managed by Patroni; see the README.
extension EmbeddedCluster {
    /// Copies this running cluster with `pg_basebackup` into `folder` and starts the copy as a hot standby streaming from
    /// it over the unix socket, under `name` (the `application_name` that `synchronous_standby_names` refers to).
    public func startStandby(in folder: URL, name: String, logger: Logger) async throws -> EmbeddedCluster {
        let standby = try EmbeddedCluster(dataDirectory: folder, binaries: binaries, settings: settings, runAs: runner.user)
        try standby.prepareFolder()
        // Same roles, same passwords: the standby is a copy of the whole cluster.
        try standby.writePrivate(try password() + "\n", to: standby.passwordFile, owner: nil)
        if let app = try? String(contentsOf: appPasswordFile, encoding: .utf8) {
            try standby.writePrivate(app, to: standby.appPasswordFile, owner: nil)
        }
        let copied = try await runner.run(
            binaries.directory.appending(path: "pg_basebackup"),
            [
                "-h", socketDirectory.path, "-p", "\(Self.port)", "-U", Self.superuser, "-D", standby.pgdata.path, "-X", "stream", "-c",
                "fast",
            ],
            environment: ["PGPASSWORD": try password()])
        guard copied.status == 0 else { throw EmbeddedPostgresError.commandFailed(command: "pg_basebackup", output: copied.output) }
        let conninfo =
            "host=\(socketDirectory.path) port=\(Self.port) user=\(Self.superuser) password=\(try password()) application_name=\(name)"
        let settings = "primary_conninfo = '\(conninfo)'\n"
        let auto = standby.pgdata.appending(path: "postgresql.auto.conf")
        let handle = try FileHandle(forWritingTo: auto)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(settings.utf8))
        try handle.close()
        let signal = standby.pgdata.appending(path: "standby.signal")
        FileManager.default.createFile(atPath: signal.path, contents: nil)
        try standby.handToServerUser(signal)
        try await standby.start(logger: logger)
        return standby
    }

    /// Makes a standby the primary (`pg_ctl promote`, waiting until it accepts writes).
    public func promote() async throws {
        let result = try await runner.run(binaries.pgCtl, ["promote", "-D", pgdata.path, "-w", "-t", "60"])
        guard result.status == 0 else { throw EmbeddedPostgresError.commandFailed(command: "pg_ctl promote", output: result.output) }
    }

    /// Kills the server at once (SIGKILL to the postmaster), as a machine that loses power: for the failover test.
    public func killAtOnce() async throws {
        guard case .running(let pid) = try await status() else { return }
        _ = Glibc.kill(pid, SIGKILL)
    }
}
