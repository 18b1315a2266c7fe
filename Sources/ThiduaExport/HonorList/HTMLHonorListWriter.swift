import Foundation
import ThiduaCore

/// A printable A4 page laid out as a Vietnamese administrative document: the issuing unit and the national motto,
/// place and date, the title, the table with group rows and totals, and the signature block. Self-contained.
struct HTMLHonorListWriter: HonorListWriter {
    private(set) var text = ""
    private var anySection = false

    mutating func take() -> Data {
        defer { text = "" }
        return Data(text.utf8)
    }
    private var issuer = HonorList.Issuer(unitName: "", parentName: "", place: "")
    private var period: Period?

    static let style = """
        @page { size: A4 landscape; margin: 15mm 15mm 15mm 20mm; }
        \(HTMLParts.headerStyle)
        h1 { text-align: center; font-size: 14pt; margin: 0 0 6mm; }
        table.list { width: 100%; border-collapse: collapse; }
        table.list th, table.list td { border: 1px solid #000; padding: 2px 4px; vertical-align: top; }
        table.list th { font-weight: bold; text-align: center; }
        tr.school td { font-weight: bold; text-transform: uppercase; }
        tr.section td { font-weight: bold; }
        tr.group td { font-weight: bold; font-style: italic; }
        tr.total td { font-style: italic; }
        tr.revoked td { text-decoration: line-through; }
        td.num, td.money { text-align: right; white-space: nowrap; }
        .sign { width: 40%; margin-left: 60%; text-align: center; margin-top: 8mm; }
        .sign .title { font-weight: bold; }
        .sign .space { height: 25mm; }
        """

    mutating func begin(_ request: HonorList.Request, issuer: HonorList.Issuer) {
        self.issuer = issuer
        self.period = request.period
        text += """
            <!DOCTYPE html>
            <html lang="vi"><head><meta charset="utf-8"><title>\(Self.escape(request.title))</title><style>\(Self.style)</style></head><body>
            \(HTMLParts.header(issuer))
            <p class="place">\(Self.escape(HonorList.Issuer.dated(issuer.place, request.printedOn ?? LocalDate.today)))</p>
            <h1>\(Self.escape(request.title))</h1>
            <table class="list"><thead><tr>\(HonorList.columns.map { "<th>\(Self.escape($0))</th>" }.joined())</tr></thead><tbody>

            """
    }

    mutating func school(_ name: String) {
        anySection = true
        text += "<tr class=\"school\"><td colspan=\"8\">\(Self.escape(name))</td></tr>\n"
    }

    mutating func schoolTotal(count: Int, amount: Int) {
        text +=
            "<tr class=\"section\"><td></td><td colspan=\"6\">Cộng đơn vị: \(count)</td><td class=\"money\">\(amount > 0 ? formatMoney(amount) : "")</td></tr>\n"
    }

    mutating func section(_ section: HonorList.Section) {
        anySection = true
        text += "<tr class=\"section\"><td colspan=\"8\">\(Self.escape(section.heading))</td></tr>\n"
    }

    mutating func group(_ awardName: String) {
        text += "<tr class=\"group\"><td></td><td colspan=\"7\">\(Self.escape(awardName))</td></tr>\n"
    }

    mutating func entry(_ number: Int, _ entry: HonorList.Entry) {
        let cells = entry.cells(number)
        let rendered = cells.enumerated().map { index, cell in
            let css = index == 0 ? " class=\"num\"" : index == 7 ? " class=\"money\"" : ""
            let escaped = Self.escape(cell)
            let text = escaped.utf8.contains(UInt8(ascii: "\n")) ? escaped.replacingOccurrences(of: "\n", with: "<br>") : escaped
            return "<td\(css)>\(text)</td>"
        }.joined()
        text += "<tr\(entry.revocation != nil ? " class=\"revoked\"" : "")>\(rendered)</tr>\n"
    }

    mutating func groupTotal(count: Int, amount: Int) {
        text +=
            "<tr class=\"total\"><td></td><td colspan=\"6\">Cộng: \(count)</td><td class=\"money\">\(amount > 0 ? formatMoney(amount) : "")</td></tr>\n"
    }

    mutating func end(count: Int, amount: Int) {
        if count == 0 && !anySection {
            text += "<tr><td colspan=\"8\">Không có khen thưởng nào trong kỳ này.</td></tr>\n"
        }
        text += """
            <tr class="section"><td></td><td colspan="6">Tổng cộng: \(count)</td><td class="money">\(amount > 0 ? formatMoney(amount) : "")</td></tr>
            </tbody></table>
            <div class="sign"><div class="title">\(Self.escape(issuer.signerPosition.uppercased()))</div><div class="space"></div></div>
            </body></html>

            """
    }

    static func escape(_ text: String) -> String { HTMLParts.escape(text) }
}
