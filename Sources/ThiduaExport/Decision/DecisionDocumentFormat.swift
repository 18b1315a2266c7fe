import Foundation
import ThiduaCore

/// The decision document's formats: printable HTML (A4 portrait) and Markdown.
public enum DecisionDocumentFormat: String, CaseIterable, Sendable {
    case html, md

    public var contentType: String { MediaType.of(rawValue) }

    public func render(_ document: DecisionDocument) -> Data {
        Data((self == .html ? Self.html(document) : Self.markdown(document)).utf8)
    }

    /// "Căn cứ 817/QĐ-UBND-HC ngày 07/08/2023 của … về việc ban hành …;" (a title that already starts with "Về" keeps it).
    static func basisLine(_ basis: DecisionDocument.Basis) -> String {
        let title = basis.title.prefix(1).lowercased() + basis.title.dropFirst()
        let about = title.hasPrefix("về ") ? title : "về việc \(title)"
        return "Căn cứ \(basis.kind.map { "\($0) " } ?? "")\(basis.number) ngày \(basis.date.vietnamese) của \(basis.issuer) \(about);"
    }

    static let listColumns = ["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Danh hiệu, hình thức", "Thành tích", "Số tiền (đồng)"]

    static func listCells(_ number: Int, _ entry: HonorList.Entry) -> [String] {
        [String(number), entry.name, entry.position, entry.unit, entry.awardName, entry.achievementsText, formatMoney(entry.amount)]
    }

    static func markdown(_ d: DecisionDocument) -> String {
        var text =
            "\(MarkdownText.escape(d.issuer.parentName.uppercased()))  \n**\(MarkdownText.escape(d.issuer.unitName.uppercased()))**  \nSố: \(MarkdownText.escape(d.number))\n\n"
        text += "**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**  \n**Độc lập - Tự do - Hạnh phúc**\n\n"
        text +=
            "*\(MarkdownText.escape(d.issuer.place)), \(DecisionDocument.longDate(d.date))*\n\n# QUYẾT ĐỊNH\n\n**\(MarkdownText.escape(d.subject))**\n\n"
        text += "**\(MarkdownText.escape(("Hiệu trưởng " + d.issuer.unitName).uppercased()))**\n\n\(DecisionDocument.law)\n\n"
        for basis in d.bases { text += MarkdownText.escape(basisLine(basis)) + "\n\n" }
        text += "Xét đề nghị của Hội đồng Thi đua – Khen thưởng,\n\n## QUYẾT ĐỊNH:\n\n"
        text += "\(MarkdownText.escape(d.articleOne))\n\n\(DecisionDocument.articleTwo)\n\n\(DecisionDocument.articleThree)\n\n"
        text += "*Nơi nhận:*\n\n" + DecisionDocument.recipients.map { "- \($0)\n" }.joined()
        text += "\n**HIỆU TRƯỞNG**\n\n\(MarkdownText.escape(d.signer))\n\n---\n\n## DANH SÁCH KHEN THƯỞNG\n\n"
        text += "*(Kèm theo Quyết định số \(MarkdownText.escape(d.number)) \(DecisionDocument.longDate(d.date)))*\n\n"
        text += "| " + listColumns.joined(separator: " | ") + " |\n|" + String(repeating: "---|", count: listColumns.count) + "\n"
        for (index, entry) in d.entries.enumerated() {
            text += "| " + listCells(index + 1, entry).map(MarkdownHonorListWriter.cell).joined(separator: " | ") + " |\n"
        }
        text += "\n**Tổng cộng: \(d.entries.count)** — \(formatMoney(d.totalAmount)) đồng\n"
        return text
    }

    static func html(_ d: DecisionDocument) -> String {
        let e = HTMLParts.escape
        var text = """
            <!DOCTYPE html>
            <html lang="vi"><head><meta charset="utf-8"><title>Quyết định \(e(d.number))</title><style>
            @page { size: A4 portrait; margin: 20mm 15mm 20mm 30mm; }
            \(HTMLParts.headerStyle)
            h1 { text-align: center; font-size: 14pt; margin: 4mm 0 0; }
            .subject, .authority, .decide { text-align: center; font-weight: bold; }
            p.basis, p.article { text-indent: 10mm; text-align: justify; margin: 1mm 0; }
            .foot { width: 100%; border-collapse: collapse; margin-top: 6mm; }
            .foot td { vertical-align: top; border: none; width: 50%; }
            .recipients { font-size: 11pt; }
            .sign { text-align: center; font-weight: bold; }
            .sign .space { height: 25mm; }
            .list { page-break-before: always; }
            table.rows { width: 100%; border-collapse: collapse; font-size: 12pt; }
            table.rows th, table.rows td { border: 1px solid #000; padding: 2px 4px; vertical-align: top; }
            td.num, td.money { text-align: right; white-space: nowrap; }
            tr.revoked td { text-decoration: line-through; }
            </style></head><body>
            \(HTMLParts.header(d.issuer, number: d.number))
            <p class="place">\(e(d.issuer.place)), \(DecisionDocument.longDate(d.date))</p>
            <h1>QUYẾT ĐỊNH</h1>
            <p class="subject">\(e(d.subject))</p>
            <p class="authority">\(e(("Hiệu trưởng " + d.issuer.unitName).uppercased()))</p>
            <p class="basis">\(e(DecisionDocument.law))</p>

            """
        for basis in d.bases { text += "<p class=\"basis\">\(e(basisLine(basis)))</p>\n" }
        text += """
            <p class="basis">Xét đề nghị của Hội đồng Thi đua – Khen thưởng,</p>
            <p class="decide">QUYẾT ĐỊNH:</p>
            <p class="article">\(e(d.articleOne))</p>
            <p class="article">\(e(DecisionDocument.articleTwo))</p>
            <p class="article">\(e(DecisionDocument.articleThree))</p>
            <table class="foot"><tr>
            <td class="recipients"><b><i>Nơi nhận:</i></b><br>\(DecisionDocument.recipients.map { "- \(e($0))" }.joined(separator: "<br>"))</td>
            <td class="sign">HIỆU TRƯỞNG<div class="space"></div>\(e(d.signer))</td>
            </tr></table>
            <div class="list"><h1>DANH SÁCH KHEN THƯỞNG</h1>
            <p style="text-align:center"><i>(Kèm theo Quyết định số \(e(d.number)) \(DecisionDocument.longDate(d.date)))</i></p>
            <table class="rows"><thead><tr>\(listColumns.map { "<th>\(e($0))</th>" }.joined())</tr></thead><tbody>

            """
        for (index, entry) in d.entries.enumerated() {
            let cells = listCells(index + 1, entry).enumerated().map { column, cell in
                "<td\(column == 0 ? " class=\"num\"" : column == 6 ? " class=\"money\"" : "")>\(e(cell))</td>"
            }.joined()
            text += "<tr\(entry.revocation != nil ? " class=\"revoked\"" : "")>\(cells)</tr>\n"
        }
        text +=
            "<tr class=\"total\"><td></td><td colspan=\"5\"><b>Tổng cộng: \(d.entries.count)</b></td>"
            + "<td class=\"money\"><b>\(formatMoney(d.totalAmount))</b></td></tr>\n</tbody></table>\n"
        text += "</div>\n</body></html>\n"
        return text
    }
}
