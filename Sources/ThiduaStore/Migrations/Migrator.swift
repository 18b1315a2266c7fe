import Foundation
import Logging
import PostgresNIO

/// Applies `sql/` migrations in order, each in its own transaction, recording each with its checksum.
///
/// A session advisory lock on one connection makes concurrent starts safe: the second process waits,
/// then finds nothing left to do. An applied file whose checksum changed is refused, naming the file.
public struct Migrator: Sendable {
    /// What the database holds compared with the binary.
    public struct Plan: Sendable {
        public let applied: [Migration]
        public let pending: [Migration]
    }

    private static let lockKey: Int64 = 0x7468_6964_7561_0001  // "thidua" + 1
    let client: DatabaseClient
    let migrations: [Migration]
    let logger: Logger

    public init(client: DatabaseClient, migrations: [Migration] = Migration.embedded, logger: Logger) {
        self.client = client
        self.migrations = migrations
        self.logger = logger
    }

    /// Compares the database with the binary without changing anything.
    public func plan() async throws -> Plan {
        try await client.withConnection { try await plan(on: $0) }
    }

    /// Applies every pending migration; returns those applied by this call.
    @discardableResult
    public func apply() async throws -> [Migration] {
        try await client.withConnection { connection in
            try await connection.query("SELECT pg_advisory_lock(\(Self.lockKey))", logger: logger)
            do {
                let applied = try await applyLocked(on: connection)
                try await connection.query("SELECT pg_advisory_unlock(\(Self.lockKey))", logger: logger)
                return applied
            } catch {
                _ = try? await connection.query("SELECT pg_advisory_unlock(\(Self.lockKey))", logger: logger)
                throw error
            }
        }
    }

    /// For `serve --no-migrate`: throws when the database is behind the binary.
    /// The role the application connects as (migration 0012 creates it without a password).
    public static let appRole = "thidua_app"

    /// Lets the application role sign in with `password` (run as the owner, after the migrations). The password is
    /// quoted by PostgreSQL itself (`format('%L')`): ALTER ROLE takes no bound parameters.
    public func enableAppRole(password: String) async throws {
        let rows = try await client.rows(
            "SELECT format('ALTER ROLE %I WITH LOGIN PASSWORD %L', \(Self.appRole), \(password))", logger: logger)
        let statement = try rows.required("vai trò ứng dụng").decode(String.self)
        try await client.rows(PostgresQuery(unsafeSQL: statement), logger: logger)
    }

    /// Creates the application role if this cluster lacks it (as migration 0012 does): a restored dump's grants name it.
    public func ensureAppRole() async throws {
        try await client.rows(
            """
            DO $$ BEGIN
                IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'thidua_app') THEN
                    CREATE ROLE thidua_app NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT;
                END IF;
            END $$
            """, logger: logger)
    }

    public func requireUpToDate() async throws {
        let plan = try await plan()
        guard plan.pending.isEmpty else { throw MigrationError.pending(plan.pending.map(\.name)) }
    }

    private func applyLocked(on connection: PostgresConnection) async throws -> [Migration] {
        try await connection.query(
            """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version integer PRIMARY KEY, name text NOT NULL, checksum text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now(), execution_ms integer NOT NULL)
            """, logger: logger)
        let pending = try await plan(on: connection).pending
        for migration in pending {
            let started = ContinuousClock.now
            try await connection.query("BEGIN", logger: logger)
            do {
                for statement in SQLScript.statements(migration.sql) {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                let elapsed = ContinuousClock.now - started
                let milliseconds = Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
                try await connection.query(
                    """
                    INSERT INTO schema_migrations (version, name, checksum, execution_ms)
                    VALUES (\(migration.version), \(migration.name), \(migration.checksum), \(milliseconds))
                    """, logger: logger)
                try await connection.query("COMMIT", logger: logger)
                logger.info("applied migration", metadata: ["migration": "\(migration.name)"])
            } catch {
                _ = try? await connection.query("ROLLBACK", logger: logger)
                throw MigrationError.failed(migration.name, reason: Self.reason(error))
            }
        }
        return pending
    }

    private func plan(on connection: PostgresConnection) async throws -> Plan {
        let exists =
            try await connection.query("SELECT to_regclass('schema_migrations') IS NOT NULL", logger: logger)
            .collect().first?.decode(Bool.self) ?? false
        var recorded: [(Int, String, String)] = []
        if exists {
            let rows = try await connection.query("SELECT version, name, checksum FROM schema_migrations ORDER BY version", logger: logger)
            for try await row in rows.decode((Int, String, String).self) { recorded.append(row) }
        }
        let byVersion = Dictionary(uniqueKeysWithValues: migrations.map { ($0.version, $0) })
        var applied: [Migration] = []
        for (version, name, checksum) in recorded {
            guard let migration = byVersion[version] else { throw MigrationError.unknownApplied(name) }
            guard migration.checksum == checksum else { throw MigrationError.checksumMismatch(migration.name) }
            applied.append(migration)
        }
        let appliedVersions = Set(recorded.map(\.0))
        return Plan(applied: applied, pending: migrations.filter { !appliedVersions.contains($0.version) })
    }

    private static func reason(_ error: any Error) -> String {
        if let error = error as? PSQLError, let message = error.serverInfo?[.message] { return message }
        return "\(error)"
    }
}

/// Why migrations could not run, in words an operator can act on.
public enum MigrationError: Error, Equatable, CustomStringConvertible {
    case checksumMismatch(String)
    case unknownApplied(String)
    case pending([String])
    case failed(String, reason: String)

    public var description: String {
        switch self {
        case .checksumMismatch(let name):
            "Migration \(name) was changed after it was applied to this database. Applied migrations must never be edited: restore the file and add a new migration instead."
        case .unknownApplied(let name):
            "The database has migration \(name), which this thidua binary does not know: it is older than the database. Use a newer thidua."
        case .pending(let names):
            "The database is not up to date: \(names.count) migration(s) pending (\(names.joined(separator: ", "))). Run `thidua migrate` or start without --no-migrate."
        case .failed(let name, let reason):
            "Migration \(name) failed and was rolled back: \(reason)"
        }
    }
}
