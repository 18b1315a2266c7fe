import Hummingbird
import ThiduaCore
import ThiduaStore

/// `/v1/movements/{id}/models` and `/v1/models/{id}`: model initiatives (mô hình), registered by the union or an admin.
/// Evidence on a model is served by `EvidenceController`.
struct ModelInitiativeController {
    let models: ModelInitiativeRepository
    let reviews: ReviewRepository

    func addRoutes(to group: RouterGroup<AuthenticatedContext>) {
        group.get("movements/{id}/models", use: list)
        group.post("movements/{id}/models", use: register)
        group.get("models/{id}", use: get)
        group.patch("models/{id}", use: update)
        group.post("models/{id}/reviews", use: review)
        group.get("models/{id}/reviews", use: reviewSummary)
        group.post("models/{id}/transitions", use: transition)
    }

    /// Staff-only accounts see the models they lead; an account linked to no person sees none.
    @Sendable func list(_ request: Request, context: AuthenticatedContext) async throws -> ListResponse<ModelInitiativeResponse> {
        let movementId = try context.parameters.id("id", of: Movement.self, what: Movement.noun)
        let scope = Policy.readScope(context.account)
        if scope == .nothing { return .empty }
        let page = try await models.list(
            movementId: movementId, status: try statusFilter(request, ModelStatus.self), ownedBy: scope.person,
            page: try request.pageRequest(), logger: context.logger)
        return ListResponse(items: page.items.map(ModelInitiativeResponse.init), nextCursor: page.nextCursor)
    }

    @Sendable func register(_ request: Request, context: AuthenticatedContext) async throws -> EditedResponse<ModelInitiativeResponse> {
        try Policy.require(context.account, .registerModel)
        let movementId = try context.parameters.id("id", of: Movement.self, what: Movement.noun)
        let body = try await request.decode(as: CreateRequest.self, context: context)
        let draft = try ModelInitiativeDraft.validate(
            title: body.title, field: body.field, ownerPersonId: body.owner?.personId, ownerUnitId: body.owner?.unitId, goals: body.goals,
            startsOn: body.startsOn, endsOn: body.endsOn)
        let model = try await models.register(
            movementId: movementId, title: draft.title, field: draft.field, owner: draft.owner, goals: draft.goals,
            startsOn: draft.startsOn, endsOn: draft.endsOn, by: context.actor, logger: context.logger)
        return versioned(ModelInitiativeResponse(model), version: model.version, status: .created, location: "/v1/models/\(model.id)")
    }

    @Sendable func get(_ request: Request, context: AuthenticatedContext) async throws -> EditedResponse<ModelInitiativeResponse> {
        let model = try await models.find(try id(context), logger: context.logger)
        try Policy.requireRead(model.owner, as: context.account, what: ModelInitiative.noun)
        return versioned(ModelInitiativeResponse(model), version: model.version)
    }

    @Sendable func update(_ request: Request, context: AuthenticatedContext) async throws -> EditedResponse<ModelInitiativeResponse> {
        try Policy.require(context.account, .registerModel)
        let body = try await request.decode(as: PatchRequest.self, context: context)
        let model = try await models.update(
            try id(context), title: body.title.map(VietnameseText.normalized), field: body.field,
            goals: body.goals.map(VietnameseText.normalized), expectedVersion: try request.expectedVersion(), by: context.actor,
            logger: context.logger)
        return versioned(ModelInitiativeResponse(model), version: model.version)
    }

    @Sendable func review(_ request: Request, context: AuthenticatedContext) async throws -> EditedResponse<ReviewRepository.Summary> {
        try await ReviewHandlers(reviews: reviews).submit(.model(try id(context)), request, context)
    }

    @Sendable func reviewSummary(_ request: Request, context: AuthenticatedContext) async throws -> ReviewRepository.Summary {
        try await ReviewHandlers(reviews: reviews).summary(.model(try id(context)), context)
    }

    /// Recognition (or not) is the headmaster's; the other steps are the union's.
    @Sendable func transition(_ request: Request, context: AuthenticatedContext) async throws -> EditedResponse<ModelInitiativeResponse> {
        let body = try await request.decode(as: TransitionRequest.self, context: context)
        let next = try FieldParsing.choice(body.status, ModelStatus.self, field: "status")
        try Policy.require(context.account, [.recognized, .notRecognized].contains(next) ? .recognizeModel : .registerModel)
        let recognition =
            next == .recognized
            ? try ModelInitiative.Recognition.validate(
                level: body.recognition?.level, decisionNumber: body.recognition?.decisionNumber,
                decisionDate: body.recognition?.decisionDate)
            : nil
        let model = try await models.transition(
            try id(context), to: next, recognition: recognition, expectedVersion: try request.expectedVersion(), by: context.actor,
            logger: context.logger)
        return versioned(ModelInitiativeResponse(model), version: model.version)
    }

    private func id(_ context: AuthenticatedContext) throws -> ID<ModelInitiative> {
        try context.parameters.id("id", of: ModelInitiative.self, what: ModelInitiative.noun)
    }
}
