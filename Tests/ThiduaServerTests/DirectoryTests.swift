import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import ThiduaCore
import ThiduaTestSupport

@Suite("Units and people over HTTP")
struct DirectoryTests {
    @Test("An admin creates a unit: 201 with its Location, then reads it back")
    func createUnit() async throws {
        try await withTestApp { app, seed in
            let (_, token) = try await seed.account(.admin)
            try await app.test(.router) { client in
                let body = #"{"code":"THAP","name":"  Trường Tiểu học   An Phước ","kind":"school"}"#
                let location = try await client.execute(
                    uri: "/v1/units", method: .post, headers: Seed.headers(token), body: ByteBuffer(string: body)
                ) { response in
                    #expect(response.status == .created)
                    #expect(try response.json(JSONValue.self)["name"]?.string == "Trường Tiểu học An Phước")
                    return try #require(response.headers[.location])
                }
                try await client.execute(uri: location, method: .get, headers: Seed.headers(token)) { response in
                    #expect(response.status == .ok)
                    #expect(response.headers[.eTag] == "\"1\"")
                    let unit = try response.json(JSONValue.self)
                    #expect(unit["code"]?.string == "THAP")
                }
                try await client.execute(uri: "/v1/units", method: .post, headers: Seed.headers(token), body: ByteBuffer(string: body)) {
                    response in
                    try expectProblem(response, status: 409, code: "conflict")
                }
            }
            #expect(try await seed.count("units") == 1)
        }
    }

    @Test("Invalid fields answer 422 naming each field, and nothing is stored")
    func validationErrors() async throws {
        try await withTestApp { app, seed in
            let (_, token) = try await seed.account(.admin)
            try await app.test(.router) { client in
                let body = #"{"fullName":"Hoa","category":"GV"}"#
                try await client.execute(uri: "/v1/people", method: .post, headers: Seed.headers(token), body: ByteBuffer(string: body)) {
                    response in
                    let problem = try expectProblem(response, status: 422, code: "validation-failed")
                    let fields = problem["errors"]?.array?.compactMap { $0["field"]?.string } ?? []
                    #expect(Set(fields) == ["fullName", "category", "unitId"])
                }
            }
            #expect(try await seed.count("people") == 0)
        }
    }

    @Test("A body that is not JSON answers 400 and an unknown address 404, both as problems")
    func malformedAndMissing() async throws {
        try await withTestApp { app, seed in
            let (_, token) = try await seed.account(.admin)
            try await app.test(.router) { client in
                try await client.execute(
                    uri: "/v1/units", method: .post, headers: Seed.headers(token), body: ByteBuffer(string: "{not json")
                ) { response in
                    try expectProblem(response, status: 400, code: "bad-request")
                }
                try await client.execute(uri: "/v1/nothing-here", method: .get, headers: Seed.headers(token)) { response in
                    try expectProblem(response, status: 404, code: "not-found")
                }
                try await client.execute(uri: "/v1/people/not-a-uuid", method: .get, headers: Seed.headers(token)) { response in
                    try expectProblem(response, status: 404, code: "not-found")
                }
            }
        }
    }

    @Test("PATCH with a stale If-Match answers 412 and leaves the person unchanged")
    func staleIfMatch() async throws {
        try await withTestApp { app, seed in
            let (_, token) = try await seed.account(.admin)
            let person = try await seed.person("Lê Văn An", unit: try await seed.unit().id)
            try await app.test(.router) { client in
                var headers = Seed.headers(token)
                headers[.ifMatch] = "\"1\""
                let first = #"{"position":"Tổ trưởng"}"#
                try await client.execute(uri: "/v1/people/\(person.id)", method: .patch, headers: headers, body: ByteBuffer(string: first))
                { response in
                    #expect(response.status == .ok)
                    #expect(response.headers[.eTag] == "\"2\"")
                }
                let second = #"{"position":"Bảo vệ"}"#
                try await client.execute(uri: "/v1/people/\(person.id)", method: .patch, headers: headers, body: ByteBuffer(string: second))
                { response in
                    try expectProblem(response, status: 412, code: "precondition-failed")
                }
                try await client.execute(uri: "/v1/people/\(person.id)", method: .get, headers: Seed.headers(token)) { response in
                    let stored = try response.json(JSONValue.self)
                    #expect(stored["position"]?.string == "Tổ trưởng")
                }
            }
        }
    }

    @Test("People search ignores diacritics and pages with a cursor in Vietnamese order")
    func searchAndPages() async throws {
        try await withTestApp { app, seed in
            let (_, token) = try await seed.account(.staff)
            let unit = try await seed.unit()
            for name in ["Huỳnh Ngọc Ánh", "Đặng Văn An", "Bùi Thị Ân", "Nguyễn Thị Ngọc Hân", "Lê Văn Anh"] {
                _ = try await seed.person(name, unit: unit.id)
            }
            try await app.test(.router) { client in
                var seen: [String] = []
                var uri = "/v1/people?q=an&limit=2"
                while true {
                    let next: String? = try await client.execute(uri: uri, method: .get, headers: Seed.headers(token)) { response in
                        #expect(response.status == .ok)
                        let body = try response.json(JSONValue.self)
                        seen += body["items"]?.array?.compactMap { $0["fullName"]?.string } ?? []
                        return body["nextCursor"]?.string
                    }
                    guard let next else { break }
                    uri = "/v1/people?q=an&limit=2&cursor=\(next)"
                }
                #expect(seen == ["Đặng Văn An", "Lê Văn Anh", "Huỳnh Ngọc Ánh", "Bùi Thị Ân"])
                try await client.execute(uri: "/v1/people?limit=0", method: .get, headers: Seed.headers(token)) { response in
                    try expectProblem(response, status: 422, code: "validation-failed")
                }
            }
        }
    }
}
