import Foundation
import Hummingbird
import ThiduaCore
import ThiduaStore

/// Nhân sự: the staff list (searched ignoring diacritics, 50 a page, in Vietnamese name order), and for admins a person
/// added or corrected from a form — a refused form keeps what was typed with each message beside its field; an edit
/// made on a stale page says someone changed it first.
extension WebPages {
    struct PeopleContent {
        let query: String
        let people: [PersonRow]
        let next: String?
        let mayEdit: Bool
    }

    struct PersonRow {
        let name: String
        let position: String
        let category: String
        let code: String
        let recordPath: String
        let editPath: String?
    }

    struct PersonFormContent {
        let csrf: String
        let title: String
        let action: String
        let version: Int?
        let fullName: String
        let familyName: String
        let middleName: String
        let givenName: String
        let position: String
        let code: String
        let categories: [Option]
        let units: [Option]
        /// Each refused field's message by the form's field name.
        let errors: [String: String]
        let message: String?
    }

    func peopleList(request: Request, context: Context) async throws -> Response {
        let session = try session(context, allowedTo: .readRegistry)
        let query = VietnameseText.normalized(FormFields.query(request)["q"] ?? "")
        let page = try await people.list(
            .init(query: query.isEmpty ? nil : query, units: Policy.units(for: .readDirectory, session.account)),
            page: try PageRequest(limit: 50, cursor: FormFields.query(request)["cursor"]), logger: context.logger)
        let mayEdit = Policy.can(session.account, .managePeople)
        let content = PeopleContent(
            query: query,
            people: page.items.map {
                PersonRow(
                    name: $0.name.full, position: $0.position, category: $0.category.vietnameseName, code: $0.code ?? "",
                    recordPath: "/people/\($0.id)/record", editPath: mayEdit ? "/people/\($0.id)/edit" : nil)
            },
            next: page.nextCursor.map { "/people?q=\(Self.queryValue(query))&cursor=\(Self.queryValue($0))" }, mayEdit: mayEdit)
        return renderer.page("people", content, layout: Pages.layout(title: "Nhân sự", session: session, current: "/people"))
    }

    func newPerson(context: Context) async throws -> Response {
        let session = try session(context, allowedTo: .managePeople)
        return try await personForm(nil, session: session, form: nil, errors: [:], context: context)
    }

    func editPerson(context: Context) async throws -> Response {
        let session = try session(context, allowedTo: .managePeople)
        let person = try await people.find(try pathID(context), logger: context.logger)
        return try await personForm(person, session: session, form: nil, errors: [:], context: context)
    }

    /// POST /people (a new person) or /people/:id (a correction, with the version the form showed).
    func savePerson(request: Request, context: Context) async throws -> Response {
        let session = try session(context, allowedTo: .managePeople)
        let existing: Person? =
            context.parameters.get("id") == nil ? nil : try await people.find(try pathID(context), logger: context.logger)
        let form = try await FormFields.read(request)
        func given(_ name: String) -> String? { form[name].flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 } }
        let parts = given("familyName") != nil || given("middleName") != nil || given("givenName") != nil
        let unit = given("unitId").flatMap(ID<OrgUnit>.init)
        var message: String?
        do {
            let result = PersonDraft.validate(
                fullName: form["fullName"], familyName: parts ? form["familyName"] ?? "" : nil,
                middleName: parts ? form["middleName"] ?? "" : nil,
                givenName: parts ? form["givenName"] ?? "" : nil, position: form["position"], category: form["category"],
                code: given("code"))
            var violations = result.failure?.violations ?? []
            if unit == nil { violations.append(.init(field: "unitId", message: "Chọn đơn vị.")) }
            guard case .success(let draft) = result, let unit, violations.isEmpty else { throw DomainError.validation(violations) }
            let actor = Actor(account: session.account)
            let saved: Person
            if let existing {
                let patch = PersonPatch(
                    fullName: draft.name.full, familyName: draft.name.family, middleName: draft.name.middle, givenName: draft.name.given,
                    position: draft.position, category: draft.category.rawValue, code: draft.code ?? "")
                saved = try await people.update(
                    existing.id, patch, unitId: unit, expectedVersion: form["version"].flatMap { Int($0) }, by: actor,
                    logger: context.logger)
            } else {
                saved = try await people.create(draft, unitId: unit, by: actor, logger: context.logger)
            }
            return Renderer.redirect(to: "/people?q=\(Self.queryValue(saved.name.full))")
        } catch let error as DomainError
            where error.refusesInput || [.conflict, .preconditionFailed, .notFound].contains(error.code)
        {
            if error.code == .preconditionFailed {
                message = "Hồ sơ này vừa được người khác sửa; hãy mở lại trang sửa để thấy thông tin mới nhất."
            } else if error.violations.isEmpty {
                message = error.message
            }
            let errors =
                error.violations.isEmpty
                ? [:]
                : formErrors(
                    error, fields: ["fullName", "familyName", "category", "unitId", "code"],
                    words: ["category": "Chọn đối tượng: cán bộ quản lý, viên chức hoặc người lao động."])
            return try await personForm(existing, session: session, form: form, errors: errors, message: message, context: context)
        }
    }

    private func personForm(
        _ person: Person?, session: SignInRepository.Session, form: FormFields?, errors: [String: String], message: String? = nil,
        context: Context
    ) async throws -> Response {
        let units = try await self.units.list(
            try PageRequest(limit: 100), within: Policy.units(for: .readDirectory, session.account), logger: context.logger
        ).items
        func value(_ field: String, _ current: String?) -> String { form?[field] ?? current ?? "" }
        let category = value("category", person?.category.rawValue)
        let unit = value("unitId", person?.unitId.description)
        let content = PersonFormContent(
            csrf: session.csrfToken, title: person == nil ? "Thêm nhân sự" : "Sửa hồ sơ nhân sự",
            action: person.map { "/people/\($0.id)" } ?? "/people", version: person?.version,
            fullName: value("fullName", person?.name.full), familyName: value("familyName", nil), middleName: value("middleName", nil),
            givenName: value("givenName", nil), position: value("position", person?.position), code: value("code", person?.code),
            categories: StaffCategory.allCases.map {
                Option(value: $0.rawValue, label: $0.vietnameseName, selected: $0.rawValue == category)
            },
            units: units.map { Option(value: $0.id.description, label: $0.name, selected: $0.id.description == unit) },
            errors: errors, message: message)
        return renderer.page(
            "person-form", content, layout: Pages.layout(title: content.title, session: session, current: "/people"),
            status: errors.isEmpty && message == nil ? .ok : message != nil && errors.isEmpty ? .conflict : .unprocessableContent)
    }
}

extension Result {
    fileprivate var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
