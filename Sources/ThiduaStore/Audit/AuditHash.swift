import Crypto
import Foundation

/// Scheme 2 of the audit chain (security review F6): SHA-256, computed in Swift, over the previous row's hash and the
/// row's fields, each written with its length so no two different rows can give the same input. The time is the stored
/// `timestamptz` in whole microseconds since 1970; `before`/`after` are the JSON text PostgreSQL prints for the stored
/// `jsonb`, so the hash can be recomputed from the row alone.
enum AuditHash {
    struct Fields: Sendable {
        let seq: Int
        let atMicros: Int
        let actorAccountId: String?
        let actor: String
        let action: String
        let entity: String
        let entityId: String
        let before: String?
        let after: String?
    }

    static let tag = "thidua-audit-v2"

    static func hash(_ fields: Fields, previous: String) -> String {
        var hasher = SHA256()
        func add(_ text: String?) {
            guard let text else {
                hasher.update(data: [0])
                return
            }
            let bytes = Array(text.utf8)
            var length = UInt64(bytes.count).bigEndian
            hasher.update(data: [1])
            withUnsafeBytes(of: &length) { hasher.update(data: Array($0)) }
            hasher.update(data: bytes)
        }
        for text in [
            tag, previous, String(fields.seq), String(fields.atMicros), fields.actorAccountId, fields.actor, fields.action, fields.entity,
            fields.entityId, fields.before, fields.after,
        ] {
            add(text)
        }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }
}
