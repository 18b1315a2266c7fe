import Metrics
import ServiceLifecycle
import ThiduaStore

/// Connection-pool use for `/metrics`, read off the database client every second: `thidua_database_up` (1 while the
/// database answers, 0 while the client has it marked down) and `thidua_database_connections_leased` (connections
/// requests hold right now; near the pool's maximum means requests queue for one).
struct DatabaseGauges: Service {
    let client: DatabaseClient
    var every: Duration = .seconds(1)

    func run() async throws {
        let (up, leased) = (Gauge(label: "thidua_database_up"), Gauge(label: "thidua_database_connections_leased"))
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                up.record(client.isDown ? 0 : 1)
                leased.record(client.leased)
                try? await Task.sleep(for: every)
            }
        }
    }
}
