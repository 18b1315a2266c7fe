import Hummingbird
import ThiduaCore
import ThiduaExport
import ThiduaStore

/// `/v1/decisions`: one decision approving several recommended nominations, all or nothing (`?dryRun=true` previews
/// it), and the decision document (quyết định) as the headmaster signs it.
struct DecisionController {
    let nominations: NominationRepository
    let decisions: DecisionRepository

    func addRoutes(to group: RouterGroup<AuthenticatedContext>) {
        group.post("decisions", use: create)
        group.get("decisions/{id}/document", use: document)
        group.get("decisions/{id}/rewards", use: rewards)
    }

    @Sendable func create(_ request: Request, context: AuthenticatedContext) async throws -> EditedResponse<DecisionResponse> {
        try Policy.require(context.account, .decide)
        let body = try await request.decode(as: CreateRequest.self, context: context)
        let decision = try DecisionReference.validate(number: body.number, date: body.date)
            .signed(as: body.signedAs, recipients: body.recipients)
        let ids = try FieldParsing.ids(body.nominationIds, Nomination.self, field: "nominationIds")
        let dryRun = request.uri.queryParameters.get("dryRun") == "true"
        let items = try await nominations.approveAll(ids, decision: decision, dryRun: dryRun, by: context.account, logger: context.logger)
        let refused = items.filter { $0.problem != nil }.count
        let outcome = dryRun ? (refused == 0 ? "would-approve-all" : "would-fail") : "approved"
        return EditedResponse(
            status: dryRun ? .ok : .created,
            response: DecisionResponse(
                number: decision.number, date: decision.date, dryRun: dryRun, count: items.count, outcome: outcome, items: items))
    }

    /// `GET /v1/decisions/{id}/document?format=html|md`: the same document as `thidua report decision`.
    @Sendable func document(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        try Policy.require(context.account, .readDirectory)
        guard let id = context.parameters.get("id"), ID<Commendation>(id) != nil else { throw DomainError.notFound("quyết định") }
        let format = try FieldParsing.choice(
            request.uri.queryParameters.get("format") ?? "html", DecisionDocumentFormat.self, field: "format",
            message: "format phải là html, md hoặc docx.")
        let document = try await decisions.document(id, logger: context.logger)
        return Response(
            status: .ok, headers: [.contentType: format.contentType],
            body: .init(byteBuffer: ByteBuffer(bytes: try format.render(document))))
    }

    /// `GET /v1/decisions/{id}/rewards?format=html|xlsx|docx`: the reward receipt list, as `thidua report rewards`.
    @Sendable func rewards(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        try Policy.require(context.account, .readDirectory)
        guard let id = context.parameters.get("id"), ID<Commendation>(id) != nil else { throw DomainError.notFound("quyết định") }
        let format = try FieldParsing.choice(
            request.uri.queryParameters.get("format") ?? "html", RewardListFormat.self, field: "format",
            message: "format phải là html, xlsx hoặc docx.")
        let list = RewardList(try await decisions.document(id, logger: context.logger))
        return Response(
            status: .ok, headers: [.contentType: format.contentType],
            body: .init(byteBuffer: ByteBuffer(bytes: try format.render(list))))
    }
}
