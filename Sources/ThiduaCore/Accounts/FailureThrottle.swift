import Foundation

/// Counts failures per client (a wrong bearer token, later a wrong password) in a sliding window and says when a client
/// must wait (security review F14). Pure: the caller keeps it and supplies the clock.
public struct FailureThrottle: Sendable {
    /// Failures allowed in `window` before the client is refused until the oldest of them ages out.
    public let limit: Int
    public let window: TimeInterval
    private var failures: [String: [Date]] = [:]

    public init(limit: Int = 60, window: TimeInterval = 60) {
        self.limit = limit
        self.window = window
    }

    /// Seconds the client must wait before trying again, or nil when it may try now.
    public mutating func retryAfter(_ client: String, now: Date = Date()) -> Int? {
        let recent = (failures[client] ?? []).filter { now.timeIntervalSince($0) < window }
        failures[client] = recent.isEmpty ? nil : recent
        guard recent.count >= limit, let oldest = recent.first else { return nil }
        return max(1, Int((window - now.timeIntervalSince(oldest)).rounded(.up)))
    }

    /// Records one failure.
    public mutating func fail(_ client: String, now: Date = Date()) {
        failures[client, default: []].append(now)
        // Keep memory bounded: forget clients whose failures have all aged out, now and then.
        if failures.count > 10_000 { failures = failures.filter { $0.value.contains { now.timeIntervalSince($0) < window } } }
    }
}
