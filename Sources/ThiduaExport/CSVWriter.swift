import Foundation

/// Writes CSV that Excel on Windows opens with Vietnamese diacritics intact: UTF-8 with a BOM, CRLF line ends,
/// and RFC 4180 quoting for fields holding commas, quotes or line breaks. Text is written NFC-normalised.
public struct CSVWriter: Sendable {
    private(set) public var data = Data([0xEF, 0xBB, 0xBF])

    public init() {}

    /// The bytes written so far, handed over for streaming; the writer starts empty again (the BOM went out first).
    public mutating func take() -> Data {
        defer { data = Data() }
        return data
    }

    /// Appends one row.
    public mutating func append(_ fields: [String]) {
        let line = fields.map(Self.escape).joined(separator: ",") + "\r\n"
        data.append(contentsOf: line.utf8)
    }

    static func escape(_ field: String) -> String {
        let text = isNFCStable(field) ? field : field.precomposedStringWithCanonicalMapping
        guard text.unicodeScalars.contains(where: Self.needsQuotes) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// True when every character is one NFC leaves alone: below U+0300 (Latin, no combining marks) or a precomposed
    /// letter of Latin Extended Additional (ạ ả ấ … ỹ, where Vietnamese lives). Normalising 100,000 rows field by field
    /// is slow; text from the database is NFC already, so the check is what usually runs.
    /// A comma, a quote, or any line break Swift counts as one (LF, VT, FF, CR, NEL, LS, PS).
    static func needsQuotes(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2C, 0x22, 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: true
        default: false
        }
    }

    static func isNFCStable(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { $0.value < 0x300 || (0x1E00...0x1EFF).contains($0.value) }
    }
}
