import Foundation

/// What a sign-in name and a password must be, and how sign-in is throttled (issue "The web app": sign-in and sessions).
public enum SignInRules {
    /// 5 failed sign-ins for one login within 15 minutes refuse further tries, even with the right password, until the
    /// 15 minutes have passed.
    public static let failuresAllowed = 5
    public static let failureWindow: Duration = .seconds(15 * 60)
    /// A set-password link is valid for 72 hours; a session ends after 8 hours without a request.
    public static let linkLifetime: Duration = .seconds(72 * 3600)
    public static let sessionIdle: Duration = .seconds(8 * 3600)

    /// A sign-in name: 3–64 of a–z, 0–9, `.`, `_`, `-`, starting with a letter or digit; capitals are taken as lower case.
    public static func login(_ text: String, field: String = "login") throws(DomainError) -> String {
        let login = typed(text)
        let allowed = login.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || "._-".unicodeScalars.contains($0)
        }
        guard (3...64).contains(login.count), allowed, let first = login.unicodeScalars.first, !"._-".unicodeScalars.contains(first)
        else {
            throw DomainError.validation([
                .init(
                    field: field,
                    message: "Tên đăng nhập gồm 3–64 ký tự: chữ không dấu, chữ số, dấu chấm, gạch dưới hoặc gạch ngang (ví dụ lan.pham).")
            ])
        }
        return login
    }

    /// A login as typed on the sign-in page, in the form it is stored and counted in: trimmed, lower case.
    public static func typed(_ login: String) -> String { login.trimmingCharacters(in: .whitespaces).lowercased() }

    /// Whether a login with this many failures inside the window is refused, whatever the password.
    public static func isThrottled(failures: Int) -> Bool { failures >= failuresAllowed }

    /// A password: 10 to 200 characters; Vietnamese letters are welcome (it is compared as NFC).
    public static func password(_ text: String, field: String = "password") throws(DomainError) -> String {
        let password = text.precomposedStringWithCanonicalMapping
        guard (10...200).contains(password.count) else {
            throw DomainError.validation([.init(field: field, message: "Mật khẩu cần từ 10 đến 200 ký tự.")])
        }
        return password
    }
}
