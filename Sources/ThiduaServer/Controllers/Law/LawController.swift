import Hummingbird
import ThiduaCore
import ThiduaStore

/// The law as data: the award catalogue by period, base salaries and the rounding setting. Everyone reads them; only an
/// admin changes them, with a reason. A unit's authority and caps are served by `UnitController`, lifetime records by
/// `PersonController` and `UnitController`.
struct LawController {
    let catalogue: CatalogueRepository

    func addRoutes(to group: RouterGroup<AuthenticatedContext>) {
        group.get("awards", use: listAwards)
        group.get("awards/{code}", use: getAward)
        group.post("awards/{code}/rules", use: setRule)
        group.get("awards/{code}/reward", use: quoteReward)
        group.get("authority-levels", use: listAuthorityLevels)
        group.get("base-salaries", use: listBaseSalaries)
        group.post("base-salaries", use: addBaseSalary)
        group.get("settings", use: getSettings)
        group.put("settings", use: setSettings)
    }

    @Sendable func listAwards(_ request: Request, context: AuthenticatedContext) async throws -> ListResponse<AwardResponse> {
        ListResponse(items: try await catalogue.awards(logger: context.logger).map(AwardResponse.init), nextCursor: nil)
    }

    @Sendable func getAward(_ request: Request, context: AuthenticatedContext) async throws -> AwardResponse {
        AwardResponse(try await catalogue.award(try code(context), logger: context.logger))
    }

    /// A new rule for an award from a date; fields not given are copied from the rule in force before it.
    @Sendable func setRule(_ request: Request, context: AuthenticatedContext) async throws -> EditedResponse<AwardResponse> {
        try Policy.require(context.account, .manageCatalogue)
        let body = try await request.decode(as: RuleRequest.self, context: context)
        let reason = try requiredReason(body.reason)
        let award = try await catalogue.award(try code(context), logger: context.logger)
        let rule = try AwardRule.revised(
            award: award, effectiveFrom: body.effectiveFrom, coefficient: body.coefficient, collectiveFactor: body.collectiveFactor,
            authorityLevel: body.authorityLevel,
            voteThreshold: try body.voteThreshold.map { threshold throws(DomainError) in
                try VoteThreshold.validate(numerator: threshold.numerator, denominator: threshold.denominator, base: threshold.base)
            },
            eligibility: body.eligibility,
            citation: body.citation, verified: body.verified, fixedAmount: body.fixedAmount)
        let updated = try await catalogue.setRule(rule, reason: reason, by: context.actor, logger: context.logger)
        return EditedResponse(status: .created, response: AwardResponse(updated))
    }

    /// `?date=YYYY-MM-DD&collective=true|false`: the money the award carries on that date.
    @Sendable func quoteReward(_ request: Request, context: AuthenticatedContext) async throws -> RewardQuote {
        let query = request.uri.queryParameters
        let date = try FieldParsing.date(
            query.get("date"), field: "date", message: "Cần ngày quyết định dạng YYYY-MM-DD (date=2024-07-01).")
        let collective = try FieldParsing.queryFlag(query.get("collective"), field: "collective")
        return try await catalogue.quote(award: try code(context), date: date, collective: collective, logger: context.logger)
    }

    @Sendable func listAuthorityLevels(_ request: Request, context: AuthenticatedContext) async throws -> ListResponse<AuthorityLevel> {
        ListResponse(items: try await catalogue.levels(logger: context.logger), nextCursor: nil)
    }

    @Sendable func listBaseSalaries(_ request: Request, context: AuthenticatedContext) async throws -> ListResponse<BaseSalary> {
        ListResponse(items: try await catalogue.salaries(logger: context.logger), nextCursor: nil)
    }

    @Sendable func addBaseSalary(_ request: Request, context: AuthenticatedContext) async throws -> EditedResponse<BaseSalary> {
        try Policy.require(context.account, .manageCatalogue)
        let body = try await request.decode(as: SalaryRequest.self, context: context)
        let salary = try BaseSalary.validate(amount: body.amount, from: body.effectiveFrom, citation: body.citation)
        return EditedResponse(status: .created, response: try await catalogue.addSalary(salary, by: context.actor, logger: context.logger))
    }

    @Sendable func getSettings(_ request: Request, context: AuthenticatedContext) async throws -> SettingsResponse {
        SettingsResponse(rewardRounding: try await catalogue.rounding(logger: context.logger), roundingUnit: 10_000)
    }

    @Sendable func setSettings(_ request: Request, context: AuthenticatedContext) async throws -> SettingsResponse {
        try Policy.require(context.account, .manageCatalogue)
        let body = try await request.decode(as: SettingsRequest.self, context: context)
        let rounding = try FieldParsing.choice(
            body.rewardRounding, RewardRounding.self, field: "rewardRounding", message: "Cách làm tròn là up, nearest hoặc none.")
        try await catalogue.setRounding(rounding, reason: try requiredReason(body.reason), by: context.actor, logger: context.logger)
        return SettingsResponse(rewardRounding: rounding, roundingUnit: 10_000)
    }

    private func code(_ context: AuthenticatedContext) throws -> String {
        guard let code = context.parameters.get("code") else { throw DomainError.notFound("khen thưởng") }
        return code
    }
}
