import Hummingbird
import ThiduaCore

/// `GET /v1/me`: the signed-in account and its roles.
struct MeController {
    func addRoutes(to group: RouterGroup<AuthenticatedContext>) {
        group.get("me") { _, context in AccountResponse(context.account) }
    }
}
