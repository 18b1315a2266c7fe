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
        var text = DecisionBody(d).markdown + "\n---\n\n"
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

    /// The annex's rules, after the body's: it starts a page; its tables scroll sideways on a phone.
    static let annexStyle = """
        .list { page-break-before: always; }
        h2 { font-size: 13pt; margin: 4mm 0 1mm; }
        table.rows { width: 100%; border-collapse: collapse; font-size: 12pt; }
        table.rows th, table.rows td { border: 1px solid #000; padding: 2px 4px; vertical-align: top; }
        td.num, td.money { text-align: right; white-space: nowrap; }
        tr.revoked td { text-decoration: line-through; }
        p.total { font-weight: bold; margin-top: 3mm; }

        """

    static func html(_ d: DecisionDocument) -> String {
        let e = HTMLParts.escape
        var annex = """
            <div class="list"><h1>\(e(d.annexTitle))</h1>
            <p style="text-align:center"><i>\(e(d.annexNote))</i></p>

            """
        for table in annexTables(d) {
            annex += "<h2>\(e(table.heading))</h2>\n<div class=\"scroll\"><table class=\"rows\"><thead><tr>"
            annex += table.columns.map { "<th>\(e($0))</th>" }.joined() + "</tr></thead><tbody>\n"
            for row in table.rows {
                let cells = row.cells.enumerated().map { column, cell in
                    "<td\(column == 0 ? " class=\"num\"" : column == row.cells.count - 1 ? " class=\"money\"" : "")>\(e(cell))</td>"
                }.joined()
                annex += "<tr\(row.revoked ? " class=\"revoked\"" : "")>\(cells)</tr>\n"
            }
            annex += "</tbody></table></div>\n"
        }
        annex += "<p class=\"total\">\(e(d.annexTotal))</p>\n</div>\n"
        return DecisionBody(d).html(annexStyle: annexStyle, mobileStyle: " div.scroll { overflow-x: auto; }", annex: annex)
    }
}
