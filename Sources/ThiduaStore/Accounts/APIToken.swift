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
    /// (Every API request computes it: written byte by byte, not through `String(format:)`, which cost 32 formatter
    /// calls per request.)
    static func hash(_ token: String) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        for byte in SHA256.hash(data: Data(token.utf8)) {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: hex, as: UTF8.self)
    }
}
