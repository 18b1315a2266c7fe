import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import ThiduaCore
import ThiduaServer
import ThiduaStore
import ThiduaTestSupport

@Suite("Evidence files over HTTP")
struct EvidenceTests {
    @Test("A binary file with a Vietnamese name comes back byte-identical with its SHA-256, type and name")
    func binaryRoundTrip() async throws {
        try await withTestApp { app, seed in
            let f = try await RegistryFixture.make(seed)
            let nomination = try await f.nomination(seed, status: .submitted)
            let bytes = [UInt8](0...255) + [UInt8](0...255).reversed() + [0xFF, 0xD8, 0x00, 0x0D, 0x0A, 0x1A]
            let expectedHash = SHA256.hash(data: Data(bytes)).map { String(format: "%02x", $0) }.joined()
            let name = "Biên bản họp tổ – Dân vận khéo.pdf"
            let encoded = name.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            try await app.test(.router) { client in
                var headers = Seed.headers(f.union)
                headers[.contentType] = "application/pdf"
                headers[.contentDisposition] = "attachment; filename*=UTF-8''\(encoded)"
                let created = try await client.execute(
                    uri: "/v1/nominations/\(nomination.id)/evidence", method: .post, headers: headers,
                    body: ByteBuffer(bytes: bytes)
                ) { response in
                    #expect(response.status == .created)
                    return try response.json(JSONValue.self)
                }
                #expect(created["sha256"]?.string == expectedHash)
                #expect(created["size"]?.number == Double(bytes.count))
                #expect(created["contentType"]?.string == "application/pdf")
                #expect(created["filename"]?.string == name)
                let id = try #require(created["id"]?.string)
                try await client.execute(uri: "/v1/evidence/\(id)/content", method: .get, headers: Seed.headers(f.headmaster)) { response in
                    #expect(response.status == .ok)
                    #expect(Array(response.body.readableBytesView) == bytes)
                    #expect(response.headers[.contentType] == "application/pdf")
                    #expect(response.headers[.contentDisposition] == "attachment; filename*=UTF-8''\(encoded)")
                }
                let meta = try await client.send(.get, "/v1/evidence/\(id)", token: f.headmaster)
                #expect(meta.body["sha256"]?.string == expectedHash)
                #expect(meta.body["version"]?.number == 1)
                let retracted = try await client.send(.post, "/v1/evidence/\(id)/retract", token: f.union, json: #"{"reason":"Nhầm tệp"}"#)
                #expect(retracted.body["retracted"] == .bool(true))
                #expect(retracted.body["version"]?.number == 2)
                #expect(try await client.send(.get, "/v1/evidence/\(id)/content", token: f.headmaster).status == 200)
            }
        }
    }

    @Test("A file over the size limit is refused with 413 and nothing is stored")
    func sizeLimit() async throws {
        try await TestDatabase.with { database, client in
            let seed = Seed(client: client, logger: database.logger)
            let f = try await RegistryFixture.make(seed)
            let nomination = try await f.nomination(seed, status: .submitted)
            let configuration = ServerConfiguration(database: database.configuration, databaseDescription: "test", maxEvidenceBytes: 1024)
            let app = try await buildApplication(configuration, logger: database.logger)
            try await app.test(.router) { client in
                var headers = Seed.headers(f.union)
                headers[.contentType] = "image/jpeg"
                headers[.contentDisposition] = "attachment; filename=\"anh.jpg\""
                try await client.execute(
                    uri: "/v1/nominations/\(nomination.id)/evidence", method: .post, headers: headers,
                    body: ByteBuffer(bytes: [UInt8](repeating: 7, count: 2048))
                ) { response in
                    try expectProblem(response, status: 413, code: "content-too-large")
                }
            }
            #expect(try await seed.count("evidence") == 0)
        }
    }

    @Test("Links and notes are evidence too; a file without a name is refused")
    func linksAndNotes() async throws {
        try await withTestApp { app, seed in
            let f = try await RegistryFixture.make(seed)
            let nomination = try await f.nomination(seed, status: .submitted)
            try await app.test(.router) { client in
                let link = try await client.send(
                    .post, "/v1/nominations/\(nomination.id)/evidence", token: f.union, json: #"{"url":"https://example.org/bao-cao"}"#)
                #expect(link.status == 201)
                #expect(link.body["kind"]?.string == "link")
                let note = try await client.send(
                    .post, "/v1/nominations/\(nomination.id)/evidence", token: f.union, json: #"{"note":"Đã kiểm tra hồ sơ"}"#)
                #expect(note.body["kind"]?.string == "note")
                var headers = Seed.headers(f.union)
                headers[.contentType] = "image/png"
                try await client.execute(
                    uri: "/v1/nominations/\(nomination.id)/evidence", method: .post, headers: headers, body: ByteBuffer(bytes: [1, 2, 3])
                ) { response in
                    try expectProblem(response, status: 422, code: "rule-violated")
                }
                let listed = try await client.send(.get, "/v1/nominations/\(nomination.id)/evidence", token: f.headmaster)
                #expect(listed.body["items"]?.array?.count == 2)
            }
        }
    }
}

@Suite("Evidence as multipart/form-data")
struct MultipartEvidenceTests {
    @Test("A file sent in a form comes back byte-identical, CRLF and boundary-like bytes included")
    func multipartRoundTrip() async throws {
        try await withTestApp { app, seed in
            let f = try await RegistryFixture.make(seed)
            let model = try await ModelInitiativeRepository(client: seed.client).register(
                movementId: f.movement.id, title: "Mô hình", field: "economy", owner: .person(f.teacher.id), goals: "",
                startsOn: nil, endsOn: nil, by: seed.actor, logger: seed.logger)
            let content: [UInt8] = Array("ảnh\r\n--not-the-boundary\r\n".utf8) + [0, 255, 13, 10, 45, 45]
            let boundary = "----thidua-boundary-7MA4YWxk"
            var body = Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"caption\"\r\n\r\nẢnh hoạt động\r\n".utf8)
            body += Array(
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"Ảnh hoạt động.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n"
                    .utf8)
            body += content + Array("\r\n--\(boundary)--\r\n".utf8)
            let upload = body
            try await app.test(.router) { client in
                var headers = Seed.headers(f.staff)
                headers[.contentType] = "multipart/form-data; boundary=\(boundary)"
                let created = try await client.execute(
                    uri: "/v1/models/\(model.id)/evidence", method: .post, headers: headers, body: ByteBuffer(bytes: upload)
                ) { response in
                    #expect(response.status == .created)
                    return try response.json(JSONValue.self)
                }
                #expect(created["filename"]?.string == "Ảnh hoạt động.jpg")
                #expect(created["contentType"]?.string == "image/jpeg")
                #expect(created["size"]?.number == Double(content.count))
                let id = try #require(created["id"]?.string)
                try await client.execute(uri: "/v1/evidence/\(id)/content", method: .get, headers: Seed.headers(f.union)) { response in
                    #expect(Array(response.body.readableBytesView) == content)
                }
                // The owner (a staff account) reads the evidence of their own model, and of nobody else's.
                let own = try await client.send(.get, "/v1/models/\(model.id)/evidence", token: f.staff)
                #expect(own.body["items"]?.array?.count == 1)
                #expect(try await client.send(.get, "/v1/evidence/\(id)/content", token: f.staff).status == 200)
                let other = try await ModelInitiativeRepository(client: seed.client).register(
                    movementId: f.movement.id, title: "Mô hình khác", field: "economy", owner: .unit(f.collective.id), goals: "",
                    startsOn: nil, endsOn: nil, by: seed.actor, logger: seed.logger)
                // Not theirs is "not found", as for the records themselves.
                #expect(try await client.send(.get, "/v1/models/\(other.id)/evidence", token: f.staff).status == 404)
            }
        }
    }
}
