import Logging
import ServiceLifecycle

/// Keeps the embedded cluster for the lifetime of a service group and, if this process started it,
/// stops it gracefully on shutdown (SIGINT/SIGTERM). A cluster another process started is left running.
public struct ClusterService: Service {
    let cluster: EmbeddedCluster
    let stopOnShutdown: Bool
    let logger: Logger

    public init(cluster: EmbeddedCluster, stopOnShutdown: Bool, logger: Logger) {
        self.cluster = cluster
        self.stopOnShutdown = stopOnShutdown
        self.logger = logger
    }

    public func run() async throws {
        try? await gracefulShutdown()
        if stopOnShutdown { try await cluster.stop(logger: logger) }
    }
}
