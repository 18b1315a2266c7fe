import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The embedded PostgreSQL killed under load (issue: "a database crash survived"): answers stay 201 or 503 (never 500),
/// /health says so promptly, `serve` starts the cluster again, no acknowledged write is lost, SIGTERM still stops it.
@Suite("A database crash under load")
struct DatabaseCrashTests {
    /// HTTP through curl, each request on a dispatch thread (never blocking Swift's cooperative pool).
    struct Client {
        let base: String
        let token: String

        func send(
            _ method: String, _ path: String, json: String? = nil
        ) async -> (status: Int, body: String, headers: [String: String], seconds: Double) {
            await withCheckedContinuation { continuation in
                DispatchQueue.global().async { continuation.resume(returning: blockingSend(method, path, json: json)) }
            }
        }

        private func blockingSend(_ method: String, _ path: String, json: String?) -> (Int, String, [String: String], Double) {
            let scratch = FileManager.default.temporaryDirectory.appending(path: "curl-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: scratch) }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
            var arguments = [
                "-s", "-X", method, "--max-time", "10", "-o", scratch.path + ".body", "-D", scratch.path + ".headers", "-w",
                "%{http_code} %{time_total}",
                "-H", "Authorization: Bearer \(token)",
            ]
            if let json { arguments += ["-H", "Content-Type: application/json", "--data-binary", json] }
            process.arguments = arguments + [base + path]
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = FileHandle.nullDevice
            guard (try? process.run()) != nil else { return (0, "", [:], 0) }
            // "%{http_code} %{time_total}": the status and how long the server took, without this process's start-up.
            let written = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).split(separator: " ")
            process.waitUntilExit()
            let body = (try? String(contentsOfFile: scratch.path + ".body", encoding: .utf8)) ?? ""
            let headerText = (try? String(contentsOfFile: scratch.path + ".headers", encoding: .utf8)) ?? ""
            try? FileManager.default.removeItem(atPath: scratch.path + ".body")
            try? FileManager.default.removeItem(atPath: scratch.path + ".headers")
            var headers: [String: String] = [:]
            for line in headerText.split(separator: "\r\n") {
                let pair = line.split(separator: ":", maxSplits: 1)
                if pair.count == 2 { headers[pair[0].lowercased()] = pair[1].trimmingCharacters(in: .whitespaces) }
            }
            return (Int(written.first ?? "") ?? 0, body, headers, Double(written.last ?? "") ?? 0)
        }
    }

    @Test("Writers see 201 or 503 with Retry-After while PostgreSQL is down; it restarts; every 201 is still there")
    func crashUnderLoad() async throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "thidua-crash-\(UUID().uuidString.prefix(8))")
        let data = folder.appending(path: "data")
        let cli = CLIRunner(databaseURL: nil)
        defer {
            _ = try? cli.run("db", "stop", "--data-dir", data.path)
            try? FileManager.default.removeItem(at: folder)
        }
        let added = try cli.run("user", "add", "Quản trị", "--role", "admin", "--data-dir", data.path)
        let token = try #require(added.stdout.split(separator: "\n").last.map(String.init))
        let port = Int.random(in: 20_000...40_000)
        let serve = Process()
        serve.executableURL = CLIRunner.binary
        serve.arguments = ["serve", "--data-dir", data.path, "--port", String(port)]
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "DATABASE_URL")
        serve.environment = environment
        let log = folder.appending(path: "serve.log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let logHandle = try FileHandle(forWritingTo: log)
        serve.standardOutput = logHandle
        serve.standardError = logHandle
        try serve.run()
        defer { if serve.isRunning { serve.terminate() } }
        let client = Client(base: "http://127.0.0.1:\(port)", token: token)
        for _ in 0..<60 where await client.send("GET", "/health").status != 200 { try await Task.sleep(for: .milliseconds(250)) }
        #expect(await client.send("GET", "/health").status == 200)

        let until = Date().addingTimeInterval(14)
        let writers = (0..<4).map { writer in
            Task { () -> (created: [String], statuses: [Int]) in
                var created: [String] = []
                var statuses: [Int] = []
                var index = 0
                while Date() < until {
                    index += 1
                    let response = await client.send(
                        "POST", "/v1/documents",
                        json: #"{"number":"\#(writer)-\#(index)/QĐ","date":"2024-01-01","issuer":"UBND","title":"Văn bản thử"}"#)
                    statuses.append(response.status)
                    if response.status == 201, let id = response.body.split(separator: "\"").drop(while: { $0 != "id" }).dropFirst(2).first
                    {
                        created.append(String(id))
                    }
                    if response.status == 503 {
                        #expect(Int(response.headers["retry-after"] ?? "") ?? 0 >= 1)
                        try? await Task.sleep(for: .milliseconds(200))
                    }
                }
                return (created, statuses)
            }
        }
        try await Task.sleep(for: .seconds(3))
        let pidText = try String(contentsOf: data.appending(path: "pgdata/postmaster.pid"), encoding: .utf8)
        let postmaster = try #require(Int32(pidText.split(separator: "\n").first ?? ""))
        #expect(kill(postmaster, SIGKILL) == 0)
        let killed = Date()
        try await Task.sleep(for: .milliseconds(300))
        let down = await client.send("GET", "/health")
        // serve waits at most 900 ms for the database before answering 503 (its own log line says how long it took); on
        // CI's two shared cores, where this test's writers and curl processes compete with serve, the answer may take
        // longer end to end.
        #expect(down.seconds < 3, "/health must answer promptly while the database is down")
        let logged = ((try? String(contentsOf: log, encoding: .utf8)) ?? "").split(separator: "\n")
            .filter { $0.contains("path=/health status=503") }
            .compactMap { line in line.split(separator: " ").first { $0.hasPrefix("ms=") }.flatMap { Int($0.dropFirst(3)) } }
        #expect(logged.first.map { $0 < 1_000 } ?? false, "serve's own time for /health while the database is down: \(logged)")
        #expect(down.status == 503 || down.status == 200)  // 200 only if the restart already happened
        var recovered: TimeInterval?
        while Date().timeIntervalSince(killed) < 20 {
            if await client.send("GET", "/health").status == 200, await client.send("GET", "/v1/me").status == 200 {
                recovered = Date().timeIntervalSince(killed)
                break
            }
            try await Task.sleep(for: .milliseconds(250))
        }
        let seconds = try #require(
            recovered, "the API never served again after the crash; serve's log:\n\((try? String(contentsOf: log, encoding: .utf8)) ?? "")")
        #expect(seconds < 10, "the API must serve again within 10 s of a crash")
        print("crash test: the API served again \(String(format: "%.1f", seconds)) s after the postmaster was killed")

        var acknowledged: [String] = []
        for writer in writers {
            let (created, statuses) = await writer.value
            acknowledged += created
            #expect(statuses.allSatisfy { [201, 503].contains($0) }, "answers other than 201/503: \(Set(statuses))")
        }
        #expect(acknowledged.count > 0)
        var stored: Set<String> = []
        var cursor: String?
        repeat {
            let page = await client.send("GET", "/v1/documents?limit=200" + (cursor.map { "&cursor=\($0)" } ?? ""))
            let object = try JSONSerialization.jsonObject(with: Data(page.body.utf8)) as? [String: Any]
            for item in object?["items"] as? [[String: Any]] ?? [] { if let id = item["id"] as? String { stored.insert(id) } }
            cursor = object?["nextCursor"] as? String
        } while cursor != nil
        let lost = acknowledged.filter { !stored.contains($0) }
        #expect(lost.isEmpty, "acknowledged but missing: \(lost)")

        let stopAsked = Date()
        serve.terminate()
        serve.waitUntilExit()
        let tail = ((try? String(contentsOf: log, encoding: .utf8)) ?? "").split(separator: "\n").suffix(25).joined(separator: "\n")
        #expect(Date().timeIntervalSince(stopAsked) < 10, "serve's log ends:\n\(tail)")
    }
}
