import Foundation
import Logging
import Testing

@testable import ThiduaCLI

/// serve's log lines keep swift-log's stream layout (scripts grep `status=5`, people read them) while costing less.
@Suite("Log lines")
struct LineLogHandlerTests {
    @Test("A line has the time to the second, level, label, sorted metadata, source and message; an error is named")
    func layout() throws {
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        defer { close(ends[0]) }
        var logger = Logger(label: "thidua") { LineLogHandler(label: $0, fileDescriptor: ends[1]) }
        logger.logLevel = .info
        logger[metadataKey: "hb.request.id"] = "42"
        logger.info("request", metadata: ["status": "200", "method": "GET", "path": "/v1/me"], source: "ThiduaServer")
        logger.debug("not written")
        logger.warning("Hà Nội — không kết nối được", error: CocoaError(.fileNoSuchFile), source: "ThiduaStore")
        close(ends[1])
        let text = String(decoding: FileHandle(fileDescriptor: ends[0]).readDataToEndOfFile(), as: UTF8.self)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        let time = #/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d{4} /#
        #expect(lines.allSatisfy { $0.firstMatch(of: time) != nil })
        #expect(lines[0].hasSuffix(" info thidua: hb.request.id=42 method=GET path=/v1/me status=200 [ThiduaServer] request"))
        #expect(lines[1].contains(" warning thidua: error.message="))
        #expect(
            lines[1].contains("error.type=") && lines[1].contains("CocoaError")
                && lines[1].hasSuffix("[ThiduaStore] Hà Nội — không kết nối được"))
    }
}
