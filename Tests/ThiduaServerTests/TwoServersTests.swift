import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import ThiduaCore
import ThiduaServer
import ThiduaTestSupport

/// `thidua serve` keeps no state a second instance would miss (issue "One thidua for a whole district", past one
/// machine): two servers on one database behind a balancer answer as one. What each instance keeps for itself — the
/// failed-token counter and the remembered tokens (at most `--token-cache-ms`) — is listed in docs/ARCHITECTURE.md.
@Suite("Two servers on one database")
struct TwoServersTests {
    static let key = HTTPField.Name("Idempotency-Key")!

    @Test(
        "A write on one server is read on the other; a retry sent to the other replays the first answer; a page session, its form token and the sign-in throttle are shared"
    )
    func twoServers() async throws {
        try await TestDatabase.with { database, client in
            let seed = Seed(client: client, logger: database.logger)
            let f = try await RegistryFixture.make(seed)
            let password = try await seed.webAccount("Huỳnh Thị Thanh Tâm", [.union], login: "tam.huynh")
            let first = try await buildApplication(database.serverConfiguration, logger: database.logger)
            let second = try await buildApplication(database.serverConfiguration, logger: database.logger)
            try await first.test(.router) { one in
                try await second.test(.router) { other in
                    let body = """
                        {"movementId":"\(f.movement.id)","award":"LDTT","nominee":{"personId":"\(f.teacher.id)"},"achievements":"Thành tích"}
                        """
                    let created = try await one.send(.post, "/v1/nominations", token: f.union, json: body, headers: [Self.key: "k-1"])
                    #expect(created.status == 201)
                    let id = try #require(created.body["id"]?.string)
                    let retried = try await other.send(.post, "/v1/nominations", token: f.union, json: body, headers: [Self.key: "k-1"])
                    #expect(retried.status == 201 && retried.body["id"]?.string == id)
                    #expect(retried.headers[HTTPField.Name("Idempotent-Replayed")!] == "true")
                    #expect(try await seed.count("nominations") == 1)
                    let read = try await other.send(.get, "/v1/nominations/\(id)", token: f.headmaster)
                    #expect(
                        read.status == 200 && read.body["nominee"]?["personId"]?.string == f.teacher.id.description
                            && read.body["achievements"]?.string == "Thành tích")

                    // Signed in on one server, the same browser is signed in on the other and its forms are accepted.
                    var browser = PageClient(one)
                    #expect(try await browser.signIn("tam.huynh", password).status == .seeOther)
                    var elsewhere = PageClient(other)
                    elsewhere.cookies = browser.cookies
                    let home = try await elsewhere.get("/")
                    #expect(home.status == .ok && home.text.contains("Huỳnh Thị Thanh Tâm"))
                    let token = try #require(PageClient.formToken(home.text))
                    #expect(try await elsewhere.post("/logout", [("_csrf", token)]).status == .seeOther)
                    #expect(try await browser.get("/").status == .seeOther, "signed out on the other server, signed out here")

                    // Four wrong passwords on one server and a fifth on the other: the login waits on both.
                    var stranger = PageClient(one)
                    for _ in 1...4 { #expect(try await stranger.signIn("tam.huynh", "sai mật khẩu 123").status == .unauthorized) }
                    var strangerElsewhere = PageClient(other)
                    #expect(try await strangerElsewhere.signIn("tam.huynh", "sai mật khẩu 123").status == .tooManyRequests)
                    #expect(try await strangerElsewhere.signIn("tam.huynh", password).status == .tooManyRequests)
                }
            }
        }
    }
}
