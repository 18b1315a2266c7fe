import Foundation

/// Runs a program to completion, optionally as another user (via `runuser`), capturing its output.
struct ProcessRunner: Sendable {
    struct Result: Sendable {
        let status: Int32
        let output: String
    }

    /// The user to run as, or nil for the current user.
    let user: String?

    func run(_ executable: URL, _ arguments: [String], in directory: URL? = nil) async throws -> Result {
        let process = Process()
        if let user {
            process.executableURL = URL(fileURLWithPath: "/usr/sbin/runuser")
            process.arguments = ["-u", user, "--", executable.path] + arguments
        } else {
            process.executableURL = executable
            process.arguments = arguments
        }
        if let directory { process.currentDirectoryURL = directory }
        // Output goes to a file, not a pipe: `pg_ctl start` leaves a server behind that inherits the
        // descriptor, and a pipe would then never reach end-of-file.
        let outputURL = FileManager.default.temporaryDirectory.appending(path: "thidua-\(UUID().uuidString).out")
        FileManager.default.createFile(atPath: outputURL.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: outputURL) }
        let handle = try FileHandle(forWritingTo: outputURL)
        defer { try? handle.close() }
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
        let output = (try? String(contentsOf: outputURL, encoding: .utf8)) ?? ""
        return Result(status: status, output: output)
    }
}
