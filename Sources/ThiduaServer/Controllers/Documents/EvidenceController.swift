import Foundation
import Hummingbird
import NIOCore
import ThiduaCore
import ThiduaStore
import ThiduaWeb

/// Evidence on models and nominations: a file as a raw body (its Content-Type, its name in Content-Disposition),
/// or JSON `{"url"}` / `{"note"}`. Files come back byte-identical; removal is a retraction with a reason.
struct EvidenceController {
    let evidence: EvidenceRepository
    let models: ModelInitiativeRepository
    let nominations: NominationRepository
    let maxBytes: Int

    func addRoutes(to group: RouterGroup<AuthenticatedContext>) {
        group.post("models/{id}/evidence", use: addToModel)
        group.get("models/{id}/evidence", use: listForModel)
        group.post("nominations/{id}/evidence", use: addToNomination)
        group.get("nominations/{id}/evidence", use: listForNomination)
        group.get("evidence/{id}", use: get)
        group.get("evidence/{id}/content", use: content)
        group.post("evidence/{id}/retract", use: retract)
    }

    /// The union or an admin adds evidence to any model; staff to the models they lead.
    @Sendable func addToModel(_ request: Request, context: AuthenticatedContext) async throws -> EditedResponse<EvidenceRepository.Item> {
        let id = try context.parameters.id("id", of: ModelInitiative.self, what: ModelInitiative.noun)
        if !Policy.can(context.account, .registerModel) {
            let model = try await models.find(id, logger: context.logger)
            guard Policy.canAddEvidence(toModelOwnedBy: model.owner, as: context.account) else {
                throw DomainError.forbidden("Chỉ công đoàn, quản trị hoặc người chủ trì mô hình được thêm minh chứng.")
            }
        }
        return try await add(request, context, to: .model(id))
    }

    @Sendable func addToNomination(_ request: Request, context: AuthenticatedContext) async throws
        -> EditedResponse<EvidenceRepository.Item>
    {
        try Policy.require(context.account, .nominate)
        return try await add(request, context, to: .nomination(try context.parameters.id("id", of: Nomination.self, what: Nomination.noun)))
    }

    @Sendable func listForModel(_ request: Request, context: AuthenticatedContext) async throws -> ListResponse<EvidenceRepository.Item> {
        let id = try context.parameters.id("id", of: ModelInitiative.self, what: ModelInitiative.noun)
        try await requireReader(of: .model(id), context)
        return ListResponse(items: try await evidence.list(.model(id), logger: context.logger), nextCursor: nil)
    }

    @Sendable func listForNomination(_ request: Request, context: AuthenticatedContext) async throws
        -> ListResponse<EvidenceRepository.Item>
    {
        let id = try context.parameters.id("id", of: Nomination.self, what: Nomination.noun)
        try await requireReader(of: .nomination(id), context)
        return ListResponse(items: try await evidence.list(.nomination(id), logger: context.logger), nextCursor: nil)
    }

    @Sendable func get(_ request: Request, context: AuthenticatedContext) async throws -> EvidenceRepository.Item {
        let item = try await evidence.find(try evidenceID(context), logger: context.logger)
        try await requireReader(of: item, context)
        return item
    }

    /// The file, byte for byte, as an attachment.
    @Sendable func content(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        try await requireReader(of: try await evidence.find(try evidenceID(context), logger: context.logger), context)
        let file = try await evidence.content(try evidenceID(context), logger: context.logger)
        let encoded = file.filename.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "file"
        return Response(
            status: .ok,
            headers: [
                .contentType: EvidenceRules.servedType(file.contentType),
                .contentDisposition: "attachment; filename*=UTF-8''\(encoded)",
                // Whatever the file holds, a browser that opens it runs nothing of it (security review F11).
                .contentSecurityPolicy: "sandbox",
            ],
            body: .init(byteBuffer: ByteBuffer(bytes: file.data)))
    }

    @Sendable func retract(_ request: Request, context: AuthenticatedContext) async throws -> EvidenceRepository.Item {
        try Policy.require(context.account, .registerModel)
        let body = try await request.decode(as: ReasonRequest.self, context: context)
        return try await evidence.retract(
            try evidenceID(context), reason: try requiredReason(body.reason), by: context.account, logger: context.logger)
    }

    /// Registry roles read all evidence; a staff account reads the evidence of its own models and nominations.
    /// Anything else is "not found", as for the records themselves.
    private func requireReader(of subject: EvidenceRepository.Subject, _ context: AuthenticatedContext) async throws {
        guard Policy.readScope(context.account) != .everything else { return }
        switch subject {
        case .model(let id):
            let model = try await models.find(id, logger: context.logger)
            try Policy.requireRead(model.owner, as: context.account, what: ModelInitiative.noun)
        case .nomination(let id):
            let nomination = try await nominations.find(id, logger: context.logger)
            try Policy.requireRead(nomination.nominee, as: context.account, what: Nomination.noun)
        }
    }

    private func requireReader(of item: EvidenceRepository.Item, _ context: AuthenticatedContext) async throws {
        guard Policy.readScope(context.account) != .everything else { return }
        if let model = item.modelId.flatMap({ ID<ModelInitiative>($0) }) {
            try await requireReader(of: .model(model), context)
        } else if let nomination = item.nominationId.flatMap({ ID<Nomination>($0) }) {
            try await requireReader(of: .nomination(nomination), context)
        } else {
            throw DomainError.notFound(Evidence.noun)
        }
    }

    private func evidenceID(_ context: AuthenticatedContext) throws -> UUID {
        guard let text = context.parameters.get("id"), let id = UUID(uuidString: text) else { throw DomainError.notFound(Evidence.noun) }
        return id
    }

    private func add(_ request: Request, _ context: AuthenticatedContext, to subject: EvidenceRepository.Subject) async throws
        -> EditedResponse<EvidenceRepository.Item>
    {
        let paper = try FieldParsing.optionalChoice(request.uri.queryParameters.get("paper"), EvidencePaper.self, field: "paper")
        let contentType = request.headers[.contentType] ?? ""
        let content: EvidenceRepository.Content
        if contentType.lowercased().hasPrefix("application/json") {
            let body = try await request.decode(as: LinkOrNote.self, context: context)
            if let url = body.url {
                content = .link(VietnameseText.normalized(url))
            } else if let note = body.note, !VietnameseText.normalized(note).isEmpty {
                content = .note(VietnameseText.normalized(note))
            } else {
                throw DomainError.validation([
                    .init(field: "url", message: "Gửi một tệp (thân yêu cầu), hoặc JSON {\"url\"} hay {\"note\"}.")
                ])
            }
        } else if let boundary = try MultipartFile.boundary(of: contentType) {
            let file = try await MultipartFile.read(request.body, boundary: boundary, maxBytes: maxBytes)
            guard let file, !file.data.isEmpty else {
                throw DomainError.validation([.init(field: "file", message: "Biểu mẫu cần một phần \"file\" có tên tệp và nội dung.")])
            }
            content = .file(file.data, filename: file.filename, contentType: file.contentType)
        } else {
            guard !contentType.isEmpty else {
                throw DomainError.validation([
                    .init(field: "Content-Type", message: "Cần tiêu đề Content-Type của tệp (ví dụ image/jpeg, application/pdf).")
                ])
            }
            guard let filename = Self.filename(request.headers[.contentDisposition]) else {
                throw DomainError.rule(
                    field: "Content-Disposition", "Cần tên tệp: Content-Disposition: attachment; filename*=UTF-8''<tên>.")
            }
            let buffer = try await collect(request)
            guard buffer.readableBytes > 0 else { throw DomainError.validation([.init(field: "body", message: "Tệp rỗng.")]) }
            content = .file(Data(buffer.readableBytesView), filename: filename, contentType: contentType)
        }
        let item = try await evidence.add(content, to: subject, paper: paper, by: context.account, logger: context.logger)
        return EditedResponse(status: .created, headers: [.location: "/v1/evidence/\(item.id)"], response: item)
    }

    /// The request body, refused with 413 past the configured limit.
    private func collect(_ request: Request) async throws -> ByteBuffer {
        do {
            return try await request.body.collect(upTo: maxBytes)
        } catch is NIOTooManyBytesError {
            throw Self.tooLarge(maxBytes)
        }
    }

    static func tooLarge(_ maxBytes: Int) -> Problem { .contentTooLarge(limit: maxBytes) }

    /// The file name from `Content-Disposition`: RFC 5987 `filename*=UTF-8''…` first, else `filename="…"`; NFC.
    static func filename(_ header: String?) -> String? { MultipartForm.filename(header) }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
