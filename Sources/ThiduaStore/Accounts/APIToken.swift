import Crypto
import Foundation

/// API tokens: shown to the user once, stored only as a SHA-256 hash.
enum APIToken {
    /// A new token: "thd_" and 32 random bytes in base64url (the system generator is cryptographically secure).
    static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let base64 = Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        return "thd_" + base64
    }

    /// The hex SHA-256 of a token, as stored in `api_tokens.token_hash`.
    static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
