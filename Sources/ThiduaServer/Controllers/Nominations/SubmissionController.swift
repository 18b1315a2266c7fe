import Foundation
import Hummingbird
import ThiduaCore
import ThiduaExport
import ThiduaStore

/// The file sent upward (issue 14, item 3): the higher level's answer on each forwarded nominee, and the tờ trình with its
/// list and the clerk's sheet — JSON for the pages, HTML, Markdown or Word to print.
struct SubmissionController {
    let submissions: SubmissionRepository
    let nominations: NominationRepository

    func addRoutes(to group: RouterGroup<AuthenticatedContext>) {
        group.post("submissions", use: forward)
        group.post("submissions/onward", use: sendOnAll)
        group.post("nominations/{id}/answer", use: answer)
        group.post("nominations/{id}/onward", use: sendOn)
        group.get("reports/submission", use: file)
    }

    /// Several nominations above the unit's authority sent up with one tờ trình (its number, date and addressee shared),
    /// all or none: 202 (the level above decides) with each nomination, now forwarded; the first that cannot go is named and nothing is stored.
    @Sendable func forward(_ request: Request, context: AuthenticatedContext) async throws -> EditedResponse<ForwardedResponse> {
        try Policy.require(context.account, .decide)
        let body = try await request.decode(as: ForwardRequest.self, context: context)
        let reference = try Self.submissionReference(body.submissionNumber, body.submissionDate)
        let ids = try FieldParsing.ids(body.nominationIds, Nomination.self, field: "nominationIds")
        let addressee = body.addressee.map { VietnameseText.normalized($0) }
        let forwarded = try await Self.naming {
            try await nominations.forwardAll(
                ids, submission: reference, addressee: addressee?.isEmpty == false ? addressee : nil, by: context.account,
                logger: context.logger)
        }
        return EditedResponse(
            status: .accepted,
            response: ForwardedResponse(
                number: reference.number, date: reference.date, count: forwarded.count, items: forwarded.map(NominationResponse.init)))
    }

    /// Several nominations waiting at the unit sent on to the next unit up in thidua with one tờ trình of the unit's own,
    /// all or none: 201 with each nomination, now at that unit; the first that cannot go is named and nothing is stored.
    @Sendable func sendOnAll(_ request: Request, context: AuthenticatedContext) async throws -> EditedResponse<ForwardedResponse> {
        try Policy.require(context.account, .decide)
        let body = try await request.decode(as: ForwardRequest.self, context: context)
        let reference = try Self.submissionReference(body.submissionNumber, body.submissionDate)
        let ids = try FieldParsing.ids(body.nominationIds, Nomination.self, field: "nominationIds")
        let sent = try await Self.naming {
            try await submissions.sendOnAll(ids, submission: reference, by: context.account, logger: context.logger)
        }
        return EditedResponse(
            status: .created,
            response: ForwardedResponse(
                number: reference.number, date: reference.date, count: sent.count, items: sent.map(NominationResponse.init)))
    }

    /// One of several refused, as a problem the client reads: which nomination, why, and that none went.
    static func naming(_ send: () async throws -> [Nomination]) async throws -> [Nomination] {
        do {
            return try await send()
        } catch let refused as RefusedNomination {
            let message = "Đề nghị \(refused.id): \(refused.error.message) Không đề nghị nào được trình."
            throw DomainError(refused.error.code, message, violations: [.init(field: "nominationIds", message: message)])
        }
    }

    /// Approved, reduced to another award, or refused — with the answering document. 201 with the answer.
    @Sendable func answer(_ request: Request, context: AuthenticatedContext) async throws -> EditedResponse<SubmissionAnswer> {
        try Policy.require(context.account, .decide)
        let body = try await request.decode(as: AnswerRequest.self, context: context)
        let draft = try AnswerDraft.validate(
            outcome: body.outcome, issuer: body.issuer, number: body.decisionNumber, date: body.decisionDate, award: body.award,
            reason: body.reason)
        let id = try context.parameters.id("id", of: Nomination.self, what: Nomination.noun)
        let answer = try await submissions.answer(id, draft, by: context.account, logger: context.logger)
        return EditedResponse(status: .created, response: answer)
    }

    /// The unit the nomination waits at sends it on to the next unit up in thidua with its own tờ trình (sql/0043). 201
    /// with the nomination, now at that unit.
    @Sendable func sendOn(_ request: Request, context: AuthenticatedContext) async throws -> EditedResponse<NominationResponse> {
        try Policy.require(context.account, .decide)
        let body = try await request.decode(as: OnwardRequest.self, context: context)
        let reference = try Self.submissionReference(body.submissionNumber, body.submissionDate)
        let id = try context.parameters.id("id", of: Nomination.self, what: Nomination.noun)
        let nomination = try await submissions.sendOn(id, submission: reference, by: context.account, logger: context.logger)
        return EditedResponse(status: .created, response: NominationResponse(nomination))
    }

    /// A unit's tờ trình as the API sends it: its number and its date as YYYY-MM-DD.
    static func submissionReference(_ number: String?, _ date: String?) throws(DomainError) -> DecisionReference {
        try OnwardSubmission.reference(
            number: number, date: date.flatMap(LocalDate.init), dateMessage: "Ngày tờ trình phải có dạng YYYY-MM-DD.")
    }

    /// `?number=18/TTr-THAP&year=2024&format=json|html|md|docx`.
    @Sendable func file(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        try Policy.require(context.account, .readRegistry)
        let query = request.uri.queryParameters
        let number = try FieldParsing.text(query.get("number"), field: "number", message: "Cần số tờ trình, ví dụ number=18/TTr-THAP.")
        let year = try Period.calendarYear(query.get("year") ?? "").year
        let formatName = query.get("format") ?? "json"
        let format =
            try formatName == "json"
            ? nil
            : FieldParsing.choice(
                formatName, SubmissionFileFormat.self, field: "format", message: "format phải là json, html, md hoặc docx.")
        let file = try await submissions.file(
            number: number, year: year, within: Policy.units(for: .readRegistry, context.account), logger: context.logger)
        guard let format else {
            return try SubmissionFileResponse(file).response(from: request, context: context)
        }
        return Response(
            status: .ok, headers: [.contentType: format.contentType],
            body: .init(byteBuffer: ByteBuffer(bytes: try format.render(file))))
    }
}
