import Foundation
import Hummingbird
import ThiduaStore

/// The pages' sign-in: the session cookie names a session kept in PostgreSQL (only its hash is stored); an open one is
/// put in the context. Every POST must carry the form token (`_csrf`) of that session, or — before sign-in, on the
/// sign-in and set-password forms — the token of the `thidua_form` cookie set with the form. A POST without the right
/// token is refused with 403 before any handler runs, so it changes nothing. Errors of the pages become error pages here,
/// where the session is known (the page still shows who is signed in).
///
/// A form sent twice (a double-click, a reload after posting) runs once: every rendered form carries its own `_once`
/// value, and `FormOnce` answers a repeat with the first answer's redirect.
struct SessionMiddleware<Context: WebRequestContext>: RouterMiddleware {
    let signIn: SignInRepository
    let scopes: UnitScopes
    let errors: ErrorPages
    let once: FormOnce
    /// The largest upload form (multipart) read; other forms stop at `WebCookies.maxFormBytes`.
    let maxUploadBytes: Int

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        var request = request
        do {
            // Inside: with the database away, even reading the session is answered with the Vietnamese 503 page.
            if let cookie = request.cookies[WebCookies.session]?.value, !cookie.isEmpty, cookie.count <= 200 {
                context.webSession = try await signIn.session(cookie: cookie, logger: context.logger)
                try await narrowToRecord(&context)
            }
            if request.method == .post {
                let expected = context.webSession?.csrfToken ?? request.cookies[WebCookies.form]?.value
                let token: String?
                var onceValue: String?
                if let boundary = try? MultipartForm.boundary(of: request.headers[.contentType] ?? "") {
                    // Files are read only for someone signed in.
                    guard context.webSession != nil else { throw SignInRequired() }
                    let buffer = try await request.collectBody(upTo: maxUploadBytes)
                    let form = try? MultipartForm.read(buffer, boundary: boundary, maxBytes: maxUploadBytes, maxParts: 64)
                    (token, onceValue) = (form?.fields["_csrf"], form?.fields["_once"])
                } else {
                    let form = FormFields(String(buffer: try await request.collectBody(upTo: WebCookies.maxFormBytes)))
                    (token, onceValue) = (form["_csrf"], form["_once"])
                }
                guard let expected, !expected.isEmpty, token == expected else {
                    context.logger.notice("form refused: missing or wrong form token")
                    throw WebError.forbiddenForm
                }
                if let session = context.webSession, let onceValue, !onceValue.isEmpty {
                    return try await once.run(onceValue, path: request.uri.path, account: session.account.id, logger: context.logger) {
                        do { return try await next(request, context) } catch { return errors.page(for: error, context: context) }
                    }
                }
            }
            return try await next(request, context)
        } catch {
            return errors.page(for: error, context: context)
        }
    }
}

extension SessionMiddleware {
    /// Roles scoped to units (sql/0037), as on the API: on a page about one record the account acts with the roles it
    /// holds on that record's unit or above; with none there, the page is not found.
    func narrowToRecord(_ context: inout Context) async throws {
        guard let session = context.webSession, !session.account.coversEverything, let endpoint = context.endpointPath,
            let record = ScopedPaths.record(endpoint: endpoint),
            let id = context.parameters.get(record.parameter).flatMap(UUID.init(uuidString:))
        else { return }
        guard let acting = try await scopes.account(session.account, actingOn: record.entity, id: id, logger: context.logger) else {
            return
        }
        guard !acting.roles.isEmpty else { throw WebError.notFound }
        context.webSession?.account = acting
    }
}

enum WebCookies {
    static let session = "thidua_session"
    static let form = "thidua_form"
    /// The largest form body read (a sign-in or a text form; files will have their own route and limit).
    static let maxFormBytes = 256 * 1024
}

/// The fields of an `application/x-www-form-urlencoded` body, NFC, the last of a repeated name winning (`all` keeps every
/// value of a repeated name, e.g. ticked boxes).
struct FormFields: Sendable {
    private let pairs: [(String, String)]

    init(_ body: String) {
        pairs = body.split(separator: "&").compactMap { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decode(parts[0]) else { return nil }
            let value = parts.count > 1 ? Self.decode(parts[1]) ?? "" : ""
            return (name, value.precomposedStringWithCanonicalMapping)
        }
    }

    subscript(_ name: String) -> String? { pairs.last { $0.0 == name }?.1 }

    func all(_ name: String) -> [String] { pairs.filter { $0.0 == name }.map(\.1) }

    private static func decode(_ text: Substring) -> String? {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }

    /// The query of a page's address, read as a form (a GET form sends "ngoc+han" for "ngoc han"; the URI's own query
    /// parameters keep the "+").
    static func query(_ request: Request) -> FormFields { FormFields(request.uri.query ?? "") }

    /// Reads a form body from a request whose body the session middleware has already collected.
    static func read(_ request: Request) async throws -> FormFields {
        var request = request
        return FormFields(String(buffer: try await request.collectBody(upTo: WebCookies.maxFormBytes)))
    }
}
