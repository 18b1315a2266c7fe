import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A plain TCP connection to a server under test, for what an HTTP client cannot do: send half a request and wait.
/// Its reads block a thread for seconds, so each runs on a thread of its own: never on the two of Swift's pool that the
/// servers under test (and the rest of the suite) answer on — blocking them had stalled other tests' servers in the
/// full suite (a `/health` timing out with 503) — nor on Dispatch's global queue (tried: the suite still stalled).
struct RawSocket {
    let descriptor: Int32

    init(port: Int) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port)).bigEndian
        inet_pton(AF_INET, "127.0.0.1", &address.sin_addr)
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw POSIXError(.ECONNREFUSED) }
    }

    func send(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    /// What the server sent until it closed the connection (or the 10 s receive timeout).
    /// `seconds`: from the read's start to its end, timed on the reading thread (a loaded pool may resume the test later).
    func readUntilClosed() async -> (text: String, closed: Bool, seconds: TimeInterval) {
        await offThePool {
            let started = Date()
            let (text, closed) = blockingReadUntilClosed()
            return (text, closed, Date().timeIntervalSince(started))
        }
    }

    /// Sends `request` `count` times on this kept-alive connection, `gap` seconds after each answer, then waits for the
    /// server to close it: the answers, and the seconds from the last answer to the close (nil: not closed within 10 s).
    /// All on one thread of its own, so the gaps are the test's even when a loaded pool would resume a task late.
    func keptAlive(_ request: String, count: Int, gap: TimeInterval) async -> (answers: [String?], closedAfter: TimeInterval?) {
        await offThePool {
            var answers: [String?] = []
            for index in 0..<count {
                if index > 0 { Thread.sleep(forTimeInterval: gap) }
                send(request)
                answers.append(blockingReadResponse())
            }
            let lastAnswer = Date()
            return (answers, blockingReadUntilClosed().closed ? Date().timeIntervalSince(lastAnswer) : nil)
        }
    }

    private func offThePool<Value: Sendable>(_ read: @escaping @Sendable () -> Value) async -> Value {
        await withCheckedContinuation { continuation in Thread { continuation.resume(returning: read()) }.start() }
    }

    private func blockingReadUntilClosed() -> (text: String, closed: Bool) {
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = recv(descriptor, &buffer, buffer.count, 0)
            if count == 0 { return (String(decoding: received, as: UTF8.self), true) }
            if count < 0 { return (String(decoding: received, as: UTF8.self), false) }
            received += buffer[0..<count]
        }
    }

    /// One response on a kept-alive connection: its head and a body of its Content-Length (nil: closed or timed out first).
    private func blockingReadResponse() -> String? {
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let text = String(decoding: received, as: UTF8.self)
            if let end = text.range(of: "\r\n\r\n") {
                let length =
                    text[..<end.lowerBound].split(separator: "\r\n")
                    .first { $0.lowercased().hasPrefix("content-length:") }
                    .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
                if text.utf8.count - text[..<end.upperBound].utf8.count >= length { return text }
            }
            let count = recv(descriptor, &buffer, buffer.count, 0)
            if count <= 0 { return nil }
            received += buffer[0..<count]
        }
    }

    func close() { _ = Glibc.close(descriptor) }
}
