import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import ThiduaCore
import ThiduaTestSupport

@Suite("Permission matrix over HTTP")
struct PermissionMatrixTests {
    /// Each protected route with the roles allowed to call it (as in the README's table).
    /// Ids are made up: the role check comes before any look-up, so an allowed role gets 404 or 422, never 403.
    static let any = "00000000-0000-4000-8000-000000000000"
    static let routes: [(HTTPRequest.Method, String, String, Set<Role>)] = [
        (.post, "/v1/units", "{}", [.admin]),
        (.post, "/v1/people", "{}", [.admin]),
        (.patch, "/v1/people/\(any)", "{}", [.admin]),
        (.post, "/v1/documents", "{}", [.admin, .headmaster]),
        (.post, "/v1/movements", "{}", [.admin, .headmaster]),
        (.post, "/v1/movements/\(any)/close", "{}", [.admin, .headmaster]),
        (.post, "/v1/movements/\(any)/models", "{}", [.admin, .union]),
        (.post, "/v1/models/\(any)/transitions", #"{"status":"in_progress"}"#, [.admin, .union]),
        (.post, "/v1/models/\(any)/transitions", #"{"status":"recognized"}"#, [.headmaster]),
        (.post, "/v1/nominations", "{}", [.admin, .union]),
        (.post, "/v1/nominations/\(any)/submit", "{}", [.admin, .union]),
        (.post, "/v1/nominations/\(any)/withdraw", "{}", [.admin, .union]),
        (.post, "/v1/nominations/\(any)/return", #"{"reason":"x"}"#, [.council, .headmaster]),
        (.post, "/v1/nominations/\(any)/reviews", #"{"vote":"agree"}"#, [.council]),
        (.get, "/v1/nominations/\(any)/reviews", "", [.admin, .headmaster, .council]),
        (.post, "/v1/nominations/\(any)/recusals", "{}", [.admin]),
        (.post, "/v1/nominations/\(any)/recommendation", #"{"recommended":true}"#, [.headmaster]),
        (.post, "/v1/nominations/\(any)/approve", #"{"decisionNumber":"1/QĐ","decisionDate":"2024-05-01"}"#, [.headmaster]),
        (.post, "/v1/nominations/\(any)/decline", #"{"reason":"x"}"#, [.headmaster]),
        (.post, "/v1/decisions", "{}", [.headmaster]),
        (.post, "/v1/commendations/\(any)/revoke", #"{"reason":"x","decisionNumber":"2/QĐ"}"#, [.headmaster]),
        (.post, "/v1/nominations/\(any)/evidence", #"{"note":"x"}"#, [.admin, .union]),
        (.post, "/v1/evidence/\(any)/retract", #"{"reason":"x"}"#, [.admin, .union]),
        // Staff read the evidence of their own models (403 on others', tested in EvidenceTests).
        (.get, "/v1/evidence/\(any)", "", [.admin, .headmaster, .council, .union, .staff]),
        (.get, "/v1/audit?entity=person&id=\(any)", "", [.admin, .headmaster]),
        (.post, "/v1/awards/LDTT/rules", #"{"reason":"x"}"#, [.admin]),
        (.post, "/v1/base-salaries", "{}", [.admin]),
        (.put, "/v1/settings", "{}", [.admin]),
        (.put, "/v1/units/\(any)/policy", #"{"reason":"x"}"#, [.admin]),
        (.post, "/v1/nominations/\(any)/eligibility-overrides", #"{"rule":"rating_good","reason":"x"}"#, [.headmaster]),
        (.post, "/v1/nominations/\(any)/external-decision", "{}", [.headmaster]),
        (.get, "/v1/units/\(any)/record", "", [.admin, .headmaster, .council, .union]),
        (.get, "/v1/people/\(any)/record", "", [.admin, .headmaster, .council, .union]),
    ]

    @Test("Each protected route answers 403 to every role not allowed, and never 403 to an allowed one")
    func everyCell() async throws {
        try await withTestApp { app, seed in
            var collected: [Role: String] = [:]
            for role in Role.allCases { collected[role] = try await seed.account(role).token }
            let tokens = collected
            try await app.test(.router) { client in
                for (method, path, body, allowed) in Self.routes {
                    for role in Role.allCases {
                        let token = try #require(tokens[role])
                        let status = try await client.send(method, path, token: token, json: body.isEmpty ? nil : body).status
                        if allowed.contains(role) {
                            #expect(status < 500 && status != 403 && status != 401, "\(role) \(method) \(path) answered \(status)")
                        } else {
                            #expect(status == 403, "\(role) \(method) \(path) answered \(status), expected 403")
                        }
                    }
                }
            }
        }
    }

    @Test("A staff account reads only the nominations and commendations that concern them")
    func staffSeesOwnRecords() async throws {
        try await withTestApp { app, seed in
            let f = try await RegistryFixture.make(seed)
            let own = try await f.nomination(seed, status: .submitted)
            let other = try await f.nomination(seed, status: .submitted, nominee: .person(f.councilPeople[1].id))
            try await app.test(.router) { client in
                let listed = try await client.send(.get, "/v1/nominations", token: f.staff)
                #expect(listed.body["items"]?.array?.compactMap { $0["id"]?.string } == [own.id.description])
                #expect(try await client.send(.get, "/v1/nominations/\(other.id)", token: f.staff).status == 404)
                #expect(try await client.send(.get, "/v1/nominations/\(own.id)", token: f.staff).status == 200)
                let all = try await client.send(.get, "/v1/nominations", token: f.union)
                #expect(all.body["items"]?.array?.count == 2)
            }
        }
    }
}
