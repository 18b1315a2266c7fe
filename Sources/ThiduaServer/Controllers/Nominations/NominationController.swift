import Hummingbird
import ThiduaCore
import ThiduaStore

/// `/v1/nominations`: registered by the union, reviewed by the council, decided by the headmaster.
/// Evidence on a nomination is served by `EvidenceController`.
struct NominationController {
    let nominations: NominationRepository
    let reviews: ReviewRepository
    let eligibility: EligibilityRepository

    func addRoutes(to group: RouterGroup<AuthenticatedContext>) {
        group.get("nominations", use: list)
        group.post("nominations", use: create)
        group.get("nominations/{id}", use: get)
        group.patch("nominations/{id}", use: update)
        group.post("nominations/{id}/submit", use: submit)
        group.post("nominations/{id}/withdraw", use: withdraw)
        group.post("nominations/{id}/return", use: returnForCompletion)
        group.post("nominations/{id}/decline", use: decline)
        group.post("nominations/{id}/reviews", use: review)
        group.get("nominations/{id}/reviews", use: reviewSummary)
        group.post("nominations/{id}/recusals", use: recordRecusal)
        group.post("nominations/{id}/recommendation", use: recommend)
        group.post("nominations/{id}/approve", use: approve)
        group.post("nominations/{id}/external-decision", use: recordExternalDecision)
        group.get("nominations/{id}/eligibility", use: eligibilityReport)
        group.post("nominations/{id}/eligibility-overrides", use: overrideEligibility)
    }

    /// Staff-only accounts see their own nominations; an account linked to no person sees none.
    @Sendable func list(_ request: Request, context: AuthenticatedContext) async throws -> ListResponse<NominationResponse> {
        let scope = Policy.readScope(context.account)
        if scope == .nothing { return .empty }
        let query = request.uri.queryParameters
        let filter = NominationRepository.Filter(
            status: try statusFilter(request, NominationStatus.self),
            movementId: try FieldParsing.optionalID(query.get("movementId"), Movement.self, field: "movementId"),
            concerning: scope.person, units: scope == .everything ? Policy.units(for: .readRegistry, context.account) : nil)
        let page = try await nominations.list(filter, page: try request.pageRequest(), logger: context.logger)
        return ListResponse(items: page.items.map(NominationResponse.init), nextCursor: page.nextCursor)
    }

    @Sendable func create(_ request: Request, context: AuthenticatedContext) async throws -> EditedResponse<NominationResponse> {
        try Policy.require(context.account, .nominate)
        let body = try await request.decode(as: CreateRequest.self, context: context)
        let draft = try NominationDraft.validate(
            movementId: body.movementId, award: body.award, nomineePersonId: body.nominee?.personId,
            nomineeUnitId: body.nominee?.unitId, achievements: body.achievements, modelIds: body.modelIds)
        let nomination = try await nominations.create(
            movementId: draft.movementId, awardCode: draft.award, nominee: draft.nominee, achievements: draft.achievements,
            modelIds: draft.modelIds, kind: try CommendationKind.parse(body.kind), by: context.account, logger: context.logger)
        return versioned(
            NominationResponse(nomination), version: nomination.version, status: .created, location: "/v1/nominations/\(nomination.id)")
    }

    @Sendable func get(_ request: Request, context: AuthenticatedContext) async throws -> EditedResponse<NominationResponse> {
        let nomination = try await readable(try id(context), context)
        return versioned(NominationResponse(nomination), version: nomination.version)
    }

    @Sendable func update(_ request: Request, context: AuthenticatedContext) async throws -> EditedResponse<NominationResponse> {
        try Policy.require(context.account, .nominate)
        let body = try await request.decode(as: PatchRequest.self, context: context)
        let models = try body.modelIds.map { texts throws(DomainError) in
            try FieldParsing.ids(texts, ModelInitiative.self, field: "modelIds")
        }
        let nomination = try await nominations.update(
            try id(context), achievements: body.achievements.map(VietnameseText.normalized), awardCode: body.award, modelIds: models,
            kind: try CommendationKind.parse(body.kind), expectedVersion: try request.expectedVersion(), by: context.actor,
            logger: context.logger)
        return versioned(NominationResponse(nomination), version: nomination.version)
    }

    @Sendable func submit(_ request: Request, context: AuthenticatedContext) async throws -> EditedResponse<NominationResponse> {
        try Policy.require(context.account, .nominate)
        return try await move(request, context, to: .submitted)
    }

    @Sendable func withdraw(_ request: Request, context: AuthenticatedContext) async throws -> EditedResponse<NominationResponse> {
        try Policy.require(context.account, .nominate)
        return try await move(request, context, to: .withdrawn)
    }

    /// The council or the headmaster returns a nomination for completion, saying what is missing.
    @Sendable func returnForCompletion(_ request: Request, context: AuthenticatedContext) async throws
        -> EditedResponse<NominationResponse>
    {
        try Policy.require(context.account, .returnNomination)
        let body = try await request.decode(as: ReasonRequest.self, context: context)
        return try await move(request, context, to: .returned, reason: try requiredReason(body.reason))
    }

    @Sendable func decline(_ request: Request, context: AuthenticatedContext) async throws -> EditedResponse<NominationResponse> {
        try Policy.require(context.account, .decide)
        let body = try await request.decode(as: ReasonRequest.self, context: context)
        return try await move(request, context, to: .declined, reason: try requiredReason(body.reason))
    }

    @Sendable func review(_ request: Request, context: AuthenticatedContext) async throws -> EditedResponse<ReviewRepository.Summary> {
        try await ReviewHandlers(reviews: reviews).submit(.nomination(try id(context)), request, context)
    }

    @Sendable func reviewSummary(_ request: Request, context: AuthenticatedContext) async throws -> ReviewRepository.Summary {
        try await ReviewHandlers(reviews: reviews).summary(.nomination(try id(context)), context)
    }

    @Sendable func recordRecusal(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        try Policy.require(context.account, .recordRecusal)
        let body = try await request.decode(as: RecusalRequest.self, context: context)
        let member = try FieldParsing.id(body.accountId, Account.self, field: "accountId")
        try await nominations.recordRecusal(
            try id(context), member: member, reason: try requiredReason(body.reason), by: context.account, logger: context.logger)
        return Response(status: .noContent)
    }

    @Sendable func recommend(_ request: Request, context: AuthenticatedContext) async throws -> EditedResponse<NominationResponse> {
        try Policy.require(context.account, .recommend)
        let body = try await request.decode(as: RecommendationRequest.self, context: context)
        let recommended = try FieldParsing.flag(
            body.recommended, field: "recommended", message: "Cần recommended: true (đề nghị) hoặc false (không đề nghị).")
        let (nomination, _) = try await nominations.recommend(
            try id(context), recommended: recommended, expectedVersion: try request.expectedVersion(), by: context.account,
            logger: context.logger)
        return versioned(NominationResponse(nomination), version: nomination.version)
    }

    /// Within the unit's authority: a commendation (201). Above it, with a submission number: forwarded (202).
    @Sendable func approve(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        try Policy.require(context.account, .decide)
        let body = try await request.decode(as: ApprovalRequest.self, context: context)
        if body.submissionNumber != nil || body.submissionDate != nil {
            let submission = try DecisionReference.validate(number: body.submissionNumber, date: body.submissionDate)
            let addressee = body.addressee.map(VietnameseText.normalized).flatMap { $0.isEmpty ? nil : $0 }
            let nomination = try await nominations.forward(
                try id(context), submission: submission, addressee: addressee, expectedVersion: try request.expectedVersion(),
                by: context.account,
                logger: context.logger)
            return try versioned(NominationResponse(nomination), version: nomination.version, status: .accepted)
                .response(from: request, context: context)
        }
        let decision = try DecisionReference.validate(number: body.decisionNumber, date: body.decisionDate)
            .signed(as: body.signedAs, recipients: body.recipients)
        let commendation = try await nominations.approve(
            try id(context), decision: decision, expectedVersion: try request.expectedVersion(), by: context.account,
            logger: context.logger)
        return try EditedResponse(
            status: .created, headers: [.location: "/v1/commendations/\(commendation.id)"], response: CommendationResponse(commendation)
        ).response(from: request, context: context)
    }

    /// The higher authority's decision on a forwarded nomination.
    @Sendable func recordExternalDecision(_ request: Request, context: AuthenticatedContext) async throws
        -> EditedResponse<CommendationResponse>
    {
        try Policy.require(context.account, .decide)
        let body = try await request.decode(as: ExternalDecisionRequest.self, context: context)
        let decision = try DecisionReference.validate(number: body.decisionNumber, date: body.decisionDate)
        let commendation = try await nominations.recordExternalDecision(
            try id(context), issuer: body.issuer ?? "", decision: decision, by: context.account, logger: context.logger)
        return EditedResponse(
            status: .created, headers: [.location: "/v1/commendations/\(commendation.id)"], response: CommendationResponse(commendation))
    }

    @Sendable func eligibilityReport(_ request: Request, context: AuthenticatedContext) async throws -> EligibilityReport {
        let nominationId = try id(context)
        _ = try await readable(nominationId, context)
        return try await eligibility.evaluate(nominationId, logger: context.logger)
    }

    @Sendable func overrideEligibility(_ request: Request, context: AuthenticatedContext) async throws
        -> EditedResponse<EligibilityReport>
    {
        try Policy.require(context.account, .overrideEligibility)
        let body = try await request.decode(as: OverrideRequest.self, context: context)
        let rule = try FieldParsing.choice(
            body.rule, EligibilityRule.self, field: "rule",
            message: "Cần mã tiêu chuẩn, ví dụ rating_good (xem GET /v1/nominations/{id}/eligibility).")
        let report = try await eligibility.override(
            try id(context), rule: rule, reason: try requiredReason(body.reason), by: context.account, logger: context.logger)
        return EditedResponse(status: .created, response: report)
    }

    private func id(_ context: AuthenticatedContext) throws -> ID<Nomination> {
        try context.parameters.id("id", of: Nomination.self, what: Nomination.noun)
    }

    /// The nomination, if this account may read it; "not yours" is a 404 like "not there".
    private func readable(_ id: ID<Nomination>, _ context: AuthenticatedContext) async throws -> Nomination {
        let nomination = try await nominations.find(id, logger: context.logger)
        try Policy.requireRead(nomination.nominee, as: context.account, what: Nomination.noun)
        return nomination
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
