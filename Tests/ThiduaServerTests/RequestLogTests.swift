import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Synchronization
import Testing
import ThiduaServer
import ThiduaTestSupport

/// Collects log lines in memory.
final class CollectedLog: Sendable {
    let lines = Mutex<[String]>([])
}

struct CollectingLogHandler: LogHandler {
    let log: CollectedLog
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .info

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let all = metadata.merging(event.metadata ?? [:]) { _, new in new }
        let line = "\(event.message) " + all.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        log.lines.withLock { $0.append(line) }
    }
}

@Suite("Request log")
struct RequestLogTests {
    @Test("F19d: one line per request with method, path, status and time; the query string (a person search) is not logged")
    func noQueryStrings() async throws {
        try await TestDatabase.with { database, client in
            let token = try await Seed(client: client, logger: database.logger).account(.admin).token
            let collected = CollectedLog()
            let logger = Logger(label: "test") { _ in CollectingLogHandler(log: collected) }
            var configuration = ServerConfiguration(database: database.configuration, databaseDescription: "test")
            configuration.healthTimeout = .seconds(10)
            let app = try await buildApplication(configuration, logger: logger)
            try await app.test(.router) { http in
                try await http.execute(uri: "/v1/people?q=Nguy%E1%BB%85n%20Th%E1%BB%8B", method: .get, headers: Seed.headers(token)) {
                    #expect($0.status == .ok)
                }
            }
            let lines = collected.lines.withLock { $0 }.filter { $0.hasPrefix("request ") }
            #expect(lines.count == 1)
            #expect(lines.first?.contains("path=/v1/people ") == true)
            #expect(lines.first?.contains("status=200") == true)
            #expect(!lines.joined().contains("Nguy") && !lines.joined().contains("q="))
        }
    }
}
