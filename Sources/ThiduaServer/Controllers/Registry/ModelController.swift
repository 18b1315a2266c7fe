import Hummingbird
import ThiduaCore
import ThiduaStore

/// `/v1/movements/{id}/models` and `/v1/models/{id}`: model initiatives, registered by the union or an admin.
struct ModelController {
    let models: ModelRepository
    let reviews: ReviewRepository

    struct CreateRequest: Decodable {
        let title: String?
        let field: String?
        let owner: OwnerRequest?
        let goals: String?
        let startsOn: String?
        let endsOn: String?
    }

    struct OwnerRequest: Decodable {
        let personId: String?
        let unitId: String?
    }

    struct PatchRequest: Decodable {
        let title: String?
        let field: String?
        let goals: String?
    }

    struct TransitionRequest: Decodable {
        let status: String?
        let recognition: RecognitionRequest?
    }

    struct RecognitionRequest: Decodable {
        let level: String?
        let decisionNumber: String?
        let decisionDate: String?
    }

    func addRoutes(to group: RouterGroup<AuthenticatedContext>) {
        group.get("movements/{id}/models") { request, context in
            let movementId = try context.parameters.id("id", of: Movement.self, what: "phong trào")
            let only = context.onlyConcerning
            if case .some(nil) = only { return ListResponse<ModelResponse>(items: [], nextCursor: nil) }
            let page = try await models.list(
                movementId: movementId, status: try statusFilter(request, ModelStatus.self), ownedBy: only ?? nil,
                page: try request.pageRequest(), logger: context.logger)
            return ListResponse(items: page.items.map(ModelResponse.init), nextCursor: page.nextCursor)
        }
        group.post("movements/{id}/models") { request, context in
            try Policy.require(context.account, .registerModel)
            let movementId = try context.parameters.id("id", of: Movement.self, what: "phong trào")
            let body = try await request.decodeJSON(as: CreateRequest.self, context: context)
            var violations: [DomainError.FieldViolation] = []
            let title = VietnameseText.normalized(body.title ?? "")
            if title.isEmpty { violations.append(.init(field: "title", message: "Cần tên mô hình.")) }
            if body.field == nil {
                violations.append(
                    .init(field: "field", message: "Cần lĩnh vực (economy, culture_society, defence_security, political_system)."))
            }
            let owner = try? Owner.parse(personId: body.owner?.personId, unitId: body.owner?.unitId, field: "owner")
            if owner == nil {
                violations.append(.init(field: "owner", message: "Cần đúng một trong hai: owner.personId hoặc owner.unitId."))
            }
            let startsOn = body.startsOn.flatMap(LocalDate.init)
            let endsOn = body.endsOn.flatMap(LocalDate.init)
            if body.startsOn != nil && startsOn == nil {
                violations.append(.init(field: "startsOn", message: "startsOn phải có dạng YYYY-MM-DD."))
            }
            if body.endsOn != nil && endsOn == nil { violations.append(.init(field: "endsOn", message: "endsOn phải có dạng YYYY-MM-DD.")) }
            guard violations.isEmpty, let owner, let field = body.field else { throw DomainError.validation(violations) }
            let model = try await models.register(
                movementId: movementId, title: title, field: field, owner: owner, goals: VietnameseText.normalized(body.goals ?? ""),
                startsOn: startsOn, endsOn: endsOn, by: context.actor, logger: context.logger)
            return versioned(ModelResponse(model), version: model.version, status: .created, location: "/v1/models/\(model.id)")
        }
        group.get("models/{id}") { _, context in
            let model = try await models.find(
                try context.parameters.id("id", of: ModelInitiative.self, what: "mô hình"), logger: context.logger)
            if case .some(let person) = context.onlyConcerning, model.owner.personId == nil || model.owner.personId != person {
                throw DomainError.notFound("mô hình")
            }
            return versioned(ModelResponse(model), version: model.version)
        }
        group.patch("models/{id}") { request, context in
            try Policy.require(context.account, .registerModel)
            let body = try await request.decodeJSON(as: PatchRequest.self, context: context)
            let model = try await models.update(
                try context.parameters.id("id", of: ModelInitiative.self, what: "mô hình"),
                title: body.title.map(VietnameseText.normalized), field: body.field, goals: body.goals.map(VietnameseText.normalized),
                expectedVersion: try request.expectedVersion(), by: context.actor, logger: context.logger)
            return versioned(ModelResponse(model), version: model.version)
        }
        group.post("models/{id}/reviews") { request, context in
            try Policy.require(context.account, .review)
            let body = try await request.decodeJSON(as: NominationController.ReviewRequest.self, context: context)
            guard let vote = body.vote.flatMap(Vote.init(rawValue:)) else {
                throw DomainError.validation([.init(field: "vote", message: "vote phải là agree, disagree hoặc abstain.")])
            }
            let summary = try await reviews.review(
                .model(try context.parameters.id("id", of: ModelInitiative.self, what: "mô hình")), by: context.account,
                scores: body.scores ?? [:], vote: vote, comment: VietnameseText.normalized(body.comment ?? ""), logger: context.logger)
            return EditedResponse(status: .created, response: summary)
        }
        group.get("models/{id}/reviews") { _, context in
            try Policy.require(context.account, .readReviews)
            return try await reviews.summary(
                .model(try context.parameters.id("id", of: ModelInitiative.self, what: "mô hình")), viewer: context.account,
                logger: context.logger)
        }
        group.post("models/{id}/transitions") { request, context in
            let body = try await request.decodeJSON(as: TransitionRequest.self, context: context)
            guard let next = body.status.flatMap(ModelStatus.init(rawValue:)) else {
                throw DomainError.validation([
                    .init(
                        field: "status",
                        message: "status phải là một trong: \(ModelStatus.allCases.map(\.rawValue).joined(separator: ", ")).")
                ])
            }
            // Recognition (or not) is the headmaster's; the other steps are the union's.
            try Policy.require(context.account, [.recognized, .notRecognized].contains(next) ? .recognizeModel : .registerModel)
            var recognition: ModelInitiative.Recognition?
            if next == .recognized {
                let level = body.recognition?.level ?? ""
                guard ModelInitiative.Recognition.levels.contains(level) else {
                    throw DomainError.validation([
                        .init(field: "recognition.level", message: "Cấp công nhận phải là school, district hoặc province.")
                    ])
                }
                let decision = try DecisionReference.validate(
                    number: body.recognition?.decisionNumber, date: body.recognition?.decisionDate)
                recognition = .init(level: level, decision: decision.number, date: decision.date)
            }
            let model = try await models.transition(
                try context.parameters.id("id", of: ModelInitiative.self, what: "mô hình"), to: next, recognition: recognition,
                expectedVersion: try request.expectedVersion(), by: context.actor, logger: context.logger)
            return versioned(ModelResponse(model), version: model.version)
        }
    }
}
