import Foundation
import ThiduaCore

/// The registration list's formats: printable HTML (A4 landscape, eight columns), Markdown (the golden file), a workbook
/// in the shape Phòng GD&ĐT collects, and a Word document to finish and sign.
public enum RegistrationListFormat: String, CaseIterable, Sendable {
    case html, md, xlsx, docx

    public var contentType: String { MediaType.of(rawValue) }

    public func render(_ list: RegistrationList) throws -> Data {
        switch self {
        case .html: Data(Self.html(list).utf8)
        case .md: Data(Self.markdown(list).utf8)
        case .xlsx: try RegistrationListWorkbook.render(list)
        case .docx: try Self.docx(list)
        }
    }

    /// The two sections, each with its heading and columns, skipping an empty one.
    static func sections(_ list: RegistrationList) -> [(heading: String, columns: [String], lines: [RegistrationList.Line])] {
        [
            ("I. CÁ NHÂN", RegistrationList.individualColumns, list.individuals),
            ("II. TẬP THỂ", RegistrationList.collectiveColumns, list.collectives),
        ].filter { !$0.2.isEmpty }
    }

    /// The lines under the table: the totals, registered against achieved, and titles won without registering.
    static func closing(_ list: RegistrationList) -> [String] {
        [list.totalLine] + list.tally + (list.unregisteredLine.map { [$0] } ?? [])
    }

    static func html(_ list: RegistrationList) -> String {
        let e = HTMLParts.escape
        var text = """
            <!DOCTYPE html>
            <html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Danh sách đăng ký thi đua \(e(list.period.vietnamese))</title><style>
            @page { size: A4 landscape; margin: 15mm 15mm 15mm 20mm; }
            \(HTMLParts.headerStyle)
            h1 { text-align: center; font-size: 14pt; margin: 4mm 0 0; }
            p.note { text-align: center; font-style: italic; margin: 1mm 0 4mm; }
            h2 { font-size: 13pt; margin: 4mm 0 2mm; }
            table.rows { width: 100%; border-collapse: collapse; font-size: 12pt; }
            table.rows th, table.rows td { border: 1px solid #000; padding: 2px 4px; vertical-align: top; }
            td.num { text-align: right; }
            .foot { width: 100%; border-collapse: collapse; margin-top: 6mm; break-inside: avoid; page-break-inside: avoid; }
            .foot td { text-align: center; font-weight: bold; vertical-align: top; width: 50%; }
            .foot .space { height: 25mm; }
            @media screen and (max-width: 600px) { body { margin: 8px; font-size: 12pt; } div.scroll { overflow-x: auto; } }
            </style></head><body>
            \(HTMLParts.header(list.issuer))
            <p class="place">\(e(list.placeAndDate))</p>
            <h1>\(list.titleLines.map(e).joined(separator: "<br>"))</h1>
            <p class="note">\(e(list.movementName))</p>

            """
        for section in sections(list) {
            text += "<h2>\(e(section.heading))</h2>\n<div class=\"scroll\"><table class=\"rows\"><thead><tr>"
            text += section.columns.map { "<th>\(e($0))</th>" }.joined() + "</tr></thead><tbody>\n"
            for line in section.lines {
                let cells = RegistrationList.cells(line)
                text += "<tr><td class=\"num\">\(cells[0])</td>" + cells.dropFirst().map { "<td>\(e($0))</td>" }.joined() + "</tr>\n"
            }
            text += "</tbody></table></div>\n"
        }
        if list.individuals.isEmpty && list.collectives.isEmpty { text += "<p>Chưa có bản đăng ký nào.</p>\n" }
        text += closing(list).map { "<p>\(e($0))</p>\n" }.joined()
        return text + HTMLParts.signatures(list.signatures) + "</body></html>\n"
    }

    static func markdown(_ list: RegistrationList) -> String {
        let m = MarkdownText.escape
        var text = MarkdownText.header(list.issuer, placeAndDate: list.placeAndDate)
        text += "# \(list.titleLines.map(m).joined(separator: " — "))\n\n*\(m(list.movementName))*\n\n"
        for section in sections(list) {
            text += "## \(m(section.heading))\n\n| " + section.columns.map(m).joined(separator: " | ") + " |\n"
            text += "|" + String(repeating: "---|", count: section.columns.count) + "\n"
            for line in section.lines {
                text += "| " + RegistrationList.cells(line).map(MarkdownText.cell).joined(separator: " | ") + " |\n"
            }
            text += "\n"
        }
        if list.individuals.isEmpty && list.collectives.isEmpty { text += "Chưa có bản đăng ký nào.\n\n" }
        text += closing(list).map { "- \(m($0))\n" }.joined()
        text += "\n" + list.signatures.map { "**\($0.title.map(m).joined(separator: " / "))**" }.joined(separator: " — ") + "\n"
        return text
    }

    static func docx(_ list: RegistrationList) throws -> Data {
        var doc = Docx()
        DecisionDocx.header(&doc, agency: list.issuer.parentName, unit: list.issuer.unitName, number: nil, dated: list.placeAndDate)
        for line in list.titleLines { doc.paragraph([.bold(line)], align: .center, before: 6) }
        doc.paragraph([.italic(list.movementName)], align: .center, after: 6)
        for section in sections(list) {
            doc.paragraph([.bold(section.heading)], before: 6, keepNext: true)
            let head = section.columns.map { Docx.paragraphXML([.bold($0, size: 11)], align: .center) }
            let rows = section.lines.map { line in
                RegistrationList.cells(line).enumerated().map { column, cell in
                    Docx.paragraphXML([.plain(cell, size: 11)], align: column == 0 ? .right : .left)
                }
            }
            doc.table(widths: [8, 28, 17, 19, 22, 22, 27, 22], rows: [head] + rows, borders: true)
        }
        for line in closing(list) { doc.paragraph([.plain(line)], keepNext: true) }
        DecisionDocx.signatures(&doc, list.signatures)
        return try doc.package()
    }
}
