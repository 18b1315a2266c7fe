import Hummingbird
import ThiduaCore
import ThiduaStore

/// `/v1/movements`: launched by the headmaster or an admin; draft → open → closed → archived.
struct MovementController {
    let movements: MovementRepository

    struct CriterionRequest: Decodable {
        let code: String?
        let title: String?
        let maxPoints: Int?
    }

    struct CreateRequest: Decodable {
        let name: String?
        let unitId: String?
        let period: String?
        let registrationDeadline: String?
        let nominationDeadline: String?
        let legalBases: [String]?
        let criteria: [CriterionRequest]?
    }

    struct PatchRequest: Decodable {
        let name: String?
        let registrationDeadline: String?
        let nominationDeadline: String?
    }

    func addRoutes(to group: RouterGroup<AuthenticatedContext>) {
        group.get("movements") { request, context in
            try Policy.require(context.account, .readDirectory)
            let page = try await movements.list(
                status: try statusFilter(request, MovementStatus.self), page: try request.pageRequest(), logger: context.logger)
            return ListResponse(items: page.items.map(MovementResponse.init), nextCursor: page.nextCursor)
        }
        group.post("movements") { request, context in
            try Policy.require(context.account, .launchMovement)
            let body = try await request.decodeJSON(as: CreateRequest.self, context: context)
            let draft = try MovementDraft.validate(
                name: body.name, unitId: body.unitId, period: body.period, registrationDeadline: body.registrationDeadline,
                nominationDeadline: body.nominationDeadline, legalBases: body.legalBases,
                criteria: body.criteria?.map { ($0.code, $0.title, $0.maxPoints) }
            ).get()
            let movement = try await movements.create(draft, by: context.actor, logger: context.logger)
            return versioned(
                MovementResponse(movement), version: movement.version, status: .created, location: "/v1/movements/\(movement.id)")
        }
        group.get("movements/{id}") { _, context in
            try Policy.require(context.account, .readDirectory)
            let movement = try await movements.find(
                try context.parameters.id("id", of: Movement.self, what: "phong trào"), logger: context.logger)
            return versioned(MovementResponse(movement), version: movement.version)
        }
        group.patch("movements/{id}") { request, context in
            try Policy.require(context.account, .launchMovement)
            let id = try context.parameters.id("id", of: Movement.self, what: "phong trào")
            let body = try await request.decodeJSON(as: PatchRequest.self, context: context)
            func date(_ text: String?, _ field: String) throws(DomainError) -> LocalDate? {
                guard let text else { return nil }
                guard let date = LocalDate(text) else {
                    throw DomainError.validation([.init(field: field, message: "\(field) phải có dạng YYYY-MM-DD.")])
                }
                return date
            }
            let name = body.name.map(VietnameseText.normalized)
            if name?.isEmpty == true { throw DomainError.validation([.init(field: "name", message: "Cần tên phong trào.")]) }
            let movement = try await movements.update(
                id, name: name, registrationDeadline: try date(body.registrationDeadline, "registrationDeadline"),
                nominationDeadline: try date(body.nominationDeadline, "nominationDeadline"),
                expectedVersion: try request.expectedVersion(), by: context.actor, logger: context.logger)
            return versioned(MovementResponse(movement), version: movement.version)
        }
        for (action, status) in [("open", MovementStatus.open), ("close", .closed), ("archive", .archived)] {
            group.post("movements/{id}/\(action)") { request, context in
                try Policy.require(context.account, .launchMovement)
                let movement = try await movements.transition(
                    try context.parameters.id("id", of: Movement.self, what: "phong trào"), to: status,
                    expectedVersion: try request.expectedVersion(), by: context.actor, logger: context.logger)
                return versioned(MovementResponse(movement), version: movement.version)
            }
        }
    }
}
