import Foundation
import Hummingbird
import ThiduaCore
import ThiduaStore

/// "Trình tiếp nhiều đề nghị": the head of a unit nominations were forwarded to (a district's office) sends those that go
/// on to the next unit up in thidua with one tờ trình of the unit's own — its number and date typed once — all or none.
/// Then the page again, saying so, with that tờ trình and its list to print; or the problems at the top, the ticks and
/// what was typed kept, and nothing sent. One nomination at a time stays on its own page.
extension WebPages {
    struct OnwardBatchContent {
        let csrf: String
        let items: [Pick]
        let number: String
        let date: String
        let sent: Forwarded?
        let errors: [String]
    }

    func onwardBatchForm(request: Request, context: Context) async throws -> Response {
        let session = try session(context, allowedTo: .decide)
        let sent = try await sentNotice(request, key: "sent", session: session, context: context)
        return try await onwardBatchPage(session: session, form: nil, errors: [], sent: sent, context: context)
    }

    func sendOnSelected(request: Request, context: Context) async throws -> Response {
        try await sendingTicked(request, context, number: "submissionNumber", date: "submissionDate") { session, _, ids, reference in
            _ = try await submissions.sendOnAll(ids, submission: reference, by: session.account, logger: context.logger)
            return Renderer.redirect(
                to: "/submissions/onward?sent=\(Self.queryValue(reference.number))&year=\(reference.date.year)#da-trinh")
        } again: { session, form, errors in
            try await onwardBatchPage(session: session, form: form, errors: errors, sent: nil, context: context)
        }
    }

    private func onwardBatchPage(
        session: SignInRepository.Session, form: FormFields?, errors: [String], sent: Forwarded?, context: Context
    ) async throws -> Response {
        let chosen = Set(form?.all("ids") ?? [])
        var items: [WorkQueueRepository.Item] = []
        if let office = Office(.headmaster, of: session.account) { items = try await workQueue.goingOn(at: office, logger: context.logger) }
        let content = OnwardBatchContent(
            csrf: session.csrfToken,
            items: items.map { Pick($0, ticked: chosen) },
            number: form?["submissionNumber"] ?? "", date: form?["submissionDate"] ?? "", sent: sent, errors: errors)
        return renderer.page(
            "onward", content, layout: Pages.layout(title: "Trình tiếp lên cấp trên", session: session, current: "/"),
            status: errors.isEmpty ? .ok : .unprocessableContent)
    }
}
