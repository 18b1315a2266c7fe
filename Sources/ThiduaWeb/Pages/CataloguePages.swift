import Foundation
import Hummingbird
import ThiduaCore
import ThiduaStore

/// Danh mục khen thưởng: each award with its coefficient and money today, the base salaries by date; an admin changes an
/// award's coefficient from a date (with a reason, kept in the log) and adds a new base salary with the decree it follows.
/// Money already decided never changes: a commendation keeps the figures of its decision date.
extension WebPages {
    struct CatalogueContent {
        let csrf: String
        let awards: [AwardRow]
        let salaries: [SalaryRow]
        let mayEdit: Bool
        let amount: String
        let effectiveFrom: String
        let citation: String
        let errors: [String: String]
    }

    struct AwardRow {
        let name: String
        let recipient: String
        let coefficient: String
        let money: String
        let authority: String
        let path: String
    }

    struct SalaryRow {
        let from: String
        let amount: String
        let citation: String
    }

    struct AwardContent {
        let csrf: String
        let name: String
        let path: String
        let rules: [RuleRow]
        let effectiveFrom: String
        let coefficient: String
        let reason: String
        let citation: String
        let errors: [String: String]
    }

    struct RuleRow {
        let from: String
        let coefficient: String
        let authority: String
        let citation: String
    }

    func cataloguePage(context: Context) async throws -> Response {
        let session = try session(context, allowedTo: .readRegistry)
        return try await cataloguePage(session: session, form: nil, errors: [:], context: context)
    }

    func addSalary(request: Request, context: Context) async throws -> Response {
        let session = try session(context, allowedTo: .manageCatalogue)
        let form = try await FormFields.read(request)
        do {
            var problems: [DomainError.FieldViolation] = []
            let from = form.isoDate("effectiveFrom", required: true, problems: &problems)
            let digits = (form["amount"] ?? "").filter { $0.isNumber }
            let salary = try validated(adding: problems) { () throws(DomainError) in
                try BaseSalary.validate(amount: digits.count <= 12 ? Int(digits) : nil, from: from, citation: form["citation"])
            }
            _ = try await catalogue.addSalary(salary, by: Actor(account: session.account), logger: context.logger)
            return Renderer.redirect(to: "/catalogue#luong-co-so")
        } catch let error as DomainError where error.refusesInput || error.code == .conflict {
            return try await cataloguePage(session: session, form: form, errors: Self.fieldMessages(error), context: context)
        }
    }

    func awardPage(context: Context) async throws -> Response {
        let session = try session(context, allowedTo: .manageCatalogue)
        return try await awardPage(try context.parameters.require("code"), session: session, form: nil, errors: [:], context: context)
    }

    /// A new rule from a date: the coefficient typed, everything else as in force before it.
    func reviseAward(request: Request, context: Context) async throws -> Response {
        let session = try session(context, allowedTo: .manageCatalogue)
        let code = try context.parameters.require("code")
        let award = try await catalogue.award(code, logger: context.logger)
        let form = try await FormFields.read(request)
        do {
            // Every problem at once: the date and the reason the page reads, then Core's check of the new rule.
            var problems: [DomainError.FieldViolation] = []
            let from = form.isoDate("effectiveFrom", required: true, problems: &problems)
            var reason = ""
            do { reason = try requiredReason(form["reason"]) } catch { problems += error.violations }
            let rule = try validated(adding: problems) { () throws(DomainError) in
                try AwardRule.revised(
                    award: award, effectiveFrom: from, coefficient: (form["coefficient"] ?? "").replacingOccurrences(of: ",", with: "."),
                    collectiveFactor: nil, authorityLevel: nil, voteThreshold: nil, eligibility: nil, citation: form["citation"],
                    verified: nil)
            }
            _ = try await catalogue.setRule(rule, reason: reason, by: Actor(account: session.account), logger: context.logger)
            return Renderer.redirect(to: "/catalogue/\(Self.queryValue(code))")
        } catch let error as DomainError where error.refusesInput || error.code == .conflict {
            return try await awardPage(code, session: session, form: form, errors: Self.fieldMessages(error), context: context)
        }
    }

    /// A refusal's messages by field of the two forms.
    static func fieldMessages(_ error: DomainError) -> [String: String] {
        formErrors(error, fields: ["amount", "effectiveFrom", "coefficient", "reason"])
    }

    private func cataloguePage(session: SignInRepository.Session, form: FormFields?, errors: [String: String], context: Context)
        async throws -> Response
    {
        let today = LocalDate.today
        let levels = Dictionary(
            try await catalogue.levels(logger: context.logger).map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        let awards = try await catalogue.awards(logger: context.logger)
        // Today's money for a person and for a collective: a collective title (Cờ thi đua…) has only the second.
        func money(collective: Bool) async throws -> [String: String] {
            Dictionary(
                try await catalogue.offers(collective: collective, on: today, logger: context.logger).compactMap { offer in
                    offer.quote.map { (offer.award.code, "\(VietnameseText.grouped($0.rewardAmount)) đ") }
                }, uniquingKeysWith: { a, _ in a })
        }
        let (individual, collective) = (try await money(collective: false), try await money(collective: true))
        let recipients = ["individual": "Cá nhân", "collective": "Tập thể", "both": "Cá nhân, tập thể", "model": "Mô hình"]
        let content = CatalogueContent(
            csrf: session.csrfToken,
            awards: awards.map { award in
                let rule = award.rule(on: today)
                return AwardRow(
                    name: award.name, recipient: recipients[award.recipient.rawValue] ?? award.recipient.rawValue,
                    coefficient: rule.map(Self.basis) ?? "",
                    money: [individual[award.code], collective[award.code].map { "\($0) (tập thể)" }].compactMap { $0 }
                        .joined(separator: "; "),
                    authority: award.issuer == .state
                        ? rule.flatMap { levels[$0.authorityLevel] } ?? "" : "\(award.issuer.vietnamese): \(award.issuerName)",
                    path: "/catalogue/\(Self.queryValue(award.code))")
            },
            salaries: try await catalogue.salaries(logger: context.logger).sorted { $0.effectiveFrom > $1.effectiveFrom }.map {
                SalaryRow(from: $0.effectiveFrom.vietnamese, amount: "\(VietnameseText.grouped($0.amount)) đ", citation: $0.citation)
            },
            mayEdit: Policy.can(session.account, .manageCatalogue), amount: form?["amount"] ?? "",
            effectiveFrom: form?["effectiveFrom"] ?? "", citation: form?["citation"] ?? "", errors: errors)
        return renderer.page(
            "catalogue", content, layout: Pages.layout(title: "Danh mục khen thưởng", session: session, current: "/catalogue"),
            status: errors.isEmpty ? .ok : .unprocessableContent)
    }

    private func awardPage(
        _ code: String, session: SignInRepository.Session, form: FormFields?, errors: [String: String], context: Context
    ) async throws -> Response {
        let award = try await catalogue.award(code, logger: context.logger)
        let levels = Dictionary(
            try await catalogue.levels(logger: context.logger).map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        let content = AwardContent(
            csrf: session.csrfToken, name: award.name, path: "/catalogue/\(Self.queryValue(code))",
            rules: award.rules.sorted { $0.effectiveFrom > $1.effectiveFrom }.map {
                RuleRow(
                    from: $0.effectiveFrom.vietnamese, coefficient: Self.basis($0),
                    authority: award.issuer == .state
                        ? levels[$0.authorityLevel] ?? $0.authorityLevel : "\(award.issuer.vietnamese): \(award.issuerName)",
                    citation: $0.citation)
            },
            effectiveFrom: form?["effectiveFrom"] ?? "", coefficient: form?["coefficient"] ?? "", reason: form?["reason"] ?? "",
            citation: form?["citation"] ?? "", errors: errors)
        return renderer.page(
            "award", content, layout: Pages.layout(title: award.name, session: session, current: "/catalogue"),
            status: errors.isEmpty ? .ok : .unprocessableContent)
    }

    /// "0,3", or "mức cố định 300.000 đ" for the union's and the sector's awards (never × base salary).
    static func basis(_ rule: AwardRule) -> String {
        rule.fixedAmount.map { "mức cố định \(VietnameseText.grouped($0)) đ" }
            ?? "\(rule.coefficient)".replacingOccurrences(of: ".", with: ",")
    }
}
