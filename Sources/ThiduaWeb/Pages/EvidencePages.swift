import Foundation
import Hummingbird
import ThiduaCore
import ThiduaStore

/// Minh chứng on a model: "Tải lên minh chứng" (one or several files in one form: all are kept, or none and the page
/// says which file and why), a link or a note, the file back byte for byte, and retraction — after a page that restates
/// what will happen — with a reason.
extension WebPages {
    struct RetractContent {
        let csrf: String
        let path: String
        let modelPath: String
        let name: String
        let reason: String
        let error: String?
    }

    /// The most parts an upload form may have: the form token and up to 20 files.
    static var maxUploadParts: Int { 21 }

    func uploadEvidence(request: Request, context: Context) async throws -> Response {
        let (session, id) = try await evidenceWriter(context)
        let form: MultipartForm
        do {
            guard let upload = try await readUpload(request, maxParts: Self.maxUploadParts) else {
                return try await refusedUpload(
                    id, session, "Biểu mẫu tải lên không đúng dạng; hãy tải lại trang rồi chọn tệp lại.", context)
            }
            form = upload
        } catch let error as DomainError {
            return try await refusedUpload(id, session, error.messages.joined(separator: " "), context)
        }
        let files = form.files.filter { !$0.filename.isEmpty }
        guard !files.isEmpty else { return try await refusedUpload(id, session, "Chưa chọn tệp nào để tải lên.", context) }
        if let empty = files.first(where: { $0.data.isEmpty }) {
            return try await refusedUpload(id, session, "Tệp \"\(empty.filename)\" rỗng; chưa tệp nào được lưu.", context)
        }
        for file in files {
            do {
                _ = try EvidenceRules.validateFile(filename: file.filename, contentType: file.contentType)
            } catch {
                return try await refusedUpload(id, session, "Tệp \"\(file.filename)\": \(error.message) Chưa tệp nào được lưu.", context)
            }
        }
        do {
            _ = try await evidence.add(
                files.map { .file($0.data, filename: $0.filename, contentType: $0.contentType) }, to: .model(id), by: session.account,
                logger: context.logger)
        } catch let error as DomainError where error.code != .notFound && error.code != .databaseUnavailable {
            return try await refusedUpload(id, session, error.messages.joined(separator: " ") + " Chưa tệp nào được lưu.", context)
        }
        return Renderer.redirect(to: "/models/\(id)#minh-chung")
    }

    /// A link (http/https) or a note as evidence.
    func addEvidenceText(request: Request, context: Context) async throws -> Response {
        let (session, id) = try await evidenceWriter(context)
        let form = try await FormFields.read(request)
        let url = VietnameseText.normalized(form["url"] ?? ""), note = VietnameseText.normalized(form["note"] ?? "")
        guard !url.isEmpty || !note.isEmpty else {
            return try await refusedUpload(id, session, "Nhập một liên kết hoặc một ghi chú.", context)
        }
        do {
            var contents: [EvidenceRepository.Content] = []
            if !url.isEmpty { contents.append(.link(url)) }
            if !note.isEmpty { contents.append(.note(note)) }
            _ = try await evidence.add(contents, to: .model(id), by: session.account, logger: context.logger)
        } catch let error as DomainError where error.refusesInput {
            return try await refusedUpload(id, session, error.messages.joined(separator: " "), context)
        }
        return Renderer.redirect(to: "/models/\(id)#minh-chung")
    }

    /// The file as uploaded, as an attachment that runs nothing in the browser (security review F11).
    func evidenceFile(context: Context) async throws -> Response {
        let session = try session(context)
        let item = try await readableEvidence(context, session: session)
        guard item.kind == "file" else { throw WebError.notFound }
        let file = try await evidence.content(try evidenceID(context), logger: context.logger)
        let encoded = file.filename.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "file"
        return Response(
            status: .ok,
            headers: [
                .contentType: EvidenceRules.servedType(file.contentType), .contentDisposition: "attachment; filename*=UTF-8''\(encoded)",
                .contentSecurityPolicy: "sandbox", .cacheControl: "no-store",
            ],
            body: .init(byteBuffer: ByteBuffer(bytes: file.data)))
    }

    func retractEvidenceForm(context: Context) async throws -> Response {
        let session = try session(context, allowedTo: .registerModel)
        return try await retractPage(try await readableEvidence(context, session: session), session: session, reason: "", error: nil)
    }

    func retractEvidence(request: Request, context: Context) async throws -> Response {
        let session = try session(context, allowedTo: .registerModel)
        let item = try await readableEvidence(context, session: session)
        let form = try await FormFields.read(request)
        let reason = VietnameseText.normalized(form["reason"] ?? "")
        guard !reason.isEmpty else {
            return try await retractPage(
                item, session: session, reason: reason, error: "Cần ghi lý do thu hồi.", status: .unprocessableContent)
        }
        do {
            _ = try await evidence.retract(try evidenceID(context), reason: reason, by: session.account, logger: context.logger)
        } catch let error as DomainError where error.refusesInput || error.code == .conflict {
            return try await retractPage(
                item, session: session, reason: reason, error: error.messages.joined(separator: " "),
                status: error.code == .conflict ? .conflict : .unprocessableContent)
        }
        return Renderer.redirect(to: "/models/\(item.modelId ?? "")#minh-chung")
    }

    private func retractPage(
        _ item: EvidenceRepository.Item, session: SignInRepository.Session, reason: String, error: String?,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        guard let model = item.modelId else { throw WebError.notFound }
        let content = RetractContent(
            csrf: session.csrfToken, path: "/evidence/\(item.id)/retract", modelPath: "/models/\(model)",
            name: item.filename ?? item.url ?? item.note ?? "", reason: reason, error: error)
        return renderer.page(
            "evidence-retract", content, layout: Pages.layout(title: "Thu hồi minh chứng", session: session, current: "/movements"),
            status: status)
    }

    /// Who may add evidence to the model in the path: the union or an admin, or the person who leads it.
    private func evidenceWriter(_ context: Context) async throws -> (SignInRepository.Session, ID<ModelInitiative>) {
        let session = try session(context)
        let id: ID<ModelInitiative> = try pathID(context)
        if !Policy.can(session.account, .registerModel) {
            let model = try await models.find(id, logger: context.logger)
            try Policy.requireRead(model.owner, as: session.account, what: ModelInitiative.noun)
            guard Policy.canAddEvidence(toModelOwnedBy: model.owner, as: session.account) else { throw WebError.forbidden }
        }
        return (session, id)
    }

    /// The evidence item in the path, if this account may read its model (else: not found).
    private func readableEvidence(_ context: Context, session: SignInRepository.Session) async throws -> EvidenceRepository.Item {
        let item = try await evidence.find(try evidenceID(context), logger: context.logger)
        guard let model = item.modelId.flatMap(ID<ModelInitiative>.init) else { throw WebError.notFound }
        try Policy.requireRead(try await models.find(model, logger: context.logger).owner, as: session.account, what: Evidence.noun)
        return item
    }

    /// A page's upload form (`multipart/form-data`, the session middleware has already read it up to the upload limit);
    /// nil for a body of another type.
    func readUpload(_ request: Request, maxParts: Int) async throws -> MultipartForm? {
        var request = request
        guard let boundary = try MultipartForm.boundary(of: request.headers[.contentType] ?? "") else { return nil }
        return try MultipartForm.read(
            try await request.collectBody(upTo: maxUploadBytes), boundary: boundary, maxBytes: maxUploadBytes, maxParts: maxParts)
    }

    private func evidenceID(_ context: Context) throws -> UUID {
        guard let text = context.parameters.get("id"), let id = UUID(uuidString: text) else { throw WebError.notFound }
        return id
    }

    private func refusedUpload(
        _ id: ID<ModelInitiative>, _ session: SignInRepository.Session, _ message: String, _ context: Context
    ) async throws -> Response {
        try await modelPage(id, session: session, message: message, status: .unprocessableContent, context: context)
    }
}
