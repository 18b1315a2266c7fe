import Foundation
import ThiduaCore

/// The movement report's formats; CLI and API share them.
public enum MovementReportFormat: String, CaseIterable, Sendable {
    case md, html, json, csv

    public var contentType: String { MediaType.of(rawValue) }

    public func render(_ report: MovementReport) -> Data {
        let title = "BÁO CÁO TỔNG KẾT MÔ HÌNH – \(report.name.uppercased())"
        let summary =
            "Kỳ \(report.period.label) · \(report.unitName) · \(report.lines.count) mô hình, \(report.recognized) được công nhận · thang điểm \(report.maxPoints)"
        switch self {
        case .csv:
            var csv = CSVWriter()
            csv.append([title])
            csv.append([summary])
            csv.append(MovementReport.columns)
            for (index, line) in report.lines.enumerated() { csv.append(report.cells(index, line)) }
            return csv.data
        case .md:
            let m = MarkdownText.escape
            var text = "\(m(report.issuer.parentName.uppercased()))  \n**\(m(report.issuer.unitName.uppercased()))**\n\n"
            text += "**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**  \n**Độc lập - Tự do - Hạnh phúc**\n\n"
            text +=
                "# \(MarkdownText.escape(title))\n\n\(MarkdownText.escape(summary))\n\n| " + MovementReport.columns.joined(separator: " | ")
                + " |\n"
            text += "|" + String(repeating: "---|", count: MovementReport.columns.count) + "\n"
            for (index, line) in report.lines.enumerated() {
                text += "| " + report.cells(index, line).map(MarkdownHonorListWriter.cell).joined(separator: " | ") + " |\n"
            }
            if report.lines.isEmpty { text += "\nChưa có mô hình nào được đăng ký.\n" }
            return Data(text.utf8)
        case .json:
            struct Body: Encodable {
                let title: String, movement: String, period: String, status: String, unit: String, maxPoints: Int, recognized: Int
                let models: [MovementReport.Line]
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            let body = Body(
                title: title, movement: report.name, period: report.period.label, status: report.status.rawValue, unit: report.unitName,
                maxPoints: report.maxPoints, recognized: report.recognized, models: report.lines)
            return ((try? encoder.encode(body)) ?? Data()) + Data("\n".utf8)
        case .html:
            let e = HTMLParts.escape
            var text = """
                <!DOCTYPE html>
                <html lang="vi"><head><meta charset="utf-8"><title>\(e(title))</title><style>
                @page { size: A4 landscape; margin: 15mm; }
                \(HTMLParts.headerStyle)
                h1 { text-align: center; font-size: 14pt; }
                p.summary { text-align: center; font-style: italic; }
                table.rows { width: 100%; border-collapse: collapse; }
                table.rows th, table.rows td { border: 1px solid #000; padding: 2px 4px; vertical-align: top; }
                td.num { text-align: right; }
                </style></head><body>
                \(HTMLParts.header(report.issuer))
                <h1>\(e(title))</h1>
                <p class="summary">\(e(summary))</p>
                <table class="rows"><thead><tr>\(MovementReport.columns.map { "<th>\(e($0))</th>" }.joined())</tr></thead><tbody>

                """
            for (index, line) in report.lines.enumerated() {
                text +=
                    "<tr>"
                    + report.cells(index, line).enumerated().map { column, cell in
                        "<td\([0, 4, 5, 6].contains(column) ? " class=\"num\"" : "")>\(e(cell))</td>"
                    }.joined() + "</tr>\n"
            }
            text += "</tbody></table>\n</body></html>\n"
            return Data(text.utf8)
        }
    }
}
