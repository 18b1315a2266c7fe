import ThiduaCore

/// Pieces every printed administrative document shares: escaping and the two-column header
/// (the issuing unit on the left, the national motto on the right).
enum HTMLParts {
    /// `& < > "` as entities; text without them is returned as it is (most cells), in one pass over the bytes.
    static func escape(_ text: String) -> String {
        guard
            text.utf8.contains(where: {
                $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "\"")
            })
        else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The signatures under a paper (left to right): each title over the space to sign and the name.
    static func signatures(_ signatures: [(title: [String], name: String)]) -> String {
        "<table class=\"foot\"><tr>"
            + signatures.map { "<td>\($0.title.map(escape).joined(separator: "<br>"))<div class=\"space\"></div>\(escape($0.name))</td>" }
            .joined() + "</tr></table>\n"
    }

    /// The header table: the managing body and the unit beside the national name and motto.
    static func header(_ issuer: HonorList.Issuer) -> String {
        "<table class=\"head\"><tr>\n\(headerNames(issuer))\n</tr></table>"
    }

    /// A decision's header: under the names, its number beside the place and date (NĐ 30/2020, Phụ lục I).
    static func header(_ issuer: HonorList.Issuer, number: String, dated: String) -> String {
        """
        <table class="head"><tr>
        \(headerNames(issuer))
        </tr><tr>
        <td>Số: \(escape(number))</td><td><i>\(escape(dated))</i></td>
        </tr></table>
        """
    }

    private static func headerNames(_ issuer: HonorList.Issuer) -> String {
        """
        <td>\(escape(issuer.parentName.uppercased()))<br><span class="underline">\(escape(issuer.unitName.uppercased()))</span></td>
        <td><span class="motto">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</span><br><span class="underline">Độc lập - Tự do - Hạnh phúc</span></td>
        """
    }

    static let headerStyle = """
        body { font-family: "Times New Roman", Times, serif; font-size: 13pt; color: #000; }
        .head { width: 100%; border-collapse: collapse; margin-bottom: 6mm; }
        .head td { text-align: center; vertical-align: top; border: none; width: 50%; }
        .motto { font-weight: bold; }
        .underline { text-decoration: underline; font-weight: bold; }
        .place { text-align: right; font-style: italic; margin: 2mm 0 6mm; }
        """
}
