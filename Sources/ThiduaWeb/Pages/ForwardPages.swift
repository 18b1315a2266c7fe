import Foundation
import Hummingbird
import ThiduaCore
import ThiduaStore

/// Chờ duyệt → "Trình cấp trên": the ticked nominations the school cannot decide itself go up with one tờ trình — its
/// number, date and addressee typed once, as the school's year-end file — all or none. Then the page again, saying so,
/// with the tờ trình and its list to print (`/submissions/file`); or the problems at the top, the ticks and what was
/// typed kept, and nothing sent. One nomination at a time stays on its own page.
extension WebPages {
    func forwardSelected(request: Request, context: Context) async throws -> Response {
        try await sendingTicked(request, context, number: "forwardNumber", date: "forwardDate") { session, form, ids, reference in
            let addressee = VietnameseText.normalized(form["addressee"] ?? "")
            _ = try await nominations.forwardAll(
                ids, submission: reference, addressee: addressee.isEmpty ? nil : addressee, by: session.account, logger: context.logger)
            return Renderer.redirect(
                to: "/decisions/new?forwarded=\(Self.queryValue(reference.number))&year=\(reference.date.year)#da-trinh")
        } again: { session, form, errors in
            try await decisionForm(session: session, form: form, errors: errors, forwarding: true, context: context)
        }
    }

    /// A form sending the ticked nominations (`ids`) with one tờ trình (its `number` and `date` fields): `send` gets them
    /// when all is well; otherwise `again` shows the form with the problems — nothing ticked, the tờ trình's, the one
    /// nomination refused — and nothing is sent.
    func sendingTicked(
        _ request: Request, _ context: Context, number: String, date: String,
        send: (SignInRepository.Session, FormFields, [ID<Nomination>], DecisionReference) async throws -> Response,
        again: (SignInRepository.Session, FormFields, [String]) async throws -> Response
    ) async throws -> Response {
        let session = try session(context, allowedTo: .decide)
        let form = try await FormFields.read(request)
        var (ids, errors) = form.tickedNominations()
        do {
            let reference = try form.submissionReference(
                number: number, date: date, dateMessage: "Ngày tờ trình phải có dạng ngày/tháng/năm, ví dụ 20/12/2024.")
            if errors.isEmpty { return try await send(session, form, ids, reference) }
        } catch let error as DomainError where error.refusesInput {
            errors += error.messages
        } catch let refused as RefusedNomination {
            errors.append(try await refusal(refused, context: context))
        }
        return try await again(session, form, errors)
    }

    /// The line after sending (`?<key>=<number>&year=`): "Đã trình … bằng Tờ trình số …" with its file, only for a tờ
    /// trình the reader can open (a typed-in address does not claim a tờ trình that was not sent).
    func sentNotice(_ request: Request, key: String, session: SignInRepository.Session, context: Context) async throws -> Forwarded? {
        guard let number = FormFields.query(request)[key], !number.isEmpty, let year = Self.year(request) else { return nil }
        do {
            _ = try await submissions.file(
                number: number, year: year, within: Policy.units(for: .readRegistry, session.account), logger: context.logger)
        } catch let error as DomainError where error.code == .notFound {
            return nil
        }
        return Forwarded(number: number, filePath: "/submissions/file?number=\(Self.queryValue(number))&year=\(year)")
    }

    /// "Trương Văn Tài — Lao động tiên tiến: <why>. Không đề nghị nào được trình; …": one of several refused, named, with
    /// the field's short words when there are some (the whole message names the award again).
    private func refusal(_ refused: RefusedNomination, context: Context) async throws -> String {
        let item = try await workQueue.nominations([refused.id], logger: context.logger).first
        let name = item.map { "\($0.nominee) — \($0.award): " } ?? ""
        let why =
            refused.error.violations.isEmpty ? refused.error.message : refused.error.violations.map(\.message).joined(separator: " ")
        return name + why + " Không đề nghị nào được trình; bỏ chọn đề nghị này rồi trình lại."
    }
}
