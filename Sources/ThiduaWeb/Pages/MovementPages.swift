import Foundation
import Hummingbird
import ThiduaCore
import ThiduaStore

extension String {
    fileprivate var nonEmpty: String? { isEmpty ? nil : self }
}

/// Phong trào: the list (newest first, 50 a page) and a movement's page with its period, deadlines and criteria.
extension WebPages {
    struct MovementListContent {
        let movements: [MovementRow]
        let next: String?
        /// "Tạo phong trào", for the headmaster and admins.
        let mayCreate: Bool
    }

    struct MovementRow {
        let path: String
        let name: String
        let period: String
        let status: String
        let statusCode: String
        let deadlines: String
    }

    struct MovementContent {
        let name: String
        let period: String
        let status: String
        let statusCode: String
        let registrationDeadline: String
        let nominationDeadline: String
        let criteria: [CriterionRow]
        let totalPoints: Int
        let csrf: String
        let path: String
        let version: Int
        /// The steps the headmaster may take now ("Phát động", "Kết thúc", "Lưu trữ"); none for other roles.
        let steps: [Step]
        let models: [ModelRow]
        /// "Đăng ký mô hình", for the union and admins while the movement is open.
        let newModelPath: String?
        let moreModels: String?
        /// The movement's report as files, for registry roles.
        let reports: [Download]
        let message: String?
    }

    struct Step {
        let action: String
        let label: String
        /// Drawn as a secondary button (a step back, such as "Rút mô hình").
        var secondary = false
        /// What the step does, said beside the button (a step that cannot be undone says so).
        var effect = ""
    }

    struct ModelRow {
        let path: String
        let title: String
        let owner: String
        let status: String
        let statusCode: String
    }

    /// The button that moves a movement to `next`, and the path word it posts to.
    static func step(to next: MovementStatus) -> Step? {
        switch next {
        case .open:
            Step(action: "open", label: "Phát động phong trào", effect: "Từ lúc phát động, công đoàn đăng ký mô hình và gửi đề nghị.")
        case .closed:
            Step(
                action: "close", label: "Kết thúc phong trào",
                effect: "Sau khi kết thúc, không đăng ký mô hình hay gửi đề nghị mới được nữa; không mở lại được.")
        case .archived: Step(action: "archive", label: "Lưu trữ", effect: "Phong trào chỉ còn để xem và in báo cáo.")
        case .draft: nil
        }
    }

    struct CriterionRow {
        let code: String
        let title: String
        let maxPoints: Int
    }

    func movementList(request: Request, context: Context) async throws -> Response {
        let session = try session(context, allowedTo: .readDirectory)
        let cursor = FormFields.query(request)["cursor"]
        let page = try await movements.list(
            status: nil, units: Policy.units(for: .readDirectory, session.account), page: try PageRequest(limit: 50, cursor: cursor),
            logger: context.logger)
        let rows = page.items.map { movement in
            MovementRow(
                path: "/movements/\(movement.id)", name: movement.name, period: movement.period.vietnamese,
                status: movement.status.vietnameseName, statusCode: movement.status.rawValue,
                deadlines: [
                    movement.registrationDeadline.map { "Đăng ký đến \($0.vietnamese)" },
                    movement.nominationDeadline.map { "Đề nghị đến \($0.vietnamese)" },
                ].compactMap { $0 }.joined(separator: " · ").nonEmpty ?? "Không đặt hạn")
        }
        return renderer.page(
            "movements",
            MovementListContent(
                movements: rows,
                next: page.nextCursor.map { "/movements?cursor=\(Self.queryValue($0))" },
                mayCreate: Policy.can(session.account, .launchMovement)),
            layout: Pages.layout(title: "Phong trào thi đua", session: session, current: "/movements"))
    }

    func movementPage(request: Request, context: Context) async throws -> Response {
        let session = try session(context, allowedTo: .readDirectory)
        return try await movementPage(
            try pathID(context), session: session, message: nil, modelsCursor: FormFields.query(request)["models"],
            context: context)
    }

    /// "Phát động", "Kết thúc" or "Lưu trữ" with the version the page showed; someone acting first is said on the page.
    func moveMovement(request: Request, context: Context) async throws -> Response {
        let session = try session(context, allowedTo: .launchMovement)
        let id: ID<Movement> = try pathID(context)
        let form = try await FormFields.read(request)
        let next = MovementStatus.allCases.first { Self.step(to: $0)?.action == context.parameters.get("step") }
        guard let next else { throw WebError.notFound }
        do {
            _ = try await movements.transition(
                id, to: next, expectedVersion: form["version"].flatMap { Int($0) }, by: Actor(account: session.account),
                logger: context.logger)
            return Renderer.redirect(to: "/movements/\(id)")
        } catch let error as DomainError {
            guard let refusal = error.workflowRefusal(of: Movement.noun) else { throw error }
            return try await movementPage(id, session: session, message: refusal.message, status: refusal.status, context: context)
        }
    }

    private func movementPage(
        _ id: ID<Movement>, session: SignInRepository.Session, message: String?, status: HTTPResponse.Status = .ok,
        modelsCursor: String? = nil, context: Context
    ) async throws -> Response {
        let movement = try await movements.find(id, logger: context.logger)
        let scope = Policy.readScope(session.account)
        let modelPage =
            scope == .nothing
            ? Page<ModelInitiative>(items: [], nextCursor: nil)
            : try await models.list(
                movementId: id, status: nil, ownedBy: scope.person, page: try PageRequest(limit: 50, cursor: modelsCursor),
                logger: context.logger)
        let owners = try await models.names(of: modelPage.items.map(\.owner), logger: context.logger)
        let content = MovementContent(
            name: movement.name, period: movement.period.vietnamese, status: movement.status.vietnameseName,
            statusCode: movement.status.rawValue,
            registrationDeadline: movement.registrationDeadline?.vietnamese ?? "không đặt",
            nominationDeadline: movement.nominationDeadline?.vietnamese ?? "không đặt",
            criteria: movement.criteria.map { CriterionRow(code: $0.code, title: $0.title, maxPoints: $0.maxPoints) },
            totalPoints: movement.criteria.reduce(0) { $0 + $1.maxPoints },
            csrf: session.csrfToken, path: "/movements/\(id)", version: movement.version,
            steps: Policy.can(session.account, .launchMovement)
                ? movement.status.allowedNext.sorted { $0.rawValue < $1.rawValue }.compactMap(Self.step) : [],
            models: modelPage.items.map {
                ModelRow(
                    path: "/models/\($0.id)", title: $0.title, owner: owners[$0.owner] ?? "", status: $0.status.vietnameseName,
                    statusCode: $0.status.rawValue)
            },
            newModelPath: Policy.can(session.account, .registerModel) && movement.status == .open ? "/movements/\(id)/models/new" : nil,
            moreModels: modelPage.nextCursor.map { "/movements/\(id)?models=\(Self.queryValue($0))#mo-hinh" },
            reports: Policy.can(session.account, .readRegistry)
                ? [("Trang in (HTML)", "html"), ("CSV", "csv"), ("Markdown", "md")].map {
                    Download(label: $0.0, path: "/movements/\(id)/report?format=\($0.1)")
                } : [],
            message: message)
        return renderer.page(
            "movement", content, layout: Pages.layout(title: movement.name, session: session, current: "/movements"), status: status)
    }
}
