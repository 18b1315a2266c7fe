import Foundation
import Hummingbird
import Mustache

/// Renders pages from the Mustache templates carried in the binary (`Templates/*.mustache`, embedded at build time):
/// `{{name}}` is HTML-escaped, so a value typed by a user is always shown as text. The page's body is then placed in
/// the layout (header, navigation by role, footer) as already-escaped HTML.
struct Renderer: Sendable {
    let library: MustacheLibrary

    init() throws {
        var library = MustacheLibrary()
        for (name, text) in WebTemplates.all { try library.register(text, named: name) }
        self.library = library
    }

    /// A whole page: `template` rendered with `content`, inside the layout.
    func page(_ template: String, _ content: Any, layout: Layout, status: HTTPResponse.Status = .ok) -> Response {
        let body = Self.withOnceValues(library.render(content, withTemplate: template) ?? "")
        let html = library.render(LayoutContent(layout: layout, body: body), withTemplate: "layout") ?? ""
        return Self.html(html, status: status)
    }

    /// Every form of the page gets its own `_once` value beside its form token (see `FormOnce`).
    static func withOnceValues(_ html: String) -> String {
        let marker = #"<input type="hidden" name="_csrf""#
        let parts = html.components(separatedBy: marker)
        guard parts.count > 1 else { return html }
        return parts.dropFirst().reduce(parts[0]) { page, rest in
            page + #"<input type="hidden" name="_once" value=""# + UUID().uuidString.lowercased() + #"">"# + marker + rest
        }
    }

    /// The policy pages are served with: their stylesheet and script come from thidua itself, forms post only to it.
    static let contentSecurityPolicy =
        "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; form-action 'self'; "
        + "frame-ancestors 'none'; base-uri 'none'"

    static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status,
            headers: [
                .contentType: "text/html; charset=utf-8", .contentSecurityPolicy: contentSecurityPolicy, .cacheControl: "no-store",
            ],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// 303 See Other: the answer to a form that worked (POST → redirect → GET).
    static func redirect(to location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location, .cacheControl: "no-store"])
    }
}

/// What the layout shows around every page.
struct Layout {
    let title: String
    /// The signed-in person, or nil on the sign-in pages.
    let user: User?
    /// The form token of the session (for the sign-out form).
    let csrf: String
    let navigation: [NavigationItem]

    struct User {
        let name: String
        let roles: String
    }
}

private struct LayoutContent {
    let layout: Layout
    let body: String
}

struct NavigationItem {
    let title: String
    let path: String
    let current: Bool
}
