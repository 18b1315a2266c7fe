import Foundation
import ThiduaCore

/// The decision document's formats: printable HTML (A4 portrait, the Nghị định 30/2020 layout), Markdown, and a Word
/// document the clerk finishes in Word or LibreOffice.
public enum DecisionDocumentFormat: String, CaseIterable, Sendable {
    case html, md, docx

    public var contentType: String { MediaType.of(rawValue) }

    public func render(_ document: DecisionDocument) throws -> Data {
        switch self {
        case .html: Data(Self.html(document).utf8)
        case .md: Data(Self.markdown(document).utf8)
        case .docx: try DecisionDocx.render(document)
        }
    }

    /// "Căn cứ 817/QĐ-UBND-HC ngày 07/08/2023 của … về việc ban hành …;" (a title that already starts with "Về" keeps it).
    static func basisLine(_ basis: DecisionDocument.Basis) -> String {
        let title = basis.title.prefix(1).lowercased() + basis.title.dropFirst()
        let about = title.hasPrefix("về ") ? title : "về việc \(title)"
        return
            "Căn cứ \(basis.kind.map { "\($0) " } ?? "")\(basis.number) \(basis.date.written) của \(basis.issuer) \(about);"
    }

    /// Every basis line in order: the law, the decree in force on the date, the movements' plans, the council.
    static func bases(_ d: DecisionDocument) -> [String] {
        [DecisionDocument.law, DecisionDocument.decree(on: d.date)] + d.bases.map(basisLine) + [d.councilLine]
    }

    /// One of the annex's tables: individuals, then collectives, each numbered from 1. A line revoked since is struck
    /// through; its reason is not printed (security review F4: revocation reasons are for the registry's roles, and the
    /// decision is printed for anyone who may read the directory).
    struct AnnexTable {
        let heading: String
        let columns: [String]
        let rows: [(cells: [String], revoked: Bool)]
    }

    static func annexTables(_ d: DecisionDocument) -> [AnnexTable] {
        let numerals = ["I", "II"]
        return HonorList.Section.allCases.map { section in d.entries.filter { $0.section == section } }.filter { !$0.isEmpty }
            .enumerated().map { index, entries in
                let person = entries[0].section == .individuals
                return AnnexTable(
                    heading: "\(numerals[index]). \(entries[0].section.name)",
                    columns: ["STT", person ? "Họ và tên" : "Tên tập thể"] + (person ? ["Chức vụ"] : [])
                        + ["Đơn vị", "Danh hiệu, hình thức", "Thành tích", "Số tiền (đồng)"],
                    rows: entries.enumerated().map { number, entry in
                        (
                            [String(number + 1), entry.name] + (person ? [entry.position] : [])
                                + [entry.unit, entry.awardName, entry.achievements, formatMoney(entry.amount)],
                            entry.revocation != nil
                        )
                    })
            }
    }

    static func markdown(_ d: DecisionDocument) -> String {
        let m = MarkdownText.escape
        var text = "\(m(d.issuer.parentName.uppercased()))  \n**\(m(d.issuer.unitName.uppercased()))**\n\n"
        text += "**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**  \n**Độc lập - Tự do - Hạnh phúc**\n\n"
        text += "Số: \(m(d.number)) — *\(m(d.issuer.place)), \(d.date.written)*\n\n"
        text += "# QUYẾT ĐỊNH\n\n**\(m(d.subject))**\n\n**\(m(d.authority))**\n\n"
        for line in bases(d) { text += "*\(m(line))*\n\n" }
        text += "## QUYẾT ĐỊNH:\n\n"
        text += "**Điều 1.** \(m(d.articleOne))\n\n**Điều 2.** \(m(d.articleTwo))\n\n"
        text += "**Điều 3.** \(m(DecisionDocument.articleThree))\n\n"
        text += "***Nơi nhận:***\n\n" + d.recipients.map { "- \(m($0))\n" }.joined()
        text += "\n**\(d.signatureLines.map(m).joined(separator: "**  \n**"))**\n\n**\(m(d.signer))**\n\n---\n\n"
        text += "## \(m(d.annexTitle))\n\n*\(m(d.annexNote))*\n\n"
        for table in annexTables(d) {
            text += "**\(table.heading)**\n\n| " + table.columns.joined(separator: " | ") + " |\n|"
            text += String(repeating: "---|", count: table.columns.count) + "\n"
            for row in table.rows { text += "| " + row.cells.map(MarkdownHonorListWriter.cell).joined(separator: " | ") + " |\n" }
            text += "\n"
        }
        text += "**\(m(d.annexTotal))**\n"
        return text
    }

    static func html(_ d: DecisionDocument) -> String {
        let e = HTMLParts.escape
        var text = """
            <!DOCTYPE html>
            <html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Quyết định \(e(d.number))</title><style>
            @page { size: A4 portrait; margin: 20mm 15mm 20mm 30mm; }
            \(HTMLParts.headerStyle)
            h1 { text-align: center; font-size: 14pt; margin: 4mm 0 0; }
            .subject, .authority, .decide { text-align: center; font-weight: bold; }
            hr.short { width: 30%; border: none; border-top: 1px solid #000; margin: 1mm auto 4mm; }
            p.basis { font-style: italic; }
            p.basis, p.article { text-indent: 10mm; text-align: justify; margin: 1mm 0; }
            /* The last article, the recipients and the signature stay on one page: a page with only a signature is not signed. */
            .close { break-inside: avoid; page-break-inside: avoid; }
            .foot { width: 100%; border-collapse: collapse; margin-top: 6mm; }
            .foot td { vertical-align: top; border: none; width: 50%; }
            .recipients { font-size: 11pt; }
            .sign { text-align: center; font-weight: bold; }
            .sign .space { height: 25mm; }
            .list { page-break-before: always; }
            h2 { font-size: 13pt; margin: 4mm 0 1mm; }
            table.rows { width: 100%; border-collapse: collapse; font-size: 12pt; }
            table.rows th, table.rows td { border: 1px solid #000; padding: 2px 4px; vertical-align: top; }
            td.num, td.money { text-align: right; white-space: nowrap; }
            tr.revoked td { text-decoration: line-through; }
            p.total { font-weight: bold; margin-top: 3mm; }
            @media screen and (max-width: 600px) { body { margin: 8px; font-size: 12pt; } div.scroll { overflow-x: auto; } }
            </style></head><body>
            \(HTMLParts.header(d.issuer, number: d.number, dated: "\(d.issuer.place), \(d.date.written)"))
            <h1>QUYẾT ĐỊNH</h1>
            <p class="subject">\(e(d.subject))</p>
            <hr class="short">
            <p class="authority">\(e(d.authority))</p>

            """
        for line in bases(d) { text += "<p class=\"basis\">\(e(line))</p>\n" }
        text += """
            <p class="decide">QUYẾT ĐỊNH:</p>
            <p class="article"><b>Điều 1.</b> \(e(d.articleOne))</p>
            <p class="article"><b>Điều 2.</b> \(e(d.articleTwo))</p>
            <div class="close"><p class="article"><b>Điều 3.</b> \(e(DecisionDocument.articleThree))</p>
            <table class="foot"><tr>
            <td class="recipients"><b><i>Nơi nhận:</i></b><br>\(d.recipients.map { "- \(e($0))" }.joined(separator: "<br>"))</td>
            <td class="sign">\(d.signatureLines.map(e).joined(separator: "<br>"))<div class="space"></div>\(e(d.signer))</td>
            </tr></table></div>
            <div class="list"><h1>\(e(d.annexTitle))</h1>
            <p style="text-align:center"><i>\(e(d.annexNote))</i></p>

            """
        for table in annexTables(d) {
            text += "<h2>\(e(table.heading))</h2>\n<div class=\"scroll\"><table class=\"rows\"><thead><tr>"
            text += table.columns.map { "<th>\(e($0))</th>" }.joined() + "</tr></thead><tbody>\n"
            for row in table.rows {
                let cells = row.cells.enumerated().map { column, cell in
                    "<td\(column == 0 ? " class=\"num\"" : column == row.cells.count - 1 ? " class=\"money\"" : "")>\(e(cell))</td>"
                }.joined()
                text += "<tr\(row.revoked ? " class=\"revoked\"" : "")>\(cells)</tr>\n"
            }
            text += "</tbody></table></div>\n"
        }
        text += "<p class=\"total\">\(e(d.annexTotal))</p>\n</div>\n</body></html>\n"
        return text
    }
}
