import Crypto
import Foundation
import _CryptoExtras

/// Password hashes: scrypt (memory-hard; stronger than bcrypt against GPU guessing) with a random 16-byte salt, stored as
/// `scrypt$N$r$p$salt$hash` (base64) so the cost can rise later while old hashes still verify. The default cost is
/// OWASP's N = 2^14, r = 8, p = 5 (16 MiB per hash). Passwords are never logged.
public struct PasswordHash: Sendable {
    public var rounds = 1 << 14
    public var blockSize = 8
    public var parallelism = 5

    public init() {}

    /// A cheaper cost for tests and the demo's throw-away accounts only.
    public static let fast = {
        var hash = PasswordHash(); hash.rounds = 1 << 10; hash.parallelism = 1; return hash
    }()

    public func make(_ password: String) throws -> String {
        var generator = SystemRandomNumberGenerator()
        let salt = Data((0..<16).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
        let key = try Self.derive(password, salt: salt, rounds: rounds, blockSize: blockSize, parallelism: parallelism)
        return "scrypt$\(rounds)$\(blockSize)$\(parallelism)$\(salt.base64EncodedString())$\(key.base64EncodedString())"
    }

    /// Whether `password` matches `stored`; a malformed stored value never matches.
    public static func verify(_ password: String, against stored: String) -> Bool {
        let parts = stored.split(separator: "$").map(String.init)
        guard parts.count == 6, parts[0] == "scrypt", let rounds = Int(parts[1]), let blockSize = Int(parts[2]),
            let parallelism = Int(parts[3]), let salt = Data(base64Encoded: parts[4]), let expected = Data(base64Encoded: parts[5]),
            let key = try? derive(password, salt: salt, rounds: rounds, blockSize: blockSize, parallelism: parallelism)
        else { return false }
        // Constant time: compare every byte whatever the first difference.
        return key.count == expected.count && zip(key, expected).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }

    private static func derive(_ password: String, salt: Data, rounds: Int, blockSize: Int, parallelism: Int) throws -> Data {
        let key = try KDF.Scrypt.deriveKey(
            from: Data(password.precomposedStringWithCanonicalMapping.utf8), salt: salt, outputByteCount: 32, rounds: rounds,
            blockSize: blockSize, parallelism: parallelism)
        return key.withUnsafeBytes { Data($0) }
    }
}
