import Foundation
import Hummingbird
import ThiduaCore
import ThiduaStore

/// Evidence on models and nominations: a file as a raw body (its Content-Type, its name in Content-Disposition),
/// or JSON `{"url"}` / `{"note"}`. Files come back byte-identical; removal is a retraction with a reason.
struct EvidenceController {
    let evidence: EvidenceRepository
    let models: ModelRepository
    let maxBytes: Int

    struct LinkOrNote: Decodable {
        let url: String?
        let note: String?
    }

    func addRoutes(to group: RouterGroup<AuthenticatedContext>) {
        group.post("models/{id}/evidence") { request, context in
            let id = try context.parameters.id("id", of: ModelInitiative.self, what: "mô hình")
            if !Policy.can(context.account, .registerModel) {
                // Staff may add evidence to models they own.
                let model = try await models.find(id, logger: context.logger)
                guard let person = context.account.personId, model.owner.personId == person else {
                    throw DomainError.forbidden("Chỉ công đoàn, quản trị hoặc người chủ trì mô hình được thêm minh chứng.")
                }
            }
            return try await add(request, context, to: .model(id))
        }
        group.post("nominations/{id}/evidence") { request, context in
            try Policy.require(context.account, .nominate)
            return try await add(request, context, to: .nomination(try context.parameters.id("id", of: Nomination.self, what: "đề nghị")))
        }
        group.get("models/{id}/evidence") { _, context in
            let id = try context.parameters.id("id", of: ModelInitiative.self, what: "mô hình")
            try await requireReader(of: id, context)
            let items = try await evidence.list(.model(id), logger: context.logger)
            return ListResponse(items: items, nextCursor: nil)
        }
        group.get("nominations/{id}/evidence") { _, context in
            try Policy.require(context.account, .readRegistry)
            let items = try await evidence.list(
                .nomination(try context.parameters.id("id", of: Nomination.self, what: "đề nghị")), logger: context.logger)
            return ListResponse(items: items, nextCursor: nil)
        }
        group.get("evidence/{id}") { _, context in
            let item = try await evidence.find(try evidenceID(context), logger: context.logger)
            try await requireReader(of: item, context)
            return item
        }
        group.get("evidence/{id}/content") { _, context in
            try await requireReader(of: try await evidence.find(try evidenceID(context), logger: context.logger), context)
            let file = try await evidence.content(try evidenceID(context), logger: context.logger)
            let encoded = file.filename.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "file"
            return Response(
                status: .ok,
                headers: [.contentType: file.contentType, .contentDisposition: "attachment; filename*=UTF-8''\(encoded)"],
                body: .init(byteBuffer: ByteBuffer(bytes: file.data)))
        }
        group.post("evidence/{id}/retract") { request, context in
            try Policy.require(context.account, .registerModel)
            let body = try await request.decodeJSON(as: ReasonRequest.self, context: context)
            return try await evidence.retract(
                try evidenceID(context), reason: try requiredReason(body.reason), by: context.account, logger: context.logger)
        }
    }

    /// Registry roles read all evidence; a staff account reads the evidence of the models it owns.
    private func requireReader(of model: ID<ModelInitiative>, _ context: AuthenticatedContext) async throws {
        guard !Policy.can(context.account, .readRegistry) else { return }
        let owner = try await models.find(model, logger: context.logger).owner.personId
        guard let person = context.account.personId, owner == person else {
            throw DomainError.forbidden("Chỉ xem được minh chứng của mô hình mình chủ trì.")
        }
    }

    private func requireReader(of item: EvidenceRepository.Item, _ context: AuthenticatedContext) async throws {
        guard !Policy.can(context.account, .readRegistry) else { return }
        guard let model = item.modelId.flatMap({ ID<ModelInitiative>($0) }) else {
            throw DomainError.forbidden("Chỉ xem được minh chứng của mô hình mình chủ trì.")
        }
        try await requireReader(of: model, context)
    }

    private func evidenceID(_ context: AuthenticatedContext) throws -> UUID {
        guard let text = context.parameters.get("id"), let id = UUID(uuidString: text) else { throw DomainError.notFound("minh chứng") }
        return id
    }

    private func add(_ request: Request, _ context: AuthenticatedContext, to subject: EvidenceRepository.Subject) async throws
        -> EditedResponse<EvidenceRepository.Item>
    {
        let contentType = request.headers[.contentType] ?? ""
        let content: EvidenceRepository.Content
        if contentType.lowercased().hasPrefix("application/json") {
            let body = try await request.decodeJSON(as: LinkOrNote.self, context: context)
            if let url = body.url {
                content = .link(VietnameseText.normalized(url))
            } else if let note = body.note, !VietnameseText.normalized(note).isEmpty {
                content = .note(VietnameseText.normalized(note))
            } else {
                throw DomainError.validation([
                    .init(field: "url", message: "Gửi một tệp (thân yêu cầu), hoặc JSON {\"url\"} hay {\"note\"}.")
                ])
            }
        } else if let boundary = MultipartFile.boundary(of: contentType) {
            let body = try await collect(request)
            guard let file = MultipartFile.parse(Array(body.readableBytesView), boundary: boundary), !file.data.isEmpty else {
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
                throw DomainError.validation([
                    .init(field: "Content-Disposition", message: "Cần tên tệp: Content-Disposition: attachment; filename*=UTF-8''<tên>.")
                ])
            }
            let buffer = try await collect(request)
            guard buffer.readableBytes > 0 else { throw DomainError.validation([.init(field: "body", message: "Tệp rỗng.")]) }
            content = .file(Data(buffer.readableBytesView), filename: filename, contentType: contentType)
        }
        let item = try await evidence.add(content, to: subject, by: context.account, logger: context.logger)
        return EditedResponse(status: .created, headers: [.location: "/v1/evidence/\(item.id)"], response: item)
    }

    /// The request body, refused with 413 past the configured limit.
    private func collect(_ request: Request) async throws -> ByteBuffer {
        do {
            return try await request.body.collect(upTo: maxBytes)
        } catch {
            throw Problem(
                code: "content-too-large", status: .contentTooLarge, title: "Tệp quá lớn",
                detail: "Tệp vượt quá giới hạn \(maxBytes / 1_048_576) MiB.")
        }
    }

    /// The file name from `Content-Disposition`: RFC 5987 `filename*=UTF-8''…` first, else `filename="…"`; NFC.
    static func filename(_ header: String?) -> String? {
        guard let header else { return nil }
        let parts = header.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        if let extended = parts.first(where: { $0.lowercased().hasPrefix("filename*=") }) {
            let value = extended.dropFirst("filename*=".count)
            if let range = value.range(of: "''"), let decoded = String(value[range.upperBound...]).removingPercentEncoding {
                return VietnameseText.normalized(decoded).nilIfEmpty
            }
        }
        if let plain = parts.first(where: { $0.lowercased().hasPrefix("filename=") }) {
            return VietnameseText.normalized(
                String(plain.dropFirst("filename=".count)).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            ).nilIfEmpty
        }
        return nil
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
