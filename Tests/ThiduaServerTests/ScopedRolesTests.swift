import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PostgresNIO
import Testing
import ThiduaCore
import ThiduaServer
import ThiduaStore
import ThiduaWeb
import ThiduaTestSupport

/// One thidua for a district (issue 15): school A (the registry fixture's An Phước), school B (Bình Thạnh) and their
/// district above both. A's accounts hold their roles on A, B's on B, the district's on the district.
@Suite("Roles scoped to units")
struct ScopedRolesTests {
    struct District {
        let f: RegistryFixture
        let district: OrgUnit
        let schoolB: OrgUnit
        let movementB: Movement
        let nominationA: Nomination
        let nominationB: Nomination
        /// Tokens of school B's accounts, by role.
        let b: [Role: String]
        let districtHead: String
        let districtAdmin: String
        let teacherB: Person

        static func make(_ seed: Seed) async throws -> District {
            do { return try await build(seed) } catch let error as DomainError { Issue.record("\(error.description)"); throw error }
        }

        static func build(_ seed: Seed) async throws -> District {
            let f = try await RegistryFixture.make(seed)
            let nominationA = try await f.nomination(seed, status: .submitted)
            let units = UnitRepository(client: seed.client)
            let district = try await seed.unit("PGD-TH", name: "Phòng Giáo dục và Đào tạo Tân Hồng", kind: .district)
            // An Phước goes under the district: its accounts' roles, on An Phước, no longer reach everything.
            _ = try await units.update(
                f.school.id, name: f.school.name, kind: .school, parentId: district.id, expectedVersion: nil, by: seed.actor,
                logger: seed.logger)
            let schoolB = try await seed.unit("THBT", name: "Trường Tiểu học Bình Thạnh", kind: .school, parent: district.id)
            let teacherB = try await seed.person("Lê Thị Bích", unit: schoolB.id)
            let accounts = AccountRepository(client: seed.client)
            var b: [Role: String] = [:]
            var bAccounts: [Role: Account] = [:]
            for role in [Role.admin, .headmaster, .council, .union, .staff] {
                let (account, token) = try await accounts.create(
                    displayName: "Bình Thạnh \(role.rawValue)", roles: [role], personId: role == .staff ? teacherB.id : nil,
                    scope: schoolB.id, by: seed.actor, logger: seed.logger)
                (b[role], bAccounts[role]) = (token, account)
            }
            let districtHead = try await accounts.create(
                displayName: "Trưởng phòng", roles: [.headmaster, .council], personId: nil, scope: district.id, by: seed.actor,
                logger: seed.logger)
            let districtAdmin = try await accounts.create(
                displayName: "Quản trị phòng", roles: [.admin], personId: nil, scope: district.id, by: seed.actor, logger: seed.logger)
            let draft = try MovementDraft.validate(
                name: "Thi đua dạy tốt 2023-2024", unitId: schoolB.id.description, period: "2023-2024", registrationDeadline: nil,
                nominationDeadline: nil, legalBases: [], criteria: [("KQ", "Kết quả", 100)]
            ).get()
            let movements = MovementRepository(client: seed.client)
            let created = try await movements.create(draft, by: seed.actor, logger: seed.logger)
            let movementB = try await movements.transition(created.id, to: .open, expectedVersion: nil, by: seed.actor, logger: seed.logger)
            let nominationB = try await NominationRepository(client: seed.client).create(
                movementId: movementB.id, awardCode: "LDTT", nominee: .person(teacherB.id), achievements: "Dạy tốt", modelIds: [],
                kind: nil, by: try #require(bAccounts[.union]), logger: seed.logger)
            return District(
                f: f, district: district, schoolB: schoolB, movementB: movementB, nominationA: nominationA, nominationB: nominationB,
                b: b, districtHead: districtHead.token, districtAdmin: districtAdmin.token, teacherB: teacherB)
        }
    }

    @Test("Every API route about one record names its record's kind, so none escapes the scope check")
    func everyRouteIsScoped() throws {
        let client = DatabaseClient(
            PostgresClient(configuration: .init(host: "localhost", username: "unused", password: nil, database: nil, tls: .disable)))
        let router = try buildRouter(AppDependencies(client: client), databaseDescription: "none")
        let withParameter = router.routes.map { "\($0.path)" }.filter { $0.hasPrefix("/v1/") && $0.contains("{") && !$0.hasSuffix("**") }
        #expect(withParameter.count > 60)
        let unknown = withParameter.filter { ScopedPaths.record(endpoint: $0) == nil && !ScopedPaths.unscoped.contains($0) }
        #expect(unknown == [], "routes with a parameter the scope check does not know")
        #expect(ScopedPaths.record(endpoint: "/v1/nominations/{id}/approve")! == ("nomination", "id"))
        #expect(ScopedPaths.record(endpoint: "/nominations/:id/decide/:step")! == ("nomination", "id"))
        #expect(ScopedPaths.record(endpoint: "/v1/reports/movements/{id}")! == ("movement", "id"))
    }

    @Test("A school's accounts get 404 on every route about the other school's nomination; nothing changes")
    func otherSchoolIsNotFound() async throws {
        try await withTestApp { app, seed in
            let d = try await District.make(seed)
            let client = DatabaseClient(
                PostgresClient(configuration: .init(host: "localhost", username: "unused", password: nil, database: nil, tls: .disable)))
            let routes = try buildRouter(AppDependencies(client: client), databaseDescription: "none").routes
                .filter { "\($0.path)".hasPrefix("/v1/nominations/{id}") }.map { ($0.method, "\($0.path)") }
            #expect(routes.count > 15)
            try await app.test(.router) { http in
                for (method, route) in routes {
                    let path = route.replacingOccurrences(of: "{id}", with: d.nominationA.id.description)
                    for role in [Role.admin, .headmaster, .council, .union, .staff] {
                        let status = try await http.send(method, path, token: try #require(d.b[role]), json: "{}").status
                        #expect(status == 404, "\(role) of school B: \(method) \(path) answered \(status)")
                    }
                }
                // School A's head approving school B's nomination: not found, and it stays as it was.
                let approve = try await http.send(
                    .post, "/v1/nominations/\(d.nominationB.id)/approve", token: d.f.headmaster,
                    json: #"{"decisionNumber":"9/QĐ-THAP","decisionDate":"2024-05-20"}"#)
                #expect(approve.status == 404)
                let stored = try await NominationRepository(client: seed.client).find(d.nominationB.id, logger: seed.logger)
                #expect(stored.status == .draft && stored.version == d.nominationB.version)
                // Each school reads its own; the district reads both.
                #expect(try await http.send(.get, "/v1/nominations/\(d.nominationA.id)", token: d.f.headmaster).status == 200)
                #expect(
                    try await http.send(.get, "/v1/nominations/\(d.nominationB.id)", token: try #require(d.b[.headmaster])).status == 200)
                #expect(try await http.send(.get, "/v1/nominations/\(d.nominationA.id)", token: d.districtHead).status == 200)
                #expect(try await http.send(.get, "/v1/nominations/\(d.nominationB.id)", token: d.districtHead).status == 200)
                // People, units and movements of the other school alike.
                #expect(try await http.send(.get, "/v1/people/\(d.f.teacher.id)", token: try #require(d.b[.admin])).status == 404)
                #expect(try await http.send(.get, "/v1/units/\(d.f.school.id)", token: try #require(d.b[.admin])).status == 404)
                #expect(try await http.send(.get, "/v1/movements/\(d.f.movement.id)", token: try #require(d.b[.staff])).status == 404)
            }
        }
    }

    @Test("Lists hold only the units in scope: a school its own, the district every school below")
    func listsAreNarrowed() async throws {
        try await withTestApp { app, seed in
            let d = try await District.make(seed)
            try await app.test(.router) { http in
                func ids(_ path: String, _ token: String) async throws -> Set<String> {
                    let response = try await http.send(.get, path, token: token)
                    #expect(response.status == 200, "\(path): \(response.status)")
                    return Set(response.body["items"]?.array?.compactMap { $0["id"]?.string } ?? [])
                }
                let (a, b) = (d.nominationA.id.description, d.nominationB.id.description)
                #expect(try await ids("/v1/nominations", d.f.union) == [a])
                #expect(try await ids("/v1/nominations", try #require(d.b[.union])) == [b])
                #expect(try await ids("/v1/nominations", d.districtHead) == [a, b])
                let movements = try await ids("/v1/movements", try #require(d.b[.headmaster]))
                #expect(movements == [d.movementB.id.description])
                #expect(try await ids("/v1/movements", d.districtHead).count == 2)
                let peopleB = try await ids("/v1/people", try #require(d.b[.admin]))
                #expect(peopleB == [d.teacherB.id.description])
                #expect(try await ids("/v1/people", d.f.admin).contains(d.f.teacher.id.description))
                #expect(!(try await ids("/v1/people", d.f.admin)).contains(d.teacherB.id.description))
                let unitsB = try await ids("/v1/units", try #require(d.b[.staff]))
                #expect(unitsB == [d.schoolB.id.description])
                #expect(try await ids("/v1/units", d.districtHead).count == 5, "the district, both schools and A's two tổ")
                // Sáng kiến and the union's Giấy khen: each school's own, the district both.
                for (token, person) in [(d.f.union, d.f.teacher.id), (try #require(d.b[.union]), d.teacherB.id)] {
                    let initiative = try await http.send(
                        .post, "/v1/initiatives", token: token,
                        json: #"{"personId":"\#(person)","title":"Trò chơi ghép vần","period":"2024","registeredOn":"2024-01-25"}"#)
                    #expect(initiative.status == 201)
                    let outside = try await http.send(
                        .post, "/v1/outside-commendations", token: token,
                        json:
                            #"{"nominee":{"personId":"\#(person)"},"award":"CDGD_GK","period":"2024","decisionNumber":"28/QĐ-CĐGD","decisionDate":"2024-07-15"}"#
                    )
                    #expect(outside.status == 201)
                }
                func people(_ path: String, _ token: String) async throws -> Set<String> {
                    let response = try await http.send(.get, path, token: token)
                    #expect(response.status == 200, "\(path): \(response.status)")
                    return Set(
                        response.body["items"]?.array?.compactMap { $0["personId"]?.string ?? $0["nominee"]?["personId"]?.string } ?? [])
                }
                let (teacherA, teacherB) = (d.f.teacher.id.description, d.teacherB.id.description)
                for path in ["/v1/initiatives?year=2024", "/v1/outside-commendations?year=2024"] {
                    #expect(try await people(path, d.f.headmaster) == [teacherA], "\(path)")
                    #expect(try await people(path, try #require(d.b[.headmaster])) == [teacherB], "\(path)")
                    #expect(try await people(path, d.districtHead) == [teacherA, teacherB], "\(path)")
                }
            }
        }
    }

    @Test("Reports and history: a school's for its own unit, another school's refused, the district's for any school below")
    func reportsAreScoped() async throws {
        try await withTestApp { app, seed in
            let d = try await District.make(seed)
            try await app.test(.router) { http in
                let headB = try #require(d.b[.headmaster])
                #expect(try await http.send(.get, "/v1/reports/honor-list?year=2024&unit=THAP", token: headB).status == 404)
                #expect(try await http.send(.get, "/v1/reports/summary?year=2024&unit=THAP", token: headB).status == 404)
                #expect(try await http.send(.get, "/v1/reports/summary?year=2024&unit=THAP", token: d.districtHead).status == 200)
                #expect(try await http.send(.get, "/v1/reports/honor-list?year=2024&unit=THBT", token: headB).status == 200)
                #expect(try await http.send(.get, "/v1/reports/honor-list?year=2024", token: headB).status == 200)
                let movementReport = "/v1/reports/movements/\(d.f.movement.id)"
                #expect(try await http.send(.get, movementReport, token: headB).status == 404)
                #expect(try await http.send(.get, movementReport, token: d.f.headmaster).status == 200)
                let history = "/v1/audit?entity=nomination&id=\(d.nominationA.id)"
                #expect(try await http.send(.get, history, token: headB).status == 404)
                #expect(try await http.send(.get, history, token: d.districtHead).status == 200)
            }
        }
    }

    @Test("The database refuses a change outside the account's units, whatever program makes it")
    func databaseChecksScope() async throws {
        try await withTestApp { _, seed in
            let d = try await District.make(seed)
            let accounts = AccountRepository(client: seed.client)
            let tokenB = try #require(d.b[.union])
            let unionB = try #require(try await accounts.authenticate(token: tokenB, logger: seed.logger))
            let nominations = NominationRepository(client: seed.client)
            let before = try await seed.count("nominations")
            // Straight to the repository, past every route: school B's union nominating in school A's movement.
            await #expect(throws: DomainError.self) {
                _ = try await nominations.create(
                    movementId: d.f.movement.id, awardCode: "LDTT", nominee: .person(d.f.teacher.id), achievements: "x", modelIds: [],
                    kind: nil, by: unionB, logger: seed.logger)
            }
            #expect(try await seed.count("nominations") == before)
            // The kinds of record the check knows sit under their school.
            let scopes = UnitScopes(client: seed.client)
            let pathA = [d.f.school.id, d.district.id]
            #expect(try await scopes.path(ofRecord: "nomination", id: d.nominationA.id.rawValue, logger: seed.logger) == pathA)
            #expect(try await scopes.path(ofRecord: "movement", id: d.movementB.id.rawValue, logger: seed.logger).first == d.schoolB.id)
            #expect(try await scopes.path(ofRecord: "person", id: d.f.teacher.id.rawValue, logger: seed.logger).dropFirst() == pathA[...])
            let commendation = try await d.f.commendation(seed)
            #expect(try await scopes.path(ofRecord: "commendation", id: commendation.id.rawValue, logger: seed.logger) == pathA)
            #expect(try await scopes.path(ofRecord: "nomination", id: UUID(), logger: seed.logger) == [])
        }
    }

    @Test("An admin grants and revokes roles inside the units it administers, not above; an account keeps one role")
    func grantsByAdmins() async throws {
        try await withTestApp { app, seed in
            let d = try await District.make(seed)
            let accounts = AccountRepository(client: seed.client)
            let (newcomer, newToken) = try await accounts.create(
                displayName: "Giáo viên mới", roles: [.staff], personId: nil, scope: d.schoolB.id, by: seed.actor, logger: seed.logger)
            try await app.test(.router) { http in
                let adminB = try #require(d.b[.admin])
                let path = "/v1/accounts/\(newcomer.id)/grants"
                let above = try await http.send(.post, path, token: adminB, json: #"{"role":"headmaster","unit":"PGD-TH"}"#)
                #expect(above.status == 403, "\(above.body)")
                let otherSchool = try await http.send(.post, path, token: adminB, json: #"{"role":"council","unit":"THAP"}"#)
                #expect(otherSchool.status == 403)
                #expect(try await accounts.find(newcomer.id, logger: seed.logger).roles == [.staff])
                let granted = try await http.send(.post, path, token: adminB, json: #"{"role":"council","unit":"THBT"}"#)
                #expect(granted.status == 200)
                #expect(granted.body["roles"]?.array?.compactMap(\.string) == ["council", "staff"])
                // The new council member reviews school B's nominations, and still not school A's.
                #expect(try await http.send(.get, "/v1/nominations/\(d.nominationB.id)/reviews", token: newToken).status == 200)
                #expect(try await http.send(.get, "/v1/nominations/\(d.nominationA.id)/reviews", token: newToken).status == 404)
                let unknownRole = try await http.send(.post, path, token: adminB, json: #"{"role":"king","unit":"THBT"}"#)
                #expect(unknownRole.status == 422)
                // The district's admin reaches both schools.
                #expect(try await http.send(.post, path, token: d.districtAdmin, json: #"{"role":"union","unit":"THAP"}"#).status == 200)
                let revoked = try await http.send(.delete, "\(path)/union?unit=THAP", token: d.districtAdmin)
                #expect(revoked.status == 200)
                #expect(try await http.send(.delete, "\(path)/council?unit=THBT", token: adminB).status == 200)
                let last = try await http.send(.delete, "\(path)/staff?unit=THBT", token: adminB)
                #expect(last.status == 422, "\(last.body)")
                #expect(try await accounts.find(newcomer.id, logger: seed.logger).roles == [.staff])
                let me = try await http.send(.get, "/v1/me", token: newToken)
                #expect(me.body["grants"]?.array?.first?["unitId"]?.string == d.schoolB.id.description)
            }
        }
    }

    @Test("On the web app too: the other school's pages are not found, and the head's queue holds only her school's")
    func webPagesAreScoped() async throws {
        try await withTestApp { app, seed in
            let d = try await District.make(seed)
            let password = try await seed.webAccount(
                "Hiệu trưởng Bình Thạnh", [.headmaster, .council], login: "ht.binhthanh", scope: d.schoolB.id)
            try await app.test(.router) { client in
                var head = PageClient(client)
                _ = try await head.signIn("ht.binhthanh", password)
                for path in [
                    "/nominations/\(d.nominationA.id)", "/movements/\(d.f.movement.id)", "/people/\(d.f.teacher.id)/record",
                    "/units/\(d.f.school.id)/edit",
                ] {
                    #expect(try await head.get(path).status == .notFound, "\(path)")
                }
                #expect(try await head.get("/nominations/\(d.nominationB.id)").status == .ok)
                let movements = String(buffer: try await head.get("/movements").body)
                #expect(movements.contains("Thi đua dạy tốt 2023-2024") && !movements.contains("Dân vận khéo năm 2024"))
                let history = String(buffer: try await head.get("/audit").body)
                #expect(history.contains("Lê Thị Bích") && !history.contains("Nguyễn Thị Ngọc Hân"), "\(history)")
                let reviewPage = try await head.get("/reviews")
                #expect(reviewPage.status == .ok)
                let reviews = String(buffer: reviewPage.body)
                #expect(!reviews.contains("Nguyễn Thị Ngọc Hân"), "school A's submitted nomination is not in school B's council queue")
            }
        }
    }
}
