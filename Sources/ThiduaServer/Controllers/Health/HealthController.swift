import Hummingbird
import Logging
import PostgresNIO
import ThiduaStore

/// `GET /health` (no sign-in): whether the service can reach its database and whether the schema is current. It names
/// no path or host (security review F16): where the database is goes to the log at start, not to anonymous callers.
struct HealthController {
    let client: DatabaseClient
    let databaseDescription: String

    struct Health: ResponseEncodable {
        let status: String
        let database: Database
        struct Database: Encodable {
            let state: String
            let appliedMigrations: Int?
            let pendingMigrations: Int?
        }
    }

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("health") { _, context in try await self.health(context: context) }
    }

    /// How long `/health` waits for the database (default 900 ms): a load balancer must hear "down" promptly.
    var databaseTimeout: Duration = .milliseconds(900)

    func health(context: AppRequestContext) async throws -> EditedResponse<Health> {
        do {
            let (client, logger, timeout) = (self.client, context.logger, databaseTimeout)
            // While the client knows the database is down, say so at once.
            if client.isDown { throw StoreErrorMapping.unavailable }
            // The answer goes out at the timeout; a check still waiting on the pool finishes (or fails) on its own.
            let plan = await firstAnswer(within: timeout, orElse: Migrator.Plan?.none) {
                (try? await Migrator(client: client, logger: logger).plan()) ?? nil
            }
            guard let plan else { throw StoreErrorMapping.unavailable }
            let state = plan.pending.isEmpty ? "up" : "migrations-pending"
            return EditedResponse(
                status: plan.pending.isEmpty ? .ok : .serviceUnavailable,
                response: Health(
                    status: plan.pending.isEmpty ? "ok" : "degraded",
                    database: .init(
                        state: state, appliedMigrations: plan.applied.count,
                        pendingMigrations: plan.pending.count)))
        } catch {
            context.logger.warning(
                "health check could not reach the database",
                metadata: ["database": "\(databaseDescription)", "error": "\(String(reflecting: error))"])
            return EditedResponse(
                status: .serviceUnavailable,
                response: Health(
                    status: "unavailable",
                    database: .init(state: "down", appliedMigrations: nil, pendingMigrations: nil)))
        }
    }
}
