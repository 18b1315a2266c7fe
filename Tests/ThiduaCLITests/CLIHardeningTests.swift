import Foundation
import PostgresNIO
import Testing
import ThiduaTestSupport

/// The security review's findings that live in the command line (../shared/docs/reviews/security.md).
@Suite("Hardening: the command line")
struct CLIHardeningTests {
    @Test("F17: demo refuses a DATABASE_URL without --force, says why, and adds nothing")
    func f17DemoNeedsForce() async throws {
        try await TestDatabase.with { database, client in
            let refused = try CLIRunner(databaseURL: database.url).run("demo")
            #expect(refused.status != 0)
            #expect(refused.stderr.contains("--force"))
            let accounts = try await client.query("SELECT count(*)::bigint FROM accounts", logger: database.logger).collect()
            #expect(try accounts.first?.decode(Int.self) == 0)
        }
    }

    @Test("F17: on the embedded cluster the demo's token file is readable by its owner only (0600)")
    func f17TokenFilePrivate() throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "thidua-demo-\(UUID().uuidString.prefix(8))")
        let cli = CLIRunner(databaseURL: nil)
        defer {
            _ = try? cli.run("db", "stop", "--data-dir", folder.path)
            try? FileManager.default.removeItem(at: folder)
        }
        let outcome = try cli.run("demo", "--data-dir", folder.path)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let file = folder.appending(path: "demo-tokens.txt")
        let mode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(try String(contentsOf: file, encoding: .utf8).contains("admin\t"))
    }
}
