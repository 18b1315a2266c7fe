import Foundation
import Testing
import ThiduaTestSupport

/// `serve --metrics-port`: Prometheus text on its own loopback listener.
@Suite("Metrics")
struct MetricsTests {
    /// GET over curl (the server under test is another process).
    static func get(_ url: String) -> (status: Int, body: String) {
        guard let outcome = try? Program.run("/usr/bin/curl", ["-s", "--max-time", "5", "-w", "\n%{http_code}", url]) else {
            return (0, "")
        }
        let text = outcome.text
        let status = Int(text.split(separator: "\n").last ?? "") ?? 0
        return (status, String(text.dropLast(String(status).count)))
    }

    @Test("Requests are counted by route and status with durations, pool use is shown; the metrics port is not the API's")
    func requestsByRouteAndStatus() async throws {
        try await withDataDirectory { data in
            let metrics = unusedPort()
            let serve = try ServeProcess(data: data, port: unusedPort(), arguments: ["--metrics-port", String(metrics)])
            defer { _ = serve.stop() }
            let api = serve.port
            #expect(try await serve.waitUntilHealthy())
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
}
