import Foundation
import Hummingbird
import ThiduaCore
import ThiduaStore

/// Đơn vị (admin): the units with their kind and parent, a unit added from a form (code, name, kind, parent), and a unit
/// renamed, re-kinded or moved under another parent (its code stays: imports match on it).
extension WebPages {
    struct UnitsContent {
        let csrf: String
        let units: [UnitRow]
        let kinds: [Option]
        let parents: [Option]
        let code: String
        let name: String
        let errors: [String: String]
    }

    struct UnitRow {
        let code: String
        let name: String
        let kind: String
        let parent: String
        let editPath: String
        let documentsPath: String
    }

    struct UnitEditContent {
        let csrf: String
        let path: String
        let version: Int
        let code: String
        let name: String
        let kinds: [Option]
        let parents: [Option]
        let errors: [String: String]
        let message: String?
    }

    func editUnit(context: Context) async throws -> Response {
        let session = try session(context, allowedTo: .manageUnits)
        let unit = try await units.find(try pathID(context), logger: context.logger)
        return try await unitEditPage(unit, session: session, form: nil, errors: [:], message: nil, context: context)
    }

    func updateUnit(request: Request, context: Context) async throws -> Response {
        let session = try session(context, allowedTo: .manageUnits)
        let unit = try await units.find(try pathID(context), logger: context.logger)
        let form = try await FormFields.read(request)
        do {
            let draft = try UnitDraft.validate(code: unit.code, name: form["name"], kind: form["kind"]).get()
            _ = try await units.update(
                unit.id, name: draft.name, kind: draft.kind, parentId: form["parentId"].flatMap(ID<OrgUnit>.init),
                expectedVersion: form["version"].flatMap { Int($0) }, by: Actor(account: session.account), logger: context.logger)
            return Renderer.redirect(to: "/units")
        } catch let error as DomainError where error.refusesInput || [.conflict, .preconditionFailed].contains(error.code) {
            let stale = error.code == .preconditionFailed
            return try await unitEditPage(
                unit, session: session, form: form,
                errors: error.violations.isEmpty ? [:] : formErrors(error, fields: ["name", "parent"]),
                message: stale
                    ? "Đơn vị này vừa được người khác sửa; trang đã được tải lại với thông tin mới nhất. Hãy sửa lại."
                    : error.violations.isEmpty ? error.message : nil, context: context)
        }
    }

    private func unitEditPage(
        _ unit: OrgUnit, session: SignInRepository.Session, form: FormFields?, errors: [String: String], message: String?,
        context: Context
    ) async throws -> Response {
        let all = try await units.list(
            try PageRequest(limit: 200), within: Policy.units(for: .readDirectory, session.account), logger: context.logger
        ).items.filter { $0.id != unit.id }
        let kind = form?["kind"] ?? unit.kind.rawValue
        let parent = form?["parentId"] ?? unit.parentId?.description ?? ""
        let content = UnitEditContent(
            csrf: session.csrfToken, path: "/units/\(unit.id)", version: unit.version, code: unit.code, name: form?["name"] ?? unit.name,
            kinds: UnitKind.allCases.map { Option(value: $0.rawValue, label: $0.vietnameseName, selected: $0.rawValue == kind) },
            parents: all.map { Option(value: $0.id.description, label: $0.name, selected: $0.id.description == parent) },
            errors: errors, message: message)
        return renderer.page(
            "unit-edit", content, layout: Pages.layout(title: "Sửa đơn vị", session: session, current: "/people"),
            status: errors.isEmpty && message == nil ? .ok : errors.isEmpty ? .conflict : .unprocessableContent)
    }

    func unitList(context: Context) async throws -> Response {
        let session = try session(context, allowedTo: .manageUnits)
        return try await unitPage(session: session, form: nil, errors: [:], context: context)
    }

    func createUnit(request: Request, context: Context) async throws -> Response {
        let session = try session(context, allowedTo: .manageUnits)
        let form = try await FormFields.read(request)
        do {
            let draft = try UnitDraft.validate(code: form["code"], name: form["name"], kind: form["kind"]).get()
            let parent = form["parentId"].flatMap(ID<OrgUnit>.init)
            _ = try await units.create(draft, parentId: parent, by: Actor(account: session.account), logger: context.logger)
            return Renderer.redirect(to: "/units")
        } catch let error as DomainError where error.refusesInput || [.conflict, .notFound].contains(error.code) {
            let errors = formErrors(error, fields: ["code", "name"])
            return try await unitPage(session: session, form: form, errors: errors, context: context)
        }
    }

    private func unitPage(session: SignInRepository.Session, form: FormFields?, errors: [String: String], context: Context) async throws
        -> Response
    {
        let all = try await units.list(
            try PageRequest(limit: 200), within: Policy.units(for: .readDirectory, session.account), logger: context.logger
        ).items
        let names = Dictionary(all.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let content = UnitsContent(
            csrf: session.csrfToken,
            units: all.map {
                UnitRow(
                    code: $0.code, name: $0.name, kind: $0.kind.vietnameseName, parent: $0.parentId.flatMap { names[$0] } ?? "",
                    editPath: "/units/\($0.id)/edit", documentsPath: "/units/\($0.id)/documents")
            },
            kinds: UnitKind.allCases.map {
                Option(
                    value: $0.rawValue, label: $0.vietnameseName, selected: $0.rawValue == (form?["kind"] ?? UnitKind.collective.rawValue))
            },
            parents: all.map { Option(value: $0.id.description, label: $0.name, selected: $0.id.description == form?["parentId"]) },
            code: form?["code"] ?? "", name: form?["name"] ?? "", errors: errors)
        return renderer.page(
            "units", content, layout: Pages.layout(title: "Đơn vị", session: session, current: "/people"),
            status: errors.isEmpty ? .ok : .unprocessableContent)
    }
}
