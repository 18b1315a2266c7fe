import Hummingbird
import ThiduaCore
import ThiduaStore

/// `/v1/nominations`: registered by the union, reviewed by the council, decided by the headmaster.
struct NominationController {
    let nominations: NominationRepository
    let reviews: ReviewRepository
    let eligibility: EligibilityRepository

    struct CreateRequest: Decodable {
        let movementId: String?
        let award: String?
        let nominee: ModelController.OwnerRequest?
        let achievements: String?
        let modelIds: [String]?
    }

    struct PatchRequest: Decodable {
        let award: String?
        let achievements: String?
        let modelIds: [String]?
    }

    struct ReviewRequest: Decodable {
        let scores: [String: Int]?
        let vote: String?
        let comment: String?
    }

    struct RecommendationRequest: Decodable {
        let recommended: Bool?
    }

    /// Within the unit's authority: the decision's number and date. Above it: the submission's (tờ trình).
    struct ApprovalRequest: Decodable {
        let decisionNumber: String?
        let decisionDate: String?
        let submissionNumber: String?
        let submissionDate: String?
    }

    struct ExternalDecisionRequest: Decodable {
        let issuer: String?
        let decisionNumber: String?
        let decisionDate: String?
    }

    struct OverrideRequest: Decodable {
        let rule: String?
        let reason: String?
    }

    struct RecusalRequest: Decodable {
        let accountId: String?
        let reason: String?
    }

    func addRoutes(to group: RouterGroup<AuthenticatedContext>) {
        group.get("nominations") { request, context in
            let only = context.onlyConcerning
            if case .some(nil) = only { return ListResponse<NominationResponse>(items: [], nextCursor: nil) }
            let movementId = try request.uri.queryParameters.get("movementId").map { text throws(DomainError) in
                try bodyID(text, Movement.self, field: "movementId")
            }
            let filter = NominationRepository.Filter(
                status: try statusFilter(request, NominationStatus.self), movementId: movementId, concerning: only ?? nil)
            let page = try await nominations.list(filter, page: try request.pageRequest(), logger: context.logger)
            return ListResponse(items: page.items.map(NominationResponse.init), nextCursor: page.nextCursor)
        }
        group.post("nominations") { request, context in
            try Policy.require(context.account, .nominate)
            let body = try await request.decodeJSON(as: CreateRequest.self, context: context)
            let movementId = try bodyID(body.movementId, Movement.self, field: "movementId")
            let nominee = try Owner.parse(personId: body.nominee?.personId, unitId: body.nominee?.unitId, field: "nominee")
            guard let award = body.award, !award.isEmpty else {
                throw DomainError.validation([.init(field: "award", message: "Cần mã danh hiệu hoặc hình thức khen thưởng (ví dụ LDTT).")])
            }
            let models = try (body.modelIds ?? []).map { text throws(DomainError) in
                try bodyID(text, ModelInitiative.self, field: "modelIds")
            }
            let nomination = try await nominations.create(
                movementId: movementId, awardCode: award, nominee: nominee,
                achievements: VietnameseText.normalized(body.achievements ?? ""),
                modelIds: models, by: context.account, logger: context.logger)
            return versioned(
                NominationResponse(nomination), version: nomination.version, status: .created, location: "/v1/nominations/\(nomination.id)")
        }
        group.get("nominations/{id}") { _, context in
            let nomination = try await nominations.find(try id(context), logger: context.logger)
            if case .some(let person) = context.onlyConcerning, nomination.nominee.personId == nil || nomination.nominee.personId != person
            {
                throw DomainError.notFound("đề nghị")
            }
            return versioned(NominationResponse(nomination), version: nomination.version)
        }
        group.patch("nominations/{id}") { request, context in
            try Policy.require(context.account, .nominate)
            let body = try await request.decodeJSON(as: PatchRequest.self, context: context)
            let models = try body.modelIds.map {
                try $0.map { text throws(DomainError) in try bodyID(text, ModelInitiative.self, field: "modelIds") }
            }
            let nomination = try await nominations.update(
                try id(context), achievements: body.achievements.map(VietnameseText.normalized), awardCode: body.award, modelIds: models,
                expectedVersion: try request.expectedVersion(), by: context.actor, logger: context.logger)
            return versioned(NominationResponse(nomination), version: nomination.version)
        }
        group.post("nominations/{id}/submit") { request, context in
            try Policy.require(context.account, .nominate)
            return try await move(request, context, to: .submitted)
        }
        group.post("nominations/{id}/withdraw") { request, context in
            try Policy.require(context.account, .nominate)
            return try await move(request, context, to: .withdrawn)
        }
        group.post("nominations/{id}/return") { request, context in
            try Policy.require(context.account, .returnNomination)
            let body = try await request.decodeJSON(as: ReasonRequest.self, context: context)
            return try await move(request, context, to: .returned, reason: try requiredReason(body.reason))
        }
        group.post("nominations/{id}/decline") { request, context in
            try Policy.require(context.account, .decide)
            let body = try await request.decodeJSON(as: ReasonRequest.self, context: context)
            return try await move(request, context, to: .declined, reason: try requiredReason(body.reason))
        }
        group.post("nominations/{id}/reviews") { request, context in
            try Policy.require(context.account, .review)
            let body = try await request.decodeJSON(as: ReviewRequest.self, context: context)
            guard let vote = body.vote.flatMap(Vote.init(rawValue:)) else {
                throw DomainError.validation([.init(field: "vote", message: "vote phải là agree, disagree hoặc abstain.")])
            }
            let summary = try await reviews.review(
                .nomination(try id(context)), by: context.account, scores: body.scores ?? [:], vote: vote,
                comment: VietnameseText.normalized(body.comment ?? ""), logger: context.logger)
            return EditedResponse(status: .created, response: summary)
        }
        group.get("nominations/{id}/reviews") { _, context in
            try Policy.require(context.account, .readReviews)
            return try await reviews.summary(.nomination(try id(context)), viewer: context.account, logger: context.logger)
        }
        group.post("nominations/{id}/recusals") { request, context in
            try Policy.require(context.account, .recordRecusal)
            let body = try await request.decodeJSON(as: RecusalRequest.self, context: context)
            let member = try bodyID(body.accountId, Account.self, field: "accountId")
            try await nominations.recordRecusal(
                try id(context), member: member, reason: try requiredReason(body.reason), by: context.account, logger: context.logger)
            return Response(status: .noContent)
        }
        group.post("nominations/{id}/recommendation") { request, context in
            try Policy.require(context.account, .recommend)
            let body = try await request.decodeJSON(as: RecommendationRequest.self, context: context)
            guard let recommended = body.recommended else {
                throw DomainError.validation([
                    .init(field: "recommended", message: "Cần recommended: true (đề nghị) hoặc false (không đề nghị).")
                ])
            }
            let (nomination, _) = try await nominations.recommend(
                try id(context), recommended: recommended, expectedVersion: try request.expectedVersion(), by: context.account,
                logger: context.logger)
            return versioned(NominationResponse(nomination), version: nomination.version)
        }
        group.post("nominations/{id}/approve") { request, context -> Response in
            try Policy.require(context.account, .decide)
            let body = try await request.decodeJSON(as: ApprovalRequest.self, context: context)
            if body.submissionNumber != nil || body.submissionDate != nil {
                let submission = try DecisionReference.validate(number: body.submissionNumber, date: body.submissionDate)
                let nomination = try await nominations.forward(
                    try id(context), submission: submission, expectedVersion: try request.expectedVersion(), by: context.account,
                    logger: context.logger)
                return try versioned(NominationResponse(nomination), version: nomination.version, status: .accepted)
                    .response(from: request, context: context)
            }
            let decision = try DecisionReference.validate(number: body.decisionNumber, date: body.decisionDate)
            let commendation = try await nominations.approve(
                try id(context), decision: decision, expectedVersion: try request.expectedVersion(), by: context.account,
                logger: context.logger)
            return try EditedResponse(
                status: .created, headers: [.location: "/v1/commendations/\(commendation.id)"], response: CommendationResponse(commendation)
            ).response(from: request, context: context)
        }
        group.post("nominations/{id}/external-decision") { request, context in
            try Policy.require(context.account, .decide)
            let body = try await request.decodeJSON(as: ExternalDecisionRequest.self, context: context)
            let decision = try DecisionReference.validate(number: body.decisionNumber, date: body.decisionDate)
            let commendation = try await nominations.recordExternalDecision(
                try id(context), issuer: body.issuer ?? "", decision: decision, by: context.account, logger: context.logger)
            return EditedResponse(
                status: .created, headers: [.location: "/v1/commendations/\(commendation.id)"], response: CommendationResponse(commendation)
            )
        }
        group.get("nominations/{id}/eligibility") { request, context in
            let nominationId = try id(context)
            if case .some(let person) = context.onlyConcerning {
                let nomination = try await nominations.find(nominationId, logger: context.logger)
                guard let person, nomination.nominee.personId == person else { throw DomainError.notFound("đề nghị") }
            }
            return try await eligibility.evaluate(nominationId, logger: context.logger)
        }
        group.post("nominations/{id}/eligibility-overrides") { request, context in
            try Policy.require(context.account, .overrideEligibility)
            let body = try await request.decodeJSON(as: OverrideRequest.self, context: context)
            guard let rule = body.rule.flatMap(EligibilityRule.init) else {
                throw DomainError.validation([
                    .init(field: "rule", message: "Cần mã tiêu chuẩn, ví dụ rating_good (xem GET /v1/nominations/{id}/eligibility).")
                ])
            }
            let report = try await eligibility.override(
                try id(context), rule: rule, reason: try requiredReason(body.reason), by: context.account, logger: context.logger)
            return EditedResponse(status: .created, response: report)
        }
    }

    private func id(_ context: AuthenticatedContext) throws -> ID<Nomination> {
        try context.parameters.id("id", of: Nomination.self, what: "đề nghị")
    }

    private func move(_ request: Request, _ context: AuthenticatedContext, to next: NominationStatus, reason: String? = nil) async throws
        -> EditedResponse<NominationResponse>
    {
        let nomination = try await nominations.transition(
            try id(context), to: next, reason: reason, expectedVersion: try request.expectedVersion(), by: context.actor,
            logger: context.logger)
        return versioned(NominationResponse(nomination), version: nomination.version)
    }
}
