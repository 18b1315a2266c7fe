import Hummingbird
import ThiduaCore
import ThiduaExport
import ThiduaStore

/// `/v1/commendations`: immutable; the headmaster may revoke one with a reason and a decision.
/// Commendations are created by approving nominations (`NominationController`, `DecisionController`).
struct CommendationController {
    let commendations: CommendationRepository
    /// The list's pages (a streaming replica's when `serve --read-database-url` names one).
    let listing: CommendationRepository
    let decisions: DecisionRepository

    func addRoutes(to group: RouterGroup<AuthenticatedContext>) {
        group.get("commendations", use: list)
        group.get("commendations/{id}", use: get)
        group.post("commendations/{id}/revoke", use: revoke)
        group.get("commendations/{id}/revocation", use: revocation)
    }

    /// Staff-only accounts see their own commendations; an account linked to no person sees none.
    @Sendable func list(_ request: Request, context: AuthenticatedContext) async throws -> CommendationJSON {
        let scope = Policy.readScope(context.account)
        if scope == .nothing { return .page([], nextCursor: nil) }
        let query = request.uri.queryParameters
        let filter = CommendationRepository.Filter(
            period: try FieldParsing.optionalPeriod(year: query.get("year"), schoolYear: query.get("schoolYear")),
            unitId: try FieldParsing.optionalID(query.get("unitId"), OrgUnit.self, field: "unitId"),
            awardCode: query.get("award"),
            movementId: try FieldParsing.optionalID(query.get("movementId"), Movement.self, field: "movementId"),
            concerning: scope.person, movementUnits: scope == .everything ? Policy.units(for: .readRegistry, context.account) : nil)
        let page = try await listing.list(filter, page: try request.pageRequest(), logger: context.logger)
        return .page(page.items, nextCursor: page.nextCursor)
    }

    @Sendable func get(_ request: Request, context: AuthenticatedContext) async throws -> CommendationJSON {
        let commendation = try await commendations.find(try id(context), logger: context.logger)
        try Policy.requireRead(commendation.nominee, as: context.account, what: Commendation.noun)
        return .one(commendation)
    }

    @Sendable func revoke(_ request: Request, context: AuthenticatedContext) async throws -> CommendationResponse {
        try Policy.require(context.account, .decide)
        let body = try await request.decode(as: RevokeRequest.self, context: context)
        let reason = try requiredReason(body.reason)
        let number = try requiredReason(body.decisionNumber, field: "decisionNumber")
        let date = try FieldParsing.optionalDate(body.decisionDate, field: "decisionDate")
        let commendation = try await commendations.revoke(
            try id(context), reason: reason, decisionNumber: number, decisionDate: date, by: context.account, logger: context.logger)
        return CommendationResponse(commendation)
    }

    /// `GET /v1/commendations/{id}/revocation?format=html|md|docx`: the decision that revoked it, whole (as `thidua report
    /// revocation`). It states the reason, so it is for the registry's roles (security review F4), not the directory.
    @Sendable func revocation(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        try Policy.require(context.account, .readRegistry)
        let format = try FieldParsing.choice(
            request.uri.queryParameters.get("format") ?? "html", RevocationFormat.self, field: "format",
            message: "format phải là html, md hoặc docx.")
        let document = try await decisions.revocation(of: try id(context), logger: context.logger)
        return Response(
            status: .ok, headers: [.contentType: format.contentType],
            body: .init(byteBuffer: ByteBuffer(bytes: try format.render(document))))
    }

    private func id(_ context: AuthenticatedContext) throws -> ID<Commendation> {
        try context.parameters.id("id", of: Commendation.self, what: Commendation.noun)
    }
}
