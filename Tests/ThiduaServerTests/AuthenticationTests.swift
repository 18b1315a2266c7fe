import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import ThiduaCore
import ThiduaStore
import ThiduaTestSupport

@Suite("Signing in")
struct AuthenticationTests {
    @Test("Health answers without a token and reports the database")
    func health() async throws {
        try await withTestApp { app, _ in
            try await app.test(.router) { client in
                try await client.execute(uri: "/health", method: .get, headers: [.authorization: "Bearer wrong"]) { response in
                    #expect(response.status == .ok)
                    let body = try response.json(JSONValue.self)
                    #expect(body["status"]?.string == "ok")
                    #expect(body["database"]?["state"]?.string == "up")
                    #expect(body["database"]?["pendingMigrations"]?.number == 0)
                }
            }
        }
    }

    @Test("No token answers 401 with a problem and a Bearer challenge")
    func noToken() async throws {
        try await withTestApp { app, _ in
            try await app.test(.router) { client in
                try await client.execute(uri: "/v1/me", method: .get) { response in
                    try expectProblem(response, status: 401, code: "unauthenticated")
                    #expect(response.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
                    #expect(response.headers[HTTPField.Name("X-Request-Id")!]?.isEmpty == false)
                }
            }
        }
    }

    @Test("A wrong, malformed or revoked token answers 401", arguments: ["wrong", "malformed", "revoked"])
    func badTokens(kind: String) async throws {
        try await withTestApp { app, seed in
            let (account, token) = try await seed.account(.admin)
            let header: String
            switch kind {
            case "wrong": header = "Bearer thd_not_a_real_token"
            case "malformed": header = "Token \(token)"
            default:
                _ = try await AccountRepository(client: seed.client).revoke(account.id, by: seed.actor, logger: seed.logger)
                header = "Bearer \(token)"
            }
            try await app.test(.router) { client in
                try await client.execute(uri: "/v1/me", method: .get, headers: [.authorization: header]) { response in
                    try expectProblem(response, status: 401, code: "unauthenticated")
                }
            }
        }
    }

    @Test("/v1/me returns the account and its roles")
    func me() async throws {
        try await withTestApp { app, seed in
            let (account, token) = try await seed.account(.headmaster, .council, name: "Trần Văn Minh")
            try await app.test(.router) { client in
                try await client.execute(uri: "/v1/me", method: .get, headers: Seed.headers(token)) { response in
                    #expect(response.status == .ok)
                    let body = try response.json(JSONValue.self)
                    #expect(body["id"]?.string == account.id.description)
                    #expect(body["displayName"]?.string == "Trần Văn Minh")
                    #expect(body["roles"] == .array([.string("headmaster"), .string("council")]))
                }
            }
        }
    }

    @Test("A token copied with spaces or a tab around it still signs in; a blank one does not")
    func tokenWithBlanks() async throws {
        try await withTestApp { app, seed in
            let (account, token) = try await seed.account(.headmaster, name: "Trần Văn Minh")
            try await app.test(.router) { client in
                for header in ["Bearer  \(token) ", "Bearer \t\(token)\t"] {
                    try await client.execute(uri: "/v1/me", method: .get, headers: [.authorization: header]) { response in
                        #expect(response.status == .ok)
                        let body = try response.json(JSONValue.self)
                        #expect(body["id"]?.string == account.id.description)
                    }
                }
                try await client.execute(uri: "/v1/me", method: .get, headers: [.authorization: "Bearer \t "]) { response in
                    #expect(response.status == .unauthorized)
                }
            }
        }
    }

    @Test("A signed-in account without the role gets 403, and nothing is created")
    func wrongRole() async throws {
        try await withTestApp { app, seed in
            let (_, token) = try await seed.account(.staff)
            try await app.test(.router) { client in
                let body = #"{"code":"X1","name":"Tổ mới","kind":"collective"}"#
                try await client.execute(uri: "/v1/units", method: .post, headers: Seed.headers(token), body: ByteBuffer(string: body)) {
                    response in
                    let problem = try expectProblem(response, status: 403, code: "forbidden")
                    #expect(problem["detail"]?.string?.contains("admin") == true)
                }
            }
            #expect(try await seed.count("units") == 0)
        }
    }
}
