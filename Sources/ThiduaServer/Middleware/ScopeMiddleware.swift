import Foundation
import Hummingbird
import ThiduaCore
import ThiduaStore
import ThiduaWeb

/// Roles scoped to units (issue 15): on a route about one record (`/v1/nominations/{id}/…`), the account acts with the
/// roles granted on that record's unit or above, and nothing else; with none there, the record is not found (404), as
/// "not yours" is everywhere. Accounts whose grants reach everything (every one-school install) skip the look-up. The
/// database checks the same for every change it records (sql/0037, audit_log_in_scope).
struct ScopeMiddleware: RouterMiddleware {
    typealias Context = AuthenticatedContext
    let scopes: UnitScopes

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard !context.account.coversEverything, let endpoint = context.endpointPath,
            let record = ScopedPaths.record(endpoint: endpoint),
            let id = context.parameters.get(record.parameter).flatMap(UUID.init(uuidString:))
        else { return try await next(request, context) }
        // Not there at all: the handler says so in its own words.
        guard let acting = try await scopes.account(context.account, actingOn: record.entity, id: id, logger: context.logger) else {
            return try await next(request, context)
        }
        guard !acting.roles.isEmpty else { throw DomainError.notFound(ScopedPaths.noun(record.entity)) }
        var scoped = context
        scoped.account = acting
        return try await next(request, scoped)
    }
}
