import Foundation
import Testing

/// `serve --metrics-port`: Prometheus text on its own loopback listener.
@Suite("Metrics")
struct MetricsTests {
    /// GET over curl (the server under test is another process).
    static func get(_ url: String) -> (status: Int, body: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        process.arguments = ["-s", "--max-time", "5", "-w", "\n%{http_code}", url]
        let pipe = Pipe()
        process.standardOutput = pipe
        guard (try? process.run()) != nil else { return (0, "") }
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let status = Int(text.split(separator: "\n").last ?? "") ?? 0
        return (status, String(text.dropLast(String(status).count)))
    }

    @Test("Requests are counted by route and status with durations, pool use is shown; the metrics port is not the API's")
    func requestsByRouteAndStatus() async throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "thidua-metrics-\(UUID().uuidString.prefix(8))")
        defer {
            _ = try? CLIRunner(databaseURL: nil).run("db", "stop", "--data-dir", folder.path)
            try? FileManager.default.removeItem(at: folder)
        }
        let (api, metrics) = (Int.random(in: 41_000...45_000), Int.random(in: 45_001...49_000))
        let serve = Process()
        serve.executableURL = CLIRunner.binary
        serve.arguments = ["serve", "--data-dir", folder.path, "--port", String(api), "--metrics-port", String(metrics)]
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "DATABASE_URL")
        serve.environment = environment
        serve.standardOutput = FileHandle.nullDevice
        serve.standardError = FileHandle.nullDevice
        try serve.run()
        defer {
            serve.terminate()
            serve.waitUntilExit()
        }
        for _ in 0..<80 where Self.get("http://127.0.0.1:\(api)/health").status != 200 { try await Task.sleep(for: .milliseconds(250)) }
        #expect(Self.get("http://127.0.0.1:\(api)/v1/me").status == 401)
        let scraped = Self.get("http://127.0.0.1:\(metrics)/metrics")
        #expect(scraped.status == 200)
        #expect(scraped.body.contains(#"http_server_request_duration_bucket{http_route="/health""#))
        #expect(scraped.body.contains(#"http_response_status_code="401""#))
        #expect(Self.get("http://127.0.0.1:\(api)/metrics").status == 404)
        // Connection-pool use: the database is up, and no request holds a connection between requests.
        try await Task.sleep(for: .milliseconds(1_200))
        let pool = Self.get("http://127.0.0.1:\(metrics)/metrics").body
        #expect(pool.contains("thidua_database_up 1"), "\(pool.split(separator: "\n").filter { $0.contains("thidua_database") })")
        #expect(pool.contains("thidua_database_connections_leased 0"))
    }
}
