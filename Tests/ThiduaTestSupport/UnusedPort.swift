#if canImport(Glibc)
    import Glibc
#endif

/// A loopback TCP port nobody listens on now, below Linux's ephemeral range (32768–60999) so that no outgoing
/// connection of a busy test run can hold it by the time `serve` binds it (a port in that range once failed CI with
/// "Address already in use").
public func unusedPort() -> Int {
    for _ in 0..<50 {
        let port = Int.random(in: 20_000...32_000)
        if canBind(port) { return port }
    }
    return Int.random(in: 20_000...32_000)
}

private func canBind(_ port: Int) -> Bool {
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard descriptor >= 0 else { return false }
    defer { close(descriptor) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    address.sin_addr = in_addr(s_addr: inet_addr("127.0.0.1"))
    return withUnsafePointer(to: &address) { pointer in
        pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
            bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
        }
    }
}
