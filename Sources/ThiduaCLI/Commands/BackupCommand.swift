import ArgumentParser
import EmbeddedPostgres
import Foundation
import ThiduaStore

/// `thidua backup -o FILE`: the whole database in PostgreSQL's own dump format (evidence files included), with the audit
/// head it contains recorded inside it and printed, to keep somewhere else.
struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup", abstract: "Write a backup of the whole database to one file (pg_dump, custom format).")

    @OptionGroup var database: DatabaseOptions
    @Option(name: .shortAndLong, help: "The backup file to write (written as FILE.part, renamed when complete).")
    var output: String

    func run() async throws {
        let file = URL(fileURLWithPath: output, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).absoluteURL
        let (head, size) = try await Self.backup(database, to: file)
        print(
            "Backed up to \(file.path) (\(size / 1024) KiB); audit head \(head). Keep this line: thidua audit verify --expect-head \(head)")
    }

    /// Records the head, dumps to `FILE.part` and renames it when complete; returns the head and the file's size.
    static func backup(_ database: DatabaseOptions, to file: URL) async throws -> (AuditHead, Int) {
        let partial = file.appendingPathExtension("part")
        let binaries = try database.postgresBinaries()
        let head = try await database.withDatabase { client, logger in
            let head = try await BackupRecords(client: client).record(file: file.lastPathComponent, logger: logger)
            do {
                try await PostgresTools(binaries: binaries).dump(url: try database.ownerURL(), to: partial)
            } catch {
                // A failed or stopped pg_dump leaves no half-written file behind.
                try? FileManager.default.removeItem(at: partial)
                throw error
            }
            return head
        }
        _ = chmod(partial.path, 0o600)
        if FileManager.default.fileExists(atPath: file.path) { try FileManager.default.removeItem(at: file) }
        try FileManager.default.moveItem(at: partial, to: file)
        let size = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
        return (head, size)
    }
}

/// `thidua restore FILE`: a backup into a missing or empty data folder (or an empty database), then the audit chain
/// verified against the head the backup recorded. A target that already holds data is refused.
struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore", abstract: "Restore a backup into an empty data folder or database, then verify the audit log.")

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "A file written by `thidua backup`.")
    var file: String

    func run() async throws {
        let source = URL(fileURLWithPath: file, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).absoluteURL
        guard FileManager.default.isReadableFile(atPath: source.path) else {
            throw ValidationError("Cannot read the backup \(source.path).")
        }
        let (database, binaries) = (self.database, try self.database.postgresBinaries())
        let verification = try await database.withDatabase(migrate: false) { client, logger in
            let records = BackupRecords(client: client)
            guard try await records.isEmpty(logger: logger) else {
                throw ValidationError("The target already holds data: restore only into a new data folder or an empty database.")
            }
            try await Migrator(client: client, logger: logger).ensureAppRole()
            try await PostgresTools(binaries: binaries).restore(url: try database.ownerURL(), from: source)
            let head = try await records.latestHead(logger: logger)
            return (head, try await AuditLog(client: client).verify(expecting: head, logger: logger))
        }
        let (head, result) = verification
        guard result.problems.isEmpty else {
            print("Restored, but the audit log does not match the backup: " + result.problems.joined(separator: "; ") + ".")
            throw ExitCode.failure
        }
        print(
            "Restored \(source.lastPathComponent): audit log intact, \(result.count) rows, head \(result.head)"
                + (head.map { "; the backup recorded \($0)." } ?? "."))
    }
}
