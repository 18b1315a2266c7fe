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

    /// Posts a form; `_csrf` is added from the last page's token unless the fields already name it.
    mutating func post(_ path: String, _ fields: [(String, String)]) async throws -> TestResponse {
        let body = fields.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        return try await send(path, method: .post, headers: [.contentType: "application/x-www-form-urlencoded"], body: body)
    }

    /// Signs in through the form; the answer to the POST.
    mutating func signIn(_ login: String, _ password: String) async throws -> TestResponse {
        let page = try await get("/login")
        return try await post("/login", [("_csrf", Self.formToken(page.text) ?? ""), ("login", login), ("password", password)])
    }

    /// The form token (`_csrf`) in a page.
    static func formToken(_ html: String) -> String? {
        guard let range = html.range(of: #"name="_csrf" value=""#) else { return nil }
        return String(html[range.upperBound...].prefix { $0 != "\"" })
    }

    private mutating func send(_ path: String, method: HTTPRequest.Method, headers: HTTPFields, body: String?) async throws
        -> TestResponse
    {
        var headers = headers
        if !cookies.isEmpty { headers[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "; ") }
        let response = try await client.execute(
            uri: path, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
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
    func webAccount(_ name: String, _ roles: Set<Role>, login: String, person: ID<Person>? = nil) async throws -> String {
        let signIn = SignInRepository(client: client, hasher: .fast)
        let (_, _, link) = try await signIn.createAccount(
            displayName: name, roles: roles, personId: person, login: login, by: actor, logger: logger)
        let password = "mật khẩu của \(login)"
        _ = try await signIn.setPassword(link: link, password: password, logger: logger)
        return password
    }
}
