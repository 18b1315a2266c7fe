import Foundation
import PostgresNIO
import Testing
import ThiduaCore
import ThiduaTestSupport
@testable import ThiduaStore

@Suite("Audit trail and accounts")
struct AuditAndAccountTests {
    @Test("Every change writes an audit row with who, what, before and after")
    func changesAreAudited() async throws {
        try await TestDatabase.with { database, client in
            let seed = Seed(client: client, logger: database.logger)
            let unit = try await seed.unit()
            let person = try await seed.person("Nguyễn Thị Ngọc Hân", unit: unit.id)
            _ = try await PersonRepository(client: client).update(
                person.id, PersonPatch(position: "Phó Hiệu trưởng"), unitId: nil, expectedVersion: nil, by: seed.actor,
                logger: database.logger)
            let entries = try await AuditLog(client: client).entries(entity: "person", id: person.id.description, logger: database.logger)
            #expect(entries.map(\.action) == ["person.create", "person.update"])
            #expect(entries[1].actor == "cli:test")
            #expect(entries[1].before?.contains("Giáo viên") == true)
            #expect(entries[1].after?.contains("Phó Hiệu trưởng") == true)
        }
    }

    @Test("The hash chain is intact after normal use and names the first altered row")
    func tamperingDetected() async throws {
        try await TestDatabase.with { database, client in
            let seed = Seed(client: client, logger: database.logger)
            let unit = try await seed.unit()
            for name in ["Lê Văn An", "Trần Thị Bình", "Phạm Văn Cường"] { _ = try await seed.person(name, unit: unit.id) }
            let log = AuditLog(client: client)
            #expect(try await log.firstBrokenLink(logger: database.logger) == nil)
            // A superuser bypasses the trigger to edit history; the chain still tells.
            try await client.query("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only", logger: database.logger)
            try await client.query("UPDATE audit_log SET after = '{\"forged\": true}' WHERE seq = 3", logger: database.logger)
            #expect(try await log.firstBrokenLink(logger: database.logger) == 3)
        }
    }

    @Test("Only the SHA-256 of a token is stored, and it signs the account in")
    func tokensHashed() async throws {
        try await TestDatabase.with { database, client in
            let (account, token) = try await Seed(client: client, logger: database.logger).account(.headmaster)
            let stored = try await client.query("SELECT token_hash FROM api_tokens", logger: database.logger).collect().map {
                try $0.decode(String.self)
            }
            #expect(stored == [APIToken.hash(token)])
            #expect(!stored.contains(token))
            let signedIn = try await AccountRepository(client: client).authenticate(token: token, logger: database.logger)
            #expect(signedIn?.id == account.id)
            #expect(signedIn?.roles == [.headmaster])
        }
    }

    @Test("A revoked account's tokens stop working")
    func revocation() async throws {
        try await TestDatabase.with { database, client in
            let seed = Seed(client: client, logger: database.logger)
            let (account, token) = try await seed.account(.union)
            let accounts = AccountRepository(client: client)
            _ = try await accounts.revoke(account.id, by: seed.actor, logger: database.logger)
            #expect(try await accounts.authenticate(token: token, logger: database.logger) == nil)
            await #expect(throws: DomainError.self) {
                try await accounts.issueToken(for: account.id, by: seed.actor, logger: database.logger)
            }
        }
    }
}
