import Foundation
import ThiduaCore

/// The posting's notice: printable HTML (A4 portrait), Markdown (the golden file) and a Word document to sign and pin up.
public enum PostingNoticeFormat: String, CaseIterable, Sendable {
    case html, md, docx

    public var contentType: String { MediaType.of(rawValue) }

    public func render(_ notice: PostingNotice) throws -> Data {
        switch self {
        case .html: Data(Self.html(notice).utf8)
        case .md: Data(Self.markdown(notice).utf8)
        case .docx: try Self.docx(notice)
        }
    }

    static func html(_ notice: PostingNotice) -> String {
        let e = HTMLParts.escape
        var text = CouncilMinutesFormat.htmlHead(title: "Thông báo niêm yết công khai")
        text += "\(HTMLParts.header(notice.issuer))\n<p class=\"place\">\(e(notice.placeAndDate))</p>\n"
        text += "<h1>\(PostingNotice.titleLines.map(e).joined(separator: "<br>"))</h1>\n"
        text += notice.body.map { "<p>\(e($0))</p>\n" }.joined()
        text += "<h2>Danh sách niêm yết</h2>\n"
        text += "<div class=\"scroll\"><table class=\"rows\"><thead><tr>" + PostingNotice.columns.map { "<th>\(e($0))</th>" }.joined()
        text += "</tr></thead><tbody>\n"
        for row in notice.rows {
            text += "<tr><td class=\"num\">\(e(row[0]))</td>" + row.dropFirst().map { "<td>\(e($0))</td>" }.joined() + "</tr>\n"
        }
        text += "</tbody></table></div>\n"
        text += "<p><b><i>Nơi nhận:</i></b><br>" + PostingNotice.recipients.map { "- \(e($0))" }.joined(separator: "<br>") + "</p>\n"
        return text + HTMLParts.signatures(notice.signatures) + "</body></html>\n"
    }

    static func markdown(_ notice: PostingNotice) -> String {
        let m = MarkdownText.escape
        var text = MarkdownText.header(notice.issuer, placeAndDate: notice.placeAndDate)
        text += "# \(PostingNotice.titleLines.map(m).joined(separator: " — "))\n\n" + notice.body.map { "\(m($0))\n\n" }.joined()
        text += "## Danh sách niêm yết\n\n| " + PostingNotice.columns.map(m).joined(separator: " | ") + " |\n"
        text += "|" + String(repeating: "---|", count: PostingNotice.columns.count) + "\n"
        text += notice.rows.map { "| " + $0.map(MarkdownText.cell).joined(separator: " | ") + " |\n" }.joined()
        text += "\n***Nơi nhận:***\n\n" + PostingNotice.recipients.map { "- \(m($0))\n" }.joined()
        return text + "\n" + notice.signatures.map { "**\($0.title.map(m).joined(separator: " / "))**" }.joined(separator: " — ") + "\n"
    }

    static func docx(_ notice: PostingNotice) throws -> Data {
        var doc = Docx()
        DecisionDocx.header(&doc, agency: notice.issuer.parentName, unit: notice.issuer.unitName, number: nil, dated: notice.placeAndDate)
        for (index, line) in PostingNotice.titleLines.enumerated() {
            doc.paragraph([.bold(line)], align: .center, before: index == 0 ? 12 : 0, after: index == 1 ? 6 : 0)
        }
        for line in notice.body { doc.paragraph([.plain(line)], firstLine: 10) }
        doc.paragraph([.bold("Danh sách niêm yết")], before: 6, keepNext: true)
        let head = PostingNotice.columns.map { Docx.paragraphXML([.bold($0, size: 12)], align: .center) }
        let rows = notice.rows.map { row in
            row.enumerated().map { Docx.paragraphXML([.plain($0.element, size: 12)], align: $0.offset == 0 ? .center : .left) }
        }
        doc.table(widths: [12, 50, 55, 48], rows: [head] + rows, borders: true)
        DecisionDocx.signature(&doc, recipients: PostingNotice.recipients, lines: notice.signatures[0].title, signer: "")
        return try doc.package()
    }
}
