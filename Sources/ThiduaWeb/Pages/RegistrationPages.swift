import Foundation
import Hummingbird
import ThiduaCore
import ThiduaExport
import ThiduaStore

/// Đăng ký thi đua on the web: a movement's registrations (a teacher sees her own), the form to file one — the union and
/// admins for anyone, a teacher for herself — each mistake beside its field, a withdrawal button on each line the
/// account may withdraw, and the list for Phòng GD&ĐT as files for the registry's roles.
extension WebPages {
    struct RegistrationsContent {
        let movementName: String
        let movementPath: String
        let path: String
        let csrf: String
        let rows: [RegistrationRow]
        let mayFile: Bool
        /// Filing for herself: her name, and the nominee's value posted.
        let ownName: String?
        let ownValue: String?
        let nominees: [Option]
        let titles: [Option]
        let awards: [Option]
        let initiative: String
        let registeredOn: String
        let errors: [String: String]
        let filed: Bool
        let downloads: [Download]
    }

    struct RegistrationRow {
        let name: String
        let unit: String
        let title: String
        let award: String
        let initiative: String
        let registeredOn: String
        let withdrawPath: String?
    }

    func registrationsPage(request: Request, context: Context) async throws -> Response {
        let session = try session(context)
        let movement = try await movements.find(try pathID(context), logger: context.logger)
        return try await registrationsPage(
            movement, session: session, form: nil, errors: [:], filed: FormFields.query(request)["filed"] == "1", context: context)
    }

    func fileRegistration(request: Request, context: Context) async throws -> Response {
        let session = try session(context)
        let movement = try await movements.find(try pathID(context), logger: context.logger)
        let form = try await FormFields.read(request)
        var problems: [DomainError.FieldViolation] = []
        let date = form.isoDate("registeredOn", problems: &problems)
        let nominee = form["nominee"] ?? ""
        let (person, unit) = (
            nominee.hasPrefix("p:") ? String(nominee.dropFirst(2)) : nil, nominee.hasPrefix("u:") ? String(nominee.dropFirst(2)) : nil
        )
        do {
            let draft = try validated(adding: problems) { () throws(DomainError) in
                try RegistrationDraft.validate(
                    personId: person, unitId: unit, title: form["title"], award: form["award"], initiative: form["initiative"],
                    registeredOn: date)
            }
            try Policy.requireRegister(draft.nominee, as: session.account)
            _ = try await registrations.register(draft, in: movement.id, by: Actor(account: session.account), logger: context.logger)
            return Renderer.redirect(to: "/movements/\(movement.id)/registrations?filed=1#da-ghi")
        } catch let error as DomainError where error.refusesInput || error.code == .conflict {
            var errors = formErrors(
                error, fields: ["nominee", "title", "award", "initiative", "registeredOn"],
                aliases: ["personId": "nominee", "movementId": "form"])
            if errors.isEmpty { errors["form"] = error.messages.joined(separator: " ") }
            return try await registrationsPage(movement, session: session, form: form, errors: errors, filed: false, context: context)
        }
    }

    func withdrawRegistration(request: Request, context: Context) async throws -> Response {
        let session = try session(context)
        let registration = try await registrations.find(try pathID(context), logger: context.logger)
        guard Policy.canRead(registration.nominee, as: session.account) else { throw WebError.notFound }
        guard Policy.canRegister(registration.nominee, as: session.account) else { throw WebError.forbidden }
        _ = try await registrations.withdraw(registration.id, by: Actor(account: session.account), logger: context.logger)
        return Renderer.redirect(to: "/movements/\(registration.movementId)/registrations")
    }

    /// The list for Phòng GD&ĐT (the same file as `thidua report registrations`): printable HTML, Word or Excel.
    func registrationsDocument(request: Request, context: Context) async throws -> Response {
        _ = try session(context, allowedTo: .readRegistry)
        let format = FormFields.query(request)["format"].flatMap(RegistrationListFormat.init) ?? .html
        let list = try await registrations.document(movement: try pathID(context), dated: .today, logger: context.logger)
        return Self.printable(
            try format.render(list), contentType: format.contentType,
            download: format == .html ? nil : "dang-ky-thi-dua.\(format.rawValue)")
    }

    private func registrationsPage(
        _ movement: Movement, session: SignInRepository.Session, form: FormFields?, errors: [String: String], filed: Bool,
        context: Context
    ) async throws -> Response {
        let account = session.account
        let path = "/movements/\(movement.id)/registrations"
        let all = try await registrations.list(movement: movement.id, logger: context.logger)
        let rows = all.filter { Policy.canRead($0.nominee, as: account) }.map { item in
            RegistrationRow(
                name: item.nomineeName, unit: item.unitName, title: item.titleName, award: item.awardName ?? "",
                initiative: item.initiativeTitle ?? "", registeredOn: item.registeredOn.vietnamese,
                withdrawPath: Policy.canRegister(item.nominee, as: account) && movement.status == .open
                    ? "/registrations/\(item.id)/withdraw" : nil)
        }
        let forAnyone = Policy.can(account, .nominate)
        let chosen = form?["nominee"] ?? ""
        var nominees: [Option] = []
        if forAnyone {
            nominees = try await nomineeOptions(chosen: chosen, as: session.account, context: context)
        }
        let awards = try await catalogue.awards(logger: context.logger)
        let title = form?["title"] ?? ""
        let award = form?["award"] ?? ""
        let own = forAnyone ? nil : try await account.personId.asyncMap { try await people.find($0, logger: context.logger) }
        let content = RegistrationsContent(
            movementName: movement.name, movementPath: "/movements/\(movement.id)", path: path, csrf: session.csrfToken, rows: rows,
            mayFile: movement.status == .open && (forAnyone || own != nil), ownName: own.map { $0.name.full },
            ownValue: own.map { "p:\($0.id)" }, nominees: nominees,
            titles: awards.filter(Registration.offered).map {
                Option(value: $0.code, label: $0.name + ($0.recipient == .collective ? " (tập thể)" : ""), selected: title == $0.code)
            },
            awards: [Option(value: "", label: "Không đăng ký", selected: award.isEmpty)]
                + awards.filter { $0.kind == "form" && $0.recipient != .model && $0.issuer == .state }.map {
                    Option(value: $0.code, label: $0.name, selected: award == $0.code)
                },
            initiative: form?["initiative"] ?? "", registeredOn: form?["registeredOn"] ?? LocalDate.today.vietnamese, errors: errors,
            filed: filed,
            downloads: Policy.can(account, .readRegistry)
                ? ["html": "Bản in (HTML)", "docx": "Word", "xlsx": "Excel"].sorted { $0.key > $1.key }.map {
                    Download(label: $0.value, path: "\(path)/document?format=\($0.key)")
                } : [])
        return renderer.page(
            "registrations", content, layout: Pages.layout(title: "Đăng ký thi đua", session: session, current: "/movements"),
            status: errors.isEmpty ? .ok : errors["form"] != nil && errors.count == 1 ? .conflict : .unprocessableContent)
    }
}

extension WebPages {
    /// The people and tổ of the account's units, as a form's nominee choices ("p:ID", "u:ID").
    func nomineeOptions(chosen: String, as account: Account, context: Context) async throws -> [Option] {
        let scope = Policy.units(for: .readDirectory, account)
        let people = try await self.people.list(.init(units: scope), page: try PageRequest(limit: 200), logger: context.logger).items
        let teams = try await units.list(try PageRequest(limit: 200), within: scope, logger: context.logger).items
            .filter { $0.kind == .collective }
        return people.map { Option(value: "p:\($0.id)", label: "\($0.name.full) — \($0.position)", selected: chosen == "p:\($0.id)") }
            + teams.map { Option(value: "u:\($0.id)", label: "Tập thể: \($0.name)", selected: chosen == "u:\($0.id)") }
    }
}
