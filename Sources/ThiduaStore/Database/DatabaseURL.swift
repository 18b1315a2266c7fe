import Foundation
import PostgresNIO
import ThiduaCore

/// Parses `DATABASE_URL` (`postgres://user:pass@host:port/db?sslmode=…`, or a unix socket via `?host=/path`)
/// into a PostgresNIO client configuration. Errors name what is wrong in plain words.
public enum DatabaseURL {
    public static func configuration(_ text: String) throws(DomainError) -> PostgresClient.Configuration {
        guard let components = URLComponents(string: text), let scheme = components.scheme,
            ["postgres", "postgresql"].contains(scheme)
        else {
            throw invalid("it must look like postgres://user:password@host:5432/database")
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
        guard let host = components.host, !host.isEmpty else { throw invalid("it names no host") }
        return .init(host: host, port: port, username: username, password: password, database: database, tls: try tls(query["sslmode"]))
    }

    private static func tls(_ mode: String?) throws(DomainError) -> PostgresClient.Configuration.TLS {
        switch mode ?? "prefer" {
        case "disable": return .disable
        case "allow", "prefer": return .prefer(.makeClientConfiguration())
        case "require":
            // libpq's "require" encrypts without checking the certificate; verify-ca/verify-full check it.
            var configuration = TLSConfiguration.makeClientConfiguration()
            configuration.certificateVerification = .none
            return .require(configuration)
        case "verify-ca", "verify-full": return .require(.makeClientConfiguration())
        case let other: throw invalid("sslmode \"\(other)\" is not one of disable, allow, prefer, require, verify-ca, verify-full")
        }
    }

    private static func invalid(_ reason: String) -> DomainError {
        DomainError.validation([.init(field: "DATABASE_URL", message: "DATABASE_URL is not valid: \(reason).")])
    }
}
