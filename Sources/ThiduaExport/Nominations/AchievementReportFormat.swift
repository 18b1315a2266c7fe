import Foundation
import ThiduaCore

/// The báo cáo thành tích: printable HTML (A4 portrait), Markdown (the golden file) and a Word document the nominee and
/// the clerk finish and sign.
public enum AchievementReportFormat: String, CaseIterable, Sendable {
    case html, md, docx

    public var contentType: String { MediaType.of(rawValue) }

    public func render(_ report: AchievementReportDocument) throws -> Data {
        switch self {
        case .html: Data(Self.html(report).utf8)
        case .md: Data(Self.markdown(report).utf8)
        case .docx: try Self.docx(report)
        }
    }

    /// The tables under the achievements and in part III, each with its heading; an empty one says so.
    static func tables(_ report: AchievementReportDocument) -> [(heading: String, columns: [String], rows: [[String]], empty: String)] {
        [
            (
                "Kết quả đánh giá, xếp loại", AchievementReportDocument.yearColumns, report.years.map(\.cells),
                "Chưa có kết quả xếp loại trong thidua."
            ),
            ("III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG", [], [], ""),
            (
                "1. Danh hiệu thi đua", AchievementReportDocument.earlierColumns,
                report.titles.map { [$0.period, $0.awardName, $0.decision] }, "Chưa có."
            ),
            (
                "2. Hình thức khen thưởng", AchievementReportDocument.earlierColumns,
                report.forms.map { [$0.period, $0.awardName, $0.decision] }, "Chưa có."
            ),
        ]
    }

    static func html(_ report: AchievementReportDocument) -> String {
        let e = HTMLParts.escape
        var text = CouncilMinutesFormat.htmlHead(title: "Báo cáo thành tích \(report.nomineeName)")
        text += "\(HTMLParts.header(report.issuer))\n<p class=\"place\">\(e(report.placeAndDate))</p>\n"
        text += "<h1>\(report.titleLines.map(e).joined(separator: "<br>"))</h1>\n"
        for part in report.parts {
            text += "<h2>\(e(part.heading))</h2>\n" + part.paragraphs.map { "<p>\(e($0))</p>\n" }.joined()
            if part.heading.hasPrefix("2.") { text += table(tables(report)[0]) }
        }
        for section in tables(report).dropFirst() { text += table(section) }
        return text + HTMLParts.signatures(report.signatures) + "</body></html>\n"
    }

    private static func table(_ section: (heading: String, columns: [String], rows: [[String]], empty: String)) -> String {
        let e = HTMLParts.escape
        var text = "<h2>\(e(section.heading))</h2>\n"
        guard !section.columns.isEmpty else { return text }
        guard !section.rows.isEmpty else { return text + "<p>\(e(section.empty))</p>\n" }
        text += "<div class=\"scroll\"><table class=\"rows\"><thead><tr>" + section.columns.map { "<th>\(e($0))</th>" }.joined()
        text += "</tr></thead><tbody>\n"
        for row in section.rows { text += "<tr>" + row.map { "<td>\(e($0))</td>" }.joined() + "</tr>\n" }
        return text + "</tbody></table></div>\n"
    }

    static func markdown(_ report: AchievementReportDocument) -> String {
        let m = MarkdownText.escape
        var text = MarkdownText.header(report.issuer, placeAndDate: report.placeAndDate)
        text += "# \(report.titleLines.map(m).joined(separator: " — "))\n\n"
        func table(_ section: (heading: String, columns: [String], rows: [[String]], empty: String)) {
            text += "## \(m(section.heading))\n\n"
            guard !section.columns.isEmpty else { return }
            guard !section.rows.isEmpty else {
                text += "\(m(section.empty))\n\n"
                return
            }
            text +=
                "| " + section.columns.map(m).joined(separator: " | ") + " |\n|" + String(repeating: "---|", count: section.columns.count)
            text += "\n" + section.rows.map { "| " + $0.map(MarkdownText.cell).joined(separator: " | ") + " |\n" }.joined() + "\n"
        }
        for part in report.parts {
            text += "## \(m(part.heading))\n\n" + part.paragraphs.map { "\(m($0))\n\n" }.joined()
            if part.heading.hasPrefix("2.") { table(tables(report)[0]) }
        }
        for section in tables(report).dropFirst() { table(section) }
        return text + report.signatures.map { "**\($0.title.map(m).joined(separator: " / "))** \(m($0.name))" }.joined(separator: " — ")
            + "\n"
    }

    static func docx(_ report: AchievementReportDocument) throws -> Data {
        var doc = Docx()
        DecisionDocx.header(&doc, agency: report.issuer.parentName, unit: report.issuer.unitName, number: nil, dated: report.placeAndDate)
        for (index, line) in report.titleLines.enumerated() {
            doc.paragraph([.bold(line)], align: .center, before: index == 0 ? 12 : 0, after: index == report.titleLines.count - 1 ? 6 : 0)
        }
        func table(_ section: (heading: String, columns: [String], rows: [[String]], empty: String)) {
            doc.paragraph([.bold(section.heading)], before: 6, keepNext: true)
            guard !section.columns.isEmpty else { return }
            guard !section.rows.isEmpty else { return doc.paragraph([.plain(section.empty)]) }
            let head = section.columns.map { Docx.paragraphXML([.bold($0, size: 12)], align: .center) }
            let rows = section.rows.map { $0.map { Docx.paragraphXML([.plain($0, size: 12)], align: .left) } }
            doc.table(widths: section.columns.count == 4 ? [30, 55, 40, 40] : [25, 60, 80], rows: [head] + rows, borders: true)
        }
        for part in report.parts {
            doc.paragraph([.bold(part.heading)], before: 6, keepNext: true)
            for paragraph in part.paragraphs { doc.paragraph([.plain(paragraph)], firstLine: 10) }
            if part.heading.hasPrefix("2.") { table(tables(report)[0]) }
        }
        for section in tables(report).dropFirst() { table(section) }
        let cells = report.signatures.map { signature in
            signature.title.map { Docx.paragraphXML([.bold($0, size: 12)], align: .center, keepNext: true) }.joined()
                + Docx.paragraphXML([.plain("\n\n\n")], align: .center, keepNext: true)
                + Docx.paragraphXML([.bold(signature.name, size: 12)], align: .center)
        }
        doc.table(widths: [55, 55, 55], rows: [cells], borders: false)
        return try doc.package()
    }
}
