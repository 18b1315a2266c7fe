import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import ThiduaCore
import ThiduaStore
import ThiduaTestSupport

/// The web app's sign-in contract (issue "The web app"): redirects, cookies, form tokens, throttling, sign-out.
@Suite("Web: sign-in, sessions and form tokens")
struct WebSignInTests {
    @Test("/ sends a stranger to /login; the right password signs in with an HttpOnly, SameSite=Lax cookie; sign-out ends it")
    func signInAndOut() async throws {
        try await withTestApp { app, seed in
            let password = try await seed.webAccount("Trần Văn Minh", [.headmaster], login: "minh.tran")
            try await app.test(.router) { client in
                var browser = PageClient(client)
                let first = try await browser.get("/")
                #expect(first.status == .seeOther && first.headers[.location] == "/login")
                let form = try await browser.get("/login")
                #expect(form.status == .ok)
                for field in [#"name="login""#, #"name="password""#, #"type="hidden" name="_csrf""#] { #expect(form.text.contains(field)) }
                let formCookie = try #require(form.headers[values: .setCookie].first { $0.hasPrefix("thidua_form=") })
                #expect(formCookie.contains("HttpOnly") && formCookie.contains("SameSite=Lax") && formCookie.contains("Path=/"))

                let wrong = try await browser.post(
                    "/login", [("_csrf", PageClient.formToken(form.text) ?? ""), ("login", "minh.tran"), ("password", "sai mật khẩu")])
                #expect(wrong.status == .unauthorized && wrong.text.contains("Tên đăng nhập hoặc mật khẩu không đúng."))
                #expect(wrong.text.contains(#"value="minh.tran""#), "the login typed is kept")

                let signedIn = try await browser.signIn("minh.tran", password)
                #expect(signedIn.status == .seeOther && signedIn.headers[.location] == "/")
                let session = try #require(signedIn.headers[values: .setCookie].first { $0.hasPrefix("thidua_session=") })
                #expect(session.contains("HttpOnly") && session.contains("SameSite=Lax") && session.contains("Path=/"))
                #expect(!session.contains("Secure"), "plain http without --public-url https://")
                let home = try await browser.get("/")
                #expect(home.status == .ok && home.text.contains("Trần Văn Minh") && home.text.contains("Việc cần làm"))
                #expect(home.headers[.contentSecurityPolicy]?.contains("form-action 'self'") == true)

                // Sign-out without the form token is refused and the session stays; with it, the session ends.
                let forged = try await browser.post("/logout", [])
                #expect(forged.status == .forbidden && forged.text.contains("Biểu mẫu không hợp lệ"))
                #expect(try await browser.get("/").status == .ok)
                let out = try await browser.post("/logout", [("_csrf", PageClient.formToken(home.text) ?? "")])
                #expect(out.status == .seeOther && out.headers[.location] == "/login")
                #expect(try await browser.get("/").status == .seeOther)
            }
            let actions = try await AuditLog(client: seed.client).entries(entity: "login", id: "minh.tran", logger: seed.logger).map(
                \.action)
            #expect(actions == ["session.refused"])
        }
    }

    @Test("A sign-in form posted without its form token is refused with 403 and signs nobody in")
    func loginNeedsFormToken() async throws {
        try await withTestApp { app, seed in
            let password = try await seed.webAccount("Phạm Thị Lan", [.staff], login: "lan.pham")
            try await app.test(.router) { client in
                var browser = PageClient(client)
                let refused = try await browser.post("/login", [("login", "lan.pham"), ("password", password)])
                #expect(refused.status == .forbidden)
                #expect(!browser.cookies.keys.contains("thidua_session"))
                _ = try await browser.get("/login")
                let wrongToken = try await browser.post("/login", [("_csrf", "khác"), ("login", "lan.pham"), ("password", password)])
                #expect(wrongToken.status == .forbidden)
                #expect(try await browser.get("/").status == .seeOther)
            }
        }
    }

    @Test("After 5 failures in 15 minutes even the right password is refused, with a page that says to wait; unknown logins alike")
    func throttled() async throws {
        try await withTestApp { app, seed in
            let password = try await seed.webAccount("Huỳnh Thị Thanh Tâm", [.union], login: "tam.huynh")
            try await app.test(.router) { client in
                var browser = PageClient(client)
                var lockedMessages: [String] = []
                for login in ["tam.huynh", "khong.co.ai"] {
                    var statuses: [HTTPResponse.Status] = []
                    var last = ""
                    for _ in 1...5 {
                        let response = try await browser.signIn(login, "sai mật khẩu 123")
                        statuses.append(response.status)
                        last = Self.alert(response.text)
                    }
                    #expect(statuses == [.unauthorized, .unauthorized, .unauthorized, .unauthorized, .tooManyRequests])
                    lockedMessages.append(last)
                }
                let right = try await browser.signIn("tam.huynh", password)
                #expect(right.status == .tooManyRequests && Self.alert(right.text).contains("15 phút"))
                // The page says the same for a login that exists and one that does not.
                #expect(lockedMessages[0] == lockedMessages[1] && lockedMessages[0] == Self.alert(right.text))
                #expect(try await browser.get("/").status == .seeOther)
            }
        }
    }

    @Test("A set-password link sets the password once; mismatched or short passwords are shown beside the form")
    func setPassword() async throws {
        try await withTestApp { app, seed in
            let (_, _, link) = try await SignInRepository(client: seed.client, hasher: .fast).createAccount(
                displayName: "Võ Thị Mười", roles: [.council], personId: nil, login: "muoi.vo", by: seed.actor, logger: seed.logger)
            try await app.test(.router) { client in
                var browser = PageClient(client)
                let page = try await browser.get("/set-password?token=\(link)")
                #expect(page.status == .ok && page.text.contains(#"name="token" value="\#(link)""#))
                let token = PageClient.formToken(page.text) ?? ""
                let mismatch = try await browser.post(
                    "/set-password", [("_csrf", token), ("token", link), ("password", "mật khẩu mới 2026"), ("confirmation", "khác")])
                #expect(mismatch.status == .unprocessableContent && mismatch.text.contains("không giống nhau"))
                let short = try await browser.post(
                    "/set-password", [("_csrf", token), ("token", link), ("password", "ngắn"), ("confirmation", "ngắn")])
                #expect(short.status == .unprocessableContent && short.text.contains("từ 10 đến 200 ký tự"))
                let done = try await browser.post(
                    "/set-password",
                    [("_csrf", token), ("token", link), ("password", "mật khẩu mới 2026"), ("confirmation", "mật khẩu mới 2026")])
                #expect(done.status == .ok && done.text.contains("Đã đặt mật khẩu"))
                let again = try await browser.post(
                    "/set-password",
                    [("_csrf", token), ("token", link), ("password", "lần thứ hai 2026"), ("confirmation", "lần thứ hai 2026")])
                #expect(again.status == .unprocessableContent && again.text.contains("không còn dùng được"))
                #expect(try await browser.signIn("muoi.vo", "mật khẩu mới 2026").status == .seeOther)
            }
        }
    }

    @Test("With serve --public-url https://… the session cookie is Secure")
    func secureCookie() async throws {
        try await withTestApp(configure: { $0.publicURL = "https://thidua.truong.edu.vn" }) { app, seed in
            let password = try await seed.webAccount("Quản trị", [.admin], login: "quantri")
            try await app.test(.router) { client in
                var browser = PageClient(client)
                let signedIn = try await browser.signIn("quantri", password)
                let session = try #require(signedIn.headers[values: .setCookie].first { $0.hasPrefix("thidua_session=") })
                #expect(session.contains("Secure"))
            }
        }
    }

    /// The text of the page's alert (the message beside the sign-in form).
    static func alert(_ html: String) -> String {
        guard let start = html.range(of: #"role="alert""#) else { return "" }
        let after = html[start.upperBound...].drop { $0 != ">" }.dropFirst()
        return String(after.prefix { $0 != "<" })
    }
}
