import Foundation
import Hummingbird
import ThiduaCore
import ThiduaStore

/// `/v1/outside-commendations`: the union's and the sector's commendations, recorded from their decisions (the union's
/// chair records the union's, the head the sector's, an admin both); the registry's roles read the list, a person
/// their own rows.
struct OutsideCommendationController {
    let outside: OutsideCommendationRepository
    let catalogue: CatalogueRepository

    func addRoutes(to group: RouterGroup<AuthenticatedContext>) {
        group.get("outside-commendations", use: list)
        group.post("outside-commendations", use: record)
        group.get("outside-commendations/{id}", use: get)
    }

    /// `?year=2024` or `?schoolYear=2023-2024`; every period when left out.
    @Sendable func list(_ request: Request, context: AuthenticatedContext) async throws -> ListResponse<OutsideCommendationResponse> {
        let query = request.uri.queryParameters
        let period = try FieldParsing.optionalPeriod(year: query.get("year"), schoolYear: query.get("schoolYear"))
        let all = try await outside.list(
            period: period, units: Policy.units(for: .readDirectory, context.account), logger: context.logger)
        return ListResponse(
            items: all.filter { Policy.canRead($0.nominee, as: context.account) }.map(OutsideCommendationResponse.init),
            nextCursor: nil)
    }

    @Sendable func record(_ request: Request, context: AuthenticatedContext) async throws
        -> EditedResponse<OutsideCommendationResponse>
    {
        try Policy.require(context.account, .recordOutsideCommendation)
        let body = try await request.decode(as: RecordRequest.self, context: context)
        let draft = try OutsideCommendationDraft.validate(
            personId: body.nominee?.personId, unitId: body.nominee?.unitId, award: body.award, period: body.period,
            decisionNumber: body.decisionNumber, decisionDate: body.decisionDate, issuer: body.issuer, kind: body.kind)
        let award = try await catalogue.award(draft.awardCode, field: "award", logger: context.logger)
        try OutsideCommendation.checkRecording(award, as: context.account)
        let recorded = try await outside.record(draft, award: award, by: context.actor, logger: context.logger)
        return EditedResponse(
            status: .created, headers: [.location: "/v1/outside-commendations/\(recorded.id)"],
            response: OutsideCommendationResponse(recorded))
    }

    @Sendable func get(_ request: Request, context: AuthenticatedContext) async throws -> OutsideCommendationResponse {
        let id = try context.parameters.id("id", of: OutsideCommendation.self, what: OutsideCommendation.noun)
        let recorded = try await outside.find(id, logger: context.logger)
        try Policy.requireRead(recorded.nominee, as: context.account, what: OutsideCommendation.noun)
        return OutsideCommendationResponse(recorded)
    }
}
