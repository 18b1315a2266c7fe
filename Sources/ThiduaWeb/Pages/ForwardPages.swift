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
        let session = try session(context, allowedTo: .decide)
        let form = try await FormFields.read(request)
        let ids = form.all("ids").compactMap(ID<Nomination>.init)
        var errors = ids.isEmpty ? ["Chọn ít nhất một đề nghị."] : []
        do {
            let reference = try OnwardSubmission.reference(
                number: form["forwardNumber"], date: LocalDate.parse(vietnamese: form["forwardDate"] ?? ""),
                dateMessage: FormFields.dateMessage(
                    for: form["forwardDate"], otherwise: "Ngày tờ trình phải có dạng ngày/tháng/năm, ví dụ 27/05/2024."))
            if errors.isEmpty {
                let addressee = VietnameseText.normalized(form["addressee"] ?? "")
                _ = try await nominations.forwardAll(
                    ids, submission: reference, addressee: addressee.isEmpty ? nil : addressee, by: session.account, logger: context.logger)
                return Renderer.redirect(
                    to: "/decisions/new?forwarded=\(Self.queryValue(reference.number))&year=\(reference.date.year)#da-trinh")
            }
        } catch let error as DomainError where error.refusesInput {
            errors += error.messages
        } catch let refused as RefusedNomination {
            let item = try await workQueue.nominations([refused.id], logger: context.logger).first
            let name = item.map { "\($0.nominee) — \($0.award): " } ?? ""
            // The field's words when there are some ("Khen thưởng này do đơn vị tự quyết định."): the whole message names
            // the API's fields.
            let why =
                refused.error.violations.isEmpty ? refused.error.message : refused.error.violations.map(\.message).joined(separator: " ")
            errors.append(name + why + " Không đề nghị nào được trình; bỏ chọn đề nghị này rồi trình lại.")
        }
        return try await decisionForm(session: session, form: form, errors: errors, forwarding: true, context: context)
    }
}
