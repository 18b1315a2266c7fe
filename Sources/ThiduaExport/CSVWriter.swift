import Foundation

/// Writes CSV that Excel on Windows opens with Vietnamese diacritics intact: UTF-8 with a BOM, CRLF line ends,
/// and RFC 4180 quoting for fields holding commas, quotes or line breaks. Text is written NFC-normalised.
public struct CSVWriter: Sendable {
    private(set) public var data = Data([0xEF, 0xBB, 0xBF])

    public init() {}

    /// Appends one row.
    public mutating func append(_ fields: [String]) {
        let line = fields.map(Self.escape).joined(separator: ",") + "\r\n"
        data.append(contentsOf: Array(line.utf8))
    }

    static func escape(_ field: String) -> String {
        let text = field.precomposedStringWithCanonicalMapping
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
