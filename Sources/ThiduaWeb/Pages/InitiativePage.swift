import Foundation
import Hummingbird
import ThiduaCore
import ThiduaStore

/// One sáng kiến: what is known of it, its recognitions, and the one next step for whoever may take it — the
/// application (its author, the union, an admin), the initiative council's score, the head's recognition (cơ sở, then a
/// wider scope from the higher level's decision). A step posted by someone else, or out of order, changes nothing.
extension WebPages {
    struct InitiativeContent {
        let csrf: String
        let path: String
        let title: String
        let author: String
        let unit: String
        let periodName: String
        let registeredOn: String
        let status: String
        let description: String?
        let appliedOn: String?
        let score: String?
        let recognitions: [RecognitionRow]
        let mayApply: Bool
        let mayScore: Bool
        let nextScope: ScopeChoice?
        let form: [String: String]
        let passedYes: Bool
        let passedNo: Bool
        let errors: [String: String]
    }

    struct RecognitionRow {
        let scope: String
        let decision: String
        let issuer: String
    }

    struct ScopeChoice {
        let value: String
        let name: String
        let needsIssuer: Bool
    }

    func initiativePage(request: Request, context: Context) async throws -> Response {
        let session = try session(context)
        return try await initiativePage(
            try await readableInitiative(session, context), session: session, form: nil, errors: [:], context: context)
    }

    /// POST /initiatives/:id/:step — application, score or recognitions.
    func initiativeStep(request: Request, context: Context) async throws -> Response {
        let session = try session(context)
        let initiative = try await readableInitiative(session, context)
        let step = try context.parameters.require("step")
        let form = try await FormFields.read(request)
        let actor = Actor(account: session.account)
        var problems: [DomainError.FieldViolation] = []
        do {
            switch step {
            case "application":
                guard Policy.canRegister(.person(initiative.personId), as: session.account) else { throw WebError.forbidden }
                let date = form.isoDate("appliedOn", problems: &problems)
                let application = try validated(adding: problems) { () throws(DomainError) in
                    try InitiativeApplication.validate(description: form["description"], appliedOn: date)
                }
                _ = try await initiatives.apply(initiative.id, application, by: actor, logger: context.logger)
            case "score":
                guard Policy.can(session.account, .scoreInitiative) else { throw WebError.forbidden }
                let date = form.isoDate("scoredOn", problems: &problems)
                let points = (form["score"] ?? "").trimmingCharacters(in: .whitespaces)
                let score = try validated(adding: problems) { () throws(DomainError) in
                    try InitiativeScore.validate(
                        score: Int(points), passed: form["passed"].map { $0 == "true" }, scoredOn: date)
                }
                _ = try await initiatives.score(initiative.id, score, by: actor, logger: context.logger)
            case "recognitions":
                guard Policy.can(session.account, .recognizeInitiative) else { throw WebError.forbidden }
                let date = form.isoDate("decisionDate", required: true, problems: &problems)
                let draft = try validated(adding: problems) { () throws(DomainError) in
                    try InitiativeRecognitionDraft.validate(
                        scope: form["scope"], decisionNumber: form["decisionNumber"], decisionDate: date, issuer: form["issuer"])
                }
                _ = try await initiatives.recognize(initiative.id, draft, by: actor, logger: context.logger)
            default:
                throw WebError.notFound
            }
            return Renderer.redirect(to: "/initiatives/\(initiative.id)")
        } catch let error as DomainError where error.refusesInput || error.code == .conflict {
            var errors = formErrors(
                error,
                fields: ["description", "appliedOn", "score", "passed", "scoredOn", "scope", "decisionNumber", "decisionDate", "issuer"])
            if errors.isEmpty { errors["form"] = error.messages.joined(separator: " ") }
            return try await initiativePage(initiative, session: session, form: form, errors: errors, context: context)
        }
    }

    private func readableInitiative(_ session: SignInRepository.Session, _ context: Context) async throws -> Initiative {
        let initiative = try await initiatives.find(try pathID(context), logger: context.logger)
        guard Policy.canRead(.person(initiative.personId), as: session.account) else { throw WebError.notFound }
        return initiative
    }

    private func initiativePage(
        _ initiative: Initiative, session: SignInRepository.Session, form: FormFields?, errors: [String: String], context: Context
    ) async throws -> Response {
        let account = session.account
        var typed: [String: String] = [:]
        for field in ["description", "appliedOn", "score", "passed", "scoredOn", "decisionNumber", "decisionDate", "issuer"] {
            typed[field] = form?[field] ?? ""
        }
        let content = InitiativeContent(
            csrf: session.csrfToken, path: "/initiatives/\(initiative.id)", title: initiative.title, author: initiative.authorName,
            unit: initiative.unitName, periodName: initiative.period.vietnamese, registeredOn: initiative.registeredOn.vietnamese,
            status: initiative.status.vietnameseName.capitalizedFirst, description: initiative.description,
            appliedOn: initiative.appliedOn?.vietnamese,
            score: initiative.score.map { "\($0)/100 — \(initiative.passed == true ? "đạt" : "không đạt")" },
            recognitions: initiative.recognitions.map {
                RecognitionRow(
                    scope: $0.scope.vietnamese.capitalizedFirst, decision: "Số \($0.decisionNumber) ngày \($0.decisionDate.vietnamese)",
                    issuer: $0.issuer)
            },
            mayApply: initiative.status == .registered && Policy.canRegister(.person(initiative.personId), as: account),
            mayScore: initiative.status == .applied && Policy.can(account, .scoreInitiative),
            nextScope: Policy.can(account, .recognizeInitiative)
                ? initiative.nextScope.map { ScopeChoice(value: $0.rawValue, name: $0.vietnamese, needsIssuer: $0 != .unit) } : nil,
            form: typed, passedYes: form?["passed"] == "true", passedNo: form?["passed"] == "false", errors: errors)
        return renderer.page(
            "initiative", content, layout: Pages.layout(title: initiative.title, session: session, current: "/initiatives"),
            status: errors.isEmpty ? .ok : errors["form"] != nil && errors.count == 1 ? .conflict : .unprocessableContent)
    }
}
