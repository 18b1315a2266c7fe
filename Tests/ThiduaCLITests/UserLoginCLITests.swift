import Foundation
import PostgresNIO
import Testing
import ThiduaStore
import ThiduaTestSupport

/// `thidua user add … --login` and `thidua user password`: the operator hands a person a one-time link to set the
/// web password.
@Suite("Command line: web sign-in names and set-password links")
struct UserLoginCLITests {
    @Test("--login prints the set-password link on its own last line; user password issues a new one; the old one dies")
    func loginAndLinks() async throws {
        try await TestDatabase.with { database, client in
            let cli = CLIRunner(databaseURL: database.url)
            let added = try cli.run(
                "user", "add", "Phạm Thị Lan", "--role", "staff", "--login", "lan.pham", "--public-url", "https://thidua.truong.edu.vn/")
            #expect(added.status == 0, "\(added.stderr)")
            let first = added.lastLine
            #expect(first.hasPrefix("https://thidua.truong.edu.vn/set-password?token=thd_"), "\(added.stdout)")
            let id = try #require(added.stdout.split(separator: " ").dropFirst(2).first.map(String.init))
            let again = try cli.run("user", "password", id)
            #expect(again.status == 0, "\(again.stderr)")
            #expect(again.lastLine.hasPrefix("http://127.0.0.1:8080/set-password?token=thd_"))
            // The first link stopped working when the second was issued; the second sets the password.
            let signIn = SignInRepository(client: client, hasher: .fast)
            let token = { (line: String) in String(line.split(separator: "=").last ?? "") }
            await #expect(throws: (any Error).self) {
                try await signIn.setPassword(link: token(first), password: "mật khẩu đủ dài", logger: database.logger)
            }
            _ = try await signIn.setPassword(link: token(again.lastLine), password: "mật khẩu đủ dài", logger: database.logger)

            // Without --login nothing changes: the token is still the last line.
            let plain = try cli.run("user", "add", "Lê Văn An", "--role", "admin")
            #expect(plain.lastLine.hasPrefix("thd_"))
            let plainId = try #require(plain.stdout.split(separator: " ").dropFirst(2).first.map(String.init))
            let noLogin = try cli.run("user", "password", plainId)
            #expect(noLogin.status != 0)
            #expect(noLogin.stderr.contains("chưa có tên đăng nhập"), "\(noLogin.stderr)")
            // A login already taken is refused and no second account appears.
            let taken = try cli.run("user", "add", "Lan khác", "--role", "staff", "--login", "LAN.PHAM")
            #expect(taken.status != 0)
            #expect(taken.stderr.contains("đã có người dùng"), "\(taken.stderr)")
            let count = try await client.query("SELECT count(*)::bigint FROM accounts", logger: database.logger).collect()
            #expect(try count.first?.decode(Int.self) == 2)
        }
    }
}
