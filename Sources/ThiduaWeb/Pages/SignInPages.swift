import Foundation
import Hummingbird
import ThiduaCore
import ThiduaStore

/// Sign-in, sign-out and setting a password through a one-time link.
extension WebPages {
    func addSignInRoutes(to pages: RouterGroup<Context>) {
        pages.get("login") { request, context in
            if context.webSession != nil { return Renderer.redirect(to: "/") }
            return self.loginPage(request: request, login: "", message: nil)
        }
        pages.post("login") { request, context in try await self.login(request: request, context: context) }
        pages.post("logout") { request, context in
            if let cookie = request.cookies[WebCookies.session]?.value {
                try await self.signIn.signOut(cookie: cookie, logger: context.logger)
            }
            var response = Renderer.redirect(to: "/login")
            response.setCookie(expired(WebCookies.session))
            return response
        }
        pages.get("set-password") { request, _ in
            self.passwordPage(request: request, link: FormFields.query(request)["token"] ?? "", message: nil)
        }
        pages.post("set-password") { request, context in try await self.setPassword(request: request, context: context) }
    }

    struct LoginContent {
        let csrf: String
        let login: String
        let message: String?
    }

    struct PasswordContent {
        let csrf: String
        let link: String
        let message: String?
        let done: Bool
    }

    /// The sign-in form; its form token comes from the `thidua_form` cookie, set here when the browser has none.
    func loginPage(request: Request, login: String, message: String?, status: HTTPResponse.Status = .ok) -> Response {
        let (token, isNew) = formToken(request)
        var response = renderer.page(
            "login", LoginContent(csrf: token, login: login, message: message),
            layout: Pages.layout(title: "Đăng nhập", session: nil, current: nil), status: status)
        if isNew { response.setCookie(cookie(WebCookies.form, token, maxAge: 12 * 3600)) }
        return response
    }

    func login(request: Request, context: Context) async throws -> Response {
        let form = try await FormFields.read(request)
        let login = form["login"] ?? ""
        switch try await signIn.signIn(login: login, password: form["password"] ?? "", logger: context.logger) {
        case .signedIn(let session):
            var response = Renderer.redirect(to: "/")
            response.setCookie(cookie(WebCookies.session, session.cookie, maxAge: nil))
            return response
        case .refused:
            return loginPage(
                request: request, login: login, message: "Tên đăng nhập hoặc mật khẩu không đúng.", status: .unauthorized)
        case .throttled:
            return loginPage(
                request: request, login: login,
                message: "Đã đăng nhập sai quá nhiều lần. Hãy chờ 15 phút rồi thử lại, hoặc nhờ quản trị cấp liên kết đặt mật khẩu mới.",
                status: .tooManyRequests)
        }
    }

    func passwordPage(request: Request, link: String, message: String?, done: Bool = false, status: HTTPResponse.Status = .ok)
        -> Response
    {
        let (token, isNew) = formToken(request)
        var response = renderer.page(
            "set-password", PasswordContent(csrf: token, link: link, message: message, done: done),
            layout: Pages.layout(title: "Đặt mật khẩu", session: nil, current: nil), status: status)
        if isNew { response.setCookie(cookie(WebCookies.form, token, maxAge: 12 * 3600)) }
        return response
    }

    func setPassword(request: Request, context: Context) async throws -> Response {
        let form = try await FormFields.read(request)
        let link = form["token"] ?? ""
        let password = form["password"] ?? ""
        guard password == form["confirmation"] else {
            return passwordPage(
                request: request, link: link, message: "Hai lần nhập mật khẩu không giống nhau.", status: .unprocessableContent)
        }
        do {
            _ = try await signIn.setPassword(link: link, password: password, logger: context.logger)
            return passwordPage(request: request, link: "", message: nil, done: true)
        } catch let error as DomainError {
            let message = error.violations.first?.message ?? error.message
            return passwordPage(request: request, link: link, message: message, status: .unprocessableContent)
        }
    }

    /// The browser's `thidua_form` token, or a new one (and whether it is new).
    private func formToken(_ request: Request) -> (String, Bool) {
        if let value = request.cookies[WebCookies.form]?.value, value.count >= 20, value.count <= 100 { return (value, false) }
        var generator = SystemRandomNumberGenerator()
        return ((0..<32).map { _ in String(format: "%02x", UInt8.random(in: .min ... .max, using: &generator)) }.joined(), true)
    }

    func cookie(_ name: String, _ value: String, maxAge: Int?) -> Cookie {
        Cookie(name: name, value: value, maxAge: maxAge, path: "/", secure: secureCookies, httpOnly: true, sameSite: .lax)
    }

    private func expired(_ name: String) -> Cookie {
        Cookie(name: name, value: "", maxAge: 0, path: "/", secure: secureCookies, httpOnly: true, sameSite: .lax)
    }
}
