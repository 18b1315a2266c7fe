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
        let hasMovements: Bool
        let next: String?
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
        let hasCriteria: Bool
        let totalPoints: Int
        let csrf: String
        let path: String
        let version: Int
        /// The steps the headmaster may take now ("Phát động", "Kết thúc", "Lưu trữ"); none for other roles.
        let steps: [Step]
        let message: String?
    }

    struct Step {
        let action: String
        let label: String
    }

    static func stepLabel(_ next: MovementStatus) -> (action: String, label: String)? {
        switch next {
        case .open: ("open", "Phát động phong trào")
        case .closed: ("close", "Kết thúc phong trào")
        case .archived: ("archive", "Lưu trữ")
        case .draft: nil
        }
    }

    struct CriterionRow {
        let code: String
        let title: String
        let maxPoints: Int
    }

    func movementList(request: Request, context: Context) async throws -> Response {
        let session = try session(context)
        try Policy.require(session.account, .readDirectory)
        let cursor = request.uri.queryParameters["cursor"].map(String.init)
        let page = try await movements.list(status: nil, page: try PageRequest(limit: 50, cursor: cursor), logger: context.logger)
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
                movements: rows, hasMovements: !rows.isEmpty,
                next: page.nextCursor.flatMap { $0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) }.map {
                    "/movements?cursor=\($0)"
                }),
            layout: Pages.layout(title: "Phong trào thi đua", session: session, current: "/movements"))
    }

    func movementPage(context: Context) async throws -> Response {
        let session = try session(context)
        return try await movementPage(try movementID(context), session: session, message: nil, context: context)
    }

    private func movementID(_ context: Context) throws -> ID<Movement> {
        guard let id = ID<Movement>(try context.parameters.require("id")) else { throw WebError.notFound }
        return id
    }

    /// "Phát động", "Kết thúc" or "Lưu trữ" with the version the page showed; someone acting first is said on the page.
    func moveMovement(request: Request, context: Context) async throws -> Response {
        let session = try session(context)
        try Policy.require(session.account, .launchMovement)
        let id = try movementID(context)
        let form = try await FormFields.read(request)
        let next = MovementStatus.allCases.first { Self.stepLabel($0)?.action == context.parameters.get("step") }
        guard let next else { throw WebError.notFound }
        do {
            _ = try await movements.transition(
                id, to: next, expectedVersion: form["version"].flatMap { Int($0) }, by: Actor(account: session.account),
                logger: context.logger)
            return Renderer.redirect(to: "/movements/\(id)")
        } catch let error as DomainError where error.code == .preconditionFailed || error.code == .invalidTransition {
            let message =
                error.code == .preconditionFailed
                ? "Phong trào vừa được người khác thay đổi; trang đã được tải lại với thông tin mới nhất." : error.message
            return try await movementPage(id, session: session, message: message, status: .conflict, context: context)
        }
    }

    private func movementPage(
        _ id: ID<Movement>, session: SignInRepository.Session, message: String?, status: HTTPResponse.Status = .ok, context: Context
    ) async throws -> Response {
        try Policy.require(session.account, .readDirectory)
        let movement = try await movements.find(id, logger: context.logger)
        let content = MovementContent(
            name: movement.name, period: movement.period.vietnamese, status: movement.status.vietnameseName,
            statusCode: movement.status.rawValue,
            registrationDeadline: movement.registrationDeadline?.vietnamese ?? "không đặt",
            nominationDeadline: movement.nominationDeadline?.vietnamese ?? "không đặt",
            criteria: movement.criteria.map { CriterionRow(code: $0.code, title: $0.title, maxPoints: $0.maxPoints) },
            hasCriteria: !movement.criteria.isEmpty, totalPoints: movement.criteria.reduce(0) { $0 + $1.maxPoints },
            csrf: session.csrfToken, path: "/movements/\(id)", version: movement.version,
            steps: Policy.can(session.account, .launchMovement)
                ? movement.status.allowedNext.sorted { $0.rawValue < $1.rawValue }.compactMap(Self.stepLabel).map {
                    Step(action: $0.action, label: $0.label)
                } : [],
            message: message)
        return renderer.page(
            "movement", content, layout: Pages.layout(title: movement.name, session: session, current: "/movements"), status: status)
    }
}
