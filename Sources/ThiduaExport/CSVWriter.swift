import Foundation

/// Writes CSV that Excel on Windows opens with Vietnamese diacritics intact: UTF-8 with a BOM, CRLF line ends,
/// and RFC 4180 quoting for fields holding commas, quotes or line breaks. Text is written NFC-normalised.
public struct CSVWriter: Sendable {
    /// Text is gathered in a String (appending to `Data` byte by byte was the slowest part of a large export).
    private var buffer = "\u{FEFF}"

    /// Everything written so far, starting with the BOM.
    public var data: Data { Data(buffer.utf8) }

    public init() {}

    /// The bytes written so far, handed over for streaming; the writer starts empty again (the BOM went out first).
    public mutating func take() -> Data {
        defer { buffer = "" }
        return Data(buffer.utf8)
    }

    /// Appends one row.
    public mutating func append(_ fields: [String]) {
        for (index, field) in fields.enumerated() {
            if index > 0 { buffer += "," }
            buffer += Self.escape(field)
        }
        buffer += "\r\n"
    }

    /// Quotes a field holding a comma, a quote or a line break, and normalises it to NFC unless every character is one
    /// NFC leaves alone: below U+0300 (Latin, no combining marks) or a precomposed letter of Latin Extended Additional
    /// (ạ ả ấ … ỹ, where Vietnamese lives). Text from the database is NFC already, so one pass is what usually runs.
    static func escape(_ field: String) -> String {
        var stable = true
        var quote = false
        for scalar in field.unicodeScalars {
            if needsQuotes(scalar) { quote = true }
            if scalar.value >= 0x300 && !(0x1E00...0x1EFF).contains(scalar.value) { stable = false }
        }
        let text = stable ? field : field.precomposedStringWithCanonicalMapping
        guard quote else { return text }
        guard text.utf8.contains(UInt8(ascii: "\"")) else { return "\"" + text + "\"" }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A comma, a quote, or any line break Swift counts as one (LF, VT, FF, CR, NEL, LS, PS).
    static func needsQuotes(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2C, 0x22, 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: true
        default: false
        }
    }
}
