import Foundation
import Logging
import ServiceLifecycle

#if canImport(Glibc)
    import Glibc
#endif

/// Keeps the embedded cluster for the lifetime of a service group. If this process started it, it also watches it: a
/// postmaster that dies (a crash, an out-of-memory kill) is started again 2 s after it is noticed, then after 4, 8 … up to
/// 30 s while starting fails, each attempt logged. On shutdown (SIGINT/SIGTERM) it stops the cluster gracefully. A
/// cluster another process started is left alone.
public struct ClusterService: Service {
    let cluster: EmbeddedCluster
    let stopOnShutdown: Bool
    let logger: Logger
    let checkEvery: Duration

    public init(cluster: EmbeddedCluster, stopOnShutdown: Bool, logger: Logger, checkEvery: Duration = .seconds(1)) {
        self.cluster = cluster
        self.stopOnShutdown = stopOnShutdown
        self.logger = logger
        self.checkEvery = checkEvery
    }

    public func run() async throws {
        if stopOnShutdown {
            await cancelWhenGracefulShutdown { await supervise() }
            try await cluster.stop(logger: logger)
        } else {
            try? await gracefulShutdown()
        }
    }

    /// Watches the postmaster until cancelled, restarting it when it is gone.
    public func supervise() async {
        var delay = Duration.seconds(2)
        while !Task.isCancelled {
            try? await Task.sleep(for: checkEvery)
            guard !Task.isCancelled, !cluster.isPostmasterAlive else {
                delay = .seconds(2)
                continue
            }
            logger.error("embedded PostgreSQL stopped unexpectedly; restarting", metadata: ["in": "\(delay)"])
            try? await Task.sleep(for: delay)
            guard !Task.isCancelled else { return }
            do {
                try await cluster.start(logger: logger)
                logger.notice("embedded PostgreSQL restarted after a crash")
                delay = .seconds(2)
            } catch {
                logger.error("restarting embedded PostgreSQL failed", metadata: ["error": "\(String(reflecting: error))"])
                delay = min(delay * 2, .seconds(30))
            }
        }
    }
}

extension EmbeddedCluster {
    /// Whether the postmaster named in `postmaster.pid` is alive: a cheap check (no program run), made every second.
    public var isPostmasterAlive: Bool {
        guard let text = try? String(contentsOf: pgdata.appending(path: "postmaster.pid"), encoding: .utf8),
            let pid = Int32(text.split(separator: "\n").first ?? "")
        else { return false }
        return Self.isPostgres(pid: pid)
    }
}
