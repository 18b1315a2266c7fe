import Foundation
import Hummingbird
import ThiduaCore
import ThiduaExport
import ThiduaStore
import ThiduaWeb

/// `/v1/reports`: the honor list, the movement report and the year summary — the same files as `thidua report`.
/// An honor list is a published document: every signed-in account may read it. The decision document is served by
/// `DecisionController`.
struct ReportController {
    let honorList: HonorListRepository
    let scopes: UnitScopes
    let movements: MovementReportRepository
    let summaries: SummaryRepository

    func addRoutes(to group: RouterGroup<AuthenticatedContext>) {
        group.get("reports/honor-list", use: honorListReport)
        group.get("reports/movements/{id}", use: movementReport)
        group.get("reports/summary", use: summary)
    }

    /// `?year=|schoolYear=&unit=&movementId=&includeRevoked=&date=&format=`, streamed as rows arrive.
    @Sendable func honorListReport(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        try Policy.require(context.account, .readDirectory)
        let query = request.uri.queryParameters
        let period = try Period.choose(year: query.get("year"), schoolYear: query.get("schoolYear"))
        let format = try FieldParsing.choice(
            query.get("format") ?? "json", HonorListFormat.self, field: "format", message: "format phải là csv, xlsx, md, json hoặc html.")
        let unit = try await scopedUnit(query.get("unit"), context, for: .readDirectory)
        let movement = try FieldParsing.optionalID(query.get("movementId"), Movement.self, field: "movementId")
        try await requireInScope("movement", movement?.rawValue, context, for: .readDirectory)
        let includeRevoked = try FieldParsing.queryFlag(query.get("includeRevoked"), field: "includeRevoked")
        // Revoked lines carry their reasons: only the registry roles see them (security review F4).
        if includeRevoked { try Policy.require(context.account, .readRegistry) }
        let printedOn = try query.get("date").map {
            try FieldParsing.date($0, field: "date", message: "date là ngày ghi trên danh sách, dạng YYYY-MM-DD (date=2024-12-31).")
        }
        let honorRequest = HonorList.Request(
            period: period, unitId: unit, movementId: movement, includeRevoked: includeRevoked, printedOn: printedOn)
        // Filters are checked before the first byte, so a bad unit or movement is still a problem+json.
        let issuer = try await honorList.issuer(for: honorRequest, logger: context.logger)
        let (repository, logger) = (honorList, context.logger)
        return Response(
            status: .ok,
            headers: [
                .contentType: format.contentType,
                .contentDisposition: "inline; filename=\"danh-sach-khen-thuong-\(period.label).\(format.rawValue)\"",
            ],
            body: ResponseBody { writer in
                try await HonorListReport.stream(
                    honorRequest, format: format, issuer: issuer,
                    entries: { try await repository.entries(honorRequest, logger: logger, $0) }
                ) { data in
                    try await writer.write(ByteBuffer(bytes: data))
                }
                try await writer.finish(nil)
            })
    }

    @Sendable func movementReport(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        try Policy.require(context.account, .readRegistry)
        let format = try FieldParsing.choice(
            request.uri.queryParameters.get("format") ?? "json", MovementReportFormat.self, field: "format",
            message: "format phải là md, html, json hoặc csv.")
        let report = try await movements.report(
            try context.parameters.id("id", of: Movement.self, what: Movement.noun), logger: context.logger)
        return Response(
            status: .ok, headers: [.contentType: format.contentType], body: .init(byteBuffer: ByteBuffer(bytes: format.render(report))))
    }

    @Sendable func summary(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        try Policy.require(context.account, .readRegistry)
        let query = request.uri.queryParameters
        let period = try Period.choose(year: query.get("year"), schoolYear: query.get("schoolYear"))
        let format = try FieldParsing.choice(
            query.get("format") ?? "json", SummaryFormat.self, field: "format", message: "format phải là md, html, json hoặc csv.")
        let unit = try await scopedUnit(query.get("unit"), context, for: .readRegistry)
        let summary = try await summaries.summary(period, unit: unit, logger: context.logger)
        return Response(
            status: .ok, headers: [.contentType: format.contentType], body: .init(byteBuffer: ByteBuffer(bytes: format.render(summary))))
    }

    /// The unit a report covers (`unit=` code, else the account's own when its roles are scoped): outside the account's
    /// units, not found (sql/0037).
    private func scopedUnit(_ code: String?, _ context: AuthenticatedContext, for action: Policy.Action) async throws -> ID<OrgUnit>? {
        try await scopes.reportUnit(code: code, for: context.account, to: action, logger: context.logger)
    }

    /// A record a report is filtered by is one the account may `action` on (else not found).
    private func requireInScope(_ entity: String, _ id: UUID?, _ context: AuthenticatedContext, for action: Policy.Action) async throws {
        guard let id, let acting = try await scopes.account(context.account, actingOn: entity, id: id, logger: context.logger) else {
            return
        }
        guard Policy.can(acting, action) else { throw DomainError.notFound(ScopedPaths.noun(entity)) }
    }
}
