import Hummingbird
import ThiduaCore

/// `GET /v1/me`: the signed-in account and its roles.
struct MeController {
    func addRoutes(to group: RouterGroup<AuthenticatedContext>) {
        group.get("me", use: me)
    }

    @Sendable func me(_ request: Request, context: AuthenticatedContext) async throws -> AccountResponse {
        AccountResponse(context.account)
    }
}
