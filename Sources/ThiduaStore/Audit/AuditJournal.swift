import Foundation
import Logging
import PostgresNIO
import ThiduaCore

/// Audit entries a transaction of many changes (a decision of 500 nominations) collects and writes at its end in one
/// statement, instead of three round trips an entry (issue "Performance"). The chain is the same: the entries are hashed
/// in Swift in the order they were recorded, after the last row, under the same lock; the trigger checks every link.
/// Lives for one transaction; discard it when the transaction is undone.
final class AuditJournal {
    struct Pending {
        let actor: Actor
        let action: String
        let entity: String
        let entityId: String
        let before: String?
        let after: String?
    }

    private(set) var pending: [Pending] = []

    func append(_ entry: Pending) { pending.append(entry) }

    /// Writes every collected entry, chained after the log's last row, and empties the journal.
    func flush(on connection: PostgresConnection, logger: Logger) async throws {
        guard !pending.isEmpty else { return }
        let entries = pending
        pending = []
        // '' stands for SQL NULL in the arrays below: no JSON document and no account id is empty.
        let documents = entries.flatMap { [$0.before ?? "", $0.after ?? ""] }
        try await connection.rows("SELECT pg_advisory_xact_lock(7461616400000001)", logger: logger)
        let head = try await connection.rows(
            """
            SELECT coalesce((SELECT seq FROM audit_log ORDER BY seq DESC LIMIT 1), 0),
                   coalesce((SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1), repeat('0', 64)),
                   (extract(epoch FROM now()) * 1000000)::bigint,
                   ARRAY(SELECT CASE WHEN j = '' THEN '' ELSE j::jsonb::text END FROM unnest(\(documents)::text[]) WITH ORDINALITY AS t(j, n)
                         ORDER BY n)
            """, logger: logger)
        let (lastSeq, lastHash, atMicros, stored) = try head.required("nhật ký").decode((Int, String, Int, [String]).self)
        var seqs: [Int] = []
        var prevHashes: [String] = []
        var hashes: [String] = []
        var previous = lastHash
        for (index, entry) in entries.enumerated() {
            let before = stored[2 * index].isEmpty ? nil : stored[2 * index]
            let after = stored[2 * index + 1].isEmpty ? nil : stored[2 * index + 1]
            let fields = AuditHash.Fields(
                seq: lastSeq + 1 + index, atMicros: atMicros, actorAccountId: entry.actor.accountId?.description,
                actor: entry.actor.name, action: entry.action, entity: entry.entity, entityId: entry.entityId, before: before,
                after: after)
            let hash = AuditHash.hash(fields, previous: previous)
            seqs.append(fields.seq)
            prevHashes.append(previous)
            hashes.append(hash)
            previous = hash
        }
        let accounts = entries.map { $0.actor.accountId?.description ?? "" }
        let actors = entries.map(\.actor.name)
        let actions = entries.map(\.action)
        let entities = entries.map(\.entity)
        let ids = entries.map(\.entityId)
        let befores = entries.map { $0.before ?? "" }
        let afters = entries.map { $0.after ?? "" }
        try await connection.rows(
            """
            INSERT INTO audit_log (seq, at, actor_account_id, actor, action, entity, entity_id, before, after, prev_hash, hash, scheme)
            SELECT seq, now(), nullif(account, '')::uuid, actor, action, entity, entity_id, nullif(before, '')::jsonb,
                   nullif(after, '')::jsonb, prev_hash, hash, 2
            FROM unnest(\(seqs)::bigint[], \(accounts)::text[], \(actors)::text[], \(actions)::text[], \(entities)::text[],
                        \(ids)::text[], \(befores)::text[], \(afters)::text[], \(prevHashes)::text[], \(hashes)::text[])
                 AS t(seq, account, actor, action, entity, entity_id, before, after, prev_hash, hash)
            ORDER BY seq
            """, logger: logger)
    }
}
