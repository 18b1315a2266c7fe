import Foundation
import Logging
import PostgresNIO
import ThiduaCore

/// The append-only, hash-chained record of every change. Writers call `record` inside their own transaction.
public struct AuditLog: Sendable {
    /// One recorded change.
    public struct Entry: Sendable, Codable, Equatable {
        public let seq: Int
        public let at: Date
        public let actorAccountId: UUID?
        public let actor: String
        public let action: String
        public let entity: String
        public let entityId: String
        public let before: String?
        public let after: String?
    }

    let client: PostgresClient

    public init(client: PostgresClient) { self.client = client }

    /// Appends a row in the caller's transaction; `before`/`after` are stored as JSON.
    public static func record(
        on connection: PostgresConnection, by actor: Actor, action: String, entity: String, id: String,
        before: (some Encodable & Sendable)?, after: (some Encodable & Sendable)?, logger: Logger
    ) async throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let beforeJSON = try before.map { String(decoding: try encoder.encode($0), as: UTF8.self) }
        let afterJSON = try after.map { String(decoding: try encoder.encode($0), as: UTF8.self) }
        try await connection.query(
            """
            INSERT INTO audit_log (actor_account_id, actor, action, entity, entity_id, before, after)
            VALUES (\(actor.accountId), \(actor.name), \(action), \(entity), \(id),
                    \(beforeJSON)::jsonb, \(afterJSON)::jsonb)
            """, logger: logger)
    }

    /// The history of one entity, oldest first.
    public func entries(entity: String, id: String, logger: Logger) async throws -> [Entry] {
        let rows = try await client.query(
            """
            SELECT seq, at, actor_account_id, actor, action, entity, entity_id, before::text, after::text
            FROM audit_log WHERE entity = \(entity) AND entity_id = \(id) ORDER BY seq
            """, logger: logger)
        var entries: [Entry] = []
        for try await (seq, at, accountId, actor, action, entity, entityId, before, after)
            in rows.decode((Int, Date, UUID?, String, String, String, String, String?, String?).self)
        {
            entries.append(
                Entry(
                    seq: seq, at: at, actorAccountId: accountId, actor: actor, action: action,
                    entity: entity, entityId: entityId, before: before, after: after))
        }
        return entries
    }

    /// Recomputes the chain; returns the sequence number of the first row whose hash or link is wrong, or nil.
    public func firstBrokenLink(logger: Logger) async throws -> Int? {
        let rows = try await client.query(
            """
            SELECT seq FROM (
                SELECT seq, prev_hash, hash,
                       coalesce(lag(hash) OVER (ORDER BY seq), repeat('0', 64)) AS expected_prev,
                       audit_row_hash(prev_hash, seq, at, actor_account_id, actor, action, entity, entity_id, before, after) AS recomputed
                FROM audit_log
            ) chain
            WHERE hash <> recomputed OR prev_hash <> expected_prev
            ORDER BY seq LIMIT 1
            """, logger: logger)
        for try await seq in rows.decode(Int.self) { return seq }
        return nil
    }

    /// How many rows the log holds.
    public func count(logger: Logger) async throws -> Int {
        let rows = try await client.query("SELECT count(*)::bigint FROM audit_log", logger: logger)
        for try await count in rows.decode(Int.self) { return count }
        return 0
    }
}
