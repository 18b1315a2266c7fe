import Hummingbird
import Logging
import Metrics
import Prometheus

/// `serve --metrics-port`: swift-metrics goes to a Prometheus registry, served as text on its own listener (loopback
/// unless told otherwise), so the API's port never exposes it.
enum MetricsEndpoint {
    /// Bootstraps the process-wide metrics system (once) and returns the listener to run beside the API.
    static func make(host: String, port: Int, logger: Logger) -> some ApplicationProtocol {
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        let router = Router()
        router.get("metrics") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: registry.emitToString())))
        }
        return Application(
            router: router, configuration: .init(address: .hostname(host, port: port), serverName: "thidua-metrics"), logger: logger)
    }
}
