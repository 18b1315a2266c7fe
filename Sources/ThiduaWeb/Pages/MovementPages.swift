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
        try Policy.require(session.account, .readDirectory)
        guard let id = ID<Movement>(try context.parameters.require("id")) else { throw WebError.notFound }
        let movement = try await movements.find(id, logger: context.logger)
        let content = MovementContent(
            name: movement.name, period: movement.period.vietnamese, status: movement.status.vietnameseName,
            statusCode: movement.status.rawValue,
            registrationDeadline: movement.registrationDeadline?.vietnamese ?? "không đặt",
            nominationDeadline: movement.nominationDeadline?.vietnamese ?? "không đặt",
            criteria: movement.criteria.map { CriterionRow(code: $0.code, title: $0.title, maxPoints: $0.maxPoints) },
            hasCriteria: !movement.criteria.isEmpty, totalPoints: movement.criteria.reduce(0) { $0 + $1.maxPoints })
        return renderer.page(
            "movement", content, layout: Pages.layout(title: movement.name, session: session, current: "/movements"))
    }
}
