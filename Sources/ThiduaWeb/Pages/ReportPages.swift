import Foundation
import Hummingbird
import Mustache
import ThiduaCore
import ThiduaExport
import ThiduaStore

/// Báo cáo → Danh sách khen thưởng (web-ui.md flow 5): pick a year or school year, see the list's first lines, download
/// it as the files `thidua report honor-list` writes (streamed, as the API does).
extension WebPages {
    struct HonorListContent {
        let period: String
        var periodName = ""
        let message: String?
        let chosen: Bool
        let lines: [HonorLine]
        let more: Bool
        let downloads: [Download]
        /// The tab to the year summary, for registry roles.
        var summaryTab = false
        /// The unit picker (a district's head: the district or one school).
        var unit: ReportUnitChoice? = nil
        static var previewLines: Int { 100 }
    }

    /// A `MustacheParent`, so the preview's lines render without reflection (200 lines: 25 ms → 11 ms).
    struct HonorLine: MustacheParent {
        /// The school a district's list reaches with this line, printed as a row above it.
        let school: String?
        let number: Int
        let name: String
        let position: String
        let unit: String
        let award: String
        let decision: String
        let amount: String

        func child(named key: String) -> Any? {
            switch key {
            case "school": school
            case "number": number
            case "name": name
            case "position": position
            case "unit": unit
            case "award": award
            case "decision": decision
            case "amount": amount
            default: nil
            }
        }
    }

    struct Download {
        let label: String
        let path: String
    }

    func honorListPage(request: Request, context: Context) async throws -> Response {
        let session = try session(context, allowedTo: .readDirectory)
        let text = FormFields.query(request)["period"].map { String($0).trimmingCharacters(in: .whitespaces) } ?? ""
        let layout = Pages.layout(title: "Danh sách khen thưởng", session: session, current: "/reports/honor-list")
        let summaryTab = Policy.can(session.account, .readRegistry)
        let unit = try await reportUnit(request, session.account, to: .readDirectory, context: context)
        guard !text.isEmpty else {
            return renderer.page(
                "honor-list",
                HonorListContent(
                    period: "", message: nil, chosen: false, lines: [], more: false, downloads: [], summaryTab: summaryTab, unit: unit),
                layout: layout)
        }
        guard let period = Period(text) else {
            return renderer.page(
                "honor-list",
                HonorListContent(
                    period: text, message: "Nhập năm (ví dụ 2024) hoặc năm học (ví dụ 2023-2024).", chosen: false, lines: [], more: false,
                    downloads: [], summaryTab: summaryTab, unit: unit),
                layout: layout, status: .unprocessableContent)
        }
        let honorRequest = HonorList.Request(period: period, unitId: unit.unitId, movementId: nil, includeRevoked: false)
        // One line more than shown says whether there are more.
        let entries = try await honorList.firstEntries(honorRequest, limit: HonorListContent.previewLines + 1, logger: context.logger)
        let lines = entries.prefix(HonorListContent.previewLines).enumerated().map { index, entry in
            HonorLine(
                school: entry.school.flatMap { index == 0 || entries[index - 1].school != $0 ? $0.name : nil },
                number: index + 1, name: entry.name, position: entry.position, unit: entry.unit, award: entry.awardName,
                decision: "\(entry.decisionNumber) ngày \(entry.decisionDate.vietnamese)",
                amount: entry.amount.map { "\(VietnameseText.grouped($0)) đ" } ?? "")
        }
        let more = entries.count > HonorListContent.previewLines
        let query = "period=\(period.label)\(unit.query)"
        let downloads = [("Excel (XLSX)", "xlsx"), ("CSV", "csv"), ("Trang in (HTML)", "html"), ("Markdown", "md"), ("JSON", "json")]
            .map { Download(label: $0.0, path: "/reports/honor-list/download?\(query)&format=\($0.1)") }
        return renderer.page(
            "honor-list",
            HonorListContent(
                period: period.label, periodName: period.vietnamese, message: nil, chosen: true, lines: lines,
                more: more,
                downloads: downloads, summaryTab: summaryTab, unit: unit),
            layout: layout)
    }

    /// The whole list as a file, streamed as rows arrive.
    func honorListDownload(request: Request, context: Context) async throws -> Response {
        let session = try session(context, allowedTo: .readDirectory)
        let query = FormFields.query(request)
        guard let period = query["period"].flatMap({ Period(String($0)) }),
            let format = query["format"].flatMap({ HonorListFormat(rawValue: String($0)) })
        else { throw WebError.notFound }
        let unit = try await reportUnit(request, session.account, to: .readDirectory, context: context)
        let honorRequest = HonorList.Request(period: period, unitId: unit.unitId, movementId: nil, includeRevoked: false)
        let issuer = try await honorList.issuer(for: honorRequest, logger: context.logger)
        let (repository, logger) = (honorList, context.logger)
        return Response(
            status: .ok,
            headers: [
                .contentType: format.contentType,
                .contentDisposition: "attachment; filename=\"danh-sach-khen-thuong-\(period.label).\(format.rawValue)\"",
            ],
            body: ResponseBody { writer in
                try await HonorListReport.stream(
                    honorRequest, format: format, issuer: issuer,
                    entries: { try await repository.entries(honorRequest, logger: logger, $0) }
                ) { data in try await writer.write(ByteBuffer(bytes: data)) }
                try await writer.finish(nil)
            })
    }
}
