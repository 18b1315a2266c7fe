import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import ThiduaCore
import ThiduaStore
import ThiduaTestSupport

@testable import ThiduaServer

/// A token's account is remembered for a short lifetime (issue "Performance": most API requests skip the token check's
/// round trip); a revoked token stops working within it, and a refused token is never remembered.
@Suite("Remembered tokens")
struct TokenCacheTests {
    @Test("A token revoked while remembered is refused once the lifetime has passed")
    func revocationTakesEffect() async throws {
        try await withTestApp(configure: { $0.tokenCacheLifetime = .milliseconds(300) }) { app, seed in
            let (account, token) = try await seed.account(.admin)
            try await app.test(.router) { client in
                #expect(try await client.execute(uri: "/v1/me", method: .get, headers: Seed.headers(token)) { $0.status } == .ok)
                _ = try await AccountRepository(client: seed.client).revoke(account.id, by: seed.actor, logger: seed.logger)
                try await Task.sleep(for: .milliseconds(400))
                #expect(try await client.execute(uri: "/v1/me", method: .get, headers: Seed.headers(token)) { $0.status } == .unauthorized)
            }
        }
    }

    @Test("Entries live for the lifetime; at capacity expired ones go first; zero lifetime remembers nothing")
    func lifetimeAndCapacity() {
        let account = Account(id: ID(UUID()), displayName: "Quản trị", roles: [.admin], personId: nil, disabled: false)
        let start = ContinuousClock.now
        let cache = TokenCache(lifetime: .seconds(1), capacity: 2)
        cache.remember(account, for: "a", now: start)
        #expect(cache.account(for: "a", now: start + .milliseconds(999)) == account)
        #expect(cache.account(for: "a", now: start + .seconds(1)) == nil)
        cache.remember(account, for: "b", now: start)
        cache.remember(account, for: "c", now: start + .milliseconds(500))
        // Full: "b" has expired and goes; "c" stays.
        cache.remember(account, for: "d", now: start + .milliseconds(1200))
        #expect(cache.account(for: "c", now: start + .milliseconds(1250)) == account)
        #expect(cache.account(for: "d", now: start + .milliseconds(1250)) == account)
        // Full again with nothing expired: everything goes, the new one stays (the memory stays bounded).
        cache.remember(account, for: "e", now: start + .milliseconds(1300))
        #expect(cache.account(for: "c", now: start + .milliseconds(1350)) == nil)
        #expect(cache.account(for: "e", now: start + .milliseconds(1350)) == account)
        let off = TokenCache(lifetime: .zero)
        off.remember(account, for: "a", now: start)
        #expect(off.account(for: "a", now: start) == nil)
    }
}
