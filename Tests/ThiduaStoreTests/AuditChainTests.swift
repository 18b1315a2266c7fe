import Foundation
import PostgresNIO
import Testing
import ThiduaCore
import ThiduaTestSupport

@testable import ThiduaStore

/// The audit chain against someone holding database credentials (security review F6).
@Suite("Audit chain: the application role, the Swift hash, the anchored head")
struct AuditChainTests {
    @Test("F6a: the application role may read and append the audit log, never change, remove or un-trigger it")
    func f6AppRoleCannotRewrite() async throws {
        try await TestDatabase.with { database, client in
            let seed = Seed(client: client, logger: database.logger)
            _ = try await seed.unit()
            try await DatabaseClient.withRunning(database.appConfiguration, logger: database.logger) { (app: DatabaseClient) async throws in
                let count = try await AuditLog(client: app).count(logger: database.logger)
                #expect(count == 1)
                for statement in [
                    "DELETE FROM audit_log", "UPDATE audit_log SET actor = 'x'", "TRUNCATE audit_log",
                    "ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only", "DELETE FROM commendations",
                    "UPDATE base_salaries SET amount = 1", "DROP TABLE audit_log",
                ] {
                    await expectRefusal(sqlState: "42501", containing: "") {
                        try await app.query(PostgresQuery(unsafeSQL: statement), logger: database.logger)
                    }
                }
            }
        }
    }

    @Test("F6b/c: rows removed from the end, or rewritten and re-chained, pass a bare check but fail against the head")
    func f6HeadDetectsTruncationAndRewrite() async throws {
        try await TestDatabase.with { database, client in
            let seed = Seed(client: client, logger: database.logger)
            let unit = try await seed.unit()
            for name in ["Lê Văn An", "Trần Thị Bình", "Phạm Văn Cường"] { _ = try await seed.person(name, unit: unit.id) }
            let log = AuditLog(client: client)
            let head = try await log.head(logger: database.logger)
            #expect(head.seq == 4)
            #expect(AuditHead(head.description) == head)
            #expect(try await log.verify(expecting: head, logger: database.logger).problems.isEmpty)

            // An owner rewrites row 2 and re-chains everything after it with the same (public) algorithm.
            try await client.query("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only", logger: database.logger)
            try await client.query("UPDATE audit_log SET actor = 'kẻ giả mạo' WHERE seq = 2", logger: database.logger)
            var previous = try await client.query("SELECT hash FROM audit_log WHERE seq = 1", logger: database.logger).collect()
                .first!.decode(String.self)
            for seq in 2...4 {
                let row = try await client.query(
                    """
                    SELECT (extract(epoch FROM at) * 1000000)::bigint, actor_account_id::text, actor, action, entity, entity_id,
                           before::text, after::text FROM audit_log WHERE seq = \(seq)
                    """, logger: database.logger
                ).collect().first!
                let (at, account, actor, action, entity, id, before, after) = try row.decode(
                    (Int, String?, String, String, String, String, String?, String?).self)
                let hash = AuditHash.hash(
                    .init(
                        seq: seq, atMicros: at, actorAccountId: account, actor: actor, action: action, entity: entity, entityId: id,
                        before: before, after: after), previous: previous)
                try await client.query(
                    "UPDATE audit_log SET prev_hash = \(previous), hash = \(hash) WHERE seq = \(seq)", logger: database.logger)
                previous = hash
            }
            #expect(try await log.verify(logger: database.logger).problems.isEmpty)
            let rewritten = try await log.verify(expecting: head, logger: database.logger).problems
            #expect(rewritten.contains { $0.contains("row 4 does not hold the recorded hash") })

            try await client.query("DELETE FROM audit_log WHERE seq >= 3", logger: database.logger)
            #expect(try await log.verify(logger: database.logger).problems.isEmpty)
            let removed = try await log.verify(expecting: head, logger: database.logger).problems
            #expect(removed.contains { $0.contains("rows were removed") })
        }
    }

    @Test("F6b: rows written before the Swift hash (scheme 1) still verify, and the chain goes on from them")
    func f6BothSchemes() async throws {
        try await TestDatabase.with { database, client in
            let seed = Seed(client: client, logger: database.logger)
            try await client.query(
                "INSERT INTO audit_log (actor, action, entity, entity_id) VALUES ('cli:cũ', 'unit.create', 'unit', 'x')",
                logger: database.logger)
            _ = try await seed.unit()
            let schemes = try await client.query("SELECT scheme FROM audit_log ORDER BY seq", logger: database.logger).collect()
                .map { try $0.decode(Int.self) }
            #expect(schemes == [1, 2])
            let result = try await AuditLog(client: client).verify(logger: database.logger)
            #expect(result.problems.isEmpty)
            #expect(result.count == 2)
        }
    }
}
