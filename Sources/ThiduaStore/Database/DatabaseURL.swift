import Foundation
import PostgresNIO
import ThiduaCore

/// Parses `DATABASE_URL` (`postgres://user:pass@host:port/db?sslmode=…`, or a unix socket via `?host=/path`)
/// into a PostgresNIO client configuration. Errors name what is wrong in plain words.
public enum DatabaseURL {
    /// `name`: the setting the URL came from, for the message (`DATABASE_URL`, `READ_DATABASE_URL`).
    public static func configuration(_ text: String, name: String = "DATABASE_URL") throws(DomainError) -> PostgresClient.Configuration {
        guard let components = URLComponents(string: text), let scheme = components.scheme,
            ["postgres", "postgresql"].contains(scheme)
        else {
            throw invalid(name, "it must look like postgres://user:password@host:5432/database")
        }
        let query = Dictionary((components.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { _, last in last })
        let username = components.percentEncodedUser?.removingPercentEncoding ?? query["user"] ?? "postgres"
        let password = components.percentEncodedPassword?.removingPercentEncoding ?? query["password"]
        let path = components.percentEncodedPath.removingPercentEncoding ?? ""
        let database = path.hasPrefix("/") && path.count > 1 ? String(path.dropFirst()) : (query["dbname"] ?? username)
        let port = components.port ?? query["port"].flatMap(Int.init) ?? 5432

        if let socketDirectory = query["host"], socketDirectory.hasPrefix("/") {
            return .init(unixSocketPath: "\(socketDirectory)/.s.PGSQL.\(port)", username: username, password: password, database: database)
        }
        guard let host = components.host, !host.isEmpty else { throw invalid(name, "it names no host") }
        return .init(
            host: host, port: port, username: username, password: password, database: database, tls: try tls(query["sslmode"], name: name))
    }

    private static func tls(_ mode: String?, name: String) throws(DomainError) -> PostgresClient.Configuration.TLS {
        switch mode ?? "prefer" {
        case "disable": return .disable
        case "allow", "prefer": return .prefer(.makeClientConfiguration())
        case "require":
            // libpq's "require" encrypts without checking the certificate; verify-ca/verify-full check it.
            var configuration = TLSConfiguration.makeClientConfiguration()
            configuration.certificateVerification = .none
            return .require(configuration)
        case "verify-ca", "verify-full": return .require(.makeClientConfiguration())
        case let other: throw invalid(name, "sslmode \"\(other)\" is not one of disable, allow, prefer, require, verify-ca, verify-full")
        }
    }

    private static func invalid(_ name: String, _ reason: String) -> DomainError {
        DomainError.validation([.init(field: name, message: "\(name) is not valid: \(reason).")])
    }
}
