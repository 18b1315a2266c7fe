import EmbeddedPostgres
import Foundation
import PostgresNIO
import Testing
import ThiduaCore
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
            let dead = await #expect(throws: DomainError.self) {
                try await signIn.setPassword(link: token(first), password: "mật khẩu đủ dài", logger: database.logger)
            }
            #expect(dead?.code == .conflict)
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

    @Test("demo gives every demo account a web login and password in demo-accounts.txt (0600) that sign in")
    func demoAccountsSignIn() async throws {
        try await withDataDirectory { folder in try await demoAccountsSignIn(folder: folder) }
    }

    func demoAccountsSignIn(folder: URL) async throws {
        let cli = CLIRunner(databaseURL: nil)
        let outcome = try cli.run("demo", "--data-dir", folder.path)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let file = folder.appending(path: "demo-accounts.txt")
        let rows = try privateFileText(file).split(separator: "\n").map { $0.split(separator: "\t").map(String.init) }
        #expect(rows.count == 6 && rows.allSatisfy { $0.count == 5 })
        #expect(rows.map { $0[2] } == ["quantri", "minh.tran", "han.nguyen", "tam.huynh", "lan.pham", "quang.le"])
        #expect(rows.first?[1] == "Quản trị (demo)")
        // Each login and password signs in, checked through the store as the owner. The cluster is started here, not with
        // `thidua db start`: the server would inherit the runner's output pipe and keep it open.
        let logger = TestCluster.shared.logger
        let cluster = try EmbeddedCluster(dataDirectory: folder, binaries: try PostgresBinaries.locate())
        _ = try await cluster.start(logger: logger)
        let signedIn = try await DatabaseClient.withRunning(try DatabaseURL.configuration(cluster.url), logger: logger) { client in
            var count = 0
            for row in rows {
                if case .signedIn(let session) = try await SignInRepository(client: client).signIn(
                    login: row[2], password: row[3], logger: logger), session.account.displayName == row[1]
                {
                    count += 1
                }
            }
            return count
        }
        #expect(signedIn == 6)
        // Running it again changes nothing and keeps the file.
        #expect(try cli.run("demo", "--data-dir", folder.path).status == 0)
        #expect(try String(contentsOf: file, encoding: .utf8).split(separator: "\n").count == 6)
    }
}
