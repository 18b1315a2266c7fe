import Hummingbird
import ThiduaCore
import ThiduaExport
import ThiduaStore

/// `GET /v1/reports/honor-list?year=|schoolYear=&unit=&movementId=&includeRevoked=&format=`: the same file as
/// `thidua report honor-list`. An honor list is a published document: every signed-in account may read it.
struct ReportController {
    let honorList: HonorListRepository
    let units: UnitRepository
    let decisions: DecisionRepository
    let movements: MovementReportRepository
    let summaries: SummaryRepository

    func addRoutes(to group: RouterGroup<AuthenticatedContext>) {
        group.get("reports/movements/{id}") { request, context in
            try Policy.require(context.account, .readRegistry)
            guard let format = MovementReportFormat(rawValue: request.uri.queryParameters.get("format") ?? "json") else {
                throw DomainError.validation([.init(field: "format", message: "format phải là md, html, json hoặc csv.")])
            }
            let report = try await movements.report(
                try context.parameters.id("id", of: Movement.self, what: "phong trào"), logger: context.logger)
            return Response(
                status: .ok, headers: [.contentType: format.contentType], body: .init(byteBuffer: ByteBuffer(bytes: format.render(report))))
        }
        group.get("reports/summary") { request, context in
            try Policy.require(context.account, .readRegistry)
            let query = request.uri.queryParameters
            let period = try Period.choose(year: query.get("year"), schoolYear: query.get("schoolYear"))
            guard let format = SummaryFormat(rawValue: query.get("format") ?? "json") else {
                throw DomainError.validation([.init(field: "format", message: "format phải là md, html, json hoặc csv.")])
            }
            let unit = try await query.get("unit").asyncMap { try await units.find(code: $0, logger: context.logger).id }
            let summary = try await summaries.summary(period, unit: unit, logger: context.logger)
            return Response(
                status: .ok, headers: [.contentType: format.contentType], body: .init(byteBuffer: ByteBuffer(bytes: format.render(summary)))
            )
        }
        group.get("decisions/{id}/document") { request, context in
            try Policy.require(context.account, .readDirectory)
            guard let id = context.parameters.get("id"), ID<Commendation>(id) != nil else { throw DomainError.notFound("quyết định") }
            guard let format = DecisionDocumentFormat(rawValue: request.uri.queryParameters.get("format") ?? "html") else {
                throw DomainError.validation([.init(field: "format", message: "format phải là html hoặc md.")])
            }
            let document = try await decisions.document(id, logger: context.logger)
            return Response(
                status: .ok, headers: [.contentType: format.contentType],
                body: .init(byteBuffer: ByteBuffer(bytes: format.render(document))))
        }
        group.get("reports/honor-list") { request, context in
            try Policy.require(context.account, .readDirectory)
            let query = request.uri.queryParameters
            let period = try Period.choose(year: query.get("year"), schoolYear: query.get("schoolYear"))
            let formatText = query.get("format") ?? "json"
            guard let format = HonorListFormat(rawValue: formatText) else {
                throw DomainError.validation([.init(field: "format", message: "format phải là csv, xlsx, md, json hoặc html.")])
            }
            let unit = try await query.get("unit").asyncMap { try await units.find(code: $0, logger: context.logger).id }
            let movement = try query.get("movementId").map { text throws(DomainError) in
                try bodyID(text, Movement.self, field: "movementId")
            }
            let honorRequest = HonorList.Request(
                period: period, unitId: unit, movementId: movement, includeRevoked: query.get("includeRevoked") == "true")
            // Filters are checked before the first byte, so a bad unit or movement is still a problem+json.
            _ = try await honorList.issuer(for: honorRequest, logger: context.logger)
            let (repository, logger) = (honorList, context.logger)
            return Response(
                status: .ok,
                headers: [
                    .contentType: format.contentType,
                    .contentDisposition: "inline; filename=\"danh-sach-khen-thuong-\(period.label).\(format.rawValue)\"",
                ],
                body: ResponseBody { writer in
                    try await HonorListReport.stream(honorRequest, format: format, repository: repository, logger: logger) { data in
                        try await writer.write(ByteBuffer(bytes: data))
                    }
                    try await writer.finish(nil)
                })
        }
    }
}
