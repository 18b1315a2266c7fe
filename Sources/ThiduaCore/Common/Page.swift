import Foundation

/// One page of a list, with the opaque cursor of the next page (nil on the last one).
public struct Page<Item: Sendable>: Sendable {
    public let items: [Item]
    public let nextCursor: String?

    public init(items: [Item], nextCursor: String?) {
        self.items = items
        self.nextCursor = nextCursor
    }
}

/// A keyset cursor: the sort key of the last row seen, opaque to clients (base64url of a JSON array).
public struct Cursor: Equatable, Sendable {
    public let values: [String]

    public init(_ values: [String]) { self.values = values }

    /// The JSON array written by hand and base64 made URL-safe byte by byte: `JSONEncoder` and three
    /// `replacingOccurrences` (through NSString) were 4 % of the server's time for a page of commendations (issue
    /// "Performance"). `init(decoding:)` reads it back with `JSONDecoder`.
    public var encoded: String {
        var json: [UInt8] = [UInt8(ascii: "[")]
        for (index, value) in values.enumerated() {
            if index > 0 { json.append(UInt8(ascii: ",")) }
            json.append(UInt8(ascii: "\""))
            for byte in value.utf8 {
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): json += [UInt8(ascii: "\\"), byte]
                case ..<0x20: json += Array("\\u00".utf8) + [Self.hex[Int(byte >> 4)], Self.hex[Int(byte & 0xF)]]
                default: json.append(byte)
                }
            }
            json.append(UInt8(ascii: "\""))
        }
        json.append(UInt8(ascii: "]"))
        var base64 = Array(Data(json).base64EncodedString().utf8)
        while base64.last == UInt8(ascii: "=") { base64.removeLast() }
        for index in base64.indices {
            if base64[index] == UInt8(ascii: "+") { base64[index] = UInt8(ascii: "-") }
            if base64[index] == UInt8(ascii: "/") { base64[index] = UInt8(ascii: "_") }
        }
        return String(decoding: base64, as: UTF8.self)
    }

    private static let hex = Array("0123456789abcdef".utf8)

    /// Decodes a cursor from a query string; throws a validation error naming `cursor` when it is not one of ours.
    public init(decoding text: String, count: Int) throws(DomainError) {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let data = Data(base64Encoded: base64),
            let values = try? JSONDecoder().decode([String].self, from: data), values.count == count
        else {
            throw Self.invalid
        }
        guard values.allSatisfy({ VietnameseText.forbiddenScalar(in: $0) == nil }) else { throw Self.invalid }
        self.values = values
    }

    /// Decodes a cursor whose values have known shapes: `.timestamp` (as PostgreSQL prints `timestamptz::text`), `.uuid`
    /// or `.text`. A forged cursor is a 422 naming `cursor`, never a database error.
    public init(decoding text: String, shapes: [Shape]) throws(DomainError) {
        try self.init(decoding: text, count: shapes.count)
        for (value, shape) in zip(values, shapes) where !shape.accepts(value) { throw Self.invalid }
    }

    public enum Shape: Sendable {
        case timestamp, uuid, text

        func accepts(_ value: String) -> Bool {
            switch self {
            case .text: return true
            case .uuid: return UUID(uuidString: value) != nil
            case .timestamp:
                // "2026-11-30 17:00:00.123456+00": digits and the separators PostgreSQL prints, nothing else.
                let allowed = Set("0123456789-:. +")
                return (19...40).contains(value.count) && value.allSatisfy(allowed.contains) && LocalDate(String(value.prefix(10))) != nil
            }
        }
    }

    static let invalid = DomainError(
        .invalidCursor, "Dữ liệu chưa hợp lệ.",
        violations: [.init(field: "cursor", message: "Con trỏ phân trang không hợp lệ; hãy bắt đầu lại từ trang đầu.")])
}

/// Page size asked for by a client: 1…200, default 50.
public struct PageRequest: Sendable {
    /// The page size when a request names none (the web app's lists, most clients).
    public static let defaultLimit = 50
    public let limit: Int
    public let cursor: String?

    public init(limit: Int? = nil, cursor: String? = nil) throws(DomainError) {
        let limit = limit ?? Self.defaultLimit
        guard (1...200).contains(limit) else {
            throw DomainError.validation([.init(field: "limit", message: "limit phải từ 1 đến 200.")])
        }
        self.limit = limit
        self.cursor = cursor
    }
}
