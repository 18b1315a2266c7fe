import Synchronization
import ThiduaCore

/// Accounts signed in by a bearer token, remembered for `lifetime` (1 s by default; `serve --token-cache-ms 0` turns it
/// off). Under load most API requests then skip the token check's round trip (issue "Performance"); a revoked token, a
/// disabled account or changed roles take effect within `lifetime` on every instance, as the issue allows. A refused
/// token is never remembered, so the failure throttle (F14) still counts every try.
final class TokenCache: Sendable {
    let lifetime: Duration
    /// The most tokens remembered at once; past it, expired entries go, and if none had expired, all of them.
    let capacity: Int
    private let entries = Mutex<[String: Entry]>([:])

    struct Entry {
        let account: Account
        let until: ContinuousClock.Instant
    }

    init(lifetime: Duration, capacity: Int = 10_000) {
        self.lifetime = lifetime
        self.capacity = capacity
    }

    var isOn: Bool { lifetime > .zero }

    /// The account `token` signed in less than `lifetime` ago, if any.
    func account(for token: String, now: ContinuousClock.Instant = .now) -> Account? {
        guard isOn else { return nil }
        return entries.withLock { entries in
            guard let entry = entries[token] else { return nil }
            guard entry.until > now else {
                entries[token] = nil
                return nil
            }
            return entry.account
        }
    }

    func remember(_ account: Account, for token: String, now: ContinuousClock.Instant = .now) {
        guard isOn else { return }
        entries.withLock { entries in
            if entries.count >= capacity {
                entries = entries.filter { $0.value.until > now }
                if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            }
            entries[token] = Entry(account: account, until: now + lifetime)
        }
    }
}
