import Foundation
import Hummingbird
import HummingbirdTesting
import PostgresNIO
import ThiduaStore
import Testing
import ThiduaCore
import ThiduaServer
import ThiduaTestSupport

@Suite("OpenAPI document")
struct OpenAPIDocumentTests {
    /// The served document parsed by a YAML parser (PyYAML, from scripts/setup), as JSON.
    static func parse(_ yaml: String) throws -> JSONValue {
        let file = FileManager.default.temporaryDirectory.appending(path: "openapi-\(UUID().uuidString).yaml")
        try yaml.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        return try Program.yaml(file)
    }

    /// "GET /v1/people/{id}" for every operation in the document, following path-item references.
    static func documentedOperations(_ document: JSONValue) throws -> Set<String> {
        guard case .object(let paths) = try #require(document["paths"]) else { return [] }
        var operations = Set<String>()
        for (path, item) in paths {
            var item = item
            if let reference = item["$ref"]?.string {
                let name = String(reference.split(separator: "/").last ?? "")
                item = try #require(document["components"]?["pathItems"]?[name], "\(reference) is not defined")
            }
            guard case .object(let methods) = item else { continue }
            for method in methods.keys where ["get", "post", "patch", "put", "delete"].contains(method) {
                operations.insert("\(method.uppercased()) \(path)")
            }
        }
        return operations
    }

    @Test("Every registered route is documented and every documented route exists")
    func documentMatchesRoutes() async throws {
        let client = DatabaseClient(
            PostgresClient(configuration: .init(host: "localhost", username: "unused", password: nil, database: nil, tls: .disable)))
        let router = try buildRouter(AppDependencies(client: client), databaseDescription: "none")
        // The /v1/** catch-all only answers 401/404 for unknown paths (F19f); it is not an operation.
        // The web app's pages (everything outside /v1, /health and /openapi.yaml) stay out of the document.
        let api = router.routes.filter { route in ["/v1/", "/health", "/openapi.yaml"].contains { "\(route.path)".hasPrefix($0) } }
        let registered = Set(api.filter { !"\($0.path)".hasSuffix("**") }.map { "\($0.method) \($0.path)" })
        let documented = try Self.documentedOperations(try Self.parse(OpenAPIDocument.yaml))
        #expect(registered.subtracting(documented).sorted() == [], "routes missing from openapi.yaml")
        #expect(documented.subtracting(registered).sorted() == [], "documented routes that do not exist")
        #expect(registered.count > 40)
    }

    @Test("GET /openapi.yaml serves an OpenAPI 3.1 document without sign-in")
    func served() async throws {
        try await withTestApp { app, _ in
            try await app.test(.router) { client in
                try await client.execute(uri: "/openapi.yaml", method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(response.headers[.contentType]?.hasPrefix("application/yaml") == true)
                    let document = try Self.parse(String(buffer: response.body))
                    #expect(document["openapi"]?.string == "3.1.0")
                }
            }
        }
    }

    @Test("The document validates as OpenAPI 3.1 (openapi-spec-validator, installed in .venv by scripts/setup)")
    func validatesAsOpenAPI() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let validator = root.appending(path: ".venv/bin/openapi-spec-validator")
        try #require(
            FileManager.default.isExecutableFile(atPath: validator.path), "run ./scripts/setup: it installs openapi-spec-validator in .venv"
        )
        let outcome = try Program.run(
            validator.path, [root.appending(path: "Sources/ThiduaServer/OpenAPI/openapi.yaml").path], errorsToo: true)
        #expect(outcome.status == 0, "\(outcome.text.suffix(2000))")
    }
}

extension OpenAPIDocumentTests {
    @Test("An evidence upload documents exactly the kinds of files the server keeps, raw and as a form's part")
    func evidenceTypesMatchTheRules() throws {
        let document = try Self.parse(OpenAPIDocument.yaml)
        let content = try #require(document["components"]?["pathItems"]?["EvidenceCollection"]?["post"]?["requestBody"]?["content"])
        guard case .object(let types) = content else { Issue.record("no content"); return }
        let raw = Set(types.keys).subtracting(["application/json", "multipart/form-data"])
        #expect(raw == EvidenceRules.allowedTypes)
        let part = try #require(content["multipart/form-data"]?["encoding"]?["file"]?["contentType"]?.string)
        #expect(Set(part.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }) == EvidenceRules.allowedTypes)
    }
}

extension OpenAPIDocumentTests {
    /// The schemas' patterns, read from the document, as the regular expressions a client would run: the ones that may
    /// be blank, and the ones that need a visible character.
    static func textPatterns() throws -> (any: [NSRegularExpression], filled: [NSRegularExpression]) {
        let schemas = try #require(try Self.parse(OpenAPIDocument.yaml)["components"]?["schemas"])
        func expressions(_ names: [String]) throws -> [NSRegularExpression] {
            try names.map { name in
                try NSRegularExpression(pattern: try #require(schemas[name]?["pattern"]?.string, "\(name) has no pattern"))
            }
        }
        return (try expressions(["Line", "Text", "Query"]), try expressions(["FilledLine", "FilledText"]))
    }

    static func matches(_ expression: NSRegularExpression, _ text: String) -> Bool {
        expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    @Test("The document's text patterns refuse exactly the characters the server refuses, and Filled* a blank value")
    func textPatternsMatchTheServer() throws {
        let (blankable, filled) = try Self.textPatterns()
        let scalars =
            (0...0x2FF).compactMap(Unicode.Scalar.init) + (0x2000...0x2070).compactMap(Unicode.Scalar.init)
            + [Unicode.Scalar(0xFEFF)!, Unicode.Scalar(0x3000)!, "ạ", "Đ", "ữ"]
        for scalar in scalars {
            let text = "Lê Văn " + String(Character(scalar)) + "An"
            let serverTakes = VietnameseText.forbiddenScalar(in: text) == nil
            for pattern in blankable + filled {
                #expect(
                    Self.matches(pattern, text) == serverTakes,
                    "U+\(String(scalar.value, radix: 16)): \(pattern.pattern.prefix(20))… and the server disagree")
            }
        }
        for blank in ["", " ", "\t\n", "\u{00A0}", "\u{3000}"] {
            #expect(blankable.allSatisfy { Self.matches($0, blank) })
            #expect(filled.allSatisfy { !Self.matches($0, blank) }, "a blank value is refused: \(blank.unicodeScalars.map(\.value))")
            #expect(blank.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "the server trims it to nothing too")
        }
        #expect(filled.allSatisfy { Self.matches($0, "  Trường Tiểu học An Phước\n") })
    }

    @Test("A request refused for its own form is validation-failed; one breaking a rule across fields or data is rule-violated")
    func ruleOrMalformed() async throws {
        try await withTestApp { app, seed in
            let f = try await RegistryFixture.make(seed)
            try await app.test(.router) { client in
                let cases: [(String, String, String)] = [
                    ("/v1/reports/summary?schoolYear=23-24", "validation-failed", "schoolYear"),
                    ("/v1/reports/summary?schoolYear=2023-2025", "rule-violated", "schoolYear"),
                    ("/v1/reports/summary?year=2024&schoolYear=2023-2024", "rule-violated", "year"),
                    ("/v1/awards/LDTT/reward?date=2000-01-01", "rule-violated", ""),
                    ("/v1/people?cursor=" + Data(#"["x"]"#.utf8).base64EncodedString(), "invalid-cursor", "cursor"),
                ]
                for (path, code, field) in cases {
                    let response = try await client.send(.get, path, token: f.admin)
                    #expect(response.status == 422, "\(path)")
                    #expect(response.body["code"]?.string == code, "\(path): \(response.body["detail"]?.string ?? "")")
                    if !field.isEmpty { #expect(response.body["errors"]?.array?.first?["field"]?.string == field, "\(path)") }
                }
            }
        }
    }
}

extension OpenAPIDocumentTests {
    @Test("The document lists exactly the eligibility rules the server knows")
    func eligibilityRulesMatch() throws {
        let listed = try #require(try Self.parse(OpenAPIDocument.yaml)["components"]?["schemas"]?["EligibilityRule"]?["enum"]?.array)
        #expect(Set(listed.compactMap(\.string)) == Set(EligibilityRule.allCases.map(\.rawValue)))
    }
}
