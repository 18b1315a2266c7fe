import Hummingbird
import ThiduaCore
import ThiduaStore

/// The law as data: the award catalogue by period, base salaries, rounding, unit authority and caps, and the
/// lifetime records the eligibility rules read. Everyone reads the catalogue; only an admin changes it, with a reason.
struct LawController {
    let catalogue: CatalogueRepository
    let eligibility: EligibilityRepository

    struct RuleRequest: Decodable {
        let effectiveFrom: String?
        let coefficient: String?
        let collectiveFactor: Int?
        let authorityLevel: String?
        let voteThreshold: VoteThresholdRequest?
        let eligibility: [String]?
        let citation: String?
        let verified: Bool?
        let reason: String?
    }

    struct VoteThresholdRequest: Decodable {
        let numerator: Int?
        let denominator: Int?
        let base: String?
    }

    struct SalaryRequest: Decodable {
        let amount: Int?
        let effectiveFrom: String?
        let citation: String?
    }

    struct SettingsRequest: Decodable {
        let rewardRounding: String?
        let reason: String?
    }

    struct PolicyRequest: Decodable {
        let authorityLevel: String?
        let caps: [CapRequest]?
        let reason: String?
    }

    struct CapRequest: Decodable {
        let award: String?
        let ofAward: String?
        let percent: String?
        let enabled: Bool?
    }

    struct AwardResponse: ResponseEncodable, Sendable {
        let code: String
        let name: String
        let recipient: String
        let kind: String
        let precedence: Int
        let citation: String
        let verified: Bool
        /// The rule in force today.
        let current: AwardRule?
        let rules: [AwardRule]

        init(_ award: Award) {
            self.code = award.code
            self.name = award.name
            self.recipient = award.recipient.rawValue
            self.kind = award.kind
            self.precedence = award.precedence
            self.citation = award.citation
            self.verified = award.verified && (award.rule(on: .today)?.verified ?? true)
            self.current = award.rule(on: .today)
            self.rules = award.rules
        }
    }

    struct SettingsResponse: ResponseEncodable, Sendable {
        let rewardRounding: RewardRounding
        let roundingUnit: Int
    }

    func addRoutes(to group: RouterGroup<AuthenticatedContext>) {
        group.get("awards") { _, context in
            ListResponse(items: try await catalogue.awards(logger: context.logger).map(AwardResponse.init), nextCursor: nil)
        }
        group.get("awards/{code}") { _, context in
            AwardResponse(try await catalogue.award(try code(context), logger: context.logger))
        }
        group.post("awards/{code}/rules") { request, context in
            try Policy.require(context.account, .manageCatalogue)
            let body = try await request.decodeJSON(as: RuleRequest.self, context: context)
            let reason = try requiredReason(body.reason)
            let award = try await catalogue.award(try code(context), logger: context.logger)
            let rule = try AwardRule.revised(
                award: award, effectiveFrom: body.effectiveFrom, coefficient: body.coefficient, collectiveFactor: body.collectiveFactor,
                authorityLevel: body.authorityLevel,
                voteThreshold: try body.voteThreshold.map { threshold throws(DomainError) in
                    try VoteThreshold.validate(numerator: threshold.numerator, denominator: threshold.denominator, base: threshold.base)
                },
                eligibility: body.eligibility,
                citation: body.citation, verified: body.verified)
            let updated = try await catalogue.setRule(rule, reason: reason, by: context.actor, logger: context.logger)
            return EditedResponse(status: .created, response: AwardResponse(updated))
        }
        group.get("awards/{code}/reward") { request, context in
            let query = request.uri.queryParameters
            guard let date = query.get("date").flatMap(LocalDate.init) else {
                throw DomainError.validation([.init(field: "date", message: "Cần ngày quyết định dạng YYYY-MM-DD (date=2024-07-01).")])
            }
            let collective: Bool
            switch query.get("collective") {
            case nil, "false": collective = false
            case "true": collective = true
            default: throw DomainError.validation([.init(field: "collective", message: "collective là true hoặc false.")])
            }
            return try await catalogue.quote(award: try code(context), date: date, collective: collective, logger: context.logger)
        }
        group.get("authority-levels") { _, context in
            ListResponse(items: try await catalogue.levels(logger: context.logger), nextCursor: nil)
        }
        group.get("base-salaries") { _, context in
            ListResponse(items: try await catalogue.salaries(logger: context.logger), nextCursor: nil)
        }
        group.post("base-salaries") { request, context in
            try Policy.require(context.account, .manageCatalogue)
            let body = try await request.decodeJSON(as: SalaryRequest.self, context: context)
            let salary = try BaseSalary.validate(amount: body.amount, from: body.effectiveFrom, citation: body.citation)
            return EditedResponse(
                status: .created, response: try await catalogue.addSalary(salary, by: context.actor, logger: context.logger))
        }
        group.get("settings") { _, context in
            SettingsResponse(rewardRounding: try await catalogue.rounding(logger: context.logger), roundingUnit: 10_000)
        }
        group.put("settings") { request, context in
            try Policy.require(context.account, .manageCatalogue)
            let body = try await request.decodeJSON(as: SettingsRequest.self, context: context)
            guard let rounding = body.rewardRounding.flatMap(RewardRounding.init) else {
                throw DomainError.validation([.init(field: "rewardRounding", message: "Cách làm tròn là up, nearest hoặc none.")])
            }
            try await catalogue.setRounding(rounding, reason: try requiredReason(body.reason), by: context.actor, logger: context.logger)
            return SettingsResponse(rewardRounding: rounding, roundingUnit: 10_000)
        }
        group.get("units/{id}/policy") { _, context in
            try await catalogue.policy(of: try context.parameters.id("id", of: OrgUnit.self, what: "đơn vị"), logger: context.logger)
        }
        group.put("units/{id}/policy") { request, context in
            try Policy.require(context.account, .manageCatalogue)
            let unit = try context.parameters.id("id", of: OrgUnit.self, what: "đơn vị")
            let body = try await request.decodeJSON(as: PolicyRequest.self, context: context)
            let reason = try requiredReason(body.reason)
            var caps: [UnitPolicy.Cap] = []
            for (index, cap) in (body.caps ?? []).enumerated() {
                caps.append(
                    try UnitPolicy.Cap.validate(
                        award: cap.award, ofAward: cap.ofAward, percent: cap.percent, enabled: cap.enabled, field: "caps[\(index)]"))
            }
            return try await catalogue.setPolicy(
                unit, authorityLevel: body.authorityLevel, caps: caps, reason: reason, by: context.actor, logger: context.logger)
        }
        group.get("people/{id}/record") { _, context in
            let person = try context.parameters.id("id", of: Person.self, what: "cá nhân")
            guard Policy.can(context.account, .readRecords) || context.account.personId == person else {
                throw DomainError.forbidden("Chỉ xem được hồ sơ thi đua của chính mình.")
            }
            return try await eligibility.record(of: .person(person), logger: context.logger)
        }
        group.get("units/{id}/record") { _, context in
            try Policy.require(context.account, .readRecords)
            return try await eligibility.record(
                of: .unit(try context.parameters.id("id", of: OrgUnit.self, what: "đơn vị")), logger: context.logger)
        }
    }

    private func code(_ context: AuthenticatedContext) throws -> String {
        guard let code = context.parameters.get("code") else { throw DomainError.notFound("khen thưởng") }
        return code
    }
}

extension RewardQuote: ResponseEncodable {}
extension UnitPolicy: ResponseEncodable {}
extension LifetimeRecord: ResponseEncodable {}
extension EligibilityReport: ResponseEncodable {}
extension BaseSalary: ResponseEncodable {}
