import Foundation

/// PostgreSQL's own client programs for backups: `pg_dump` in its custom format (compressed, everything — evidence files
/// are rows), and `pg_restore` into an empty database. Connections are libpq URLs, as `thidua db url` prints.
public struct PostgresTools: Sendable {
    let binaries: PostgresBinaries
    let runner = ProcessRunner(user: nil)

    public init(binaries: PostgresBinaries) { self.binaries = binaries }

    /// Writes the whole database to `file` (pg_dump -Fc).
    public func dump(url: String, to file: URL) async throws {
        let result = try await runner.run(
            binaries.directory.appending(path: "pg_dump"),
            ["--format=custom", "--no-owner", "--file=\(file.path)", "--dbname=\(url)"], stopOnCancel: true)
        guard result.status == 0 else { throw EmbeddedPostgresError.commandFailed(command: "pg_dump", output: result.output) }
    }

    /// Restores a dump into an empty database, stopping at the first error.
    public func restore(url: String, from file: URL) async throws {
        let result = try await runner.run(
            binaries.directory.appending(path: "pg_restore"), ["--no-owner", "--exit-on-error", "--dbname=\(url)", file.path])
        guard result.status == 0 else { throw EmbeddedPostgresError.commandFailed(command: "pg_restore", output: result.output) }
    }
}
