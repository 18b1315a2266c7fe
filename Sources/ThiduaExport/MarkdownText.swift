import ThiduaCore

/// Text written into Markdown from data (names, titles, units, numbers): whatever a person typed is shown as text, never
/// read as Markdown or HTML (security review F10). `<`, `>` and the Markdown punctuation get a backslash, which
/// CommonMark defines for every ASCII punctuation character; `&` does too when it could start an entity (`&lt;`),
/// so "Phòng GD&ĐT" stays as it is. Line breaks become spaces (or `<br>` in a table cell).
enum MarkdownText {
    static let special: Set<UInt8> = Set("\\`*_[]<>#|~!".utf8)

    /// The header of a paper in Markdown: the managing body and the unit, the national name and motto, place and date.
    static func header(_ issuer: HonorList.Issuer, placeAndDate: String) -> String {
        "\(escape(issuer.parentName.uppercased()))  \n**\(escape(issuer.unitName.uppercased()))**\n\n"
            + "**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**  \n**Độc lập - Tự do - Hạnh phúc**\n\n*\(escape(placeAndDate))*\n\n"
    }

    static func escape(_ text: String) -> String {
        let bytes = Array(text.utf8)
        guard bytes.contains(where: { special.contains($0) || $0 == UInt8(ascii: "&") || $0 == 0x0A || $0 == 0x0D }) else {
            return text
        }
        var result = ""
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            switch scalar {
            case "\r":
                continue
            case "\n":
                result += " "
            case "&":
                let next = index + 1 < scalars.count ? scalars[index + 1] : " "
                let entityStart = next == "#" || (next.isASCII && next.properties.isAlphabetic)
                result += entityStart ? "\\&" : "&"
            default:
                if scalar.isASCII, special.contains(UInt8(scalar.value)) { result += "\\" }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// A table cell: escaped, with line breaks kept as `<br>`.
    static func cell(_ text: String) -> String {
        guard text.contains(where: \.isNewline) else { return escape(text) }
        return text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map { escape(String($0)) }.joined(
            separator: "<br>")
    }
}
