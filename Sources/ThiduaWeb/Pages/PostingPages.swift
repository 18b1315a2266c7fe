import Foundation
import Hummingbird
import ThiduaCore
import ThiduaExport
import ThiduaStore

/// A movement's "Niêm yết công khai" (issue 14, item 7): the head posts the council's list for some days; everyone signed
/// in reads it and comments while it is up; the registry's roles read the comments; the notice prints.
extension WebPages {
    struct PostingContent {
        struct Shown {
            let postedOn: String
            let endsOn: String
            let place: String
            let open: Bool
            let state: String
            let noticePath: String
            let commentPath: String
            let lines: [Posting.Line]
            let comments: [CommentRow]
        }

        struct CommentRow {
            let author: String
            let date: String
            let nominee: String?
            let body: String
        }

        let csrf: String
        let path: String
        let movementPath: String
        let movementName: String
        let posting: Shown?
        let showComments: Bool
        let mayPost: Bool
        let postedOn: String
        let days: String
        let place: String
        let commentBody: String
        let done: String?
        let errors: [String: String]
    }

    func postingPage(request: Request, context: Context) async throws -> Response {
        let session = try session(context)
        let done = ["posted": "Đã niêm yết danh sách.", "commented": "Đã gửi góp ý."][FormFields.query(request)["done"] ?? ""]
        return try await postingPage(try pathID(context), session: session, form: nil, errors: [:], done: done, context: context)
    }

    func postList(request: Request, context: Context) async throws -> Response {
        let session = try session(context, allowedTo: .launchMovement)
        let id: ID<Movement> = try pathID(context)
        let form = try await FormFields.read(request)
        var problems: [DomainError.FieldViolation] = []
        let postedOn = form.isoDate("postedOn", required: true, problems: &problems)
        do {
            let draft = try validated(adding: problems) { () throws(DomainError) in
                try PostingDraft.validate(postedOn: postedOn, days: Int(form["days"] ?? ""), place: form["place"])
            }
            _ = try await postings.create(
                movement: id, draft, nominations: nil, by: Actor(account: session.account), logger: context.logger)
            return Renderer.redirect(to: "/movements/\(id)/posting?done=posted#da-ghi")
        } catch let error as DomainError where error.refusesInput || error.code == .conflict {
            let errors = formErrors(error, fields: ["postedOn", "days", "place"], aliases: ["nominationIds": "form"])
            return try await postingPage(id, session: session, form: form, errors: errors, done: nil, context: context)
        }
    }

    func commentOnPosting(request: Request, context: Context) async throws -> Response {
        let session = try session(context)
        let id: ID<Movement> = try pathID(context)
        let form = try await FormFields.read(request)
        guard let posting = try await postings.list(movement: id, logger: context.logger).first else { throw WebError.notFound }
        do {
            let body = try PostingComment.validate(form["body"])
            let nominee = (form["nominationId"] ?? "").isEmpty ? nil : ID<Nomination>(form["nominationId"] ?? "")
            _ = try await postings.comment(
                posting.id, nomination: nominee, body: body, by: Actor(account: session.account), logger: context.logger)
            return Renderer.redirect(to: "/movements/\(id)/posting?done=commented#da-ghi")
        } catch let error as DomainError where error.refusesInput || error.code == .conflict {
            let errors = formErrors(error, fields: ["body"], aliases: ["nominationId": "body"])
            return try await postingPage(id, session: session, form: form, errors: errors, done: nil, context: context)
        }
    }

    func postingNotice(request: Request, context: Context) async throws -> Response {
        _ = try session(context)
        let id: ID<Movement> = try pathID(context)
        guard let posting = try await postings.list(movement: id, logger: context.logger).first else { throw WebError.notFound }
        let format = FormFields.query(request)["format"].flatMap(PostingNoticeFormat.init) ?? .html
        return Self.printable(
            try format.render(try await postings.notice(posting.id, logger: context.logger)), contentType: format.contentType,
            download: format == .html ? nil : "thong-bao-niem-yet.\(format.rawValue)")
    }

    private func postingPage(
        _ id: ID<Movement>, session: SignInRepository.Session, form: FormFields?, errors: [String: String], done: String?,
        context: Context
    ) async throws -> Response {
        let movement = try await movements.find(id, logger: context.logger)
        let latest = try await postings.list(movement: id, logger: context.logger).first
        let path = "/movements/\(id)/posting"
        let shown = latest.map { posting in
            PostingContent.Shown(
                postedOn: posting.postedOn.vietnamese, endsOn: posting.endsOn.vietnamese, place: posting.place,
                open: posting.isOpen(on: .today), state: posting.isOpen(on: .today) ? "đang niêm yết" : "đã hết thời gian niêm yết",
                noticePath: "\(path)/notice", commentPath: "\(path)/comments", lines: posting.lines,
                comments: posting.comments.map {
                    .init(author: $0.author, date: $0.commentedOn.vietnamese, nominee: $0.nominee, body: $0.body)
                })
        }
        let content = PostingContent(
            csrf: session.csrfToken, path: path, movementPath: "/movements/\(id)", movementName: movement.name, posting: shown,
            showComments: Policy.can(session.account, .readRegistry), mayPost: Policy.can(session.account, .launchMovement),
            postedOn: form?["postedOn"] ?? "", days: form?["days"] ?? "3", place: form?["place"] ?? "", commentBody: form?["body"] ?? "",
            done: done, errors: errors)
        return renderer.page(
            "posting", content, layout: Pages.layout(title: "Niêm yết công khai", session: session, current: "/movements"),
            status: errors.isEmpty ? .ok : .unprocessableContent)
    }
}
