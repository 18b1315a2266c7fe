import ArgumentParser
import ThiduaStore

/// `thidua audit head|verify`: the audit log's hash chain. Keep the head (`SEQ:HASH`) somewhere outside the database —
/// a backup records it — and `verify --expect-head` proves no row at or before it was removed or rewritten since.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Check the audit log.", subcommands: [Verify.self, Head.self])

    struct Head: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the last row of the audit log as SEQ:HASH.")
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let head = try await database.withDatabase { client, logger in try await AuditLog(client: client).head(logger: logger) }
            print(head)
        }
    }

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Verify the hash chain of the audit log (exit 1 when a row was altered or, with --expect-head, removed).")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "A head printed earlier by `audit head` (SEQ:HASH): rows up to it must still be there, unchanged.")
        var expectHead: String?

        func validate() throws {
            if let expectHead, AuditHead(expectHead) == nil {
                throw ValidationError("--expect-head must be SEQ:HASH as `thidua audit head` prints it.")
            }
        }

        func run() async throws {
            let expected = expectHead.flatMap(AuditHead.init)
            let result = try await database.withDatabase { client, logger in
                try await AuditLog(client: client).verify(expecting: expected, logger: logger)
            }
            guard result.problems.isEmpty else {
                print("The audit log was altered: " + result.problems.joined(separator: "; ") + ".")
                throw ExitCode.failure
            }
            print("The audit log is intact: \(result.count) rows, hash chain verified; head \(result.head).")
        }
    }
}
