import Foundation

/// Writes CSV that Excel on Windows opens with Vietnamese diacritics intact: UTF-8 with a BOM, CRLF line ends,
/// and RFC 4180 quoting for fields holding commas, quotes or line breaks. Text is written NFC-normalised.
///
/// A text cell that a spreadsheet would read as a formula (it starts with `=`, `+`, `-`, `@`, a tab or a carriage
/// return, or their full-width forms `＝ ＋ － ＠`) is written with a leading `'`, so Excel and LibreOffice show it as
/// text instead of running it (OWASP "CSV injection"). Numbers thidua writes (`540000`, `-3`, `88,5`) stay numbers.
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
        var text = stable ? field : field.precomposedStringWithCanonicalMapping
        if let first = text.unicodeScalars.first, formulaStarts.contains(first.value), !isNumber(text) { text = "'" + text }
        guard quote else { return text }
        guard text.utf8.contains(UInt8(ascii: "\"")) else { return "\"" + text + "\"" }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// `=` `+` `-` `@` tab, CR, and the full-width ＝ ＋ － ＠.
    static let formulaStarts: Set<UInt32> = [0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D, 0xFF1D, 0xFF0B, 0xFF0D, 0xFF20]

    /// A plain number as thidua writes one: an optional minus, digits, and at most one decimal point or comma.
    static func isNumber(_ text: String) -> Bool {
        var digits = 0
        var separators = 0
        for (index, byte) in text.utf8.enumerated() {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits += 1
            case UInt8(ascii: "-") where index == 0: continue
            case UInt8(ascii: "."), UInt8(ascii: ","): separators += 1
            default: return false
            }
        }
        return digits > 0 && separators <= 1
    }

    /// A comma, a quote, or any line break Swift counts as one (LF, VT, FF, CR, NEL, LS, PS).
    static func needsQuotes(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2C, 0x22, 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: true
        default: false
        }
    }
}
