import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import ThiduaCore
import ThiduaStore
import ThiduaTestSupport

/// Every page route at once: no session leads to the sign-in page, no form token changes nothing, and a teacher's account
/// is refused the registry's pages.
@Suite("Web: every page route's sign-in, form token and role checks")
struct WebRouteMatrixTests {
    /// Ids the routes need, made through the real workflow.
    struct Records {
        let movement: String
        let model: String
        let evidence: String
        let nomination: String
        let commendation: String
        let person: String
        let unit: String

        static func make(_ f: RegistryFixture, _ seed: Seed) async throws -> Records {
            let model = try await ModelInitiativeRepository(client: seed.client).register(
                movementId: f.movement.id, title: "Mô hình của tổ", field: "economy", owner: .unit(f.collective.id), goals: "",
                startsOn: nil, endsOn: nil, by: seed.actor, logger: seed.logger)
            let admin = try #require(try await AccountRepository(client: seed.client).authenticate(token: f.admin, logger: seed.logger))
            let evidence = try await EvidenceRepository(client: seed.client).add(
                .note("Biên bản họp tổ"), to: .model(model.id), by: admin, logger: seed.logger)
            let nomination = try await f.nomination(seed, status: .recommended, award: "CSTD_CS", overriding: "Đủ điều kiện")
            let commendation = try await f.commendation(seed)
            return Records(
                movement: f.movement.id.description, model: model.id.description, evidence: evidence.id,
                nomination: nomination.id.description, commendation: commendation.id.description, person: f.councilPeople[1].id.description,
                unit: f.collective.id.description)
        }

        func fill(_ path: String) -> String {
            path.replacingOccurrences(of: "MOVEMENT", with: movement).replacingOccurrences(of: "MODEL", with: model)
                .replacingOccurrences(of: "EVIDENCE", with: evidence).replacingOccurrences(of: "NOMINATION", with: nomination)
                .replacingOccurrences(of: "COMMENDATION", with: commendation).replacingOccurrences(of: "PERSON", with: person)
                .replacingOccurrences(of: "UNIT", with: unit)
        }
    }

    /// Page routes read by someone signed in; the second value: what a teacher (staff) gets.
    static let pages: [(String, HTTPResponse.Status)] = [
        ("/", .ok), ("/movements", .ok), ("/movements/new", .forbidden), ("/movements/MOVEMENT", .ok),
        ("/movements/MOVEMENT/models/new", .forbidden), ("/movements/MOVEMENT/report?format=csv", .forbidden),
        ("/models/MODEL", .notFound), ("/evidence/EVIDENCE/retract", .forbidden), ("/nominations/new", .forbidden),
        ("/nominations/NOMINATION/review", .forbidden), ("/reviews", .forbidden), ("/decisions/new", .forbidden),
        ("/reports/honor-list", .ok), ("/reports/honor-list/download?period=2024&format=csv", .ok), ("/reports/summary", .forbidden),
        ("/reports/summary/download?period=2024&format=csv", .forbidden), ("/record", .ok), ("/people/PERSON/record", .notFound),
        ("/people", .forbidden), ("/people/new", .forbidden), ("/people/PERSON/edit", .forbidden), ("/units", .forbidden),
        ("/units/UNIT/edit", .forbidden), ("/units/UNIT/documents", .forbidden),
        ("/decisions/rewards?number=12/QĐ-THAP&year=2024", .ok),
        ("/catalogue", .forbidden), ("/catalogue/LDTT", .forbidden), ("/imports", .forbidden), ("/audit", .forbidden),
        ("/commendations/COMMENDATION/revoke", .forbidden), ("/commendations/COMMENDATION/revocation", .forbidden),
        ("/movements/MOVEMENT/registrations", .ok), ("/movements/MOVEMENT/registrations/document", .forbidden),
        ("/movements/MOVEMENT/council", .forbidden), ("/movements/MOVEMENT/council/minutes", .forbidden),
        ("/submissions/file?number=18%2FTTr-THAP&year=2024", .forbidden), ("/nominations/NOMINATION/report", .ok),
        ("/nominations/NOMINATION/report/document", .ok), ("/movements/MOVEMENT/posting", .ok),
        ("/movements/MOVEMENT/posting/notice", .notFound), ("/movements/MOVEMENT/team-review", .forbidden),
        ("/movements/MOVEMENT/team-review?unit=UNIT", .forbidden), ("/outside-commendations", .forbidden),
        ("/initiatives", .ok),
    ]

    /// Every form the pages post (urlencoded unless marked multipart).
    static let posts: [(String, multipart: Bool)] = [
        ("/movements", false), ("/movements/MOVEMENT/close", false), ("/movements/MOVEMENT/models", false),
        ("/models/MODEL/evidence", true), ("/models/MODEL/notes", false), ("/models/MODEL/start", false),
        ("/models/MODEL/recognize", false), ("/evidence/EVIDENCE/retract", false), ("/nominations", false),
        ("/nominations/NOMINATION/withdraw", false), ("/nominations/NOMINATION/review", false),
        ("/nominations/NOMINATION/decide/decline", false), ("/decisions/preview", false), ("/decisions", false),
        ("/commendations/COMMENDATION/revoke", false), ("/people", false), ("/people/PERSON", false), ("/units", false),
        ("/units/UNIT", false), ("/units/UNIT/documents", false), ("/units/UNIT/documents/bases", false),
        ("/catalogue/base-salaries", false), ("/catalogue/LDTT", false), ("/imports/preview", true), ("/imports", true),
        ("/movements/MOVEMENT/registrations", false), ("/registrations/00000000-0000-4000-8000-000000000000/withdraw", false),
        ("/movements/MOVEMENT/council", false), ("/movements/MOVEMENT/council/meeting", false),
        ("/movements/MOVEMENT/council/ballots", false), ("/nominations/NOMINATION/answer", false),
        ("/nominations/NOMINATION/report", false), ("/movements/MOVEMENT/posting", false),
        ("/movements/MOVEMENT/posting/comments", false), ("/movements/MOVEMENT/team-review?unit=UNIT", false),
        ("/outside-commendations", false), ("/initiatives", false),
        ("/initiatives/00000000-0000-4000-8000-000000000000/score", false), ("/logout", false),
    ]

    @Test("Without a session every page leads to /login; a teacher is refused every registry page")
    func signInAndRoles() async throws {
        try await withTestApp { app, seed in
            let f = try await RegistryFixture.make(seed)
            let records = try await Records.make(f, seed)
            let password = try await seed.webAccount("Ngọc Hân", [.staff], login: "ngoc.han", person: f.teacher.id)
            try await app.test(.router) { client in
                var anonymous = PageClient(client)
                var teacher = PageClient(client)
                _ = try await teacher.signIn("ngoc.han", password)
                for (path, staffStatus) in Self.pages {
                    let answer = try await anonymous.get(records.fill(path))
                    #expect(answer.status == .seeOther && answer.headers[.location] == "/login", "\(path) without a session")
                    #expect(try await teacher.get(records.fill(path)).status == staffStatus, "\(path) for a teacher")
                }
            }
        }
    }

    @Test("A POST without the form token is refused with 403 on every form, by a session with every role, and records nothing")
    func formTokens() async throws {
        try await withTestApp { app, seed in
            let f = try await RegistryFixture.make(seed)
            let records = try await Records.make(f, seed)
            let password = try await seed.webAccount(
                "Mọi vai trò", [.admin, .headmaster, .union, .council], login: "moi.vai.tro", person: f.councilPeople[2].id)
            try await app.test(.router) { client in
                var browser = PageClient(client)
                _ = try await browser.signIn("moi.vai.tro", password)
                let logged = try await seed.count("audit_log")
                let fields = [
                    ("version", "1"), ("reason", "thử"), ("name", "Thử"), ("code", "X-1"), ("kind", "units"),
                    ("csv", "code,name,parent,kind\n"),
                ]
                for (path, multipart) in Self.posts {
                    let answer =
                        multipart
                        ? try await browser.postFiles(records.fill(path), fields, files: [])
                        : try await browser.post(records.fill(path), fields)
                    #expect(answer.status == .forbidden && answer.text.contains("Biểu mẫu không hợp lệ"), "\(path) without a form token")
                }
                #expect(try await seed.count("audit_log") == logged, "a refused form records nothing")
                #expect(try await browser.get("/").status == .ok, "still signed in")
            }
        }
    }
}
