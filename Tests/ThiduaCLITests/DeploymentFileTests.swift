import Foundation
import Testing
import ThiduaTestSupport

/// No Docker engine runs here, so the deployment files are checked by reading them.
@Suite("Deployment files")
struct DeploymentFileTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// docker-compose.yml parsed by a YAML parser (PyYAML, installed by scripts/setup), as JSON.
    static func compose() throws -> JSONValue {
        try Program.yaml(root.appending(path: "docker-compose.yml"))
    }

    @Test("The compose file parses and names an app and a PostgreSQL service with a healthcheck and a volume")
    func composeServices() throws {
        let compose = try Self.compose()
        let db = try #require(compose["services"]?["db"])
        let app = try #require(compose["services"]?["app"])
        #expect(db["image"]?.string?.hasPrefix("postgres:") == true)
        let major = db["image"]?.string.flatMap { Int($0.dropFirst("postgres:".count).prefix { $0.isNumber }) } ?? 0
        #expect(major >= 15)
        #expect(db["healthcheck"]?["test"] != nil)
        #expect(db["volumes"]?.array?.first?.string?.hasPrefix("pgdata:") == true)
        #expect(compose["volumes"]?["pgdata"] != nil)
        #expect(app["depends_on"]?["db"]?["condition"]?.string == "service_healthy")
        #expect(app["build"]?.string == ".")
    }

    @Test("F18: the app connects as its own role; the owner migrates; passwords have no default; the port stays local")
    func databaseURLs() throws {
        let compose = try Self.compose()
        let environment = compose["services"]?["app"]?["environment"]
        let url = try #require(environment?["DATABASE_URL"]?.string)
        let owner = try #require(environment?["MIGRATION_DATABASE_URL"]?.string)
        let db = compose["services"]?["db"]?["environment"]
        let user = try #require(db?["POSTGRES_USER"]?.string)
        let database = try #require(db?["POSTGRES_DB"]?.string)
        #expect(url.hasPrefix("postgres://thidua_app:${THIDUA_APP_PASSWORD:?"))
        #expect(owner.hasPrefix("postgres://\(user):${POSTGRES_PASSWORD:?"))
        #expect(url.contains("@db:5432/\(database)") && owner.contains("@db:5432/\(database)"))
        #expect(db?["POSTGRES_PASSWORD"]?.string?.hasPrefix("${POSTGRES_PASSWORD:?") == true)
        let text = try String(contentsOf: Self.root.appending(path: "docker-compose.yml"), encoding: .utf8)
        #expect(!text.contains(":-"), "no variable may fall back to a default password")
        #expect(compose["services"]?["app"]?["ports"]?.array?.first?.string == "127.0.0.1:8080:8080")
        let command = compose["services"]?["app"]?["command"]?.array?.compactMap(\.string) ?? []
        #expect(command.starts(with: ["serve", "--host", "0.0.0.0"]))
    }

    @Test("F18: every dependency is pinned to the exact version the tests ran")
    func exactVersions() throws {
        let manifest = try String(contentsOf: Self.root.appending(path: "Package.swift"), encoding: .utf8)
        let packages = manifest.split(separator: "\n").filter { $0.contains(".package(url:") }
        #expect(packages.count >= 8)
        #expect(packages.allSatisfy { $0.contains("exact:") }, "\(packages.filter { !$0.contains("exact:") })")
    }

    @Test("The Dockerfile builds the thidua product and runs it as an unprivileged user")
    func dockerfile() throws {
        let text = try String(contentsOf: Self.root.appending(path: "Dockerfile"), encoding: .utf8)
        #expect(text.contains("swift build -c release --product thidua"))
        #expect(text.contains("ENTRYPOINT [\"/usr/local/bin/thidua\"]"))
        #expect(text.contains("USER thidua"))
        #expect(text.contains("EXPOSE 8080"))
    }
}
