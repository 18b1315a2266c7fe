import PostgresNIO
import Testing
import ThiduaCore
@testable import ThiduaStore

@Suite("DATABASE_URL")
struct DatabaseURLTests {
    @Test("A TCP URL gives host, port, user, password, database")
    func tcp() throws {
        let configuration = try DatabaseURL.configuration("postgres://thidua:s%40cret@db.example:5433/registry?sslmode=disable")
        #expect(configuration.host == "db.example")
        #expect(configuration.port == 5433)
        #expect(configuration.username == "thidua")
        #expect(configuration.password == "s@cret")
        #expect(configuration.database == "registry")
    }

    @Test("?host=/path selects a unix socket")
    func unixSocket() throws {
        let configuration = try DatabaseURL.configuration("postgresql://thidua@/thidua?host=/tmp/x/run")
        #expect(configuration.unixSocketPath == "/tmp/x/run/.s.PGSQL.5432")
        #expect(configuration.database == "thidua")
    }

    @Test(
        "Wrong schemes and unknown sslmodes are refused in plain words",
        arguments: [
            "mysql://u@h/db", "postgres://u@h/db?sslmode=sometimes", "not a url",
        ])
    func refused(url: String) {
        #expect(throws: DomainError.self) { try DatabaseURL.configuration(url) }
    }
}
