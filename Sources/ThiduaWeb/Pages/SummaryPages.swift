import Foundation
import Hummingbird
import ThiduaCore
import ThiduaExport
import ThiduaStore

/// Báo cáo → Tổng hợp năm: a year's movements (models registered and recognised, nominations by state) and its
/// commendations by award and by unit, each with its bar chart; the same report downloads as `thidua report summary`
/// writes it. A movement's own report downloads from its page.
extension WebPages {
    struct SummaryContent {
        let period: String
        let message: String?
        let summary: SummaryView?
        let unit: ReportUnitChoice
    }

    struct SummaryView {
        let title: String
        let unit: String
        let movements: [SummaryMovement]
        let tallies: [TallyTable]
        let downloads: [Download]
    }

    struct SummaryMovement {
        let name: String
        let period: String
        let status: String
        let registered: Int
        let recognized: Int
        let nominations: String
    }

    struct TallyTable {
        let title: String
        /// What a line names ("Danh hiệu", "Đơn vị"), the label of its first cell on a phone.
        let lineName: String
        /// The bar chart, an SVG whose every label is escaped by the report writer.
        let chart: String
        let rows: [TallyRow]
        let count: Int
        let amount: String
    }

    struct TallyRow {
        let label: String
        let count: Int
        let amount: String
    }

    func summaryPage(request: Request, context: Context) async throws -> Response {
        let session = try session(context, allowedTo: .readRegistry)
        let text = FormFields.query(request)["period"].map { String($0).trimmingCharacters(in: .whitespaces) } ?? ""
        let layout = Pages.layout(title: "Tổng hợp năm", session: session, current: "/reports/honor-list")
        let unit = try await reportUnit(request, session.account, to: .readRegistry, context: context)
        guard !text.isEmpty else {
            return renderer.page("summary", SummaryContent(period: "", message: nil, summary: nil, unit: unit), layout: layout)
        }
        guard let period = Period(text) else {
            return renderer.page(
                "summary",
                SummaryContent(period: text, message: "Nhập năm (ví dụ 2024) hoặc năm học (ví dụ 2023-2024).", summary: nil, unit: unit),
                layout: layout, status: .unprocessableContent)
        }
        let summary = try await summaries.summary(period, unit: unit.unitId, logger: context.logger)
        let money = { (amount: Int) in "\(VietnameseText.grouped(amount)) đ" }
        let view = SummaryView(
            title: summary.title, unit: summary.unit,
            movements: summary.movements.map {
                SummaryMovement(
                    name: $0.name, period: $0.period, status: $0.status, registered: $0.modelsRegistered, recognized: $0.modelsRecognized,
                    nominations: $0.nominationsByStatus.isEmpty
                        ? "Chưa có đề nghị" : $0.nominationsByStatus.map { "\($0.label): \($0.count)" }.joined(separator: "; "))
            },
            tallies: [
                ("Khen thưởng theo danh hiệu, hình thức", "Danh hiệu", summary.byAward),
                ("Khen thưởng theo đơn vị", "Đơn vị", summary.byUnit),
            ].map { title, label, tallies in
                TallyTable(
                    title: title, lineName: label, chart: tallies.isEmpty ? "" : SummaryFormat.barChart(tallies, title: title),
                    rows: tallies.map { TallyRow(label: $0.label, count: $0.count, amount: money($0.amount)) },
                    count: summary.commendations, amount: money(summary.amount))
            },
            downloads: [("Trang in (HTML)", "html"), ("CSV", "csv"), ("Markdown", "md"), ("JSON", "json")].map {
                Download(label: $0.0, path: "/reports/summary/download?period=\(period.label)\(unit.query)&format=\($0.1)")
            })
        return renderer.page("summary", SummaryContent(period: period.label, message: nil, summary: view, unit: unit), layout: layout)
    }

    func summaryDownload(request: Request, context: Context) async throws -> Response {
        let session = try session(context, allowedTo: .readRegistry)
        let query = FormFields.query(request)
        guard let period = query["period"].flatMap({ Period(String($0)) }),
            let format = query["format"].flatMap({ SummaryFormat(rawValue: String($0)) })
        else { throw WebError.notFound }
        let unit = try await reportUnit(request, session.account, to: .readRegistry, context: context)
        let summary = try await summaries.summary(period, unit: unit.unitId, logger: context.logger)
        return Self.file(format.render(summary), type: format.contentType, name: "tong-hop-\(period.label).\(format.rawValue)")
    }

    /// A movement's report (models, reviews, nominations), as `thidua report movement` writes it.
    func movementReport(request: Request, context: Context) async throws -> Response {
        _ = try session(context, allowedTo: .readRegistry)
        guard let format = FormFields.query(request)["format"].flatMap({ MovementReportFormat(rawValue: String($0)) }) else {
            throw WebError.notFound
        }
        let id: ID<Movement> = try pathID(context)
        let report = try await movementReports.report(id, logger: context.logger)
        return Self.file(format.render(report), type: format.contentType, name: "bao-cao-phong-trao.\(format.rawValue)")
    }

    static func file(_ data: Data, type: String, name: String) -> Response {
        Response(
            status: .ok, headers: [.contentType: type, .contentDisposition: "attachment; filename=\"\(name)\"", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
