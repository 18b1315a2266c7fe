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
    func f17TokenFilePrivate() async throws {
        try await withDataDirectory { folder in
            let cli = CLIRunner(databaseURL: nil)
            let outcome = try cli.run("demo", "--data-dir", folder.path)
            #expect(outcome.status == 0, "\(outcome.stderr)")
            #expect(try privateFileText(folder.appending(path: "demo-tokens.txt")).contains("admin\t"))
        }
    }

    @Test("F6c: audit head prints SEQ:HASH; verify --expect-head fails, naming why, once rows up to it were removed")
    func f6ExpectHead() async throws {
        try await TestDatabase.with { database, client in
            let cli = CLIRunner(databaseURL: database.url)
            _ = try cli.run("user", "add", "Lê Văn An", "--role", "admin")
            _ = try cli.run("user", "add", "Trần Thị Bình", "--role", "union")
            let head = try cli.run("audit", "head")
            #expect(head.status == 0)
            let recorded = head.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            let parts = recorded.split(separator: ":")
            #expect(parts.count == 2 && Int(parts[0]) ?? 0 >= 2 && parts[1].count == 64)
            #expect(try cli.run("audit", "verify", "--expect-head", recorded).status == 0)
            try await client.query("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only", logger: database.logger)
            // The last row goes: what is left is still a perfect chain.
            try await client.query("DELETE FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log)", logger: database.logger)
            #expect(try cli.run("audit", "verify").status == 0)  // a bare check cannot tell a shorter log from a true one
            let checked = try cli.run("audit", "verify", "--expect-head", recorded)
            #expect(checked.status != 0)
            #expect(checked.stdout.contains("rows were removed"))
            #expect(try cli.run("audit", "verify", "--expect-head", "nonsense").status != 0)
        }
    }
}
