import Foundation
import ThiduaCore

/// The file sent upward: the tờ trình (A4 portrait, Nghị định 30/2020 layout), then on their own pages the attached list
/// by award and the clerk's sheet of papers and answers. Printable HTML, Markdown (the golden file), a Word document.
public enum SubmissionFileFormat: String, CaseIterable, Sendable {
    case html, md, docx

    public var contentType: String { MediaType.of(rawValue) }

    public func render(_ file: SubmissionFile) throws -> Data {
        switch self {
        case .html: Data(Self.html(file).utf8)
        case .md: Data(Self.markdown(file).utf8)
        case .docx: try Self.docx(file)
        }
    }

    /// The attached list's sections: "I. Bằng khen của …" with its nominees' cells.
    static func listSections(_ file: SubmissionFile) -> [(heading: String, rows: [[String]])] {
        file.groups.enumerated().map { index, group in
            (
                "\(roman(index + 1)). \(group.awardName.uppercased())",
                group.nominees.enumerated().map { [String($0.offset + 1), $0.element.name, $0.element.position, $0.element.achievements] }
            )
        }
    }

    /// I, II, … up to 39: a file names a handful of awards.
    static func roman(_ number: Int) -> String {
        let tens = String(repeating: "X", count: number / 10)
        return tens + ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"][number % 10]
    }

    static func checklistRows(_ file: SubmissionFile) -> [[String]] {
        file.nominees.enumerated().map { SubmissionFile.checklistCells($0.offset, $0.element) }
    }

    static func html(_ file: SubmissionFile) -> String {
        let e = HTMLParts.escape
        var text = """
            <!DOCTYPE html>
            <html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Tờ trình \(e(file.number))</title><style>
            @page { size: A4 portrait; margin: 20mm 15mm 20mm 30mm; }
            \(HTMLParts.headerStyle)
            h1 { text-align: center; font-size: 14pt; margin: 4mm 0 0; }
            h2 { text-align: center; font-size: 13pt; margin: 0; }
            h3 { font-size: 12pt; margin: 3mm 0 1mm; }
            .subject, .to { text-align: center; font-weight: bold; margin: 1mm 0; }
            .to { font-weight: normal; margin: 4mm 0; }
            hr.short { width: 30%; border: none; border-top: 1px solid #000; margin: 1mm auto 4mm; }
            p.basis { font-style: italic; }
            p.basis, p.body { text-indent: 10mm; text-align: justify; margin: 1mm 0; }
            p.note { text-align: center; font-style: italic; margin: 1mm 0 4mm; }
            .close { break-inside: avoid; page-break-inside: avoid; }
            .foot { width: 100%; border-collapse: collapse; margin-top: 6mm; }
            .foot td { vertical-align: top; border: none; width: 50%; }
            .recipients { font-size: 11pt; }
            .sign { text-align: center; font-weight: bold; }
            .sign .space { height: 25mm; }
            section.annex { page-break-before: always; break-before: page; }
            table.rows { width: 100%; border-collapse: collapse; font-size: 12pt; margin: 1mm 0 3mm; }
            table.sheet { font-size: 10pt; }
            table.rows th, table.rows td { border: 1px solid #000; padding: 2px 4px; vertical-align: top; }
            td.num { text-align: center; }
            @media screen and (max-width: 600px) { body { margin: 8px; font-size: 12pt; } div.scroll { overflow-x: auto; } }
            </style></head><body>
            \(HTMLParts.header(file.issuer, number: file.number, dated: file.placeAndDate))
            <h1>\(e(SubmissionFile.titleLines[0]))</h1>
            <p class="subject">\(e(SubmissionFile.titleLines[1]))</p>
            <hr class="short">
            <p class="to">\(e(file.addresseeLine))</p>

            """
        text += file.bases.map { "<p class=\"basis\">\(e($0))</p>\n" }.joined()
        text += file.body.map { "<p class=\"body\">\(e($0))</p>\n" }.joined()
        text += """
            <div class="close"><table class="foot"><tr>
            <td class="recipients"><b><i>Nơi nhận:</i></b><br>\(SubmissionFile.recipients.map { "- \(e($0))" }.joined(separator: "<br>"))</td>
            <td class="sign">\(e(file.signatures[0].title[0]))<div class="space"></div>\(e(file.signerName))</td>
            </tr></table></div>
            <section class="annex">
            <h2>\(e(SubmissionFile.listTitle))</h2>
            <p class="note">\(e(file.listNote))</p>

            """
        for section in listSections(file) {
            text += "<h3>\(e(section.heading))</h3>\n" + table(SubmissionFile.listColumns, section.rows, sheet: false)
        }
        text += "</section>\n<section class=\"annex\">\n<h2>\(e(SubmissionFile.checklistTitle))</h2>\n"
        text += "<p class=\"note\">\(e(file.listNote))</p>\n" + table(SubmissionFile.checklistColumns, checklistRows(file), sheet: true)
        text += file.checklistClosing.map { "<p>\(e($0))</p>\n" }.joined()
        return text + "</section>\n</body></html>\n"
    }

    private static func table(_ columns: [String], _ rows: [[String]], sheet: Bool) -> String {
        let e = HTMLParts.escape
        var text = "<div class=\"scroll\"><table class=\"rows\(sheet ? " sheet" : "")\"><thead><tr>"
        text += columns.map { "<th>\(e($0))</th>" }.joined() + "</tr></thead><tbody>\n"
        for cells in rows {
            text += "<tr><td class=\"num\">\(e(cells[0]))</td>" + cells.dropFirst().map { "<td>\(e($0))</td>" }.joined() + "</tr>\n"
        }
        return text + "</tbody></table></div>\n"
    }

    static func markdown(_ file: SubmissionFile) -> String {
        let m = MarkdownText.escape
        var text = MarkdownText.header(file.issuer, placeAndDate: file.placeAndDate)
        text += "\(m(file.numberLine))\n\n# \(SubmissionFile.titleLines.map(m).joined(separator: " — "))\n\n\(m(file.addresseeLine))\n\n"
        text += file.bases.map { "*\(m($0))*\n\n" }.joined() + file.body.map { "\(m($0))\n\n" }.joined()
        text += "***Nơi nhận:***\n\n" + SubmissionFile.recipients.map { "- \(m($0))\n" }.joined()
        text += "\n**\(m(file.signatures[0].title[0]))** \(m(file.signerName))\n\n"
        text += "## \(m(SubmissionFile.listTitle))\n\n*\(m(file.listNote))*\n\n"
        for section in listSections(file) {
            text += "### \(m(section.heading))\n\n" + markdownTable(SubmissionFile.listColumns, section.rows)
        }
        text += "## \(m(SubmissionFile.checklistTitle))\n\n" + markdownTable(SubmissionFile.checklistColumns, checklistRows(file))
        return text + file.checklistClosing.map { "- \(m($0))\n" }.joined()
    }

    private static func markdownTable(_ columns: [String], _ rows: [[String]]) -> String {
        var text = "| " + columns.map(MarkdownText.escape).joined(separator: " | ") + " |\n"
        text += "|" + String(repeating: "---|", count: columns.count) + "\n"
        return text + rows.map { "| " + $0.map(MarkdownText.cell).joined(separator: " | ") + " |\n" }.joined() + "\n"
    }

    static func docx(_ file: SubmissionFile) throws -> Data {
        var doc = Docx()
        DecisionDocx.header(&doc, agency: file.issuer.parentName, unit: file.issuer.unitName, number: file.number, dated: file.placeAndDate)
        doc.paragraph([.bold(SubmissionFile.titleLines[0])], align: .center, before: 12, after: 0)
        doc.paragraph([.bold(SubmissionFile.titleLines[1])], align: .center, after: 0)
        doc.paragraph([.plain("________", size: 10)], align: .center, after: 6)
        doc.paragraph([.plain(file.addresseeLine)], align: .center, after: 6)
        for line in file.bases { doc.paragraph([.italic(line)], firstLine: 10) }
        for (index, line) in file.body.enumerated() { doc.paragraph([.plain(line)], firstLine: 10, keepNext: index == file.body.count - 1) }
        DecisionDocx.signature(
            &doc, recipients: SubmissionFile.recipients, lines: file.signatures[0].title, signer: file.signerName)
        doc.paragraph([.bold(SubmissionFile.listTitle)], align: .center, pageBreakBefore: true)
        doc.paragraph([.italic(file.listNote)], align: .center, after: 6)
        for section in listSections(file) {
            doc.paragraph([.bold(section.heading, size: 12)], before: 6, keepNext: true)
            docxTable(&doc, SubmissionFile.listColumns, section.rows, widths: [10, 45, 45, 65], size: 12)
        }
        doc.paragraph([.bold(SubmissionFile.checklistTitle)], align: .center, pageBreakBefore: true)
        doc.paragraph([.italic(file.listNote)], align: .center, after: 6)
        docxTable(&doc, SubmissionFile.checklistColumns, checklistRows(file), widths: [8, 24, 22, 20, 20, 20, 20, 31], size: 10)
        for line in file.checklistClosing { doc.paragraph([.plain(line, size: 12)], before: 3) }
        return try doc.package()
    }

    private static func docxTable(_ doc: inout Docx, _ columns: [String], _ rows: [[String]], widths: [Double], size: Double) {
        let head = columns.map { Docx.paragraphXML([.bold($0, size: size)], align: .center) }
        let body = rows.map { cells in
            cells.enumerated().map { Docx.paragraphXML([.plain($0.element, size: size)], align: $0.offset == 0 ? .center : .left) }
        }
        doc.table(widths: widths, rows: [head] + body, borders: true)
    }
}
