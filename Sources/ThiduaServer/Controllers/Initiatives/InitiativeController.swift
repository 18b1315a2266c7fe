import Foundation
import Hummingbird
import ThiduaCore
import ThiduaStore

/// `/v1/initiatives`: the sáng kiến register. The union and admins register and apply for anyone, a teacher for herself;
/// the initiative council scores (admin, headmaster, council); the head recognises and records wider scopes. The
/// registry's roles read the list, a teacher her own.
struct InitiativeController {
    let initiatives: InitiativeRepository

    func addRoutes(to group: RouterGroup<AuthenticatedContext>) {
        group.get("initiatives", use: list)
        group.post("initiatives", use: register)
        group.get("initiatives/{id}", use: get)
        group.post("initiatives/{id}/application", use: apply)
        group.post("initiatives/{id}/score", use: score)
        group.post("initiatives/{id}/recognitions", use: recognize)
        group.post("initiatives/{id}/withdraw", use: withdraw)
    }

    /// `?year=2024` or `?schoolYear=2023-2024`; every period when left out.
    @Sendable func list(_ request: Request, context: AuthenticatedContext) async throws -> ListResponse<InitiativeResponse> {
        let query = request.uri.queryParameters
        let period = try FieldParsing.optionalPeriod(year: query.get("year"), schoolYear: query.get("schoolYear"))
        let all = try await initiatives.list(
            period: period, units: Policy.units(for: .readDirectory, context.account), logger: context.logger)
        return ListResponse(
            items: all.filter { Policy.canRead(.person($0.personId), as: context.account) }.map(InitiativeResponse.init), nextCursor: nil)
    }

    @Sendable func register(_ request: Request, context: AuthenticatedContext) async throws -> EditedResponse<InitiativeResponse> {
        let body = try await request.decode(as: InitiativeRegisterRequest.self, context: context)
        let draft = try InitiativeDraft.validate(
            personId: body.personId, title: body.title, period: body.period, registeredOn: body.registeredOn)
        try Policy.requireRegister(.person(draft.personId), as: context.account)
        let initiative = try await initiatives.register(draft, by: context.actor, logger: context.logger)
        return EditedResponse(
            status: .created, headers: [.location: "/v1/initiatives/\(initiative.id)"], response: InitiativeResponse(initiative))
    }

    @Sendable func get(_ request: Request, context: AuthenticatedContext) async throws -> InitiativeResponse {
        InitiativeResponse(try await readable(context))
    }

    @Sendable func apply(_ request: Request, context: AuthenticatedContext) async throws -> InitiativeResponse {
        let initiative = try await readable(context)
        try Policy.requireRegister(.person(initiative.personId), as: context.account)
        let body = try await request.decode(as: InitiativeApplicationRequest.self, context: context)
        let application = try InitiativeApplication.validate(description: body.description, appliedOn: body.appliedOn)
        return InitiativeResponse(try await initiatives.apply(initiative.id, application, by: context.actor, logger: context.logger))
    }

    @Sendable func score(_ request: Request, context: AuthenticatedContext) async throws -> InitiativeResponse {
        try Policy.require(context.account, .scoreInitiative)
        let initiative = try await readable(context)
        let body = try await request.decode(as: InitiativeScoreRequest.self, context: context)
        let score = try InitiativeScore.validate(score: body.score, passed: body.passed, scoredOn: body.scoredOn)
        return InitiativeResponse(try await initiatives.score(initiative.id, score, by: context.actor, logger: context.logger))
    }

    @Sendable func recognize(_ request: Request, context: AuthenticatedContext) async throws -> EditedResponse<InitiativeResponse> {
        try Policy.require(context.account, .recognizeInitiative)
        let initiative = try await readable(context)
        let body = try await request.decode(as: InitiativeRecognitionRequest.self, context: context)
        let draft = try InitiativeRecognitionDraft.validate(
            scope: body.scope, decisionNumber: body.decisionNumber, decisionDate: body.decisionDate, issuer: body.issuer)
        let recognized = try await initiatives.recognize(initiative.id, draft, by: context.actor, logger: context.logger)
        return EditedResponse(status: .created, response: InitiativeResponse(recognized))
    }

    @Sendable func withdraw(_ request: Request, context: AuthenticatedContext) async throws -> InitiativeResponse {
        let initiative = try await readable(context)
        try Policy.requireRegister(.person(initiative.personId), as: context.account)
        return InitiativeResponse(try await initiatives.withdraw(initiative.id, by: context.actor, logger: context.logger))
    }

    /// The initiative, or 404 for a teacher who is not its author.
    private func readable(_ context: AuthenticatedContext) async throws -> Initiative {
        let id = try context.parameters.id("id", of: Initiative.self, what: Initiative.noun)
        let initiative = try await initiatives.find(id, logger: context.logger)
        try Policy.requireRead(.person(initiative.personId), as: context.account, what: Initiative.noun)
        return initiative
    }
}
