import Foundation
import ThiduaCore

/// The reward receipt list as a workbook: the title and the decision it belongs to, a styled header row repeated on every
/// printed page, money as numbers ("#,##0") with a SUM the accountant can check, an empty column to sign, A4 portrait
/// one page wide. Small (one decision), so it is built in memory.
enum RewardListWorkbook {
    static let widths = [6, 28, 22, 26, 22, 16, 16]
    static let sheetName = "Danh sách ký nhận"

    static func render(_ list: RewardList) throws -> Data {
        typealias Style = XLSXHonorListWriter.Style
        var rows = ""
        var row = 0
        func append(_ cells: [(String, Style, money: Bool)]) {
            row += 1
            rows += "<row r=\"\(row)\">"
            for (index, cell) in cells.enumerated() {
                let reference = "\(XLSXHonorListWriter.column(index))\(row)"
                if cell.money {
                    rows += "<c r=\"\(reference)\" s=\"\(cell.1.rawValue)\"><v>\(cell.0)</v></c>"
                } else if cell.0.hasPrefix("=") {
                    rows += "<c r=\"\(reference)\" s=\"\(cell.1.rawValue)\"><f>\(cell.0.dropFirst())</f></c>"
                } else if cell.0.isEmpty {
                    rows += "<c r=\"\(reference)\" s=\"\(cell.1.rawValue)\"/>"
                } else {
                    rows +=
                        "<c r=\"\(reference)\" s=\"\(cell.1.rawValue)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">\(XLSXHonorListWriter.escape(cell.0))</t></is></c>"
                }
            }
            rows += "</row>"
        }
        append([(RewardList.title, .title, false)])
        append([(list.note, .plain, false)])
        append(RewardList.columns.map { ($0, .header, false) })
        for line in list.lines {
            let cells = RewardList.cells(line)
            append(
                [(cells[0], .number, true)] + cells[1...4].map { ($0, .text, false) } + [
                    (String(line.amount), .money, true), ("", .text, false),
                ])
        }
        let first = 4
        let last = max(first, row)
        append(
            [
                ("", .totalText, false), ("Tổng cộng", .totalText, false), ("", .totalText, false), ("", .totalText, false),
                ("", .totalText, false), (list.lines.isEmpty ? "0" : "=SUM(F\(first):F\(last))", .totalMoney, list.lines.isEmpty),
                ("", .totalText, false),
            ])
        append([(list.totalLine, .plain, false)])
        if let note = list.revokedNote { append([(note, .plain, false)]) }
        row += 1
        append(list.signatures.map { ($0.title.joined(separator: " / "), .totalText, false) })
        row += 3
        append(list.signatures.map { ($0.name, .totalText, false) })
        let columns = widths.enumerated().map {
            "<col min=\"\($0.offset + 1)\" max=\"\($0.offset + 1)\" width=\"\($0.element)\" customWidth=\"1\"/>"
        }.joined()
        let sheet = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
            <sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><sheetFormatPr defaultRowHeight="15"/><cols>\(columns)</cols>\
            <sheetData>\(rows)</sheetData><pageMargins left="0.6" right="0.4" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>\
            <pageSetup paperSize="9" orientation="portrait" fitToWidth="1" fitToHeight="0"/></worksheet>
            """
        let workbook = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
            <sheets><sheet name="\(sheetName)" sheetId="1" r:id="rId1"/></sheets>\
            <definedNames><definedName name="_xlnm.Print_Titles" localSheetId="0">'\(sheetName)'!$3:$3</definedName></definedNames>\
            </workbook>
            """
        return try OfficePackage.zip([
            ("[Content_Types].xml", XLSXHonorListWriter.contentTypes), ("_rels/.rels", XLSXHonorListWriter.rootRelationships),
            ("xl/workbook.xml", workbook), ("xl/_rels/workbook.xml.rels", XLSXHonorListWriter.workbookRelationships),
            ("xl/styles.xml", XLSXHonorListWriter.styles), ("xl/worksheets/sheet1.xml", sheet),
        ])
    }
}
