import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import ThiduaCore
import ThiduaStore
import ThiduaTestSupport

/// A browser for page tests over HummingbirdTesting: keeps the cookies the server sets and reads form tokens from pages.
struct PageClient {
    let client: any TestClientProtocol
    var cookies: [String: String] = [:]

    init(_ client: any TestClientProtocol) { self.client = client }

    mutating func get(_ path: String, headers: HTTPFields = [:]) async throws -> TestResponse {
        try await send(path, method: .get, headers: headers, body: nil)
    }

    /// Posts the form exactly as given: a test names `_csrf` itself (a form without it is refused).
    mutating func post(_ path: String, _ fields: [(String, String)]) async throws -> TestResponse {
        let body = fields.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        return try await send(
            path, method: .post, headers: [.contentType: "application/x-www-form-urlencoded"], body: ByteBuffer(string: body))
    }

    /// Posts a `multipart/form-data` form as a browser's file upload does: text fields, then files (name, file name, type, bytes).
    mutating func postFiles(
        _ path: String, _ fields: [(String, String)], files: [(field: String, filename: String, type: String, data: Data)]
    ) async throws -> TestResponse {
        let boundary = "----thiduaTestBoundary7MA4YWxkTrZu0gW"
        var body = Data()
        for (name, value) in fields {
            body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8))
        }
        for file in files {
            body.append(
                Data(
                    "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.field)\"; filename=\"\(file.filename)\"\r\nContent-Type: \(file.type)\r\n\r\n"
                        .utf8))
            body.append(file.data)
            body.append(Data("\r\n".utf8))
        }
        body.append(Data("--\(boundary)--\r\n".utf8))
        return try await send(
            path, method: .post, headers: [.contentType: "multipart/form-data; boundary=\(boundary)"], body: ByteBuffer(bytes: body))
    }

    /// Signs in through the form; the answer to the POST.
    mutating func signIn(_ login: String, _ password: String) async throws -> TestResponse {
        let page = try await get("/login")
        return try await post("/login", [("_csrf", Self.formToken(page.text) ?? ""), ("login", login), ("password", password)])
    }

    /// The first `_once` value in a page (each form carries its own; see FormOnce).
    static func onceValue(_ html: String) -> String? {
        guard let range = html.range(of: #"name="_once" value=""#) else { return nil }
        return String(html[range.upperBound...].prefix { $0 != "\"" })
    }

    /// The form token (`_csrf`) in a page.
    static func formToken(_ html: String) -> String? {
        guard let range = html.range(of: #"name="_csrf" value=""#) else { return nil }
        return String(html[range.upperBound...].prefix { $0 != "\"" })
    }

    private mutating func send(_ path: String, method: HTTPRequest.Method, headers: HTTPFields, body: ByteBuffer?) async throws
        -> TestResponse
    {
        var headers = headers
        if !cookies.isEmpty { headers[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "; ") }
        let response = try await client.execute(
            uri: path, method: method, headers: headers, body: body)
        for header in response.headers[values: .setCookie] {
            let pair = header.split(separator: ";").first?.split(separator: "=", maxSplits: 1) ?? []
            guard pair.count == 2 || (pair.count == 1 && header.contains("Max-Age=0")) else { continue }
            let name = String(pair[0])
            if header.contains("Max-Age=0") { cookies[name] = nil } else { cookies[name] = String(pair[1]) }
        }
        return response
    }

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? ""
    }
}

extension Seed {
    /// An account that signs in on the pages with `login` and the returned password.
    func webAccount(_ name: String, _ roles: Set<Role>, login: String, person: ID<Person>? = nil, scope: ID<OrgUnit>? = nil)
        async throws -> String
    {
        let signIn = SignInRepository(client: client, hasher: .fast)
        let (_, _, link) = try await signIn.createAccount(
            displayName: name, roles: roles, personId: person, login: login, scope: scope, by: actor, logger: logger)
        let password = "mật khẩu của \(login)"
        _ = try await signIn.setPassword(link: link, password: password, logger: logger)
        return password
    }
}
