import Foundation
import Hummingbird
import ThiduaCore
import ThiduaStore

/// Thiết lập văn bản (admin, headmaster): what the văn thư sets once for a unit's documents — the agency above its name,
/// the place before the date, the signer's position, Nơi nhận, the fund and how amounts are written — each mistake said
/// beside its field, a change made meanwhile by someone else said at the top with the page reloaded.
extension WebPages {
    struct DocumentSettingsContent {
        let csrf: String
        let path: String
        let version: Int
        let unitName: String
        let managingAgency: String
        let place: String
        let signerPosition: String
        let recipients: String
        let fund: String
        let styles: [Option]
        let derived: Bool
        let saved: Bool
        let errors: [String: String]
        let message: String?
        /// The recorded documents, those the unit cites in every decision ticked.
        let bases: [Choice]
        let basesPath: String
    }

    func documentSettingsPage(request: Request, context: Context) async throws -> Response {
        let session = try session(context, allowedTo: .manageDocuments)
        let unit = try await units.find(try pathID(context), logger: context.logger)
        return try await documentSettingsPage(
            unit, session: session, form: nil, errors: [:], message: nil, saved: FormFields.query(request)["saved"] == "1",
            context: context)
    }

    func saveDocumentSettings(request: Request, context: Context) async throws -> Response {
        let session = try session(context, allowedTo: .manageDocuments)
        let unit = try await units.find(try pathID(context), logger: context.logger)
        let form = try await FormFields.read(request)
        do {
            let settings = try DocumentSettings.validate(
                managingAgency: form["managingAgency"], place: form["place"], signerPosition: form["signerPosition"],
                recipients: form.lines("recipients"),
                fund: form["fund"], wordsStyle: form["wordsStyle"])
            _ = try await documentSettings.save(
                settings, for: unit.id, expectedVersion: form["version"].flatMap { Int($0) }, by: Actor(account: session.account),
                logger: context.logger)
            return Renderer.redirect(to: "/units/\(unit.id)/documents?saved=1")
        } catch let error as DomainError where error.refusesInput || error.code == .preconditionFailed {
            let stale = error.code == .preconditionFailed
            return try await documentSettingsPage(
                unit, session: session, form: stale ? nil : form,
                errors: stale
                    ? [:]
                    : formErrors(error, fields: ["managingAgency", "place", "signerPosition", "recipients", "fund", "wordsStyle"]),
                message: stale ? "Thiết lập vừa được người khác sửa; trang đã được tải lại với thông tin mới nhất. Hãy sửa lại." : nil,
                saved: false, context: context)
        }
    }

    private func documentSettingsPage(
        _ unit: OrgUnit, session: SignInRepository.Session, form: FormFields?, errors: [String: String], message: String?,
        saved: Bool, context: Context
    ) async throws -> Response {
        let (settings, version) = try await documentSettings.settings(of: unit.id, logger: context.logger)
        let citedDocuments = try await legalBases.bases(of: unit.id, logger: context.logger)
        let cited = Set(citedDocuments.map(\.id))
        let documents = try await self.documents.list(try PageRequest(limit: 200), logger: context.logger).items
        let style = form?["wordsStyle"] ?? settings.wordsStyle.rawValue
        let content = DocumentSettingsContent(
            csrf: session.csrfToken, path: "/units/\(unit.id)/documents", version: version, unitName: unit.name,
            managingAgency: form?["managingAgency"] ?? settings.managingAgency, place: form?["place"] ?? settings.place,
            signerPosition: form?["signerPosition"] ?? settings.signerPosition,
            recipients: form?["recipients"] ?? settings.recipients.joined(separator: "\n"), fund: form?["fund"] ?? settings.fund,
            styles: [
                Option(value: "northern", label: "nghìn, linh (Hai triệu không trăm linh năm nghìn đồng)", selected: style == "northern"),
                Option(value: "southern", label: "ngàn, lẻ (Hai triệu không trăm lẻ năm ngàn đồng)", selected: style == "southern"),
            ],
            derived: !settings.saved && form == nil, saved: saved, errors: errors, message: message,
            // The ones cited first, in citation order, where a phone shows them without scrolling past every other document.
            bases: citedDocuments.map { Choice($0, checked: true) }
                + documents.filter { !cited.contains($0.id) }.map { Choice($0, checked: false) },
            basesPath: "/units/\(unit.id)/documents/bases")
        return renderer.page(
            "document-settings", content, layout: Pages.layout(title: "Thiết lập văn bản", session: session, current: "/units"),
            status: errors.isEmpty && message == nil ? .ok : errors.isEmpty ? .conflict : .unprocessableContent)
    }

    /// "Văn bản căn cứ của đơn vị": the ticked documents replace the unit's bases (cited by kind, then date).
    func saveLegalBases(request: Request, context: Context) async throws -> Response {
        let session = try session(context, allowedTo: .manageDocuments)
        let unit = try await units.find(try pathID(context), logger: context.logger)
        let form = try await FormFields.read(request)
        let ids = form.all("bases").compactMap(ID<LegalDocument>.init)
        do {
            _ = try await legalBases.replace(ids, of: unit.id, by: Actor(account: session.account), logger: context.logger)
        } catch let error as DomainError where error.refusesInput {
            return try await documentSettingsPage(
                unit, session: session, form: nil, errors: [:], message: error.messages.joined(separator: " "), saved: false,
                context: context)
        }
        return Renderer.redirect(to: "/units/\(unit.id)/documents?saved=1")
    }
}
