import Foundation
import ThiduaCore

/// The council's biên bản: printable HTML (A4 portrait), Markdown (the golden file) and a Word document to sign.
public enum CouncilMinutesFormat: String, CaseIterable, Sendable {
    case html, md, docx

    public var contentType: String { MediaType.of(rawValue) }

    public func render(_ minutes: CouncilMinutes) throws -> Data {
        switch self {
        case .html: Data(Self.html(minutes).utf8)
        case .md: Data(Self.markdown(minutes).utf8)
        case .docx: try Self.docx(minutes)
        }
    }

    static func cells(_ line: CouncilMinutes.Line) -> [String] {
        [String(line.number), line.name, line.position, line.award, line.votes, line.percent, line.conclusion]
    }

    /// The paragraphs after the table: the ballots, the thresholds applied, the closing.
    static func afterTable(_ minutes: CouncilMinutes) -> [String] {
        var text = minutes.ballotLines
        if !minutes.thresholdLines.isEmpty { text += ["Tỷ lệ phiếu đồng ý cần đạt:"] + minutes.thresholdLines.map { "– \($0)" } }
        return text + minutes.closing
    }

    /// The head of a minutes' HTML page (A4 portrait, the table and signature styles), up to the opened body.
    static func htmlHead(title: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTMLParts.escape(title))</title><style>
        @page { size: A4; margin: 20mm 15mm 20mm 30mm; }
        \(HTMLParts.headerStyle)
        h1 { text-align: center; font-size: 14pt; margin: 4mm 0 4mm; }
        p { text-align: justify; margin: 1mm 0; }
        h2 { font-size: 13pt; margin: 4mm 0 2mm; }
        table.rows { width: 100%; border-collapse: collapse; font-size: 12pt; margin: 2mm 0; }
        table.rows th, table.rows td { border: 1px solid #000; padding: 2px 4px; vertical-align: top; }
        td.num { text-align: center; }
        td.fig { text-align: center; white-space: nowrap; }
        .foot { width: 100%; border-collapse: collapse; margin-top: 6mm; break-inside: avoid; page-break-inside: avoid; }
        .foot td { text-align: center; font-weight: bold; vertical-align: top; width: 50%; }
        .foot .space { height: 25mm; }
        @media screen and (max-width: 600px) { body { margin: 8px; font-size: 12pt; } div.scroll { overflow-x: auto; } }
        </style></head><body>

        """
    }

    /// A vote table: the first column a number, then text, and from the fifth column on the figures (votes, share,
    /// conclusion) centred and kept on one line.
    static func htmlTable(columns: [String], rows: [[String]]) -> String {
        let e = HTMLParts.escape
        var text = "<div class=\"scroll\"><table class=\"rows\"><thead><tr>"
        text += columns.map { "<th>\(e($0))</th>" }.joined() + "</tr></thead><tbody>\n"
        for cells in rows {
            text +=
                "<tr><td class=\"num\">\(cells[0])</td>"
                + cells.enumerated().dropFirst().map {
                    $0.offset >= 4 ? "<td class=\"fig\">\(e($0.element))</td>" : "<td>\(e($0.element))</td>"
                }
                .joined() + "</tr>\n"
        }
        return text + "</tbody></table></div>\n"
    }

    /// The same table in Word, on A4 portrait's 165 mm: names and titles left, numbers centred.
    static func docxTable(_ doc: inout Docx, columns: [String], rows: [[String]]) {
        let head = columns.map { Docx.paragraphXML([.bold($0, size: 11)], align: .center) }
        let body = rows.map { cells in
            cells.enumerated().map { column, cell in
                Docx.paragraphXML([.plain(cell, size: 11)], align: column == 0 || column >= 4 ? .center : .left)
            }
        }
        doc.table(widths: [10, 30, 28, 27, 24, 22, 24], rows: [head] + body, borders: true)
    }

    static func html(_ minutes: CouncilMinutes) -> String {
        let e = HTMLParts.escape
        var text = htmlHead(title: "Biên bản họp Hội đồng Thi đua – Khen thưởng \(minutes.period.vietnamese)")
        text += "\(HTMLParts.header(minutes.issuer))\n<p class=\"place\">\(e(minutes.placeAndDate))</p>\n"
        text += "<h1>\(minutes.titleLines.map(e).joined(separator: "<br>"))</h1>\n"
        text += minutes.opening.map { "<p>\(e($0))</p>\n" }.joined()
        text += "<h2>Kết quả biểu quyết</h2>\n"
        if minutes.lines.isEmpty {
            text += "<p>Hội đồng chưa kết luận đề nghị nào của phong trào.</p>\n"
        } else {
            text += htmlTable(columns: CouncilMinutes.columns, rows: minutes.lines.map(cells))
        }
        text += afterTable(minutes).map { "<p>\(e($0))</p>\n" }.joined()
        return text + HTMLParts.signatures(minutes.signatures) + "</body></html>\n"
    }

    static func markdown(_ minutes: CouncilMinutes) -> String {
        let m = MarkdownText.escape
        var text = MarkdownText.header(minutes.issuer, placeAndDate: minutes.placeAndDate)
        text += "# \(minutes.titleLines.map(m).joined(separator: " — "))\n\n"
        text += minutes.opening.map { "\(m($0))\n\n" }.joined()
        text += "## Kết quả biểu quyết\n\n"
        if minutes.lines.isEmpty {
            text += "Hội đồng chưa kết luận đề nghị nào của phong trào.\n\n"
        } else {
            text += "| " + CouncilMinutes.columns.map(m).joined(separator: " | ") + " |\n"
            text += "|" + String(repeating: "---|", count: CouncilMinutes.columns.count) + "\n"
            for line in minutes.lines { text += "| " + cells(line).map(MarkdownText.cell).joined(separator: " | ") + " |\n" }
            text += "\n"
        }
        text += afterTable(minutes).map { "\(m($0))\n\n" }.joined()
        text += minutes.signatures.map { "**\($0.title.map(m).joined(separator: " / "))** \(m($0.name))" }.joined(separator: " — ") + "\n"
        return text
    }

    static func docx(_ minutes: CouncilMinutes) throws -> Data {
        var doc = Docx()
        DecisionDocx.header(
            &doc, agency: minutes.issuer.parentName, unit: minutes.issuer.unitName, number: nil, dated: minutes.placeAndDate)
        for (index, line) in minutes.titleLines.enumerated() {
            doc.paragraph([.bold(line)], align: .center, before: index == 0 ? 12 : 0, after: index == minutes.titleLines.count - 1 ? 6 : 0)
        }
        for line in minutes.opening { doc.paragraph([.plain(line)]) }
        doc.paragraph([.bold("Kết quả biểu quyết")], before: 6, keepNext: true)
        if minutes.lines.isEmpty {
            doc.paragraph([.plain("Hội đồng chưa kết luận đề nghị nào của phong trào.")])
        } else {
            docxTable(&doc, columns: CouncilMinutes.columns, rows: minutes.lines.map(cells))
        }
        for line in afterTable(minutes) { doc.paragraph([.plain(line)], keepNext: true) }
        DecisionDocx.signatures(&doc, minutes.signatures)
        return try doc.package()
    }
}
