import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import ThiduaCore
import ThiduaStore
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
        // Staff (and team leads, a person too) read the evidence of their own models (404 on others', EvidenceTests).
        (.get, "/v1/evidence/\(any)", "", [.admin, .headmaster, .council, .union, .staff, .teamLead]),
        (.get, "/v1/audit?entity=person&id=\(any)", "", [.admin, .headmaster]),
        (.post, "/v1/awards/LDTT/rules", #"{"reason":"x"}"#, [.admin]),
        (.post, "/v1/base-salaries", "{}", [.admin]),
        (.put, "/v1/settings", "{}", [.admin]),
        (.put, "/v1/units/\(any)/policy", #"{"reason":"x"}"#, [.admin]),
        (.post, "/v1/nominations/\(any)/eligibility-overrides", #"{"rule":"rating_good","reason":"x"}"#, [.headmaster]),
        (.post, "/v1/nominations/\(any)/external-decision", "{}", [.headmaster]),
        (.post, "/v1/nominations/\(any)/answer", "{}", [.headmaster]),
        (.post, "/v1/movements/\(any)/postings", "{}", [.admin, .headmaster]),
        // A teacher writes the report of their own nominations (404 for another's, tested in AchievementReportTests).
        (.put, "/v1/nominations/\(any)/achievement-report", "{}", [.admin, .union, .staff]),
        (.get, "/v1/reports/submission?number=1&year=2024", "", [.admin, .headmaster, .council, .union]),
        (.get, "/v1/units/\(any)/record", "", [.admin, .headmaster, .council, .union]),
        (.get, "/v1/movements/\(any)/registrations/document", "", [.admin, .headmaster, .council, .union]),
        (.post, "/v1/councils", "{}", [.admin, .headmaster]),
        (.get, "/v1/councils?period=2024", "", [.admin, .headmaster, .council, .union]),
        (.post, "/v1/movements/\(any)/council-meeting", "{}", [.admin, .headmaster, .council]),
        (.post, "/v1/movements/\(any)/council-meeting/ballots", "{}", [.admin, .headmaster, .council]),
        (.get, "/v1/movements/\(any)/council-meeting", "", [.admin, .headmaster, .council, .union]),
        (.get, "/v1/movements/\(any)/council-meeting/minutes", "", [.admin, .headmaster, .council, .union]),
        // A team lead's scope (their own tổ) is checked next (TeamReviewTests): with a made-up tổ they reach the look-up.
        (.post, "/v1/movements/\(any)/team-reviews", #"{"unitId":"\(any)"}"#, [.admin, .teamLead]),
        (.get, "/v1/movements/\(any)/team-reviews/\(any)", "", [.admin, .headmaster, .council, .union, .teamLead]),
        // Which issuer's awards each of the three records is checked next (OutsideCommendationTests).
        (.post, "/v1/outside-commendations", "{}", [.admin, .headmaster, .union]),
        // Registering and applying for a sáng kiến is anyone's for herself (InitiativeTests); scoring and recognising are roles'.
        (.post, "/v1/initiatives/\(any)/score", "{}", [.admin, .headmaster, .council]),
        (.post, "/v1/initiatives/\(any)/recognitions", "{}", [.headmaster]),
        // GET /v1/people/{id}/record is a read scoped like the registry: staff read their own, 404 for others'
        // (staffSeesOwnRecords below).
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

    @Test("What is not a staff account's own answers 404 everywhere: records, evidence, nominations, models")
    func notYoursIsNotFound() async throws {
        try await withTestApp { app, seed in
            let f = try await RegistryFixture.make(seed)
            let other = try await f.nomination(seed, status: .submitted, nominee: .person(f.councilPeople[1].id))
            let otherModel = try await ModelInitiativeRepository(client: seed.client).register(
                movementId: f.movement.id, title: "Mô hình của người khác", field: "economy", owner: .person(f.councilPeople[1].id),
                goals: "", startsOn: nil, endsOn: nil, by: seed.actor, logger: seed.logger)
            try await app.test(.router) { client in
                for path in [
                    "/v1/people/\(f.councilPeople[1].id)/record", "/v1/nominations/\(other.id)", "/v1/nominations/\(other.id)/evidence",
                    "/v1/nominations/\(other.id)/eligibility", "/v1/models/\(otherModel.id)", "/v1/models/\(otherModel.id)/evidence",
                ] {
                    let response = try await client.send(.get, path, token: f.staff)
                    #expect(response.status == 404, "\(path) answered \(response.status)")
                    #expect(response.body["type"]?.string?.hasSuffix("not-found") == true, "\(path)")
                }
            }
        }
    }

    @Test("A staff account reads the evidence of its own nomination, as the permission matrix in the README says")
    func staffReadsEvidenceOfOwnNomination() async throws {
        try await withTestApp { app, seed in
            let f = try await RegistryFixture.make(seed)
            let own = try await f.nomination(seed, status: .submitted)
            try await app.test(.router) { client in
                let added = try await client.send(
                    .post, "/v1/nominations/\(own.id)/evidence", token: f.union, json: #"{"note":"Biên bản họp tổ ngày 20/05/2024"}"#)
                #expect(added.status == 201)
                let id = try #require(added.body["id"]?.string)
                let listed = try await client.send(.get, "/v1/nominations/\(own.id)/evidence", token: f.staff)
                #expect(listed.status == 200)
                #expect(listed.body["items"]?.array?.compactMap { $0["note"]?.string } == ["Biên bản họp tổ ngày 20/05/2024"])
                #expect(try await client.send(.get, "/v1/evidence/\(id)", token: f.staff).status == 200)
            }
        }
    }
}
