import ArgumentParser
import EmbeddedPostgres

/// `thidua db start|stop|status|url`: manage the embedded cluster by hand.
struct DatabaseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db", abstract: "Manage the embedded PostgreSQL cluster.",
        subcommands: [Start.self, Stop.self, Status.self, URLCommand.self])

    struct Start: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Start the cluster (initialising it on first use) and leave it running.")
        @OptionGroup var database: DatabaseOptions
        func run() async throws {
            let cluster = try database.cluster()
            let outcome = try await cluster.start(logger: database.logger())
            print(
                outcome == .started
                    ? "Started PostgreSQL in \(cluster.dataDirectory.path)."
                    : "PostgreSQL is already running in \(cluster.dataDirectory.path).")
        }
    }

    struct Stop: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Stop the cluster.")
        @OptionGroup var database: DatabaseOptions
        func run() async throws {
            let cluster = try database.cluster()
            let wasRunning = if case .running = try await cluster.status() { true } else { false }
            try await cluster.stop(logger: database.logger())
            print(
                wasRunning
                    ? "Stopped PostgreSQL in \(cluster.dataDirectory.path)."
                    : "PostgreSQL was not running in \(cluster.dataDirectory.path).")
        }
    }

    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Say whether the cluster exists and runs (exit 0 running, 3 stopped, 4 not initialised).")
        @OptionGroup var database: DatabaseOptions
        func run() async throws {
            let cluster = try database.cluster()
            switch try await cluster.status() {
            case .running(let pid):
                print("running (pid \(pid)) in \(cluster.dataDirectory.path)")
            case .stopped:
                print("stopped: \(cluster.dataDirectory.path)")
                throw ExitCode(3)
            case .notInitialized:
                print("not initialised: \(cluster.dataDirectory.path) (thidua db start creates it)")
                throw ExitCode(4)
            }
        }
    }

    struct URLCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "url", abstract: "Print a connection URL for psql: psql \"$(thidua db url)\".")
        @OptionGroup var database: DatabaseOptions
        func run() async throws {
            print(try database.cluster().url)
        }
    }
}
