import Foundation
import PostgresNIO
import Testing
import ThiduaCore
import ThiduaStore
import ThiduaTestSupport

/// Sign-in for the web app (issue "The web app"): logins, one-time password links, sessions in PostgreSQL, throttling.
@Suite("Sign-in: logins, password links, sessions, throttling")
struct SignInTests {
    let actor = Actor.commandLine(user: "test")

    func signedIn(_ outcome: SignInRepository.Outcome) -> SignInRepository.Session? {
        if case .signedIn(let session) = outcome { return session }
        return nil
    }

    @Test("A login gets a one-time link; the password it sets signs in; the session holds a form token; sign-out ends it")
    func linkPasswordSessionSignOut() async throws {
        try await TestDatabase.with { database, client in
            let (logger, signIn) = (database.logger, SignInRepository(client: client, hasher: .fast))
            let (account, _, link) = try await signIn.createAccount(
                displayName: "Phạm Thị Lan", roles: [.staff], personId: nil, login: "Lan.Pham", by: actor, logger: logger)
            // Before a password is set nothing signs in.
            #expect(signedIn(try await signIn.signIn(login: "lan.pham", password: "mật khẩu rất dài", logger: logger)) == nil)
            #expect(try await signIn.setPassword(link: link, password: "mật khẩu rất dài", logger: logger) == account.id)
            let reused = await #expect(throws: DomainError.self) {
                try await signIn.setPassword(link: link, password: "một mật khẩu khác", logger: logger)
            }
            #expect(reused?.code == .conflict)
            // The stored hash is scrypt, never the password; NFD input (as some keyboards send) matches the NFC password.
            let stored =
                try await client.query("SELECT password_hash FROM accounts WHERE login = 'lan.pham'", logger: logger)
                .collect().first?.decode(String.self) ?? ""
            #expect(stored.hasPrefix("scrypt$") && !stored.contains("mật"))
            let nfd = "mật khẩu rất dài".decomposedStringWithCanonicalMapping
            let session = try #require(signedIn(try await signIn.signIn(login: " LAN.PHAM ", password: nfd, logger: logger)))
            #expect(session.account.id == account.id && session.csrfToken.count >= 32)
            let found = try await signIn.session(cookie: session.cookie, logger: logger)
            #expect(found?.account.id == account.id && found?.csrfToken == session.csrfToken)
            try await signIn.signOut(cookie: session.cookie, logger: logger)
            #expect(try await signIn.session(cookie: session.cookie, logger: logger) == nil)
            // Only the hash of the session id is stored.
            let hashes = try await client.query("SELECT id_hash FROM sessions", logger: logger).collect().map { try $0.decode(String.self) }
            #expect(!hashes.contains(session.cookie) && hashes.count == 1)
            let actions = try await AuditLog(client: client).entries(entity: "account", id: account.id.description, logger: logger)
                .map(\.action)
            #expect(actions.contains("session.start") && actions.contains("session.end") && actions.contains("account.password-set"))
        }
    }

    @Test("Five failures for a login in 15 minutes refuse even the right password; an unknown login is treated the same")
    func throttle() async throws {
        try await TestDatabase.with { database, client in
            let (logger, signIn) = (database.logger, SignInRepository(client: client, hasher: .fast))
            let (_, _, link) = try await signIn.createAccount(
                displayName: "Trần Văn Minh", roles: [.headmaster], personId: nil, login: "minh", by: actor, logger: logger)
            _ = try await signIn.setPassword(link: link, password: "đúng mật khẩu 123", logger: logger)
            var outcomes: [String] = []
            for _ in 1...5 {
                switch try await signIn.signIn(login: "minh", password: "sai mật khẩu", logger: logger) {
                case .refused: outcomes.append("refused")
                case .throttled: outcomes.append("throttled")
                case .signedIn: outcomes.append("signed in")
                }
            }
            #expect(outcomes == ["refused", "refused", "refused", "refused", "throttled"])
            if case .throttled = try await signIn.signIn(login: "minh", password: "đúng mật khẩu 123", logger: logger) {
            } else {
                Issue.record("the right password must be refused while throttled")
            }
            for _ in 1...5 { _ = try await signIn.signIn(login: "khong-co", password: "bất kỳ mật khẩu", logger: logger) }
            if case .throttled = try await signIn.signIn(login: "khong-co", password: "bất kỳ mật khẩu", logger: logger) {
            } else {
                Issue.record("an unknown login is throttled like a known one")
            }
            // Once the failures are older than 15 minutes the right password works again.
            try await client.query("UPDATE sign_in_failures SET at = now() - interval '16 minutes'", logger: logger)
            #expect(signedIn(try await signIn.signIn(login: "minh", password: "đúng mật khẩu 123", logger: logger)) != nil)
            // Every failure is audited: 10 wrong passwords, 2 tries while throttled (not counted towards the window).
            let audited = try await client.query(
                "SELECT action, count(*)::bigint FROM audit_log WHERE action LIKE 'session.%' GROUP BY action ORDER BY action",
                logger: logger
            ).collect().map { try $0.decode((String, Int).self) }
            #expect(audited.map(\.0) == ["session.refused", "session.start", "session.throttled"])
            #expect(audited.map(\.1) == [10, 1, 2])
        }
    }

    @Test("Revoking an account ends its sessions; a session idle for 8 hours is over; bad logins and short passwords refused")
    func revokeIdleAndRules() async throws {
        try await TestDatabase.with { database, client in
            let (logger, signIn) = (database.logger, SignInRepository(client: client, hasher: .fast))
            let (account, _, link) = try await signIn.createAccount(
                displayName: "Huỳnh Thị Thanh Tâm", roles: [.union], personId: nil, login: "tam.huynh", by: actor, logger: logger)
            let short = await #expect(throws: DomainError.self) {
                try await signIn.setPassword(link: link, password: "ngắn", logger: logger)
            }
            #expect(short?.violations.first?.field == "password")
            _ = try await signIn.setPassword(link: link, password: "mười ký tự trở lên", logger: logger)
            let first = try #require(signedIn(try await signIn.signIn(login: "tam.huynh", password: "mười ký tự trở lên", logger: logger)))
            let second = try #require(signedIn(try await signIn.signIn(login: "tam.huynh", password: "mười ký tự trở lên", logger: logger)))
            try await client.query(
                "UPDATE sessions SET last_seen_at = now() - interval '9 hours' WHERE csrf_token = \(first.csrfToken)", logger: logger)
            #expect(try await signIn.session(cookie: first.cookie, logger: logger) == nil)
            #expect(try await signIn.session(cookie: second.cookie, logger: logger) != nil)
            _ = try await AccountRepository(client: client).revoke(account.id, by: actor, logger: logger)
            #expect(try await signIn.session(cookie: second.cookie, logger: logger) == nil)
            #expect(signedIn(try await signIn.signIn(login: "tam.huynh", password: "mười ký tự trở lên", logger: logger)) == nil)

            for bad in ["ab", "Trần Minh", "-minh", "minh@school"] {
                let error = await #expect(throws: DomainError.self) {
                    try await signIn.createAccount(displayName: "X", roles: [.staff], personId: nil, login: bad, by: actor, logger: logger)
                }
                #expect(error?.violations.first?.field == "login", "\(bad)")
            }
            let taken = await #expect(throws: DomainError.self) {
                try await signIn.createAccount(
                    displayName: "Y", roles: [.staff], personId: nil, login: "TAM.HUYNH", by: actor, logger: logger)
            }
            #expect(taken?.code == .conflict && taken?.violations.first?.field == "login")
            // Nothing half-done: the refused account was not created.
            let count = try await client.query("SELECT count(*)::bigint FROM accounts", logger: logger).collect().first?.decode(Int.self)
            #expect(count == 1)
        }
    }
}
