import Crypto
import Foundation
import Logging
import PostgresNIO
import ThiduaCore

/// Remembers the first answer to a POST sent with an `Idempotency-Key`, per account.
/// The key is reserved before the request runs, so two concurrent retries cannot both create something.
public struct IdempotencyKeys: Sendable {
    let client: DatabaseClient

    public init(client: DatabaseClient) { self.client = client }

    /// A stored answer.
    public struct Stored: Sendable {
        public let status: Int
        public let contentType: String?
        public let location: String?
        public let body: Data

        public init(status: Int, contentType: String?, location: String?, body: Data) {
            self.status = status
            self.contentType = contentType
            self.location = location
            self.body = body
        }
    }

    public enum Reservation: Sendable {
        /// First time: run the request, then `complete` or `release`.
        case reserved
        /// Seen before with the same request: answer this.
        case replay(Stored)
        /// The first request with this key is still running.
        case inProgress
        /// The key was used for a different request.
        case mismatch
    }

    /// A fingerprint of the request: method, path (with the conditions the caller adds, such as `If-Match`) and body.
    public static func fingerprint(method: String, path: String, body: Data) -> String {
        var hasher = SHA256()
        hasher.update(data: Data("\(method) \(path)\n".utf8))
        hasher.update(data: body)
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }

    /// How long an answer is remembered; a reservation whose request never finished is abandoned sooner.
    public static let lifetime = "24 hours"
    public static let abandonedAfter = "10 minutes"

    public func reserve(account: ID<Account>, key: String, fingerprint: String, logger: Logger) async throws -> Reservation {
        // Keys expire (security review F9): this account's old answers and abandoned reservations are forgotten first.
        try await client.rows(
            """
            DELETE FROM idempotency_keys
            WHERE account_id = \(account)
              AND (created_at < now() - \(Self.lifetime)::interval
                   OR (status IS NULL AND created_at < now() - \(Self.abandonedAfter)::interval))
            """, logger: logger)
        let inserted = try await client.rows(
            """
            INSERT INTO idempotency_keys (account_id, key, request_hash) VALUES (\(account), \(key), \(fingerprint))
            ON CONFLICT (account_id, key) DO NOTHING RETURNING key
            """, logger: logger)
        if !inserted.isEmpty { return .reserved }
        let rows = try await client.rows(
            "SELECT request_hash, status, content_type, location, body FROM idempotency_keys WHERE account_id = \(account) AND key = \(key)",
            logger: logger)
        guard let row = rows.first else { return .inProgress }
        let (hash, status, contentType, location, body) = try row.decode((String, Int?, String?, String?, ByteBuffer?).self)
        guard hash == fingerprint else { return .mismatch }
        guard let status, let body else { return .inProgress }
        return .replay(Stored(status: status, contentType: contentType, location: location, body: Data(body.readableBytesView)))
    }

    public func complete(account: ID<Account>, key: String, _ stored: Stored, logger: Logger) async throws {
        try await client.rows(
            """
            UPDATE idempotency_keys SET status = \(stored.status), content_type = \(stored.contentType), location = \(stored.location),
                body = \(ByteBuffer(bytes: stored.body))
            WHERE account_id = \(account) AND key = \(key)
            """, logger: logger)
    }

    /// Forgets a reservation whose request failed, so a retry runs again.
    public func release(account: ID<Account>, key: String, logger: Logger) async throws {
        try await client.rows(
            "DELETE FROM idempotency_keys WHERE account_id = \(account) AND key = \(key) AND status IS NULL", logger: logger)
    }
}
