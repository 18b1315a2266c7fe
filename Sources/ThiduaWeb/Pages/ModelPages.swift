import Foundation
import Hummingbird
import ThiduaCore
import ThiduaStore

/// Mô hình (web-ui.md flow 1): "Đăng ký mô hình" from a movement, the form (a person found by name ignoring diacritics, or
/// a collective), then the model's page with its evidence and the workflow steps its state allows.
extension WebPages {
    struct NewModelContent {
        let csrf: String
        let movement: String
        let path: String
        let query: String
        let people: [PersonChoice]
        let units: [Option]
        let fields: [Option]
        let title: String
        let goals: String
        let startsOn: String
        let endsOn: String
        /// Each refused field's message by field name; "form" for the rest.
        let errors: [String: String]
    }

    func newModel(request: Request, context: Context) async throws -> Response {
        let session = try session(context, allowedTo: .registerModel)
        let movement = try await movements.find(try pathID(context), logger: context.logger)
        return try await modelForm(
            movement, query: FormFields.query(request)["q"] ?? "", form: nil, errors: [:], session: session,
            context: context)
    }

    func registerModel(request: Request, context: Context) async throws -> Response {
        let session = try session(context, allowedTo: .registerModel)
        let movement = try await movements.find(try pathID(context), logger: context.logger)
        let form = try await FormFields.read(request)
        let unit = form["unitId"].flatMap { $0.isEmpty ? nil : $0 }
        let person = unit == nil ? form["personId"] : nil
        do {
            var problems: [DomainError.FieldViolation] = []
            let (startsOn, endsOn) = (form.isoDate("startsOn", problems: &problems), form.isoDate("endsOn", problems: &problems))
            let draft = try validated(adding: problems) { () throws(DomainError) in
                try ModelInitiativeDraft.validate(
                    title: form["title"], field: form["field"].flatMap { $0.isEmpty ? nil : $0 }, ownerPersonId: person, ownerUnitId: unit,
                    goals: form["goals"], startsOn: startsOn, endsOn: endsOn)
            }
            let model = try await models.register(
                movementId: movement.id, title: draft.title, field: draft.field, owner: draft.owner, goals: draft.goals,
                startsOn: draft.startsOn, endsOn: draft.endsOn, by: Actor(account: session.account), logger: context.logger)
            return Renderer.redirect(to: "/models/\(model.id)")
        } catch let error as DomainError where error.refusesInput || [.conflict, .notFound].contains(error.code) {
            let errors = formErrors(
                error, fields: ["title", "field", "owner", "startsOn", "endsOn"],
                aliases: ["owner.personId": "owner", "owner.unitId": "owner"],
                words: ["field": "Chọn lĩnh vực của mô hình.", "owner": "Tìm và chọn một người chủ trì, hoặc chọn một tập thể."])
            return try await modelForm(movement, query: form["q"] ?? "", form: form, errors: errors, session: session, context: context)
        }
    }

    private func modelForm(
        _ movement: Movement, query: String, form: FormFields?, errors: [String: String], session: SignInRepository.Session,
        context: Context
    ) async throws -> Response {
        let words = VietnameseText.normalized(query)
        let people =
            words.isEmpty
            ? []
            : try await self.people.list(
                .init(query: words, units: Policy.units(for: .readDirectory, session.account)), page: try PageRequest(limit: 20),
                logger: context.logger
            ).items
        let units = try await self.units.list(
            try PageRequest(limit: 100), within: Policy.units(for: .readDirectory, session.account), logger: context.logger
        ).items
        let content = NewModelContent(
            csrf: session.csrfToken, movement: movement.name, path: "/movements/\(movement.id)", query: words,
            people: people.map {
                PersonChoice(
                    id: $0.id.description, name: $0.name.full, position: $0.position, checked: $0.id.description == form?["personId"])
            },
            units: units.map { Option(value: $0.id.description, label: $0.name, selected: $0.id.description == form?["unitId"]) },
            fields: ModelInitiative.fields.map { Option(value: $0.code, label: $0.name, selected: $0.code == form?["field"]) },
            title: form?["title"] ?? "", goals: form?["goals"] ?? "", startsOn: form?["startsOn"] ?? "", endsOn: form?["endsOn"] ?? "",
            errors: errors)
        return renderer.page(
            "model-new", content, layout: Pages.layout(title: "Đăng ký mô hình", session: session, current: "/movements"),
            status: errors.isEmpty ? .ok : .unprocessableContent)
    }
}
