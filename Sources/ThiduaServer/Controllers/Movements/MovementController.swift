import Hummingbird
import ThiduaCore
import ThiduaStore

/// `/v1/movements`: launched by the headmaster or an admin; draft → open → closed → archived.
/// A movement's models are served by `ModelInitiativeController`, its report by `ReportController`.
struct MovementController {
    let movements: MovementRepository

    func addRoutes(to group: RouterGroup<AuthenticatedContext>) {
        group.get("movements", use: list)
        group.post("movements", use: create)
        group.get("movements/{id}", use: get)
        group.patch("movements/{id}", use: update)
        group.post("movements/{id}/open", use: open)
        group.post("movements/{id}/close", use: close)
        group.post("movements/{id}/archive", use: archive)
    }

    @Sendable func list(_ request: Request, context: AuthenticatedContext) async throws -> ListResponse<MovementResponse> {
        try Policy.require(context.account, .readDirectory)
        let page = try await movements.list(
            status: try statusFilter(request, MovementStatus.self), units: Policy.units(for: .readDirectory, context.account),
            page: try request.pageRequest(), logger: context.logger)
        return ListResponse(items: page.items.map(MovementResponse.init), nextCursor: page.nextCursor)
    }

    @Sendable func create(_ request: Request, context: AuthenticatedContext) async throws -> EditedResponse<MovementResponse> {
        try Policy.require(context.account, .launchMovement)
        let body = try await request.decode(as: CreateRequest.self, context: context)
        let draft = try MovementDraft.validate(
            name: body.name, unitId: body.unitId, period: body.period, registrationDeadline: body.registrationDeadline,
            nominationDeadline: body.nominationDeadline, legalBases: body.legalBases,
            criteria: body.criteria?.map { ($0.code, $0.title, $0.maxPoints) }
        ).get()
        let movement = try await movements.create(draft, by: context.actor, logger: context.logger)
        return versioned(MovementResponse(movement), version: movement.version, status: .created, location: "/v1/movements/\(movement.id)")
    }

    @Sendable func get(_ request: Request, context: AuthenticatedContext) async throws -> EditedResponse<MovementResponse> {
        try Policy.require(context.account, .readDirectory)
        let movement = try await movements.find(try id(context), logger: context.logger)
        return versioned(MovementResponse(movement), version: movement.version)
    }

    @Sendable func update(_ request: Request, context: AuthenticatedContext) async throws -> EditedResponse<MovementResponse> {
        try Policy.require(context.account, .launchMovement)
        let body = try await request.decode(as: PatchRequest.self, context: context)
        let name = try body.name.map { text throws(DomainError) in
            try FieldParsing.text(text, field: "name", message: "Cần tên phong trào.")
        }
        let movement = try await movements.update(
            try id(context), name: name,
            registrationDeadline: try FieldParsing.optionalDate(body.registrationDeadline, field: "registrationDeadline"),
            nominationDeadline: try FieldParsing.optionalDate(body.nominationDeadline, field: "nominationDeadline"),
            expectedVersion: try request.expectedVersion(), by: context.actor, logger: context.logger)
        return versioned(MovementResponse(movement), version: movement.version)
    }

    @Sendable func open(_ request: Request, context: AuthenticatedContext) async throws -> EditedResponse<MovementResponse> {
        try await move(request, context, to: .open)
    }

    @Sendable func close(_ request: Request, context: AuthenticatedContext) async throws -> EditedResponse<MovementResponse> {
        try await move(request, context, to: .closed)
    }

    @Sendable func archive(_ request: Request, context: AuthenticatedContext) async throws -> EditedResponse<MovementResponse> {
        try await move(request, context, to: .archived)
    }

    private func move(_ request: Request, _ context: AuthenticatedContext, to status: MovementStatus) async throws
        -> EditedResponse<MovementResponse>
    {
        try Policy.require(context.account, .launchMovement)
        let movement = try await movements.transition(
            try id(context), to: status, expectedVersion: try request.expectedVersion(), by: context.actor, logger: context.logger)
        return versioned(MovementResponse(movement), version: movement.version)
    }

    private func id(_ context: AuthenticatedContext) throws -> ID<Movement> {
        try context.parameters.id("id", of: Movement.self, what: Movement.noun)
    }
}
