import Foundation
import ThiduaCore

/// CSV for Excel: UTF-8 with BOM and CRLF (see `CSVWriter`), a title row, the column header, then section and
/// group rows, the numbered lines and a total per group and overall. Money is bare digits ("540000"), which every
/// spreadsheet reads as a number whatever its locale; the HTML, Markdown and XLSX keep "540.000".
struct CSVHonorListWriter: HonorListWriter {
    private(set) var csv = CSVWriter()
    var data: Data { csv.data }

    mutating func take() -> Data { csv.take() }

    mutating func begin(_ request: HonorList.Request, issuer: HonorList.Issuer) {
        csv.append([request.title])
        csv.append(HonorList.columns)
    }

    mutating func school(_ name: String) { csv.append([name.uppercased()]) }
    mutating func schoolTotal(count: Int, amount: Int) {
        csv.append(["", "Cộng đơn vị: \(count)", "", "", "", "", "", amount > 0 ? String(amount) : ""])
    }
    mutating func section(_ section: HonorList.Section) { csv.append([section.heading]) }
    mutating func group(_ awardName: String) { csv.append(["", awardName]) }
    mutating func entry(_ number: Int, _ entry: HonorList.Entry) { csv.append(entry.cells(number, plainMoney: true)) }
    mutating func groupTotal(count: Int, amount: Int) {
        csv.append(["", "Cộng: \(count)", "", "", "", "", "", amount > 0 ? String(amount) : ""])
    }
    mutating func end(count: Int, amount: Int) {
        csv.append(["", "Tổng cộng: \(count)", "", "", "", "", "", amount > 0 ? String(amount) : ""])
    }
}
