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
        return try OneSheetWorkbook.package(sheetName: sheetName, widths: widths, rows: rows, landscape: false, repeatRows: "$3:$3")
    }
}
