import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PostgresNIO
import Testing
import ThiduaCore
import ThiduaServer
import ThiduaStore
import ThiduaTestSupport

/// The security review's findings about requests themselves (../shared/docs/reviews/security.md): idempotency keys,
/// council reviews, failed tokens, timeouts.
@Suite("Hardening: requests")
struct HardeningRequestTests {
    static let key = HTTPField.Name("Idempotency-Key")!

    @Test("F9: an Idempotency-Key does not make the server read more than the route takes from this caller")
    func f9BodyLimitBeforeBuffering() async throws {
        try await withTestApp { app, seed in
            let f = try await RegistryFixture.make(seed)
            let big = "{\"name\":\"" + String(repeating: "a", count: 3 * 1_048_576) + "\"}"
            try await app.test(.router) { client in
                let byStaff = try await client.send(.post, "/v1/units", token: f.staff, json: big, headers: [Self.key: "k1"])
                #expect(byStaff.status == 413)
                let evidence = try await client.send(
                    .post, "/v1/nominations/\(UUID())/evidence", token: f.staff, json: big, headers: [Self.key: "k2"])
                #expect(evidence.status == 413)
            }
            #expect(try await seed.count("idempotency_keys") == 0)
        }
    }

    @Test("F9: keys expire after 24 hours, and If-Match is part of what a key stands for")
    func f9ExpiryAndConditions() async throws {
        try await withTestApp { app, seed in
            let f = try await RegistryFixture.make(seed)
            let body = """
                {"movementId":"\(f.movement.id)","award":"LDTT","nominee":{"personId":"\(f.teacher.id)"},"achievements":"Thành tích"}
                """
            try await app.test(.router) { client in
                let first = try await client.send(.post, "/v1/nominations", token: f.union, json: body, headers: [Self.key: "day-1"])
                #expect(first.status == 201)
                let id = try #require(first.body["id"]?.string)
                let submit = try await client.send(
                    .post, "/v1/nominations/\(id)/submit", token: f.union, headers: [Self.key: "s-1", .ifMatch: "\"1\""])
                #expect(submit.status == 200)
                // The same key with another If-Match is another request, not a replay of the first answer.
                let other = try await client.send(
                    .post, "/v1/nominations/\(id)/submit", token: f.union, headers: [Self.key: "s-1", .ifMatch: "\"7\""])
                #expect(other.status == 422)
                #expect(other.body["errors"]?.array?.first?["field"]?.string == "Idempotency-Key")

                try await seed.client.query(
                    "UPDATE idempotency_keys SET created_at = now() - interval '25 hours' WHERE key = 'day-1'", logger: seed.logger)
                let later = try await client.send(
                    .post, "/v1/nominations", token: f.union, json: body.replacingOccurrences(of: "Thành tích", with: "Khác"),
                    headers: [Self.key: "day-1"])
                #expect(later.status == 201)
                #expect(later.body["id"] != first.body["id"])
            }
        }
    }

    @Test("F13: a council member sees no tally before their own review; once shown the others', their review is final")
    func f13ReviewsHiddenThenFinal() async throws {
        try await withTestApp { app, seed in
            let f = try await RegistryFixture.make(seed)
            let id = try await f.nomination(seed, status: .submitted).id
            try await app.test(.router) { client in
                let path = "/v1/nominations/\(id)/reviews"
                _ = try await client.send(
                    .post, path, token: f.council[1].token, json: #"{"scores":{"KQ":10,"LT":10},"vote":"disagree"}"#)
                let before = try await client.send(.get, path, token: f.council[2].token)
                #expect(before.body["progress"]?.string == "1 trên 3 thành viên đã đánh giá")
                #expect(before.body["votes"] == nil || before.body["votes"] == .null)
                #expect(before.body["reviews"] == nil || before.body["reviews"] == .null)
                // A placeholder review shows the others' …
                let placeholder = try await client.send(
                    .post, path, token: f.council[2].token, json: #"{"scores":{"KQ":0,"LT":0},"vote":"abstain"}"#)
                #expect(placeholder.status == 201)
                #expect(placeholder.body["votes"]?["disagree"]?.number == 1)
                // … and from then on it cannot be swapped for a better-informed one.
                let replaced = try await client.send(
                    .post, path, token: f.council[2].token, json: #"{"scores":{"KQ":40,"LT":60},"vote":"agree"}"#)
                #expect(replaced.status == 409)
                #expect(replaced.body["detail"]?.string?.contains("đã chốt") == true)
                // The first member has not been shown anyone else's review yet, so may still change theirs; the answer
                // shows the others', and the review is final from then on.
                let changed = try await client.send(
                    .post, path, token: f.council[1].token, json: #"{"scores":{"KQ":30,"LT":30},"vote":"agree"}"#)
                #expect(changed.status == 201)
                let again = try await client.send(
                    .post, path, token: f.council[1].token, json: #"{"scores":{"KQ":35,"LT":35},"vote":"agree"}"#)
                #expect(again.status == 409)
            }
        }
    }

    @Test("F14: a client that keeps sending wrong tokens is answered 429 with Retry-After, without a database lookup")
    func f14FailedTokensThrottled() async throws {
        // An hour's window: under the parallel suite the 60 tries can take longer than the production minute, and the
        // first would age out before the 61st.
        try await withTestApp(configure: { $0.failedTokenWindow = 3600 }) { app, _ in
            try await app.test(.router) { client in
                for attempt in 1...60 {
                    let status = try await client.send(.get, "/v1/me", token: "sai-\(attempt)").status
                    #expect(status == 401, "attempt \(attempt) answered \(status)")
                }
                let refused = try await client.send(.get, "/v1/me", token: "sai-61")
                #expect(refused.status == 429)
                #expect(Int(refused.headers[.retryAfter] ?? "") ?? 0 >= 1)
                #expect(refused.body["code"]?.string == "too-many-requests")
                // A request without a token (public routes) is not affected.
                try await client.execute(uri: "/health", method: .get) { #expect($0.status == .ok) }
            }
        }
    }

    @Test("F15: a connection that trickles its request head, or sits idle, is closed; a whole request is answered")
    func f15HeaderAndIdleTimeouts() async throws {
        try await withTestApp(configure: { $0.headerTimeout = .seconds(2) }) { app, _ in
            try await app.test(.live) { client in
                let port = try #require(client.port)
                let whole = try RawSocket(port: port)
                // A route that needs no database, so a loaded test machine cannot make the answer late.
                whole.send("GET /openapi.yaml HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                #expect(await whole.readUntilClosed().text.hasPrefix("HTTP/1.1 200"))
                whole.close()

                let slow = try RawSocket(port: port)
                slow.send("GET /health HTTP/1.1\r\nHost: localhost\r\n")
                let (text, closed, seconds) = await slow.readUntilClosed()
                #expect(closed)
                #expect(text.isEmpty)
                #expect(seconds < 5)
                slow.close()

                let idle = try RawSocket(port: port)
                let idled = await idle.readUntilClosed()
                #expect(idled.closed)
                #expect(idled.seconds < 5)
                idle.close()

                // Kept alive: the time runs from the end of each response, so requests 1.2 s apart go on past the 2 s
                // (one timer per connection follows the moving deadline), and the connection closes once they stop.
                let kept = try RawSocket(port: port)
                let (answers, closedAfter) = await kept.keptAlive(
                    "GET /openapi.yaml HTTP/1.1\r\nHost: localhost\r\n\r\n", count: 3, gap: 1.2)
                #expect(answers.map { $0?.hasPrefix("HTTP/1.1 200") == true } == [true, true, true], "2.4 s on one connection")
                let afterLast = try #require(closedAfter, "closed once the requests stop")
                #expect(afterLast > 1.5 && afterLast < 5, "closed \(afterLast) s after the last answer")
                kept.close()
            }
        }
    }

    @Test("F2: a multipart boundary outside RFC 2046 (empty, over 70 characters, 16 KiB) is refused; a form with many parts too")
    func f2MultipartLimits() async throws {
        try await withTestApp { app, seed in
            let f = try await RegistryFixture.make(seed)
            let nomination = try await f.nomination(seed, status: .draft)
            let path = "/v1/nominations/\(nomination.id)/evidence"
            try await app.test(.router) { client in
                for boundary in ["", String(repeating: "-", count: 71), String(repeating: "-", count: 16_383) + "X", "bad\u{1}"] {
                    var headers = Seed.headers(f.union)
                    headers[.contentType] = "multipart/form-data; boundary=\(boundary)"
                    let body = ByteBuffer(repeating: UInt8(ascii: "-"), count: 1_048_576)
                    try await client.execute(uri: path, method: .post, headers: headers, body: body) { response in
                        #expect(response.status == .unprocessableContent, "boundary of \(boundary.count) characters")
                    }
                }
                // The longest allowed boundary, against a body full of near-matches, parses and keeps the file intact.
                let boundary = String(repeating: "-", count: 69) + "X"
                let near = Array(String(repeating: "\r\n--" + String(repeating: "-", count: 60), count: 20_000).utf8)
                var body = Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n".utf8)
                body += Array("Content-Type: text/plain\r\n\r\n".utf8) + near + Array("\r\n--\(boundary)--\r\n".utf8)
                var headers = Seed.headers(f.union)
                headers[.contentType] = "multipart/form-data; boundary=\(boundary)"
                let size = try await client.execute(uri: path, method: .post, headers: headers, body: ByteBuffer(bytes: body)) { response in
                    #expect(response.status == .created)
                    return try response.json(JSONValue.self)["size"]?.number
                }
                #expect(size == Double(near.count))
                // Nine parts: more than a form for one file needs.
                var many: [UInt8] = []
                for index in 0..<9 {
                    many += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"p\(index)\"\r\n\r\nx\r\n".utf8)
                }
                many += Array("--\(boundary)--\r\n".utf8)
                try await client.execute(uri: path, method: .post, headers: headers, body: ByteBuffer(bytes: many)) { response in
                    #expect(response.status == .unprocessableContent)
                }
            }
        }
    }

    @Test("Database down: requests answer 503 with Retry-After within seconds (never 500); /health says 503 within a second")
    func databaseDownIs503() async throws {
        var configuration = PostgresClient.Configuration(
            unixSocketPath: "/tmp/thidua-no-database/.s.PGSQL.5432", username: "thidua_app", password: "x", database: "thidua")
        configuration.options.connectTimeout = .seconds(1)
        let logger = TestCluster.shared.logger
        // The client `serve` runs: watched, so a database that does not answer is noticed rather than waited for.
        let client = DatabaseClient(configuration: configuration, logger: logger)
        let running = Task { try await client.run() }
        defer { running.cancel() }
        let app = Application(router: try buildRouter(AppDependencies(client: client), databaseDescription: "none"), logger: logger)
        try await app.test(.router) { http in
            // The first request waits only until two checks have failed (several seconds), not a minute.
            var started = ContinuousClock.now
            let me = try await http.send(.get, "/v1/me", token: "thd_any")
            #expect(me.status == 503)
            #expect(me.body["code"]?.string == "database-unavailable")
            #expect(me.headers[.retryAfter] == "5")
            #expect(ContinuousClock.now - started < .seconds(15))
            // Once the database is known to be down, every request is answered at once.
            started = ContinuousClock.now
            let again = try await http.send(.get, "/v1/commendations", token: "thd_any")
            #expect(again.status == 503)
            #expect(ContinuousClock.now - started < .milliseconds(500))
            started = ContinuousClock.now
            try await http.execute(uri: "/health", method: .get) { response in
                #expect(response.status == .serviceUnavailable)
            }
            #expect(ContinuousClock.now - started < .seconds(1))
        }
    }

    @Test("F19g: a JSON route refuses a body said to be something else (415); JSON and no Content-Type are read")
    func f19JSONContentType() async throws {
        try await withTestApp { app, seed in
            let f = try await RegistryFixture.make(seed)
            let body = #"{"code":"X1","name":"Tổ mới","kind":"collective","parentId":"\#(f.school.id)"}"#
            try await app.test(.router) { client in
                let xml = try await client.send(.post, "/v1/units", token: f.admin, json: body, headers: [.contentType: "text/xml"])
                #expect(xml.status == 415)
                #expect(xml.body["errors"]?.array?.first?["field"]?.string == "Content-Type")
                let json = try await client.send(
                    .post, "/v1/units", token: f.admin, json: body, headers: [.contentType: "application/json; charset=utf-8"])
                #expect(json.status == 201)
            }
        }
    }

    @Test("F19f: without a valid token an unknown /v1 path answers 401 like a known one; signed in, it is 404")
    func f19RoutesCannotBeProbed() async throws {
        try await withTestApp { app, seed in
            let f = try await RegistryFixture.make(seed)
            try await app.test(.router) { client in
                for path in ["/v1/units", "/v1/no-such-thing/1", "/v1/secret-admin"] {
                    try await client.execute(uri: path, method: .get) { response in #expect(response.status.code == 401, "\(path)") }
                }
                let known = try await client.send(.get, "/v1/units", token: "thd_wrong")
                let unknown = try await client.send(.get, "/v1/no-such-thing/1", token: "thd_wrong")
                let unknownPost = try await client.send(.post, "/v1/secret-admin", token: "thd_wrong", json: "{}")
                #expect([known.status, unknown.status, unknownPost.status].map { Int($0) } == [401, 401, 401])
                let signedIn = try await client.send(.get, "/v1/no-such-thing/1", token: f.admin)
                #expect(signedIn.status == 404)
                #expect(signedIn.body["code"]?.string == "not-found")
                #expect(try await client.send(.get, "/v1/units", token: f.admin).status == 200)
            }
        }
    }
}
