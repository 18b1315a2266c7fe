import Foundation
import Logging
import PostgresNIO
import ThiduaCore

/// What a backup writes into the database it saves, and what a restore reads back (the `backups` table, migration 0013).
public struct BackupRecords: Sendable {
    let client: DatabaseClient

    public init(client: DatabaseClient) { self.client = client }

    /// Records the audit head now, just before `pg_dump` takes its snapshot: the dump then holds at least these rows.
    public func record(file: String, logger: Logger) async throws -> AuditHead {
        try await client.transaction(logger: logger) { connection in
            let rows = try await connection.rows(
                """
                INSERT INTO backups (audit_seq, audit_hash, file)
                SELECT coalesce((SELECT seq FROM audit_log ORDER BY seq DESC LIMIT 1), 0),
                       coalesce((SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1), repeat('0', 64)), \(file)
                RETURNING audit_seq, audit_hash
                """, logger: logger)
            let (seq, hash) = try rows.required("bản sao lưu").decode((Int, String).self)
            return AuditHead(seq: seq, hash: hash)
        }
    }

    /// The head the latest backup recorded (the one a restored database came from), if any.
    public func latestHead(logger: Logger) async throws -> AuditHead? {
        let rows = try await client.rows("SELECT audit_seq, audit_hash FROM backups ORDER BY id DESC LIMIT 1", logger: logger)
        guard let row = rows.first else { return nil }
        let (seq, hash) = try row.decode((Int, String).self)
        return AuditHead(seq: seq, hash: hash)
    }

    /// Whether the database holds no table of its own yet: a restore writes only into an empty one.
    public func isEmpty(logger: Logger) async throws -> Bool {
        let rows = try await client.rows(
            "SELECT count(*)::bigint FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')", logger: logger)
        return try rows.required("cơ sở dữ liệu").decode(Int.self) == 0
    }
}
