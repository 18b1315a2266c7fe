import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import PostgresNIO
import ThiduaServer

/// Builds the real application over a fresh test database and hands it to `body` with a seeder.
public func withTestApp(
    configure: @Sendable (inout ServerConfiguration) -> Void = { _ in },
    _ body: @Sendable (any ApplicationProtocol, Seed) async throws -> Void
) async throws {
    try await TestDatabase.with { database, client in
        var configuration = database.serverConfiguration
        configure(&configuration)
        let app = try await buildApplication(configuration, logger: database.logger)
        try await body(app, Seed(client: client, logger: database.logger))
    }
}

/// The same application as `withTestApp`, with the database's URL for the command line: a test that goes through the API
/// and the CLI on one database.
public func withTestAppAndURL(_ body: @Sendable (any ApplicationProtocol, Seed, String) async throws -> Void) async throws {
    try await TestDatabase.with { database, client in
        let app = try await buildApplication(database.serverConfiguration, logger: database.logger)
        try await body(app, Seed(client: client, logger: database.logger), database.url)
    }
}

extension TestDatabase {
    /// How the tests serve this database: the requests use the application role, as in production; the owner (the test
    /// cluster's superuser) migrates.
    public var serverConfiguration: ServerConfiguration {
        var configuration = ServerConfiguration(
            host: "127.0.0.1", port: 0, database: appConfiguration, databaseDescription: "test \(name)")
        configuration.migrationDatabase = self.configuration
        // The suite loads the machine: /health may take longer than production's 900 ms without the database being down.
        configuration.healthTimeout = .seconds(10)
        // Likewise the pool's own check: a ping slower than production's 2 s under the suite's load had the client call
        // the database down, and /health said "unavailable" (a fresh-clone CI run, 04/12/2026). The outage tests build
        // their own configuration and keep the 2 s.
        configuration.databaseCheckTimeout = .seconds(10)
        // Tests revoke a token and expect the next request refused: no remembered tokens unless a test sets a lifetime.
        configuration.tokenCacheLifetime = .zero
        return configuration
    }
}

extension TestResponse {
    /// The body decoded as JSON.
    public func json<T: Decodable>(_ type: T.Type = [String: JSONValue].self) throws -> T {
        try JSONDecoder().decode(type, from: Data(buffer: body))
    }

    public var text: String { String(buffer: body) }
}

/// Any JSON value, for asserting on response bodies without mirroring every DTO in the tests.
public enum JSONValue: Decodable, Equatable, Sendable {
    case string(String), number(Double), bool(Bool), object([String: JSONValue]), array([JSONValue]), null

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    public subscript(_ key: String) -> JSONValue? {
        if case .object(let object) = self { return object[key] }
        return nil
    }

    public var string: String? { if case .string(let value) = self { value } else { nil } }
    public var number: Double? { if case .number(let value) = self { value } else { nil } }
    public var array: [JSONValue]? { if case .array(let value) = self { value } else { nil } }
    public var bool: Bool? { if case .bool(let value) = self { value } else { nil } }
}
