import Foundation
import ThiduaCore

/// Markdown: a heading per section and per award, a table per award, totals under each table.
struct MarkdownHonorListWriter: HonorListWriter {
    private(set) var text = ""
    private var anySection = false

    mutating func take() -> Data {
        defer { text = "" }
        return Data(text.utf8)
    }

    mutating func begin(_ request: HonorList.Request, issuer: HonorList.Issuer) {
        text += "# \(request.title)\n\n\(issuer.unitName)\n"
    }

    mutating func section(_ section: HonorList.Section) {
        anySection = true
        text += "\n## \(section.heading)\n"
    }

    mutating func group(_ awardName: String) {
        text += "\n### \(awardName)\n\n| " + HonorList.columns.joined(separator: " | ") + " |\n"
        text += "|" + String(repeating: "---|", count: HonorList.columns.count) + "\n"
    }

    mutating func entry(_ number: Int, _ entry: HonorList.Entry) {
        text += "| " + entry.cells(number).map(Self.cell).joined(separator: " | ") + " |\n"
    }

    mutating func groupTotal(count: Int, amount: Int) {
        text += "\nCộng: \(count)" + (amount > 0 ? " — \(formatMoney(amount)) đồng" : "") + "\n"
    }

    mutating func end(count: Int, amount: Int) {
        text += count == 0 && !anySection ? "\nKhông có khen thưởng nào trong kỳ này.\n" : ""
        text += "\n**Tổng cộng: \(count)**" + (amount > 0 ? " — \(formatMoney(amount)) đồng" : "") + "\n"
    }

    /// Table cells cannot hold pipes or line breaks.
    /// A table cell: `|` escaped, line breaks as `<br>`; most cells have neither and are returned as they are.
    static func cell(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "|") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }) else {
            return text
        }
        return text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\r\n", with: "<br>").replacingOccurrences(
            of: "\n", with: "<br>")
    }
}
