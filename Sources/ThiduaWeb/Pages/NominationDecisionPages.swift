import Foundation
import Hummingbird
import ThiduaCore
import ThiduaExport
import ThiduaStore

/// What the headmaster (and, for returning, the council) does to one nomination from its page: "Trả lại bổ sung" or
/// "Không duyệt" with a reason, "Trình cấp trên" with the tờ trình's number, date and addressee (the answer that comes
/// back is SubmissionPages'), and — after a page that restates it — "Thu hồi" of the commendation it led to.
extension WebPages {
    struct RevokeContent {
        let csrf: String
        let path: String
        let backPath: String
        let statement: String
        let reason: String
        let decisionNumber: String
        let decisionDate: String
        let errors: [String]
    }

    /// The decision actions of a nomination's page, by step name in the path.
    func decideNomination(request: Request, context: Context) async throws -> Response {
        let step = context.parameters.get("step") ?? ""
        let session = try session(context, allowedTo: step == "return" ? .returnNomination : .decide)
        let id: ID<Nomination> = try pathID(context)
        let form = try await FormFields.read(request)
        let version = form["version"].flatMap { Int($0) }
        let actor = Actor(account: session.account)
        do {
            switch step {
            case "return", "decline":
                _ = try await nominations.transition(
                    id, to: step == "return" ? .returned : .declined, reason: try requiredReason(form["reason"]), expectedVersion: version,
                    by: actor, logger: context.logger)
            case "forward":
                let addressee = VietnameseText.normalized(form["addressee"] ?? "")
                let reference = try form.submissionReference(number: "decisionNumber", date: "decisionDate")
                _ = try await nominations.forward(
                    id, submission: reference, addressee: addressee.isEmpty ? nil : addressee, expectedVersion: version,
                    by: session.account, logger: context.logger)
            default: throw WebError.notFound
            }
            return Renderer.redirect(to: "/nominations/\(id)")
        } catch let error as DomainError {
            guard let refusal = error.workflowRefusal(of: Nomination.noun) else { throw error }
            return try await nominationPage(id, session: session, message: refusal.message, status: refusal.status, context: context)
        }
    }

    func revokeForm(context: Context) async throws -> Response {
        let session = try session(context, allowedTo: .decide)
        return try await revokePage(try pathID(context), session: session, form: nil, errors: [], context: context)
    }

    func revokeCommendation(request: Request, context: Context) async throws -> Response {
        let session = try session(context, allowedTo: .decide)
        let id: ID<Commendation> = try pathID(context)
        let form = try await FormFields.read(request)
        var errors: [String] = []
        var reason = ""
        do { reason = try requiredReason(form["reason"]) } catch { errors += error.messages }
        let number = VietnameseText.normalized(form["decisionNumber"] ?? "")
        if number.isEmpty { errors.append("Cần số quyết định thu hồi (ví dụ 20/QĐ-THAP).") }
        var dateProblems: [DomainError.FieldViolation] = []
        let date = form.isoDate("decisionDate", problems: &dateProblems).flatMap(LocalDate.init)
        errors += dateProblems.map(\.message)
        if errors.isEmpty {
            do {
                let revoked = try await commendations.revoke(
                    id, reason: reason, decisionNumber: number, decisionDate: date, by: session.account, logger: context.logger)
                return Renderer.redirect(to: "/nominations/\(revoked.nominationId)")
            } catch let error as DomainError where error.refusesInput || error.code == .conflict {
                errors = error.messages
            }
        }
        return try await revokePage(id, session: session, form: form, errors: errors, context: context)
    }

    private func revokePage(
        _ id: ID<Commendation>, session: SignInRepository.Session, form: FormFields?, errors: [String], context: Context
    ) async throws -> Response {
        let commendation = try await commendations.find(id, logger: context.logger)
        let item = try await workQueue.nomination(commendation.nominationId, logger: context.logger)
        let content = RevokeContent(
            csrf: session.csrfToken, path: "/commendations/\(id)/revoke", backPath: "/nominations/\(commendation.nominationId)",
            statement:
                "Thu hồi \(item.award) của \(item.nominee), tặng theo Quyết định số \(commendation.decisionNumber) ngày "
                + "\(commendation.decisionDate.vietnamese). Khen thưởng được đánh dấu đã thu hồi kèm lý do và số quyết định thu hồi; "
                + "việc này không hoàn tác được.",
            reason: form?["reason"] ?? "", decisionNumber: form?["decisionNumber"] ?? "",
            decisionDate: form?["decisionDate"] ?? "", errors: errors)
        return renderer.page(
            "commendation-revoke", content, layout: Pages.layout(title: "Thu hồi khen thưởng", session: session, current: nil),
            status: errors.isEmpty ? .ok : .unprocessableContent)
    }

    /// The revocation decision of a commendation, printable (HTML) or for Word (`?format=docx`); it states the reason, so
    /// it is for the registry's roles (security review F4).
    func revocationDocument(request: Request, context: Context) async throws -> Response {
        _ = try session(context, allowedTo: .readRegistry)
        let id: ID<Commendation> = try pathID(context)
        let format = FormFields.query(request)["format"].flatMap(RevocationFormat.init) ?? .html
        let document = try await decisions.revocation(of: id, logger: context.logger)
        return Self.printable(
            try format.render(document), contentType: format.contentType,
            download: format == .html ? nil : "quyet-dinh-thu-hoi.\(format.rawValue)")
    }
}
