import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import ThiduaCore
import ThiduaTestSupport

@Suite("Idempotency-Key")
struct IdempotencyTests {
    static let key = HTTPField.Name("Idempotency-Key")!

    @Test("A retried create answers the first result and creates nothing new")
    func retriedCreate() async throws {
        try await withTestApp { app, seed in
            let f = try await RegistryFixture.make(seed)
            let body = """
                {"movementId":"\(f.movement.id)","award":"LDTT","nominee":{"personId":"\(f.teacher.id)"},"achievements":"Thành tích"}
                """
            try await app.test(.router) { client in
                let first = try await client.send(.post, "/v1/nominations", token: f.union, json: body, headers: [Self.key: "abc-1"])
                let second = try await client.send(.post, "/v1/nominations", token: f.union, json: body, headers: [Self.key: "abc-1"])
                #expect(first.status == 201)
                #expect(second.status == 201)
                #expect(second.body["id"] == first.body["id"])
                #expect(second.headers[.location] == first.headers[.location])
                #expect(second.headers[HTTPField.Name("Idempotent-Replayed")!] == "true")
                let other = try await client.send(
                    .post, "/v1/nominations", token: f.union, json: body.replacingOccurrences(of: "Thành tích", with: "Khác"),
                    headers: [Self.key: "abc-1"])
                #expect(other.status == 422)
                let fresh = try await client.send(.post, "/v1/nominations", token: f.union, json: body, headers: [Self.key: "abc-2"])
                #expect(fresh.body["id"] != first.body["id"])
            }
            #expect(try await seed.count("nominations") == 2)
        }
    }

    @Test("A failed request is not remembered: fixing it and retrying with the same key works")
    func failuresNotRemembered() async throws {
        try await withTestApp { app, seed in
            let f = try await RegistryFixture.make(seed)
            try await app.test(.router) { client in
                let bad = try await client.send(
                    .post, "/v1/documents", token: f.headmaster, json: #"{"number":"1/KH"}"#, headers: [Self.key: "doc"])
                #expect(bad.status == 422)
                let good = #"{"number":"135/KH-UBND","date":"2024-04-09","issuer":"UBND huyện Tân Hồng","title":"Kế hoạch dân vận 2024"}"#
                #expect(
                    try await client.send(.post, "/v1/documents", token: f.headmaster, json: good, headers: [Self.key: "doc"]).status == 201
                )
                #expect(
                    try await client.send(.post, "/v1/documents", token: f.headmaster, json: good, headers: [Self.key: "doc"]).status == 201
                )
            }
            #expect(try await seed.count("legal_documents") == 2)  // the fixture's and this one
        }
    }
}
