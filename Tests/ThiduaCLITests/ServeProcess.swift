import Foundation
import ThiduaTestSupport

/// A data folder of its own for a test that runs the embedded cluster through the binary: `body` gets the `--data-dir`
/// (not yet created; its parent is scratch space for the test). The cluster is stopped and everything removed afterwards.
func withDataDirectory<T>(_ body: (URL) async throws -> T) async throws -> T {
    let folder = FileManager.default.temporaryDirectory.appending(path: "thidua-test-data-\(UUID().uuidString.prefix(8))")
    let data = folder.appending(path: "data")
    defer {
        _ = try? CLIRunner(databaseURL: nil).run("db", "stop", "--data-dir", data.path)
        try? FileManager.default.removeItem(at: folder)
    }
    return try await body(data)
}

/// `thidua serve` on the embedded default as a process of its own, the way an operator runs it (no DATABASE_URL). Its
/// output goes to `serve.log` beside the data folder; it is sent SIGTERM when the test lets go of it.
final class ServeProcess {
    let port: Int
    let log: URL
    private let process = Process()

    init(data: URL, port: Int = unusedPort(), arguments: [String] = []) throws {
        self.port = port
        self.log = data.deletingLastPathComponent().appending(path: "serve.log")
        try FileManager.default.createDirectory(at: data.deletingLastPathComponent(), withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let output = try FileHandle(forWritingTo: log)
        process.executableURL = CLIRunner.binary
        process.arguments = ["serve", "--data-dir", data.path, "--port", String(port)] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "DATABASE_URL")
        process.environment = environment
        process.standardOutput = output
        process.standardError = output
        try process.run()
    }

    deinit { if process.isRunning { process.terminate() } }

    /// Whether `/health` said 200 within 20 s.
    func waitUntilHealthy() async throws -> Bool {
        for _ in 0..<80 {
            let outcome = try Program.run(
                "/usr/bin/curl", ["-s", "-o", "/dev/null", "-m", "1", "-w", "%{http_code}", "http://127.0.0.1:\(port)/health"])
            if outcome.text == "200" { return true }
            try await Task.sleep(for: .milliseconds(250))
        }
        return false
    }

    /// What serve has written so far.
    var logText: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }

    /// Sends SIGTERM and waits for the process to end; how many seconds that took.
    func stop() -> TimeInterval {
        let asked = Date()
        process.terminate()
        process.waitUntilExit()
        return Date().timeIntervalSince(asked)
    }
}
