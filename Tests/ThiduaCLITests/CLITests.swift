import Foundation
import PostgresNIO
import Testing
import ThiduaCore
import ThiduaStore
import ThiduaTestSupport

@Suite("Command line")
struct CLITests {
    @Test("user grant and revoke --role give and take a role on a unit; mistakes exit non-zero and change nothing")
    func userGrantRevoke() async throws {
        try await TestDatabase.with { database, client in
            let seed = Seed(client: client, logger: database.logger)
            let district = try await seed.unit("PGD-TH", name: "Phòng GD&ĐT Tân Hồng", kind: .district)
            _ = try await seed.unit("THAP", name: "Trường Tiểu học An Phước", kind: .school, parent: district.id)
            let cli = CLIRunner(databaseURL: database.url)
            let added = try cli.run("user", "add", "Trần Văn Minh", "--role", "staff", "--unit", "THAP")
            #expect(added.status == 0, "\(added.stderr)")
            let id = try #require(added.stdout.split(separator: " ").dropFirst(2).first.map(String.init))
            let granted = try cli.run("user", "grant", id, "--role", "headmaster", "--unit", "THAP")
            #expect(granted.status == 0 && granted.stdout.contains("headmaster@THAP, staff@THAP"), "\(granted.stdout)\(granted.stderr)")
            let unknown = try cli.run("user", "grant", id, "--role", "council", "--unit", "THXX")
            #expect(unknown.status != 0 && unknown.stderr.contains("Không tìm thấy"), "\(unknown.stderr)")
            let revoked = try cli.run("user", "revoke", id, "--role", "headmaster", "--unit", "THAP")
            #expect(revoked.status == 0 && revoked.stdout.contains(": staff@THAP"), "\(revoked.stdout)\(revoked.stderr)")
            let notHeld = try cli.run("user", "revoke", id, "--role", "council", "--unit", "THAP")
            #expect(notHeld.status != 0 && notHeld.stderr.contains("Không tìm thấy vai trò council"), "\(notHeld.stderr)")
            let last = try cli.run("user", "revoke", id, "--role", "staff", "--unit", "THAP")
            #expect(last.status != 0 && last.stderr.contains("ít nhất một vai trò"), "\(last.stderr)")
            let listed = try cli.run("user", "list")
            #expect(listed.stdout.contains("active  staff@THAP  Trần Văn Minh"), "\(listed.stdout)")
        }
    }

    @Test("user add prints a token once that signs in with the given roles")
    func userAdd() async throws {
        try await TestDatabase.with { database, client in
            let cli = CLIRunner(databaseURL: database.url)
            let outcome = try cli.run("user", "add", "Nguyễn Thị Ngọc Hân", "--role", "headmaster", "--role", "council")
            #expect(outcome.status == 0, "\(outcome.stderr)")
            #expect(outcome.lastLine.hasPrefix("thd_"))
            let account = try await AccountRepository(client: client).authenticate(token: outcome.lastLine, logger: database.logger)
            #expect(account?.displayName == "Nguyễn Thị Ngọc Hân")
            #expect(account?.roles == [.headmaster, .council])
            let listed = try cli.run("user", "list")
            // Added before any unit exists: its roles reach the whole registry (*).
            #expect(listed.stdout.contains("council@*, headmaster@*  Nguyễn Thị Ngọc Hân"), "\(listed.stdout)")
            #expect(!listed.stdout.contains(outcome.lastLine))
            // Once units exist, revoking without --unit still finds a role held on the whole registry.
            _ = try await Seed(client: client, logger: database.logger).unit()
            let id = try #require(account?.id.description)
            let revoked = try cli.run("user", "revoke", id, "--role", "council")
            #expect(revoked.status == 0 && revoked.stdout.contains(": headmaster@*"), "\(revoked.stdout)\(revoked.stderr)")
        }
    }

    @Test(
        "user add without a role or with an unknown role fails with a message and creates nothing",
        arguments: [
            ["user", "add", "Lê Văn An"], ["user", "add", "Lê Văn An", "--role", "principal"],
        ])
    func userAddRefused(arguments: [String]) async throws {
        try await TestDatabase.with { database, client in
            let outcome = try CLIRunner(databaseURL: database.url).run(arguments)
            #expect(outcome.status != 0)
            #expect(outcome.stderr.contains("role"))
            #expect(try await Seed(client: client, logger: database.logger).count("accounts") == 0)
        }
    }

    @Test("user revoke makes the token stop working")
    func userRevoke() async throws {
        try await TestDatabase.with { database, client in
            let cli = CLIRunner(databaseURL: database.url)
            let token = try cli.run("user", "add", "Lê Văn An", "--role", "union").lastLine
            let id = try #require(try await AccountRepository(client: client).authenticate(token: token, logger: database.logger)?.id)
            let revoked = try cli.run("user", "revoke", id.description)
            #expect(revoked.status == 0)
            #expect(try await AccountRepository(client: client).authenticate(token: token, logger: database.logger) == nil)
        }
    }

    @Test("A bad people file exits non-zero, lists each bad line, and imports nothing")
    func badImport() async throws {
        try await TestDatabase.with { database, client in
            let cli = CLIRunner(databaseURL: database.url)
            let units = try temporaryFile("code,name,parent,kind\nTHAP,Trường Tiểu học An Phước,,school\n", bom: true)
            #expect(try cli.run("import", "units", units.path).status == 0)
            let people = try temporaryFile(
                """
                full_name,unit,position,category
                Nguyễn Văn An,THAP,Giáo viên,VC
                Lê Thị Bình,THAP,Giáo viên,GV
                Trần Văn Cường,NOWHERE,Bảo vệ,NLD
                """)
            let outcome = try cli.run("import", "people", people.path)
            #expect(outcome.status != 0)
            #expect(outcome.stderr.contains("Dòng 3: Loại nhân sự phải là CBQL, VC hoặc NLD"))
            #expect(try await Seed(client: client, logger: database.logger).count("people") == 0)
        }
    }

    @Test("Importing the same file twice reports nothing changed the second time")
    func reimport() async throws {
        try await TestDatabase.with { database, _ in
            let cli = CLIRunner(databaseURL: database.url)
            let units = try temporaryFile(
                "code,name,parent,kind\nTHAP,Trường Tiểu học An Phước,,school\nTHAP-K1,Tổ khối 1,THAP,collective\n")
            #expect(try cli.run("import", "units", units.path).stdout.contains("thêm mới 2, cập nhật 0, không đổi 0"))
            #expect(try cli.run("import", "units", units.path).stdout.contains("thêm mới 0, cập nhật 0, không đổi 2"))
        }
    }

    @Test("migrate --dry-run lists the pending files and applies none")
    func migrateDryRun() async throws {
        try await TestDatabase.with(migrated: false) { database, client in
            let cli = CLIRunner(databaseURL: database.url)
            let outcome = try cli.run("migrate", "--dry-run")
            #expect(outcome.stdout.contains("Pending: \(Migration.embedded.count)"))
            #expect(outcome.stdout.contains("would apply 0001_units_people.sql"))
            let exists = try await client.query("SELECT to_regclass('units') IS NOT NULL", logger: database.logger).collect().first?.decode(
                Bool.self)
            #expect(exists == false)
            #expect(try cli.run("migrate").status == 0)
            #expect(try cli.run("migrate").stdout.contains("up to date"))
        }
    }

    @Test("audit verify reports an intact chain")
    func auditVerify() async throws {
        try await TestDatabase.with { database, _ in
            let cli = CLIRunner(databaseURL: database.url)
            _ = try cli.run("user", "add", "Lê Văn An", "--role", "admin")
            let outcome = try cli.run("audit", "verify")
            #expect(outcome.status == 0)
            #expect(outcome.stdout.contains("intact: 2 rows"))
        }
    }

    @Test("Without PostgreSQL programs the embedded default says how to install them and exits non-zero")
    func missingBinaries() throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "thidua-nopg-\(UUID().uuidString.prefix(8))")
        let outcome = try CLIRunner(databaseURL: nil, extra: ["THIDUA_PG_BIN": "/nonexistent"]).run(
            "db", "start", "--data-dir", folder.path)
        #expect(outcome.status != 0)
        #expect(outcome.stderr.contains("apt-get install postgresql"))
    }

    @Test("A bad DATABASE_URL is refused in plain words")
    func badDatabaseURL() throws {
        let outcome = try CLIRunner(databaseURL: "mysql://root@localhost/x").run("user", "list")
        #expect(outcome.status != 0)
        #expect(outcome.stderr.contains("DATABASE_URL is not valid"))
    }

    @Test("A bad --read-database-url is refused in plain words, naming READ_DATABASE_URL, before serve listens")
    func badReadDatabaseURL() throws {
        let outcome = try CLIRunner(databaseURL: "postgres://thidua@127.0.0.1:1/thidua").run(
            "serve", "--port", "1", "--read-database-url", "http://replica/thidua")
        #expect(outcome.status != 0)
        #expect(outcome.stderr.contains("READ_DATABASE_URL is not valid"), "\(outcome.stderr)")
    }

    @Test("db status on a new folder says it is not initialised (exit 4)")
    func dbStatusFresh() throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "thidua-fresh-\(UUID().uuidString.prefix(8))")
        let outcome = try CLIRunner(databaseURL: nil).run("db", "status", "--data-dir", folder.path)
        #expect(outcome.status == 4)
        #expect(outcome.stdout.contains("not initialised"))
    }
}

@Suite("Demo data")
struct DemoTests {
    @Test("thidua demo loads the school with nominations in every state; a second run changes nothing")
    func demoTwice() async throws {
        try await TestDatabase.with { database, client in
            let cli = CLIRunner(databaseURL: database.url)
            let first = try cli.run("demo", "--force")
            #expect(first.status == 0, "\(first.stderr)")
            #expect(first.stdout.contains("thd_"))
            let seed = Seed(client: client, logger: database.logger)
            let tables = [
                "units", "people", "accounts", "legal_documents", "movements", "model_initiatives", "nominations", "commendations",
                "audit_log", "performance_ratings", "unit_ratings", "disciplines", "past_commendations", "submissions",
            ]
            var before: [Int] = []
            for table in tables { before.append(try await seed.count(table)) }
            let second = try cli.run("demo", "--force")
            #expect(second.status == 0)
            #expect(!second.stdout.contains("thd_"))
            var after: [Int] = []
            for table in tables { after.append(try await seed.count(table)) }
            #expect(after == before)
            #expect(before[3] == 12, "ten documents the movements cite, two the school cites in every decision")
            let statuses = try await client.query("SELECT DISTINCT status FROM nominations", logger: database.logger).collect().map {
                try $0.decode(String.self)
            }
            #expect(Set(statuses) == Set(NominationStatus.allCases.map(\.rawValue)))
            #expect(try await seed.count("commendation_revocations") == 1)
        }
    }
}

@Suite("Scale data")
struct ScaleTests {
    @Test("demo --scale N adds N commendations in 2024 with money; running it again adds N more; the list streams them all")
    func scale() async throws {
        try await TestDatabase.with { database, client in
            let cli = CLIRunner(databaseURL: database.url)
            let seed = Seed(client: client, logger: database.logger)
            #expect(try cli.run("demo", "--force").status == 0)
            let before = try await seed.count("commendations")
            let first = try cli.run("demo", "--force", "--scale", "1500")
            #expect(first.status == 0, "\(first.stderr)")
            #expect(try await seed.count("commendations") == before + 1500)
            #expect(try cli.run("demo", "--force", "--scale", "700").status == 0)
            #expect(try await seed.count("commendations") == before + 2200)
            let unpaid = try await client.query(
                "SELECT count(*)::bigint FROM commendations WHERE reward_amount IS NULL OR reward_amount <= 0", logger: database.logger
            ).collect()
            #expect(try unpaid.first?.decode(Int.self) == 0)
            let list = try cli.run("report", "honor-list", "--year", "2024", "--format", "json")
            let body = try JSONDecoder().decode(JSONValue.self, from: Data(list.stdout.utf8))
            #expect(body["count"]?.number == Double(2200 + 9))
            let nowhere = try cli.run("report", "honor-list", "--year", "2024", "--format", "csv", "-o", "/nonexistent-folder/list.csv")
            #expect(nowhere.status != 0)
            #expect(nowhere.stderr.contains("/nonexistent-folder/list.csv"))
            let zero = try cli.run("demo", "--force", "--scale", "0")
            #expect(zero.status != 0)
            #expect(zero.stderr.contains("--scale must be between 1 and 1000000."))
        }
    }
}
