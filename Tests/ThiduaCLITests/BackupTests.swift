import EmbeddedPostgres
import Foundation
import PostgresNIO
import Testing
import ThiduaStore
import ThiduaTestSupport

/// Backups a school can restore: one file, evidence included, the audit head recorded and checked on the way back.
@Suite("Backup and restore")
struct BackupTests {
    /// A fingerprint of every table's rows, evidence files' bytes included (bytea prints as hex).
    static func fingerprints(_ client: DatabaseClient, logger: Logger) async throws -> [String: String] {
        let tables = try await client.query(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename", logger: logger
        ).collect().map { try $0.decode(String.self) }
        var result: [String: String] = [:]
        for table in tables {
            let rows = try await client.query(
                "SELECT md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) FROM \(unescaped: table) t", logger: logger
            ).collect()
            result[table] = try rows.first?.decode(String.self)
        }
        return result
    }

    @Test("backup → a new data folder → restore gives back every table's rows and every evidence file's bytes; a full target is refused")
    func roundTrip() async throws {
        try await TestDatabase.with { database, client in
            let cli = CLIRunner(databaseURL: database.url)
            #expect(try cli.run("demo", "--force").status == 0)
            // An evidence file with every byte value.
            try await client.query(
                "INSERT INTO evidence_files (sha256, size, content) SELECT encode(sha256(b), 'hex'), octet_length(b), b FROM (SELECT decode(string_agg(lpad(to_hex(i), 2, '0'), ''), 'hex') AS b FROM generate_series(0, 255) i) x",
                logger: database.logger)
            let folder = FileManager.default.temporaryDirectory.appending(path: "thidua-restore-\(UUID().uuidString.prefix(8))")
            let file = folder.appendingPathExtension("dump")
            let restored = CLIRunner(databaseURL: nil)
            defer {
                _ = try? restored.run("db", "stop", "--data-dir", folder.path)
                try? FileManager.default.removeItem(at: folder)
                try? FileManager.default.removeItem(at: file)
            }
            let backup = try cli.run("backup", "-o", file.path)
            #expect(backup.status == 0, "\(backup.stderr)")
            #expect(backup.stdout.contains("audit head "))
            #expect(try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int == 0o600)
            let expected = try await Self.fingerprints(client, logger: database.logger)

            let restore = try restored.run("restore", file.path, "--data-dir", folder.path)
            #expect(restore.status == 0, "\(restore.stdout)\(restore.stderr)")
            #expect(restore.stdout.contains("audit log intact"))
            let cluster = try EmbeddedCluster(dataDirectory: folder, binaries: try PostgresBinaries.locate())
            try await cluster.start(logger: database.logger)
            let configuration = try DatabaseURL.configuration(cluster.url)
            let actual = try await DatabaseClient.withRunning(configuration, logger: database.logger) {
                try await Self.fingerprints($0, logger: database.logger)
            }
            #expect(actual.count == expected.count)
            for (table, fingerprint) in expected { #expect(actual[table] == fingerprint, "table \(table) differs") }

            let again = try restored.run("restore", file.path, "--data-dir", folder.path)
            #expect(again.status != 0)
            #expect(again.stderr.contains("already holds data"))
        }
    }

    @Test("serve --backup-dir backs up at start and on every turn, keeping the newest --backup-keep; SIGTERM stops it")
    func serveKeepsBackups() async throws {
        try await withDataDirectory { data in
            let backups = data.deletingLastPathComponent().appending(path: "backups")
            try FileManager.default.createDirectory(at: backups, withIntermediateDirectories: true)
            // An old backup that rotation must remove.
            FileManager.default.createFile(atPath: backups.appending(path: "thidua-20200101-000000.dump").path, contents: Data("old".utf8))
            let serve = try ServeProcess(
                data: data, arguments: ["--backup-dir", backups.path, "--backup-keep", "2", "--backup-interval-seconds", "1"])
            var names: [String] = []
            for _ in 0..<60 {
                try await Task.sleep(for: .milliseconds(500))
                names =
                    (try? FileManager.default.contentsOfDirectory(atPath: backups.path))?.filter { $0.hasSuffix(".dump") }.sorted() ?? []
                if names.count == 2, !names.contains("thidua-20200101-000000.dump") { break }
            }
            #expect(names.count == 2)
            #expect(!names.contains("thidua-20200101-000000.dump"))
            // A backup under way is stopped with the server (pg_dump gets SIGTERM) and leaves no half-written file.
            let stopped = serve.stop()
            #expect(stopped < 10, "serve took \(stopped) s to stop:\n\(serve.logText.suffix(3000))")
            let left = (try? FileManager.default.contentsOfDirectory(atPath: backups.path)) ?? []
            #expect(!left.contains { $0.hasSuffix(".part") }, "\(left)")
        }
    }
}
