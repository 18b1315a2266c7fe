import Foundation

/// A typed identifier: `ID<Person>` and `ID<OrgUnit>` cannot be mixed up.
public struct ID<Entity>: Hashable, Codable, Sendable, CustomStringConvertible {
    public let rawValue: UUID

    public init(_ rawValue: UUID) { self.rawValue = rawValue }

    /// Parses a UUID string; nil when it is not one.
    public init?(_ string: String) {
        guard let uuid = UUID(uuidString: string) else { return nil }
        self.rawValue = uuid
    }

    public init(from decoder: any Decoder) throws {
        self.rawValue = try decoder.singleValueContainer().decode(UUID.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    public var description: String { rawValue.lowercasedString }
}

extension UUID {
    /// The 36 characters PostgreSQL prints for a uuid (lowercase hex, four dashes), written by hand: `uuidString` formats
    /// each byte through `sprintf`, 6 % of the server's time on a page of commendations (issue "Performance").
    public var lowercasedString: String {
        withUnsafeBytes(of: uuid) { bytes in
            String(unsafeUninitializedCapacity: 36) { text in
                var end = 0
                for (index, byte) in bytes.enumerated() {
                    if index == 4 || index == 6 || index == 8 || index == 10 {
                        text[end] = UInt8(ascii: "-")
                        end += 1
                    }
                    text[end] = hexDigit(byte >> 4)
                    text[end + 1] = hexDigit(byte & 0x0f)
                    end += 2
                }
                return end
            }
        }
    }
}

/// The lowercase hex digit of a value 0...15.
@inline(__always) private func hexDigit(_ value: UInt8) -> UInt8 {
    value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
}
