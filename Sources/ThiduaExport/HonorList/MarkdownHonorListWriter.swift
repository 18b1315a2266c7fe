import Foundation
import ThiduaCore

/// Markdown: a heading per section and per award, a table per award, totals under each table.
struct MarkdownHonorListWriter: HonorListWriter {
    private(set) var text = ""
    private var anySection = false
    /// A district's list: schools are the second level, sections the third, awards the fourth.
    private var bySchool = false

    mutating func take() -> Data {
        defer { text = "" }
        return Data(text.utf8)
    }

    mutating func begin(_ request: HonorList.Request, issuer: HonorList.Issuer) {
        text += "# \(MarkdownText.escape(request.title))\n\n\(MarkdownText.escape(issuer.unitName))\n"
    }

    mutating func school(_ name: String) {
        anySection = true
        bySchool = true
        text += "\n## \(MarkdownText.escape(name))\n"
    }

    mutating func schoolTotal(count: Int, amount: Int) {
        text += "\n**Cộng đơn vị: \(count)**" + (amount > 0 ? " — \(formatMoney(amount)) đồng" : "") + "\n"
    }

    mutating func section(_ section: HonorList.Section) {
        anySection = true
        text += "\n\(bySchool ? "###" : "##") \(section.heading)\n"
    }

    mutating func group(_ awardName: String) {
        text +=
            "\n\(bySchool ? "####" : "###") \(MarkdownText.escape(awardName))\n\n| " + HonorList.columns.joined(separator: " | ") + " |\n"
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

    /// A table cell: escaped (`MarkdownText`), line breaks as `<br>`.
    static func cell(_ text: String) -> String { MarkdownText.cell(text) }
}
