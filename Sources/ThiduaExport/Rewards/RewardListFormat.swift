import Foundation
import ThiduaCore

/// The reward receipt list's formats: printable HTML (A4 portrait), a workbook the accountant can total and print, and a
/// Word document to finish. Money as numbers in the workbook, "540.000" in the documents.
public enum RewardListFormat: String, CaseIterable, Sendable {
    case html, xlsx, docx

    public var contentType: String { MediaType.of(rawValue) }

    public func render(_ list: RewardList) throws -> Data {
        switch self {
        case .html: Data(Self.html(list).utf8)
        case .xlsx: try RewardListWorkbook.render(list)
        case .docx: try Self.docx(list)
        }
    }

    static func html(_ list: RewardList) -> String {
        let e = HTMLParts.escape
        let d = list.decision
        var text = """
            <!DOCTYPE html>
            <html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Danh sách ký nhận tiền thưởng — Quyết định \(e(d.number))</title><style>
            @page { size: A4 portrait; margin: 20mm 15mm 20mm 30mm; }
            \(HTMLParts.headerStyle)
            h1 { text-align: center; font-size: 14pt; margin: 4mm 0 0; }
            p.note { text-align: center; font-style: italic; margin: 1mm 0 4mm; }
            table.rows { width: 100%; border-collapse: collapse; font-size: 12pt; }
            table.rows th, table.rows td { border: 1px solid #000; padding: 2px 4px; vertical-align: top; }
            table.rows td.sign { width: 22mm; height: 10mm; }
            td.num, td.money { text-align: right; white-space: nowrap; }
            p.total { font-weight: bold; margin-top: 3mm; }
            .foot { width: 100%; border-collapse: collapse; margin-top: 6mm; break-inside: avoid; page-break-inside: avoid; }
            .foot td { text-align: center; font-weight: bold; vertical-align: top; width: 33%; }
            .foot .space { height: 25mm; }
            @media screen and (max-width: 600px) { body { margin: 8px; font-size: 12pt; } div.scroll { overflow-x: auto; } }
            </style></head><body>
            \(HTMLParts.header(d.issuer))
            <h1>\(e(RewardList.title))</h1>
            <p class="note">\(e(list.note))</p>
            <div class="scroll"><table class="rows"><thead><tr>\(RewardList.columns.map { "<th>\(e($0))</th>" }.joined())</tr></thead><tbody>

            """
        for line in list.lines {
            let cells = RewardList.cells(line)
            text += "<tr><td class=\"num\">\(cells[0])</td>" + cells[1...4].map { "<td>\(e($0))</td>" }.joined()
            text += "<td class=\"money\">\(cells[5])</td><td class=\"sign\"></td></tr>\n"
        }
        text += "</tbody></table></div>\n<p class=\"total\">\(e(list.totalLine))</p>\n"
        if let note = list.revokedNote { text += "<p>\(e(note))</p>\n" }
        text += "<table class=\"foot\"><tr>"
        for signature in list.signatures {
            text += "<td>\(signature.title.map(e).joined(separator: "<br>"))<div class=\"space\"></div>\(e(signature.name))</td>"
        }
        return text + "</tr></table>\n</body></html>\n"
    }

    static func docx(_ list: RewardList) throws -> Data {
        let d = list.decision
        var doc = Docx()
        DecisionDocx.header(&doc, agency: d.issuer.parentName, unit: d.issuer.unitName, number: nil, dated: nil)
        doc.paragraph([.bold(RewardList.title)], align: .center, before: 12)
        doc.paragraph([.italic(list.note)], align: .center, after: 6)
        let head = RewardList.columns.map { Docx.paragraphXML([.bold($0, size: 12)], align: .center) }
        let rows = list.lines.map { line in
            RewardList.cells(line).enumerated().map { column, cell in
                Docx.paragraphXML([.plain(cell, size: 12)], align: column == 0 || column == 5 ? .right : .left)
            }
        }
        doc.table(widths: [12, 37, 24, 27, 24, 20, 21], rows: [head] + rows, borders: true)
        doc.paragraph([.bold(list.totalLine)], before: 6, keepNext: true)
        if let note = list.revokedNote { doc.paragraph([.italic(note)], keepNext: true) }
        let signatures = list.signatures.map { signature in
            signature.title.map { Docx.paragraphXML([.bold($0, size: 13)], align: .center, keepNext: true) }.joined()
                + Docx.paragraphXML([.plain("\n\n\n")], align: .center, keepNext: true)
                + Docx.paragraphXML([.bold(signature.name, size: 13)], align: .center)
        }
        doc.table(widths: [55, 55, 55], rows: [signatures], borders: false)
        return try doc.package()
    }
}
