import Foundation
import ThiduaCore

/// The registration list as a workbook: the title, the movement, then each section's heading, its styled header row and
/// its lines; the totals and the tally under them. A4 landscape, one page wide; built in memory (one school's list).
enum RegistrationListWorkbook {
    static let widths = [6, 28, 18, 20, 24, 26, 36, 26]
    static let sheetName = "Đăng ký thi đua"

    static func render(_ list: RegistrationList) throws -> Data {
        typealias Style = XLSXHonorListWriter.Style
        var rows = ""
        var row = 0
        func append(_ cells: [(String, Style)], number: Bool = false) {
            row += 1
            rows += "<row r=\"\(row)\">"
            for (index, cell) in cells.enumerated() {
                let reference = "\(XLSXHonorListWriter.column(index))\(row)"
                if number && index == 0 {
                    rows += "<c r=\"\(reference)\" s=\"\(cell.1.rawValue)\"><v>\(cell.0)</v></c>"
                } else if cell.0.isEmpty {
                    rows += "<c r=\"\(reference)\" s=\"\(cell.1.rawValue)\"/>"
                } else {
                    rows +=
                        "<c r=\"\(reference)\" s=\"\(cell.1.rawValue)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">\(XLSXHonorListWriter.escape(cell.0))</t></is></c>"
                }
            }
            rows += "</row>"
        }
        append([(list.issuer.unitName.uppercased(), .plain)])
        append([(list.titleLines.joined(separator: " "), .title)])
        append([(list.movementName, .plain)])
        for section in RegistrationListFormat.sections(list) {
            append([(section.heading, .group)])
            append(section.columns.map { ($0, .header) })
            for line in section.lines {
                let cells = RegistrationList.cells(line)
                append([(cells[0], .number)] + cells.dropFirst().map { ($0, .text) }, number: true)
            }
        }
        for line in RegistrationListFormat.closing(list) { append([(line, .plain)]) }
        row += 1
        append([
            ("", .plain), (list.signatures[0].title.joined(separator: " / "), .totalText), ("", .plain), ("", .plain), ("", .plain),
            (list.signatures[1].title.joined(separator: " / "), .totalText),
        ])
        return try OneSheetWorkbook.package(sheetName: sheetName, widths: widths, rows: rows, landscape: true)
    }
}
