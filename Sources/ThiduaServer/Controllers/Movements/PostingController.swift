import Foundation
import Hummingbird
import ThiduaCore
import ThiduaExport
import ThiduaStore

/// Public posting of the council's list before the head signs (issue 14, item 7): the head or an admin posts it, everyone
/// signed in reads it and comments while it is up, the registry's roles (the council) read the comments, and the notice
/// prints.
struct PostingController {
    let postings: PostingRepository

    func addRoutes(to group: RouterGroup<AuthenticatedContext>) {
        group.post("movements/{id}/postings", use: create)
        group.get("movements/{id}/postings", use: list)
        group.post("postings/{id}/comments", use: comment)
        group.get("postings/{id}/notice", use: notice)
    }

    @Sendable func create(_ request: Request, context: AuthenticatedContext) async throws -> EditedResponse<PostingResponse> {
        try Policy.require(context.account, .launchMovement)
        let body = try await request.decode(as: PostingRequest.self, context: context)
        let draft = try PostingDraft.validate(postedOn: body.postedOn, days: body.days, place: body.place)
        let named = try body.nominationIds.map { ids throws(DomainError) in
            try FieldParsing.ids(ids, Nomination.self, field: "nominationIds")
        }
        let movement = try context.parameters.id("id", of: Movement.self, what: Movement.noun)
        let posting = try await postings.create(movement: movement, draft, nominations: named, by: context.actor, logger: context.logger)
        return EditedResponse(
            status: .created, headers: [.location: "/v1/movements/\(movement)/postings"], response: PostingResponse(posting, comments: true)
        )
    }

    /// Newest first; the comments only for the registry's roles.
    @Sendable func list(_ request: Request, context: AuthenticatedContext) async throws -> ListResponse<PostingResponse> {
        let movement = try context.parameters.id("id", of: Movement.self, what: Movement.noun)
        let comments = Policy.can(context.account, .readRegistry)
        let items = try await postings.list(movement: movement, logger: context.logger).map { PostingResponse($0, comments: comments) }
        return ListResponse(items: items, nextCursor: nil)
    }

    @Sendable func comment(_ request: Request, context: AuthenticatedContext) async throws -> EditedResponse<PostingResponse.Comment> {
        let body = try await request.decode(as: CommentRequest.self, context: context)
        let text = try PostingComment.validate(body.body)
        let nomination = try FieldParsing.optionalID(body.nominationId, Nomination.self, field: "nominationId")
        let id = try context.parameters.id("id", of: Posting.self, what: Posting.noun)
        let comment = try await postings.comment(id, nomination: nomination, body: text, by: context.actor, logger: context.logger)
        return EditedResponse(status: .created, response: PostingResponse.Comment(comment))
    }

    @Sendable func notice(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let format = try FieldParsing.choice(
            request.uri.queryParameters.get("format") ?? "html", PostingNoticeFormat.self, field: "format",
            message: "format phải là html, md hoặc docx.")
        let id = try context.parameters.id("id", of: Posting.self, what: Posting.noun)
        let notice = try await postings.notice(id, logger: context.logger)
        return Response(
            status: .ok, headers: [.contentType: format.contentType], body: .init(byteBuffer: ByteBuffer(bytes: try format.render(notice))))
    }
}

extension PostingController {
    struct PostingRequest: Decodable {
        let postedOn: String?
        let days: Int?
        let place: String?
        let nominationIds: [String]?
    }

    struct CommentRequest: Decodable {
        let body: String?
        let nominationId: String?
    }
}

struct PostingResponse: ResponseEncodable, Sendable {
    struct Line: Encodable, Sendable {
        let nominationId: ID<Nomination>
        let name: String
        let position: String
        let awardName: String
    }

    struct Comment: ResponseEncodable, Sendable {
        let nominee: String?
        let author: String
        let body: String
        let commentedOn: LocalDate

        init(_ comment: Posting.Comment) {
            (nominee, author, body, commentedOn) = (comment.nominee, comment.author, comment.body, comment.commentedOn)
        }
    }

    let id: ID<Posting>
    let postedOn: LocalDate
    let endsOn: LocalDate
    let days: Int
    let place: String
    let open: Bool
    let lines: [Line]
    /// Null for accounts outside the registry's roles.
    let comments: [Comment]?

    init(_ posting: Posting, comments: Bool) {
        id = posting.id
        (postedOn, endsOn, days, place) = (posting.postedOn, posting.endsOn, posting.days, posting.place)
        open = posting.isOpen(on: .today)
        lines = posting.lines.map { Line(nominationId: $0.nominationId, name: $0.name, position: $0.position, awardName: $0.awardName) }
        self.comments = comments ? posting.comments.map(Comment.init) : nil
    }
}
