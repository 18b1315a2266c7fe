import ThiduaCore

/// Pieces every printed administrative document shares: escaping and the two-column header
/// (the issuing unit on the left, the national motto on the right).
enum HTMLParts {
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// The header table; `number` ("Số: 12/QĐ-THAP") goes under the unit when given.
    static func header(_ issuer: HonorList.Issuer, number: String? = nil) -> String {
        """
        <table class="head"><tr>
        <td>\(escape(issuer.parentName.uppercased()))<br><span class="underline">\(escape(issuer.unitName.uppercased()))</span>\(number.map { "<br>Số: \(escape($0))" } ?? "")</td>
        <td><span class="motto">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</span><br><span class="underline">Độc lập - Tự do - Hạnh phúc</span></td>
        </tr></table>
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
