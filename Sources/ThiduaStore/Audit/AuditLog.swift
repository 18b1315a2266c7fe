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

    let client: DatabaseClient

    public init(client: DatabaseClient) { self.client = client }

    /// Appends a row in the caller's transaction; `before`/`after` are stored as JSON. The row is hashed here, in Swift
    /// (scheme 2, `AuditHash`), over exactly what the database stores; the database checks only that it extends the chain.
    /// With a `journal`, the entry waits there and is written when the journal is flushed.
    public static func record(
        on connection: PostgresConnection, by actor: Actor, action: String, entity: String, id: String,
        before: (some Encodable & Sendable)?, after: (some Encodable & Sendable)?, logger: Logger
    ) async throws {
        try await record(
            on: connection, by: actor, action: action, entity: entity, id: id, before: before, after: after, journal: nil, logger: logger)
    }

    static func record(
        on connection: PostgresConnection, by actor: Actor, action: String, entity: String, id: String,
        before: (some Encodable & Sendable)?, after: (some Encodable & Sendable)?, journal: AuditJournal?, logger: Logger
    ) async throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let beforeJSON = try before.map { String(decoding: try encoder.encode($0), as: UTF8.self) }
        let afterJSON = try after.map { String(decoding: try encoder.encode($0), as: UTF8.self) }
        if let journal {
            journal.append(.init(actor: actor, action: action, entity: entity, entityId: id, before: beforeJSON, after: afterJSON))
            return
        }
        // One writer at a time: the lock is held to the end of the transaction (the trigger takes it again).
        try await connection.rows("SELECT pg_advisory_xact_lock(7461616400000001)", logger: logger)
        let rows = try await connection.rows(
            """
            SELECT coalesce((SELECT seq FROM audit_log ORDER BY seq DESC LIMIT 1), 0),
                   coalesce((SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1), repeat('0', 64)),
                   (extract(epoch FROM now()) * 1000000)::bigint, \(beforeJSON)::jsonb::text, \(afterJSON)::jsonb::text
            """, logger: logger)
        let (lastSeq, lastHash, atMicros, storedBefore, storedAfter) = try rows.required("nhật ký").decode(
            (Int, String, Int, String?, String?).self)
        let fields = AuditHash.Fields(
            seq: lastSeq + 1, atMicros: atMicros, actorAccountId: actor.accountId?.description, actor: actor.name, action: action,
            entity: entity, entityId: id, before: storedBefore, after: storedAfter)
        try await connection.rows(
            """
            INSERT INTO audit_log (seq, at, actor_account_id, actor, action, entity, entity_id, before, after, prev_hash, hash, scheme)
            VALUES (\(fields.seq), now(), \(actor.accountId), \(actor.name), \(action), \(entity), \(id),
                    \(beforeJSON)::jsonb, \(afterJSON)::jsonb, \(lastHash), \(AuditHash.hash(fields, previous: lastHash)), 2)
            """, logger: logger)
    }

    /// The history of one entity, oldest first.
    public func entries(entity: String, id: String, logger: Logger) async throws -> [Entry] {
        let rows = try await client.rows(
            """
            SELECT seq, at, actor_account_id, actor, action, entity, entity_id, before::text, after::text
            FROM audit_log WHERE entity = \(entity) AND entity_id = \(id) ORDER BY seq
            """, logger: logger)
        var entries: [Entry] = []
        for (seq, at, accountId, actor, action, entity, entityId, before, after)
            in try rows.map({ try $0.decode((Int, Date, UUID?, String, String, String, String, String?, String?).self) })
        {
            entries.append(
                Entry(
                    seq: seq, at: at, actorAccountId: accountId, actor: actor, action: action,
                    entity: entity, entityId: entityId, before: before, after: after))
        }
        return entries
    }

    /// What the audit page filters on; nil means any.
    public struct Filter: Sendable {
        public var entity: String?
        public var accountId: UUID?
        /// From this instant (inclusive) up to `until` (exclusive).
        public var since: Date?
        public var until: Date?
        /// Entries older than this sequence number (the next page).
        public var before: Int?
        /// Only changes to records of these units and below (an account's scope, sql/0037); nil: all. A change to a record
        /// of no unit (a shared document, the catalogue) is shown only without this filter.
        public var units: [ID<OrgUnit>]?

        public init(
            entity: String? = nil, accountId: UUID? = nil, since: Date? = nil, until: Date? = nil, before: Int? = nil,
            units: [ID<OrgUnit>]? = nil
        ) {
            self.units = units
            self.entity = entity
            self.accountId = accountId
            self.since = since
            self.until = until
            self.before = before
        }
    }

    /// Entries matching `filter`, newest first, at most `limit`.
    public func search(_ filter: Filter, limit: Int, logger: Logger) async throws -> [Entry] {
        let rows = try await client.rows(
            """
            SELECT seq, at, actor_account_id, actor, action, entity, entity_id, before::text, after::text
            FROM audit_log
            WHERE (\(filter.entity)::text IS NULL OR entity = \(filter.entity))
              AND (\(filter.accountId)::uuid IS NULL OR actor_account_id = \(filter.accountId))
              AND (\(filter.since)::timestamptz IS NULL OR at >= \(filter.since))
              AND (\(filter.until)::timestamptz IS NULL OR at < \(filter.until))
              AND (\(filter.before)::bigint IS NULL OR seq < \(filter.before))
              AND (\(filter.units)::uuid[] IS NULL OR (
                  entity_id ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
                  AND record_unit(entity, entity_id::uuid) IN (SELECT unnest(unit_subtree(\(filter.units)::uuid[])))))
            ORDER BY seq DESC LIMIT \(limit)
            """, logger: logger)
        return try rows.map(Self.entry)
    }

    static func entry(_ row: PostgresRow) throws -> Entry {
        let (seq, at, accountId, actor, action, entity, entityId, before, after) = try row.decode(
            (Int, Date, UUID?, String, String, String, String, String?, String?).self)
        return Entry(
            seq: seq, at: at, actorAccountId: accountId, actor: actor, action: action, entity: entity, entityId: entityId, before: before,
            after: after)
    }

    /// Recomputes the chain; returns the sequence number of the first row whose hash or link is wrong, or nil.
    public func firstBrokenLink(logger: Logger) async throws -> Int? {
        try await verify(logger: logger).firstBroken
    }

    /// The last row: `SEQ:HASH`, to keep outside the database (a backup records it; `audit verify --expect-head` checks it).
    public func head(logger: Logger) async throws -> AuditHead {
        let rows = try await client.rows("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1", logger: logger)
        guard let row = rows.first else { return AuditHead(seq: 0, hash: String(repeating: "0", count: 64)) }
        let (seq, hash) = try row.decode((Int, String).self)
        return AuditHead(seq: seq, hash: hash)
    }

    /// Walks the whole chain in order: each row's hash recomputed (scheme 2 in Swift; scheme 1 by the function that
    /// wrote it), each link to the row before, no gap in the numbers. With `expected`, the head recorded earlier (outside
    /// the database) must still be there, unchanged.
    public func verify(expecting expected: AuditHead? = nil, logger: Logger) async throws -> AuditVerification {
        // Streamed: a school's log grows every day, and the walk needs one row at a time.
        try await client.withConnection { connection in
            try await Self.verify(expecting: expected, on: connection, logger: logger)
        }
    }

    private static func verify(
        expecting expected: AuditHead?, on connection: PostgresConnection, logger: Logger
    ) async throws -> AuditVerification {
        let rows = try await connection.send(
            """
            SELECT seq, scheme, prev_hash, hash, (extract(epoch FROM at) * 1000000)::bigint, actor_account_id::text, actor, action,
                   entity, entity_id, before::text, after::text,
                   CASE WHEN scheme = 1
                        THEN audit_row_hash(prev_hash, seq, at, actor_account_id, actor, action, entity, entity_id, before, after) END
            FROM audit_log ORDER BY seq
            """, logger: logger)
        var previous = AuditHead(seq: 0, hash: String(repeating: "0", count: 64))
        var firstBroken: Int?
        var count = 0
        var hashAtExpected: String?
        for try await row in rows {
            let cells = row.makeRandomAccess()
            let seq = try cells[0].decode(Int.self)
            let scheme = try cells[1].decode(Int.self)
            let prevHash = try cells[2].decode(String.self)
            let hash = try cells[3].decode(String.self)
            let recomputed: String?
            if scheme == 2 {
                let fields = AuditHash.Fields(
                    seq: seq, atMicros: try cells[4].decode(Int.self), actorAccountId: try cells[5].decode(String?.self),
                    actor: try cells[6].decode(String.self), action: try cells[7].decode(String.self),
                    entity: try cells[8].decode(String.self),
                    entityId: try cells[9].decode(String.self), before: try cells[10].decode(String?.self),
                    after: try cells[11].decode(String?.self))
                recomputed = AuditHash.hash(fields, previous: prevHash)
            } else {
                recomputed = try cells[12].decode(String?.self)
            }
            count += 1
            if firstBroken == nil, seq != previous.seq + 1 || prevHash != previous.hash || hash != recomputed { firstBroken = seq }
            if seq == expected?.seq { hashAtExpected = hash }
            previous = AuditHead(seq: seq, hash: hash)
        }
        var problems: [String] = []
        if let firstBroken { problems.append("row \(firstBroken) does not match its hash chain") }
        if let expected, expected.seq > 0 {
            if previous.seq < expected.seq {
                problems.append("rows up to \(expected.seq) were recorded, but the log ends at \(previous.seq): rows were removed")
            } else if hashAtExpected != expected.hash {
                problems.append("row \(expected.seq) does not hold the recorded hash: the log was rewritten up to it")
            }
        }
        return AuditVerification(count: count, head: previous, firstBroken: firstBroken, problems: problems)
    }

    /// How many rows the log holds.
    public func count(logger: Logger) async throws -> Int {
        let rows = try await client.rows("SELECT count(*)::bigint FROM audit_log", logger: logger)
        for row in rows { return try row.decode(Int.self) }
        return 0
    }
}

/// The last row of the audit log as `SEQ:HASH`.
public struct AuditHead: Equatable, Sendable, CustomStringConvertible {
    public let seq: Int
    public let hash: String

    public init(seq: Int, hash: String) {
        self.seq = seq
        self.hash = hash
    }

    /// Parses `SEQ:HASH` (a 64-digit hex hash).
    public init?(_ text: String) {
        let parts = text.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ":")
        guard parts.count == 2, let seq = Int(parts[0]), seq >= 0, parts[1].count == 64, parts[1].allSatisfy(\.isHexDigit) else {
            return nil
        }
        self.init(seq: seq, hash: parts[1].lowercased())
    }

    public var description: String { "\(seq):\(hash)" }
}

/// What `AuditLog.verify` found.
public struct AuditVerification: Sendable {
    public let count: Int
    public let head: AuditHead
    public let firstBroken: Int?
    /// Each thing wrong, in plain words; empty when the log is intact (and holds the expected head).
    public let problems: [String]
}
