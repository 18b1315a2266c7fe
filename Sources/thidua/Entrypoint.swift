import Foundation
import NIOCore
import NIOPosix
import ThiduaCLI

@main
struct Entrypoint {
    static func main() async {
        // `serve` runs Swift concurrency's jobs on NIO's event loops, the threads that already read the sockets of the
        // HTTP server and of PostgreSQL: a request's handler then wakes on the thread its answer is written from instead
        // of hopping to the concurrency pool and back (issue "Performance"; README, Scale). Done first, from the main
        // thread, before any job is queued; THIDUA_CONCURRENCY_POOL=1 keeps Swift's own pool.
        if CommandLine.arguments.dropFirst().first == "serve", ProcessInfo.processInfo.environment["THIDUA_CONCURRENCY_POOL"] != "1" {
            NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
        }
        await ThiduaCommand.main()
    }
}
