import Foundation
import Hummingbird
import ThiduaCore
import ThiduaStore

/// Sáng kiến on the web: a period's register (a teacher sees her own) with the form to register one — the union and
/// admins for anyone, a teacher for herself — and an initiative's page with the next step for whoever takes it: the
/// application, the initiative council's score, the head's recognition and wider scopes. Each mistake beside its field.
extension WebPages {
    struct InitiativesContent {
        let path: String
        let csrf: String
        let periodLabel: String
        let periodName: String
        let rows: [InitiativeRow]
        let mayRegister: Bool
        let ownName: String?
        let ownValue: String?
        let authors: [Option]
        let title: String
        let period: String
        let registeredOn: String
        let errors: [String: String]
    }

    struct InitiativeRow {
        let path: String
        let author: String
        let unit: String
        let title: String
        let status: String
        let score: String
        let scope: String
    }

    func initiativesPage(request: Request, context: Context) async throws -> Response {
        let session = try session(context)
        let period = FormFields.query(request)["period"].flatMap(Period.init) ?? Period.schoolYear(containing: .today)
        return try await initiativesPage(period: period, session: session, form: nil, errors: [:], context: context)
    }

    func registerInitiative(request: Request, context: Context) async throws -> Response {
        let session = try session(context)
        let form = try await FormFields.read(request)
        var problems: [DomainError.FieldViolation] = []
        let date = form.isoDate("registeredOn", problems: &problems)
        do {
            let draft = try validated(adding: problems) { () throws(DomainError) in
                try InitiativeDraft.validate(personId: form["personId"], title: form["title"], period: form["period"], registeredOn: date)
            }
            try Policy.requireRegister(.person(draft.personId), as: session.account)
            let initiative = try await initiatives.register(draft, by: Actor(account: session.account), logger: context.logger)
            return Renderer.redirect(to: "/initiatives/\(initiative.id)")
        } catch let error as DomainError where error.refusesInput || error.code == .conflict {
            var errors = formErrors(error, fields: ["personId", "title", "period", "registeredOn"])
            if errors.isEmpty { errors["form"] = error.messages.joined(separator: " ") }
            let period = form["period"].flatMap(Period.init) ?? Period.schoolYear(containing: .today)
            return try await initiativesPage(period: period, session: session, form: form, errors: errors, context: context)
        }
    }

    private func initiativesPage(
        period: Period, session: SignInRepository.Session, form: FormFields?, errors: [String: String], context: Context
    ) async throws -> Response {
        let account = session.account
        let all = try await initiatives.list(
            period: period, units: Policy.units(for: .readDirectory, account), logger: context.logger)
        let rows = all.filter { Policy.canRead(.person($0.personId), as: account) }.map { item in
            InitiativeRow(
                path: "/initiatives/\(item.id)", author: item.authorName, unit: item.unitName, title: item.title,
                status: item.status.vietnameseName.capitalizedFirst, score: item.score.map { "\($0)/100" } ?? "Chưa chấm",
                scope: item.scope?.vietnamese ?? "Chưa công nhận")
        }
        let forAnyone = Policy.can(account, .nominate)
        let chosen = form?["personId"] ?? ""
        let authors =
            forAnyone
            ? try await people.list(
                .init(units: Policy.units(for: .readDirectory, session.account)), page: try PageRequest(limit: 200), logger: context.logger
            ).items.map {
                Option(value: "\($0.id)", label: "\($0.name.full) — \($0.position)", selected: chosen == "\($0.id)")
            } : []
        let own = forAnyone ? nil : try await account.personId.asyncMap { try await people.find($0, logger: context.logger) }
        let content = InitiativesContent(
            path: "/initiatives", csrf: session.csrfToken, periodLabel: period.label, periodName: period.vietnamese, rows: rows,
            mayRegister: forAnyone || own != nil, ownName: own.map { $0.name.full }, ownValue: own.map { "\($0.id)" },
            authors: authors, title: form?["title"] ?? "", period: form?["period"] ?? period.label,
            registeredOn: form?["registeredOn"] ?? LocalDate.today.vietnamese, errors: errors)
        return renderer.page(
            "initiatives", content, layout: Pages.layout(title: "Sáng kiến", session: session, current: "/initiatives"),
            status: errors.isEmpty ? .ok : errors["form"] != nil && errors.count == 1 ? .conflict : .unprocessableContent)
    }
}
