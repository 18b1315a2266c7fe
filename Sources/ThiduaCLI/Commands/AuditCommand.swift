import ArgumentParser
import ThiduaStore

/// `thidua audit verify`: recompute the audit log's hash chain and report the first broken link.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "audit", abstract: "Check the audit log.", subcommands: [Verify.self])

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Verify the hash chain of the audit log (exit 1 when a row was altered).")
        @OptionGroup var database: DatabaseOptions
        func run() async throws {
            let (broken, count) = try await database.withDatabase { client, logger in
                let log = AuditLog(client: client)
                return (try await log.firstBrokenLink(logger: logger), try await log.count(logger: logger))
            }
            if let broken {
                print("The audit log was altered: row \(broken) does not match its hash chain.")
                throw ExitCode.failure
            }
            print("The audit log is intact: \(count) rows, hash chain verified.")
        }
    }
}
