import Foundation
import ThiduaCore

/// The year summary's formats; CLI and API share them. The HTML carries two self-contained SVG bar charts
/// (commendations per award and per unit), drawn here without any script or network.
public enum SummaryFormat: String, CaseIterable, Sendable {
    case md, html, json, csv

    public var contentType: String { MediaType.of(rawValue) }

    public func render(_ summary: YearSummary) -> Data {
        switch self {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            return ((try? encoder.encode(summary)) ?? Data()) + Data("\n".utf8)
        case .csv: return csv(summary)
        case .md: return Data(markdown(summary).utf8)
        case .html: return Data(html(summary).utf8)
        }
    }

    static let movementColumns = ["Phong trào", "Kỳ", "Trạng thái", "Mô hình đăng ký", "Mô hình được công nhận", "Đề nghị theo trạng thái"]

    static func movementCells(_ line: YearSummary.MovementLine) -> [String] {
        [
            line.name, line.period, line.status, String(line.modelsRegistered), String(line.modelsRecognized),
            line.nominationsByStatus.map { "\($0.label): \($0.count)" }.joined(separator: "; "),
        ]
    }

    static func fieldLine(_ line: YearSummary.MovementLine) -> String {
        line.modelsByField.filter { $0.registered > 0 }.map { "\($0.field) \($0.recognized)/\($0.registered)" }.joined(separator: "; ")
    }

    func csv(_ s: YearSummary) -> Data {
        var csv = CSVWriter()
        csv.append([s.title])
        csv.append([s.unit])
        csv.append([])
        csv.append(Self.movementColumns + ["Theo lĩnh vực (công nhận/đăng ký)"])
        for line in s.movements { csv.append(Self.movementCells(line) + [Self.fieldLine(line)]) }
        csv.append([])
        csv.append(["Khen thưởng theo danh hiệu, hình thức", "Số lượng", "Số tiền (đồng)"])
        for tally in s.byAward { csv.append([tally.label, String(tally.count), String(tally.amount)]) }
        csv.append(["Tổng cộng", String(s.commendations), String(s.amount)])
        csv.append([])
        csv.append(["Khen thưởng theo đơn vị", "Số lượng", "Số tiền (đồng)"])
        for tally in s.byUnit { csv.append([tally.label, String(tally.count), String(tally.amount)]) }
        return csv.data
    }

    func markdown(_ s: YearSummary) -> String {
        var text = "# \(MarkdownText.escape(s.title))\n\n\(MarkdownText.escape(s.unit))\n\n## Phong trào\n\n"
        if s.movements.isEmpty {
            text += "Không có phong trào nào trong kỳ.\n"
        } else {
            text += "| " + Self.movementColumns.joined(separator: " | ") + " |\n|" + String(repeating: "---|", count: 6) + "\n"
            for line in s.movements {
                text += "| " + Self.movementCells(line).map(MarkdownHonorListWriter.cell).joined(separator: " | ") + " |\n"
            }
            for line in s.movements where line.modelsRegistered > 0 {
                text += "\n- \(MarkdownText.escape(line.name)): theo lĩnh vực (công nhận/đăng ký) \(Self.fieldLine(line))"
                if !line.recognizedByLevel.isEmpty {
                    text += "; công nhận theo cấp " + line.recognizedByLevel.map { "\($0.label) \($0.count)" }.joined(separator: ", ")
                }
            }
            text += "\n"
        }
        text += "\n## Khen thưởng theo danh hiệu, hình thức\n\n| Danh hiệu, hình thức | Số lượng | Số tiền (đồng) |\n|---|---|---|\n"
        for tally in s.byAward { text += "| \(MarkdownText.cell(tally.label)) | \(tally.count) | \(formatMoney(tally.amount)) |\n" }
        text += "| **Tổng cộng** | **\(s.commendations)** | **\(formatMoney(s.amount))** |\n"
        text += "\n## Khen thưởng theo đơn vị\n\n| Đơn vị | Số lượng | Số tiền (đồng) |\n|---|---|---|\n"
        for tally in s.byUnit { text += "| \(MarkdownText.cell(tally.label)) | \(tally.count) | \(formatMoney(tally.amount)) |\n" }
        if s.byAward.isEmpty { text += "\nChưa có khen thưởng nào trong kỳ.\n" }
        return text
    }

    func html(_ s: YearSummary) -> String {
        let e = HTMLParts.escape
        var text = """
            <!DOCTYPE html>
            <html lang="vi"><head><meta charset="utf-8"><title>\(e(s.title))</title><style>
            @page { size: A4 portrait; margin: 15mm; }
            body { font-family: "Times New Roman", Times, serif; font-size: 13pt; color: #000; }
            h1 { text-align: center; font-size: 14pt; }
            h2 { font-size: 13pt; margin-top: 6mm; }
            p.unit { text-align: center; font-style: italic; }
            table { width: 100%; border-collapse: collapse; }
            th, td { border: 1px solid #000; padding: 2px 4px; vertical-align: top; }
            td.num { text-align: right; white-space: nowrap; }
            svg text { font-family: "Times New Roman", Times, serif; font-size: 12px; }
            </style></head><body>
            <h1>\(e(s.title))</h1>
            <p class="unit">\(e(s.unit))</p>
            <h2>Phong trào</h2>

            """
        if s.movements.isEmpty {
            text += "<p>Không có phong trào nào trong kỳ.</p>\n"
        } else {
            text += "<table><thead><tr>\(Self.movementColumns.map { "<th>\(e($0))</th>" }.joined())</tr></thead><tbody>\n"
            for line in s.movements {
                text +=
                    "<tr>"
                    + Self.movementCells(line).enumerated().map {
                        "<td\([3, 4].contains($0.offset) ? " class=\"num\"" : "")>\(e($0.element))</td>"
                    }
                    .joined() + "</tr>\n"
            }
            text += "</tbody></table>\n"
        }
        for (title, tallies) in [("Khen thưởng theo danh hiệu, hình thức", s.byAward), ("Khen thưởng theo đơn vị", s.byUnit)] {
            text += "<h2>\(e(title))</h2>\n"
            if tallies.isEmpty {
                text += "<p>Chưa có khen thưởng nào trong kỳ.</p>\n"
                continue
            }
            text += Self.barChart(tallies, title: title)
            text += "<table><thead><tr><th></th><th>Số lượng</th><th>Số tiền (đồng)</th></tr></thead><tbody>\n"
            for tally in tallies {
                text +=
                    "<tr><td>\(e(tally.label))</td><td class=\"num\">\(tally.count)</td><td class=\"num\">\(formatMoney(tally.amount))</td></tr>\n"
            }
            text +=
                "<tr><td><b>Tổng cộng</b></td><td class=\"num\"><b>\(s.commendations)</b></td>"
                + "<td class=\"num\"><b>\(formatMoney(s.amount))</b></td></tr>\n</tbody></table>\n"
        }
        text += "</body></html>\n"
        return text
    }

    /// A horizontal bar chart: one bar per line, its length proportional to the count, labelled on both ends.
    public static func barChart(_ tallies: [YearSummary.Tally], title: String) -> String {
        let e = HTMLParts.escape
        let rowHeight = 22
        let labelWidth = 260
        let barWidth = 360
        let height = tallies.count * rowHeight + 10
        let most = max(tallies.map(\.count).max() ?? 1, 1)
        var svg =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"\(labelWidth + barWidth + 50)\" height=\"\(height)\" "
            + "viewBox=\"0 0 \(labelWidth + barWidth + 50) \(height)\"><title>\(e(title))</title>\n"
        for (index, tally) in tallies.enumerated() {
            let y = 5 + index * rowHeight
            let width = max(1, tally.count * barWidth / most)
            svg +=
                "<text x=\"\(labelWidth - 6)\" y=\"\(y + 15)\" text-anchor=\"end\">\(e(tally.label))</text>"
                + "<rect x=\"\(labelWidth)\" y=\"\(y + 3)\" width=\"\(width)\" height=\"\(rowHeight - 6)\" fill=\"#4a6fa5\"/>"
                + "<text x=\"\(labelWidth + width + 6)\" y=\"\(y + 15)\">\(tally.count)</text>\n"
        }
        return svg + "</svg>\n"
    }
}
