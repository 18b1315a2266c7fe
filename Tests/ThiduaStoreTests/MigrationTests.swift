import Foundation
import PostgresNIO
import Testing
import ThiduaTestSupport
@testable import ThiduaStore

@Suite("Migrations")
struct MigrationTests {
    @Test("The binary carries every file of sql/ in order")
    func embeddedInOrder() {
        let versions = Migration.embedded.map(\.version)
        #expect(versions == versions.sorted())
        #expect(versions.first == 1)
        #expect(Migration.embedded.allSatisfy { $0.name.hasSuffix(".sql") && !$0.sql.isEmpty })
    }

    @Test("Migrations are applied in order and recorded with their checksums")
    func appliedInOrder() async throws {
        try await TestDatabase.with(migrated: false) { database, client in
            let applied = try await Migrator(client: client, logger: database.logger).apply()
            #expect(applied.map(\.version) == Migration.embedded.map(\.version))
            let rows = try await client.query(
                "SELECT version, checksum FROM schema_migrations ORDER BY applied_at, version", logger: database.logger)
            var recorded: [(Int, String)] = []
            for try await row in rows.decode((Int, String).self) { recorded.append(row) }
            #expect(recorded.map(\.0) == Migration.embedded.map(\.version))
            #expect(recorded.map(\.1) == Migration.embedded.map(\.checksum))
            #expect(try await Migrator(client: client, logger: database.logger).apply().isEmpty)
        }
    }

    @Test("A migration changed after it was applied is refused, naming the file")
    func checksumRefusal() async throws {
        try await TestDatabase.with { database, client in
            var edited = Migration.embedded
            let first = edited[0]
            edited[0] = Migration(version: first.version, name: first.name, sql: first.sql + "\n-- edited")
            let migrator = Migrator(client: client, migrations: edited, logger: database.logger)
            await #expect(throws: MigrationError.checksumMismatch(first.name)) { try await migrator.apply() }
            await #expect(throws: MigrationError.checksumMismatch(first.name)) { try await migrator.plan() }
        }
    }

    @Test("Two processes migrating at once apply each file exactly once")
    func concurrentStart() async throws {
        try await TestDatabase.with(migrated: false) { database, _ in
            // Two separate clients stand for two processes starting together.
            let counts = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<2 {
                    group.addTask {
                        try await DatabaseClient.withRunning(database.configuration, logger: database.logger) { client in
                            try await Migrator(client: client, logger: database.logger).apply().count
                        }
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(counts.sorted() == [0, Migration.embedded.count])
        }
    }

    @Test("A failing migration is rolled back and not recorded")
    func failingMigrationRollsBack() async throws {
        try await TestDatabase.with { database, client in
            let broken = Migration(
                version: 9999, name: "9999_broken.sql", sql: "CREATE TABLE half_done (id int);\nSELECT no_such_function();")
            let migrator = Migrator(client: client, migrations: Migration.embedded + [broken], logger: database.logger)
            await #expect(throws: MigrationError.self) { try await migrator.apply() }
            let exists = try await client.query("SELECT to_regclass('half_done') IS NOT NULL", logger: database.logger).collect().first?
                .decode(Bool.self)
            #expect(exists == false)
            #expect(try await migrator.plan().pending.map(\.version) == [9999])
        }
    }

    @Test("--no-migrate refuses a database that is behind the binary")
    func requireUpToDate() async throws {
        try await TestDatabase.with(migrated: false) { database, client in
            let migrator = Migrator(client: client, logger: database.logger)
            await #expect(throws: MigrationError.self) { try await migrator.requireUpToDate() }
            try await migrator.apply()
            try await migrator.requireUpToDate()
        }
    }

    @Test("Statements are split without breaking quoted text or function bodies")
    func scriptSplitting() {
        let sql = """
            -- why: a test; with a semicolon
            CREATE TABLE a (t text DEFAULT 'x;y');
            CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN 1; END; $$;
            /* a ; comment */ SELECT "odd;name" FROM a;
            """
        let statements = SQLScript.statements(sql)
        #expect(statements.count == 3)
        #expect(statements[1].hasSuffix("END; $$"))
    }
}
