import Foundation
import Hummingbird
import ThiduaCore
import ThiduaStore
import ThiduaWeb

/// `GET /v1/audit?entity=&id=`: the history of one record, for admins and the headmaster.
struct AuditController {
    let audit: AuditLog
    let scopes: UnitScopes

    func addRoutes(to group: RouterGroup<AuthenticatedContext>) {
        group.get("audit", use: history)
    }

    @Sendable func history(_ request: Request, context: AuthenticatedContext) async throws -> ListResponse<AuditLog.Entry> {
        try Policy.require(context.account, .readAudit)
        guard let entity = request.uri.queryParameters.get("entity"), let id = request.uri.queryParameters.get("id") else {
            throw DomainError.validation([.init(field: "entity", message: "Cần entity (ví dụ nomination) và id.")])
        }
        // A record of a unit outside the account's scope has no history to show it (sql/0037).
        if let uuid = UUID(uuidString: id),
            let acting = try await scopes.account(
                context.account, actingOn: entity, id: uuid, logger: context.logger), !Policy.can(acting, .readAudit)
        {
            throw DomainError.notFound(ScopedPaths.noun(entity))
        }
        return ListResponse(items: try await audit.entries(entity: entity, id: id.lowercased(), logger: context.logger), nextCursor: nil)
    }
}
