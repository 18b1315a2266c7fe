import Foundation
import Logging
import Synchronization

/// Log lines on standard error in the layout of swift-log's `StreamLogHandler`
/// (`2026-12-03T15:40:07+0000 info thidua: hb.request.id=… method=GET status=200 [ThiduaServer] request`), written for
/// less: `serve` logs one line a request, and the stream handler's local time formatted on every line, its metadata
/// joined through intermediate strings and its locked, flushed stdio cost 14 % of a signed-in read's throughput (issue
/// "Performance", `scripts/bench-read`). Here the time is formatted once a second, the line is built in one string and
/// goes out in one `write(2)` — whole, so lines from two threads never interleave.
struct LineLogHandler: LogHandler {
    let label: String
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]
    var metadataProvider: Logger.MetadataProvider?
    /// Where lines go: standard error, or a pipe in the tests.
    let fileDescriptor: Int32

    init(label: String, fileDescriptor: Int32 = STDERR_FILENO) {
        self.label = label
        self.fileDescriptor = fileDescriptor
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var all = metadata
        if let provided = metadataProvider?.get(), !provided.isEmpty { all.merge(provided) { _, new in new } }
        if let explicit = event.metadata, !explicit.isEmpty { all.merge(explicit) { _, new in new } }
        if let error = event.error {
            all["error.message"] = "\(error)"
            all["error.type"] = "\(String(reflecting: type(of: error)))"
        }
        var line = Self.clock.now()
        line.reserveCapacity(160)
        line += " "
        line += event.level.rawValue
        if !label.isEmpty { line += " " + label }
        line += ":"
        for (key, value) in all.sorted(by: { $0.key < $1.key }) {
            line += " "
            line += key
            line += "="
            line += value.description
        }
        line += " ["
        line += event.source
        line += "] "
        line += event.message.description
        line += "\n"
        write(line)
    }

    private func write(_ line: String) {
        var line = line
        line.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = Foundation.write(fileDescriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written > 0 {
                    offset += written
                } else if written < 0, errno == EINTR {
                    continue
                } else {
                    return  // standard error is gone: the line is dropped, as stdio would
                }
            }
        }
    }

    private static let clock = SecondClock()

    /// The local time to the second, as `strftime("%Y-%m-%dT%H:%M:%S%z")` prints it, formatted again only when the second
    /// changes.
    final class SecondClock: Sendable {
        private let last = Mutex<(second: time_t, text: String)>((-1, ""))

        func now() -> String {
            var second = time(nil)
            if let text = last.withLock({ $0.second == second ? $0.text : nil }) { return text }
            var parts = tm()
            localtime_r(&second, &parts)
            var buffer = [CChar](repeating: 0, count: 64)
            let count = strftime(&buffer, buffer.count, "%Y-%m-%dT%H:%M:%S%z", &parts)
            let text = String(decoding: buffer.prefix(count).map { UInt8(bitPattern: $0) }, as: UTF8.self)
            last.withLock { $0 = (second, text) }
            return text
        }
    }
}
