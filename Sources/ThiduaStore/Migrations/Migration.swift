import Crypto
import Foundation

/// One file of `sql/`, as carried by the binary: its order, name, text and SHA-256.
public struct Migration: Sendable, Equatable {
    public let version: Int
    public let name: String
    public let sql: String
    public let checksum: String

    public init(version: Int, name: String, sql: String) {
        self.version = version
        self.name = name
        self.sql = sql
        self.checksum = SHA256.hash(data: Data(sql.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// The migrations embedded from `sql/` at build time, in order.
    public static let embedded: [Migration] = embeddedMigrationFiles.compactMap { file in
        guard let data = Data(base64Encoded: file.base64), let sql = String(data: data, encoding: .utf8),
            let version = Int(file.name.prefix { $0.isNumber })
        else { return nil }
        return Migration(version: version, name: file.name, sql: sql)
    }.sorted { $0.version < $1.version }
}
