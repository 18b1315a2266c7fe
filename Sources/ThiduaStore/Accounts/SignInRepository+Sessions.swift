import Foundation
import Logging
import PostgresNIO
import ThiduaCore

extension SignInRepository {
    /// Checks a login and password. Five failures for one login in 15 minutes refuse further tries until the window has
    /// passed, whether or not the login exists (the answer never tells). Successes and failures are audited.
    public func signIn(login text: String, password: String, logger: Logger) async throws -> Outcome {
        let login = SignInRules.typed(text)
        guard !login.isEmpty, login.count <= 200 else { return .refused }
        let window = SignInRules.failureWindow.seconds
        let (failures, stored) = try await client.transaction(logger: logger) { connection in
            let failures =
                try await connection.rows(
                    "SELECT count(*)::bigint FROM sign_in_failures WHERE login = \(login) AND at > now() - make_interval(secs => \(window))",
                    logger: logger
                ).first?.decode(Int.self) ?? 0
            let rows = try await connection.rows(
                """
                SELECT \(unescaped: AccountRepository.columns), a.password_hash, \(unescaped: Session.headKindsColumn) FROM accounts a
                WHERE a.login = \(login) AND a.disabled_at IS NULL
                """, logger: logger)
            let stored = try rows.first.map {
                (
                    try AccountRepository.account($0), try $0.makeRandomAccess()["password_hash"].decode(String?.self),
                    try Session.headKinds(in: $0)
                )
            }
            return (failures, stored)
        }
        guard !SignInRules.isThrottled(failures: failures) else {
            // Audited, but not counted: the window runs from the failures, not from the tries made while refused.
            try await client.transaction(logger: logger) { connection in
                try await AuditLog.record(
                    on: connection, by: .signInPage, action: "session.throttled", entity: "login", id: login,
                    before: String?.none, after: String?.none, logger: logger)
            }
            return .throttled
        }
        // Hash even when the login does not exist, so the answer takes as long either way.
        let matches = PasswordHash.verify(password, against: stored?.1 ?? Self.decoy)
        guard matches, let account = stored?.0 else {
            try await client.transaction(logger: logger) { connection in
                try await connection.rows("INSERT INTO sign_in_failures (login) VALUES (\(login))", logger: logger)
                try await AuditLog.record(
                    on: connection, by: .signInPage, action: "session.refused", entity: "login", id: login,
                    before: String?.none, after: String?.none, logger: logger)
            }
            return SignInRules.isThrottled(failures: failures + 1) ? .throttled : .refused
        }
        let (cookie, csrf) = (APIToken.generate(), String(APIToken.generate().dropFirst(4)))
        try await client.transaction(logger: logger) { connection in
            try await connection.rows(
                "INSERT INTO sessions (id_hash, account_id, csrf_token) VALUES (\(APIToken.hash(cookie)), \(account.id), \(csrf))",
                logger: logger)
            try await AuditLog.record(
                on: connection, by: Actor(account: account), action: "session.start", entity: "account", id: account.id.description,
                before: String?.none, after: String?.none, logger: logger)
        }
        return .signedIn(Session(cookie: cookie, account: account, csrfToken: csrf, headOf: stored?.2 ?? []))
    }

    /// The session a cookie names, if it is open: not signed out, used within the last 8 hours, its account not revoked.
    /// Each use moves the idle clock on.
    public func session(cookie: String, logger: Logger) async throws -> Session? {
        let idle = SignInRules.sessionIdle.seconds
        let rows = try await client.rows(
            """
            UPDATE sessions s SET last_seen_at = now()
            FROM accounts a
            WHERE s.id_hash = \(APIToken.hash(cookie)) AND s.ended_at IS NULL
              AND s.last_seen_at > now() - make_interval(secs => \(idle))
              AND a.id = s.account_id AND a.disabled_at IS NULL
            RETURNING \(unescaped: AccountRepository.columns), s.csrf_token, \(unescaped: Session.headKindsColumn)
            """, logger: logger)
        guard let row = rows.first else { return nil }
        let csrf = try row.makeRandomAccess()["csrf_token"].decode(String.self)
        return Session(cookie: cookie, account: try AccountRepository.account(row), csrfToken: csrf, headOf: try Session.headKinds(in: row))
    }

    /// Ends the session (sign-out); audited.
    public func signOut(cookie: String, logger: Logger) async throws {
        try await client.transaction(logger: logger) { connection in
            let rows = try await connection.rows(
                """
                UPDATE sessions s SET ended_at = now() FROM accounts a
                WHERE s.id_hash = \(APIToken.hash(cookie)) AND s.ended_at IS NULL AND a.id = s.account_id
                RETURNING \(unescaped: AccountRepository.columns)
                """, logger: logger)
            guard let account = try rows.first.map(AccountRepository.account) else { return }
            try await AuditLog.record(
                on: connection, by: Actor(account: account), action: "session.end", entity: "account", id: account.id.description,
                before: String?.none, after: String?.none, logger: logger)
        }
    }

    /// A fixed hash to verify against when the login is unknown (its password is random and never written down).
    static let decoy = (try? PasswordHash().make(APIToken.generate())) ?? ""
}
