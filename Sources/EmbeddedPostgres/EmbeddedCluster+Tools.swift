import Foundation

#if canImport(Glibc)
    import Glibc
#endif

// Programs that work beside the cluster as its server's user: PgBouncer and a standby in the deployment tests.
extension EmbeddedCluster {
    /// Runs `program` to completion as the user the server runs as (`postgres` when thidua runs as root); its status and
    /// its output (stdout and stderr).
    public func runAsServerUser(_ program: URL, _ arguments: [String], environment: [String: String] = [:]) async throws -> (
        status: Int32, output: String
    ) {
        let result = try await runner.run(program, arguments, environment: environment)
        return (result.status, result.output)
    }

    /// Creates `folder` (0700) for files the server's user writes, owned by that user.
    public func makeServerUserFolder(_ folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        _ = chmod(folder.path, 0o700)
        try handToServerUser(folder)
    }

    /// Gives `file` to the server's user (nothing to do when the server runs as the current user).
    public func handToServerUser(_ file: URL) throws {
        guard let user = runner.user, let account = getpwnam(user) else { return }
        guard chown(file.path, account.pointee.pw_uid, account.pointee.pw_gid) == 0 else {
            throw EmbeddedPostgresError.unreachableFolder(path: file.path, user: user)
        }
    }
}
