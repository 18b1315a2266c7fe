import Foundation
import ThiduaCore

/// A tổ's biên bản bình xét: printable HTML (A4 portrait), Markdown (the golden file) and a Word document to sign.
public enum TeamReviewMinutesFormat: String, CaseIterable, Sendable {
    case html, md, docx

    public var contentType: String { MediaType.of(rawValue) }

    public func render(_ minutes: TeamReviewMinutes) throws -> Data {
        switch self {
        case .html: Data(Self.html(minutes).utf8)
        case .md: Data(Self.markdown(minutes).utf8)
        case .docx: try Self.docx(minutes)
        }
    }

    static func cells(_ line: TeamReviewMinutes.Line) -> [String] {
        [String(line.number), line.name, line.position, line.title, line.votes, line.percent, line.proposed ? "Đề nghị" : "Không đề nghị"]
    }

    static func html(_ minutes: TeamReviewMinutes) -> String {
        let e = HTMLParts.escape
        var text = CouncilMinutesFormat.htmlHead(title: "Biên bản bình xét thi đua \(minutes.teamName) \(minutes.period.vietnamese)")
        text += "\(HTMLParts.header(minutes.issuer))\n<p class=\"place\">\(e(minutes.placeAndDate))</p>\n"
        text += "<h1>\(minutes.titleLines.map(e).joined(separator: "<br>"))</h1>\n"
        text += minutes.opening.map { "<p>\(e($0))</p>\n" }.joined()
        text += "<h2>Kết quả bình xét</h2>\n"
        text += CouncilMinutesFormat.htmlTable(columns: TeamReviewMinutes.columns, rows: minutes.lines.map(cells))
        text += minutes.closing.map { "<p>\(e($0))</p>\n" }.joined()
        return text + HTMLParts.signatures(minutes.signatures) + "</body></html>\n"
    }

    static func markdown(_ minutes: TeamReviewMinutes) -> String {
        let m = MarkdownText.escape
        var text = MarkdownText.header(minutes.issuer, placeAndDate: minutes.placeAndDate)
        text += "# \(minutes.titleLines.map(m).joined(separator: " — "))\n\n"
        text += minutes.opening.map { "\(m($0))\n\n" }.joined()
        text += "## Kết quả bình xét\n\n"
        text += "| " + TeamReviewMinutes.columns.map(m).joined(separator: " | ") + " |\n"
        text += "|" + String(repeating: "---|", count: TeamReviewMinutes.columns.count) + "\n"
        for line in minutes.lines { text += "| " + cells(line).map(MarkdownText.cell).joined(separator: " | ") + " |\n" }
        text += "\n" + minutes.closing.map { "\(m($0))\n\n" }.joined()
        text += minutes.signatures.map { "**\($0.title.map(m).joined(separator: " / "))** \(m($0.name))" }.joined(separator: " — ") + "\n"
        return text
    }

    static func docx(_ minutes: TeamReviewMinutes) throws -> Data {
        var doc = Docx()
        DecisionDocx.header(
            &doc, agency: minutes.issuer.parentName, unit: minutes.issuer.unitName, number: nil, dated: minutes.placeAndDate)
        for (index, line) in minutes.titleLines.enumerated() {
            doc.paragraph([.bold(line)], align: .center, before: index == 0 ? 12 : 0, after: index == minutes.titleLines.count - 1 ? 6 : 0)
        }
        for line in minutes.opening { doc.paragraph([.plain(line)]) }
        doc.paragraph([.bold("Kết quả bình xét")], before: 6, keepNext: true)
        CouncilMinutesFormat.docxTable(&doc, columns: TeamReviewMinutes.columns, rows: minutes.lines.map(cells))
        for line in minutes.closing { doc.paragraph([.plain(line)], keepNext: true) }
        DecisionDocx.signatures(&doc, minutes.signatures)
        return try doc.package()
    }
}
