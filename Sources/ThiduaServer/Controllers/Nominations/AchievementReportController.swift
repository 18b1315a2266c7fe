import Foundation
import Hummingbird
import ThiduaCore
import ThiduaExport
import ThiduaStore

/// `/v1/nominations/{id}/achievement-report`: the báo cáo thành tích (issue 14, item 4) — read by whoever reads the
/// nomination, written by the union, an admin or the nominee until the nomination is decided, printed from the registry.
struct AchievementReportController {
    let reports: AchievementReportRepository
    let nominations: NominationRepository

    func addRoutes(to group: RouterGroup<AuthenticatedContext>) {
        group.get("nominations/{id}/achievement-report", use: get)
        group.put("nominations/{id}/achievement-report", use: put)
        group.get("nominations/{id}/achievement-report/document", use: document)
    }

    @Sendable func get(_ request: Request, context: AuthenticatedContext) async throws -> EditedResponse<AchievementReportResponse> {
        let id = try await readable(context)
        let (report, needed) = try await reports.find(id, logger: context.logger)
        return versioned(AchievementReportResponse(report, needed: needed), version: report.version)
    }

    /// The sections as sent (a section left out is emptied); `If-Match` guards against a concurrent writer.
    @Sendable func put(_ request: Request, context: AuthenticatedContext) async throws -> EditedResponse<AchievementReportResponse> {
        guard Policy.canWriteAchievementReports(context.account) else {
            throw DomainError.forbidden("Báo cáo thành tích do công đoàn, quản trị hoặc chính người được đề nghị viết.")
        }
        let id = try context.parameters.id("id", of: Nomination.self, what: Nomination.noun)
        let nomination = try await nominations.find(id, logger: context.logger)
        try Policy.requireRead(nomination.nominee, as: context.account, what: Nomination.noun)
        guard Policy.canWriteAchievementReport(for: nomination.nominee, as: context.account) else {
            throw DomainError.forbidden("Báo cáo thành tích do công đoàn, quản trị hoặc chính người được đề nghị viết.")
        }
        let body = try await request.decode(as: AchievementReportRequest.self, context: context)
        let report = try AchievementReport.validate(
            profile: body.profile, duties: body.duties, achievements: body.achievements, measures: body.measures)
        let saved = try await reports.save(
            id, report, expectedVersion: try request.expectedVersion(), by: context.actor, logger: context.logger)
        let needed = try await reports.find(id, logger: context.logger).needed
        return versioned(AchievementReportResponse(saved, needed: needed), version: saved.version)
    }

    /// `?format=html|md|docx&date=YYYY-MM-DD` (the day printed; today when left out).
    @Sendable func document(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let id = try await readable(context)
        let query = request.uri.queryParameters
        let format = try FieldParsing.choice(
            query.get("format") ?? "html", AchievementReportFormat.self, field: "format", message: "format phải là html, md hoặc docx.")
        let dated = try FieldParsing.optionalDate(query.get("date"), field: "date") ?? .today
        let document = try await reports.document(id, dated: dated, logger: context.logger)
        return Response(
            status: .ok, headers: [.contentType: format.contentType],
            body: .init(byteBuffer: ByteBuffer(bytes: try format.render(document))))
    }

    private func readable(_ context: AuthenticatedContext) async throws -> ID<Nomination> {
        let id = try context.parameters.id("id", of: Nomination.self, what: Nomination.noun)
        let nomination = try await nominations.find(id, logger: context.logger)
        try Policy.requireRead(nomination.nominee, as: context.account, what: Nomination.noun)
        return id
    }
}

extension AchievementReportController {
    struct AchievementReportRequest: Decodable {
        let profile: String?
        let duties: String?
        let achievements: String?
        let measures: String?
    }
}

/// The sections, whether the award needs the report, and the required sections still empty.
struct AchievementReportResponse: ResponseEncodable, Sendable {
    let profile: String
    let duties: String
    let achievements: String
    let measures: String
    let needed: Bool
    let missing: [String]
    let version: Int

    init(_ report: AchievementReport, needed: Bool) {
        (profile, duties, achievements, measures) = (report.profile, report.duties, report.achievements, report.measures)
        self.needed = needed
        missing = report.missing.map(\.rawValue)
        version = report.version
    }
}
