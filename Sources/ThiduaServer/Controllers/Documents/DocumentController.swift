import Hummingbird
import ThiduaCore
import ThiduaStore

/// `/v1/documents`: legal documents that movements cite.
struct DocumentController {
    let documents: DocumentRepository

    func addRoutes(to group: RouterGroup<AuthenticatedContext>) {
        group.get("documents", use: list)
        group.post("documents", use: create)
    }

    @Sendable func list(_ request: Request, context: AuthenticatedContext) async throws -> ListResponse<DocumentResponse> {
        try Policy.require(context.account, .readDirectory)
        let page = try await documents.list(try request.pageRequest(), logger: context.logger)
        return ListResponse(items: page.items.map(DocumentResponse.init), nextCursor: page.nextCursor)
    }

    @Sendable func create(_ request: Request, context: AuthenticatedContext) async throws -> EditedResponse<DocumentResponse> {
        try Policy.require(context.account, .manageDocuments)
        let body = try await request.decode(as: CreateRequest.self, context: context)
        let valid = try LegalDocument.validate(number: body.number, date: body.date, issuer: body.issuer, title: body.title).get()
        let document = try await documents.create(
            number: valid.number, date: valid.date, issuer: valid.issuer, title: valid.title, kind: try DocumentKind.parse(body.kind),
            by: context.actor, logger: context.logger)
        return versioned(DocumentResponse(document), version: document.version, status: .created, location: "/v1/documents/\(document.id)")
    }
}
