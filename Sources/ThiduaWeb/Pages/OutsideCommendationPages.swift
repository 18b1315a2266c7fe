import Foundation
import Hummingbird
import ThiduaCore
import ThiduaStore

/// Khen thưởng của Công đoàn, của ngành on the web: a period's list with the money by issuer, and the form the union's
/// chair (the union's awards), the head (the sector's) or an admin fills from the decision in her hands, each mistake
/// beside its field. The money is the catalogue's fixed amount on the decision's date.
extension WebPages {
    struct OutsideCommendationsContent {
        let path: String
        let csrf: String
        let periodLabel: String
        let periodName: String
        let rows: [OutsideRow]
        let totals: [String]
        let mayRecord: Bool
        let nominees: [Option]
        let awards: [Option]
        let period: String
        let decisionNumber: String
        let decisionDate: String
        let issuer: String
        let errors: [String: String]
        let recorded: Bool
    }

    struct OutsideRow {
        let name: String
        let unit: String
        let award: String
        let kind: String
        let decision: String
        let issuer: String
        let amount: String
    }

    func outsideCommendationsPage(request: Request, context: Context) async throws -> Response {
        let session = try session(context, allowedTo: .readRegistry)
        let query = FormFields.query(request)
        return try await outsideCommendationsPage(
            period: query["period"].flatMap(Period.init) ?? Period.schoolYear(containing: .today), session: session, form: nil, errors: [:],
            recorded: query["recorded"] == "1", context: context)
    }

    func recordOutsideCommendation(request: Request, context: Context) async throws -> Response {
        let session = try session(context, allowedTo: .recordOutsideCommendation)
        let form = try await FormFields.read(request)
        var problems: [DomainError.FieldViolation] = []
        let date = form.isoDate("decisionDate", problems: &problems)
        let nominee = form["nominee"] ?? ""
        let (person, unit) = (
            nominee.hasPrefix("p:") ? String(nominee.dropFirst(2)) : nil, nominee.hasPrefix("u:") ? String(nominee.dropFirst(2)) : nil
        )
        let shownPeriod = (form["period"]).flatMap(Period.init) ?? Period.schoolYear(containing: .today)
        do {
            let draft = try validated(adding: problems) { () throws(DomainError) in
                try OutsideCommendationDraft.validate(
                    personId: person, unitId: unit, award: form["award"], period: form["period"], decisionNumber: form["decisionNumber"],
                    decisionDate: date, issuer: form["issuer"], kind: nil)
            }
            let award = try await catalogue.award(draft.awardCode, field: "award", logger: context.logger)
            try OutsideCommendation.checkRecording(award, as: session.account)
            _ = try await outsideCommendations.record(draft, award: award, by: Actor(account: session.account), logger: context.logger)
            return Renderer.redirect(to: "/outside-commendations?period=\(draft.period.label)&recorded=1#da-ghi")
        } catch let error as DomainError where error.refusesInput || error.code == .conflict {
            var errors = formErrors(
                error, fields: ["nominee", "award", "period", "decisionNumber", "decisionDate", "issuer"],
                aliases: ["personId": "nominee", "unitId": "nominee", "kind": "award"],
                words: ["nominee": "Chọn cá nhân hoặc tập thể được khen thưởng."])
            if errors.isEmpty { errors["form"] = error.messages.joined(separator: " ") }
            return try await outsideCommendationsPage(
                period: shownPeriod, session: session, form: form, errors: errors, recorded: false, context: context)
        }
    }

    private func outsideCommendationsPage(
        period: Period, session: SignInRepository.Session, form: FormFields?, errors: [String: String], recorded: Bool,
        context: Context
    ) async throws -> Response {
        let account = session.account
        let all = try await outsideCommendations.list(
            period: period, units: Policy.units(for: .readDirectory, account), logger: context.logger)
        let rows = all.map { item in
            OutsideRow(
                name: item.nomineeName, unit: item.unitName, award: item.awardName, kind: item.kind.vietnameseName.capitalizedFirst,
                decision: "Số \(item.decisionNumber) ngày \(item.decisionDate.vietnamese)", issuer: item.issuerName,
                amount: item.rewardAmount > 0 ? "\(VietnameseText.grouped(item.rewardAmount)) đ" : "—")
        }
        let totals = Award.Issuer.allCases.compactMap { issuer -> String? in
            let lines = all.filter { $0.issuer == issuer }
            guard !lines.isEmpty else { return nil }
            let money = lines.reduce(0) { $0 + $1.rewardAmount }
            let whose = issuer.vietnameseInSentence
            guard money > 0 else { return "Khen thưởng của \(whose): \(lines.count), không kèm tiền thưởng" }
            return "Khen thưởng của \(whose): \(lines.count), tiền thưởng \(VietnameseText.grouped(money)) đ"
                + (issuer == .union ? " (chi từ quỹ của Công đoàn)" : "")
        }
        let mayRecord = Policy.can(account, .recordOutsideCommendation)
        var nominees: [Option] = []
        var awards: [Option] = []
        if mayRecord {
            let chosen = form?["nominee"] ?? ""
            nominees = try await nomineeOptions(chosen: chosen, as: session.account, context: context)
            let award = form?["award"] ?? ""
            awards = try await catalogue.awards(logger: context.logger)
                .filter { !account.roles.isDisjoint(with: OutsideCommendation.roles(recording: $0.issuer)) }
                .map { Option(value: $0.code, label: "\($0.name) — \($0.issuerName)", selected: award == $0.code) }
        }
        let content = OutsideCommendationsContent(
            path: "/outside-commendations", csrf: session.csrfToken, periodLabel: period.label, periodName: period.vietnamese,
            rows: rows, totals: totals, mayRecord: mayRecord && !awards.isEmpty, nominees: nominees, awards: awards,
            period: form?["period"] ?? period.label, decisionNumber: form?["decisionNumber"] ?? "",
            decisionDate: form?["decisionDate"] ?? "", issuer: form?["issuer"] ?? "", errors: errors, recorded: recorded)
        return renderer.page(
            "outside-commendations", content,
            layout: Pages.layout(title: "Khen thưởng của Công đoàn, của ngành", session: session, current: "/outside-commendations"),
            status: errors.isEmpty ? .ok : errors["form"] != nil && errors.count == 1 ? .conflict : .unprocessableContent)
    }
}
