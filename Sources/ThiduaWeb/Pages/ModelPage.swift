import Foundation
import Hummingbird
import ThiduaCore
import ThiduaStore

/// One model: what it is, whose, where it stands, its evidence (each file with its size and SHA-256, retractions marked
/// with their reason), the upload form, and the steps its state allows to whoever may take them.
extension WebPages {
    struct ModelContent {
        let csrf: String
        let path: String
        let version: Int
        let title: String
        let movement: String
        let movementPath: String
        let owner: String
        let field: String
        let period: String
        let goals: String
        let status: String
        let statusCode: String
        let recognition: String?
        let evidence: [EvidenceRow]
        let mayAddEvidence: Bool
        let uploadLimit: String
        let accept: String
        let steps: [Step]
        let mayRecognize: Bool
        let levels: [Option]
        let timeline: [TimelineRow]
        let message: String?
    }

    struct EvidenceRow {
        let name: String
        let link: String?
        let size: String?
        let sha256: String?
        let addedBy: String
        let addedOn: String
        let retraction: String?
        let retractPath: String?
    }

    /// The union's steps on a model, and the path word each posts to (recognition is the headmaster's form).
    static func modelStep(to next: ModelStatus) -> Step? {
        switch next {
        case .inProgress: Step(action: "start", label: "Bắt đầu thực hiện")
        case .submitted: Step(action: "submit", label: "Gửi đề nghị công nhận")
        case .withdrawn: Step(action: "withdraw", label: "Rút mô hình", secondary: true)
        case .registered, .recognized, .notRecognized: nil
        }
    }

    func modelPage(context: Context) async throws -> Response {
        let session = try session(context)
        return try await modelPage(try pathID(context), session: session, message: nil, context: context)
    }

    /// A union step ("Bắt đầu thực hiện", "Gửi đề nghị công nhận", "Rút mô hình") or the headmaster's "Công nhận" (with level
    /// and decision) and "Không công nhận", each with the version the page showed.
    func moveModel(request: Request, context: Context) async throws -> Response {
        let id: ID<ModelInitiative> = try pathID(context)
        let action = context.parameters.get("step")
        let recognising = ["recognize", "reject"].contains(action)
        let session = try session(context, allowedTo: recognising ? .recognizeModel : .registerModel)
        let next: ModelStatus? =
            switch action {
            case "recognize": .recognized
            case "reject": .notRecognized
            default: ModelStatus.allCases.first { Self.modelStep(to: $0)?.action == action }
            }
        guard let next else { throw WebError.notFound }
        let form = try await FormFields.read(request)
        do {
            let recognition =
                next == .recognized
                ? try ModelInitiative.Recognition.validate(level: form["level"], decision: try form.decisionReference()) : nil
            _ = try await models.transition(
                id, to: next, recognition: recognition, expectedVersion: form["version"].flatMap { Int($0) },
                by: Actor(account: session.account), logger: context.logger)
            return Renderer.redirect(to: "/models/\(id)")
        } catch let error as DomainError {
            guard let refusal = error.workflowRefusal(of: ModelInitiative.noun) else { throw error }
            return try await modelPage(id, session: session, message: refusal.message, status: refusal.status, context: context)
        }
    }

    func modelPage(
        _ id: ID<ModelInitiative>, session: SignInRepository.Session, message: String?, status: HTTPResponse.Status = .ok,
        context: Context
    ) async throws -> Response {
        let model = try await models.find(id, logger: context.logger)
        try Policy.requireRead(model.owner, as: session.account, what: ModelInitiative.noun)
        let movement = try await movements.find(model.movementId, logger: context.logger)
        let owner = try await models.names(of: [model.owner], logger: context.logger)[model.owner] ?? ""
        let items = try await evidence.list(.model(id), logger: context.logger)
        let union = Policy.can(session.account, .registerModel)
        let content = ModelContent(
            csrf: session.csrfToken, path: "/models/\(id)", version: model.version, title: model.title, movement: movement.name,
            movementPath: "/movements/\(movement.id)", owner: owner + (model.owner.unitId != nil ? " (tập thể)" : ""),
            field: ModelInitiative.fieldName(model.field), period: "\(model.startsOn.vietnamese) – \(model.endsOn.vietnamese)",
            goals: model.goals, status: model.status.vietnameseName, statusCode: model.status.rawValue,
            recognition: model.recognition.map {
                "\(ModelInitiative.Recognition.vietnamese($0.level).capitalizedFirst), Quyết định số \($0.decision) ngày \($0.date.vietnamese)"
            },
            evidence: items.map { Self.evidenceRow($0, mayRetract: union) },
            mayAddEvidence: Policy.canAddEvidence(toModelOwnedBy: model.owner, as: session.account) && !model.status.isFinal,
            uploadLimit: Self.limitText(maxUploadBytes), accept: EvidenceRules.allowedTypes.sorted().joined(separator: ","),
            steps: union ? model.status.allowedNext.sorted { $0.rawValue < $1.rawValue }.compactMap(Self.modelStep) : [],
            mayRecognize: Policy.can(session.account, .recognizeModel) && model.status.allowedNext.contains(.recognized),
            levels: ModelInitiative.Recognition.levels.map {
                Option(value: $0, label: ModelInitiative.Recognition.vietnamese($0).capitalizedFirst, selected: $0 == "school")
            },
            timeline: try await timeline(entity: "model", id: id.description, context: context), message: message)
        return renderer.page(
            "model", content, layout: Pages.layout(title: model.title, session: session, current: "/movements"), status: status)
    }

    static func evidenceRow(_ item: EvidenceRepository.Item, mayRetract: Bool) -> EvidenceRow {
        EvidenceRow(
            name: item.filename ?? item.url ?? item.note ?? "", link: item.kind == "file" ? "/evidence/\(item.id)" : item.url,
            size: item.size.map(byteSize), sha256: item.sha256, addedBy: item.addedBy, addedOn: Self.vietnameseDay(item.addedAt),
            retraction: item.retractionReason, retractPath: mayRetract && !item.retracted ? "/evidence/\(item.id)/retract" : nil)
    }

    /// "1.234.567 byte (1,2 MB)": the exact size a clerk can compare, and a readable one.
    static func byteSize(_ bytes: Int) -> String {
        let exact = "\(VietnameseText.grouped(bytes)) byte"
        guard bytes >= 1024 else { return exact }
        let (value, unit) = bytes >= 1_048_576 ? (Double(bytes) / 1_048_576, "MB") : (Double(bytes) / 1024, "KB")
        let tenths = Int((value * 10).rounded())
        return "\(exact) (\(tenths / 10),\(tenths % 10) \(unit))"
    }

    /// An upload limit as a person reads it: "20 MB".
    static func limitText(_ bytes: Int) -> String {
        bytes % 1_048_576 == 0 ? "\(bytes / 1_048_576) MB" : byteSize(bytes)
    }

    /// "2026-11-30T18:04:05Z" → "01/12/2026": the day in Vietnam (UTC+7).
    static func vietnameseDay(_ timestamp: String) -> String {
        guard let date = ISO8601DateFormatter().date(from: timestamp) else { return timestamp }
        let parts = vietnamCalendar.dateComponents([.year, .month, .day], from: date)
        return LocalDate(parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1).vietnamese
    }
}

extension ModelStatus {
    /// Recognised, not recognised or withdrawn: nothing more is added.
    var isFinal: Bool { allowedNext.isEmpty }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
