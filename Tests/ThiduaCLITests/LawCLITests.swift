import Foundation
import Testing
import ThiduaCore
import ThiduaStore
import ThiduaTestSupport

@Suite("The law from the command line")
struct LawCLITests {
    @Test("catalogue reward prints the amount in đồng on its last line; a date before the first base salary fails")
    func reward() async throws {
        try await TestDatabase.with { database, _ in
            let cli = CLIRunner(databaseURL: database.url)
            let ldtt = try cli.run("catalogue", "reward", "--award", "LDTT", "--date", "2024-07-01")
            #expect(ldtt.status == 0, "\(ldtt.stderr)")
            #expect(ldtt.lastLine == "710000")
            let before = try cli.run("catalogue", "reward", "--award", "LDTT", "--date", "2024-06-30")
            #expect(before.lastLine == "540000")
            let collective = try cli.run("catalogue", "reward", "--award", "TTLDTT", "--date", "2024-07-01", "--collective")
            #expect(collective.lastLine == "1880000")
            let early = try cli.run("catalogue", "reward", "--award", "LDTT", "--date", "2019-06-30")
            #expect(early.status != 0)
            #expect(early.stderr.contains("01/07/2019"))
        }
    }

    @Test("base-salary add applies from its date; catalogue set needs a reason and changes the money from its date")
    func catalogueChanges() async throws {
        try await TestDatabase.with { database, client in
            let cli = CLIRunner(databaseURL: database.url)
            let added = try cli.run("catalogue", "base-salary", "add", "2530000", "--from", "2026-07-01", "--citation", "Nghị định dự kiến")
            #expect(added.status == 0, "\(added.stderr)")
            #expect(try cli.run("catalogue", "reward", "--award", "LDTT", "--date", "2026-07-01").lastLine == "760000")
            let twice = try cli.run("catalogue", "base-salary", "add", "2530000", "--from", "2026-07-01")
            #expect(twice.status != 0)
            #expect(twice.stderr.contains("Đã có mức lương cơ sở áp dụng từ ngày này"))
            let listed = try cli.run("catalogue", "base-salary", "list")
            #expect(listed.stdout.contains("2026-07-01  2530000  Nghị định dự kiến"))

            let noReason = try cli.run("catalogue", "set", "LDTT", "--from", "2027-01-01", "--coefficient", "0.4")
            #expect(noReason.status != 0)
            let set = try cli.run("catalogue", "set", "LDTT", "--from", "2027-01-01", "--coefficient", "0.4", "--reason", "Thử nghiệm")
            #expect(set.status == 0, "\(set.stderr)")
            #expect(try cli.run("catalogue", "reward", "--award", "LDTT", "--date", "2027-01-01").lastLine == "1020000")
            let rounding = try cli.run("catalogue", "rounding")
            #expect(rounding.lastLine == "up")
            let audited = try await client.query(
                "SELECT count(*)::bigint FROM audit_log WHERE action IN ('base-salary.create', 'award-rule.create')",
                logger: database.logger
            ).collect()
            #expect(try audited.first?.decode(Int.self) == 2)
        }
    }

    @Test("unit-policy shows and changes a unit's authority and caps, only with a reason; what is not given stays")
    func unitPolicy() async throws {
        try await TestDatabase.with { database, client in
            let cli = CLIRunner(databaseURL: database.url)
            #expect(try cli.run("demo", "--force").status == 0)
            let shown = try cli.run("catalogue", "unit-policy", "THAP")
            #expect(shown.stdout.contains("Cấp thẩm quyền: unit (theo loại đơn vị)"))
            #expect(shown.stdout.contains("Giới hạn: không"))
            // The lists (sql/0024): the school signs LĐTT and its Giấy khen, and TTLĐTT as the demo's admin widened it.
            #expect(shown.stdout.contains("Đơn vị tự quyết định: TTLDTT, GK, LDTT"), "\(shown.stdout)")
            #expect(shown.stdout.contains("Thay đổi của đơn vị: +TTLDTT — Quy chế thi đua, khen thưởng của huyện"))
            let granted = try cli.run(
                "catalogue", "unit-policy", "THAP", "--grant", "+CSTD_CS", "--grant", "=TTLDTT", "--reason", "Ủy quyền")
            #expect(granted.stdout.contains("Đơn vị tự quyết định: CSTD_CS, GK, LDTT"), "\(granted.stdout)")
            #expect(granted.stdout.contains("Trình cấp trên: CSTD_TQ, CO_CP, BK_TTG"))
            let badGrant = try cli.run("catalogue", "unit-policy", "THAP", "--grant", "CSTD_CS", "--reason", "x")
            #expect(badGrant.status != 0 && badGrant.stderr.contains("+MÃ"))
            let noReason = try cli.run("catalogue", "unit-policy", "THAP", "--cap", "CSTD_CS:LDTT:15")
            #expect(noReason.status != 0)
            #expect(noReason.stderr.contains("Cần ghi rõ lý do."))
            let badCap = try cli.run("catalogue", "unit-policy", "THAP", "--cap", "CSTD_CS-LDTT", "--reason", "x")
            #expect(badCap.status != 0)
            #expect(badCap.stderr.contains("CSTD_CS:LDTT:15"))
            let capped = try cli.run("catalogue", "unit-policy", "THAP", "--cap", "CSTD_CS:LDTT:15", "--reason", "Quy chế thi đua 2024")
            #expect(capped.status == 0, "\(capped.stderr)")
            #expect(capped.stdout.contains("Giới hạn: CSTD_CS ≤ 15% số LDTT"))
            let raised = try cli.run("catalogue", "unit-policy", "THAP", "--authority", "province", "--reason", "Ủy quyền")
            #expect(raised.stdout.contains("Cấp thẩm quyền: province\n"))
            #expect(raised.stdout.contains("Giới hạn: CSTD_CS ≤ 15% số LDTT"))
            let unknownLevel = try cli.run("catalogue", "unit-policy", "THAP", "--authority", "king", "--reason", "x")
            #expect(unknownLevel.status != 0)
            #expect(unknownLevel.stderr.contains("Không có cấp thẩm quyền này."))
            let reset = try cli.run("catalogue", "unit-policy", "THAP", "--by-kind", "--no-caps", "--reason", "Trở lại mặc định")
            #expect(reset.stdout.contains("Cấp thẩm quyền: unit (theo loại đơn vị)"))
            let audited = try await client.query(
                "SELECT count(*)::bigint FROM audit_log WHERE action = 'unit.policy'", logger: database.logger
            ).collect()
            // The demo's own change of the list, then four here.
            #expect(try audited.first?.decode(Int.self) == 5)
        }
    }

    @Test("rules explain prints the evaluation of the demo's data; import ratings refuses a bad file naming the line")
    func explainAndImport() async throws {
        try await TestDatabase.with { database, client in
            let cli = CLIRunner(databaseURL: database.url)
            #expect(try cli.run("demo", "--force").status == 0)
            // AP015's CSTĐ cơ sở for the school year is still before the council: the chain cannot be decided.
            let explained = try cli.run("rules", "explain", "--award", "CSTD_TINH", "--person", "AP015", "--school-year", "2023-2024")
            #expect(explained.status == 0, "\(explained.stderr)")
            #expect(explained.stdout.contains("[CHƯA RÕ] Chiến sĩ thi đua cơ sở 3 kỳ liên tục"))
            #expect(explained.stdout.contains("Đề nghị Chiến sĩ thi đua cơ sở năm học 2023-2024 đang chờ xét"), "\(explained.stdout)")
            // From 2024 CSTĐ tỉnh also asks for a sáng kiến recognised cấp tỉnh (sql/0036), and AP015 has none in the register.
            #expect(explained.stdout.contains("Chưa có sáng kiến được công nhận cấp tỉnh trong 3 kỳ"), "\(explained.stdout)")
            #expect(explained.lastLine.hasPrefix("Kết quả: chưa đủ điều kiện"))
            // By calendar year the imported titles of 2022 and 2023 are read, and 2024 has none: not eligible.
            let byYear = try cli.run("rules", "explain", "--award", "CSTD_TINH", "--person", "AP015", "--year", "2024")
            #expect(byYear.stdout.contains("Chiến sĩ thi đua cơ sở năm 2022: QĐ số 40/QĐ-THAP ngày 22/12/2022"))
            #expect(byYear.lastLine.hasPrefix("Kết quả: chưa đủ điều kiện"))
            let json = try cli.run("rules", "explain", "--award", "LDTT", "--person", "AP024", "--year", "2024", "--json")
            let report = try JSONDecoder().decode(EligibilityReport.self, from: Data(json.stdout.utf8))
            #expect(report.results.first { $0.rule == .noDiscipline }?.outcome == .failed)
            #expect(report.results.first { $0.rule == .noDiscipline }?.facts == ["Khiển trách ngày 12/03/2024 (QĐ số 08/QĐ-THAP)"])

            let before = try await Seed(client: client, logger: database.logger).count("performance_ratings")
            let file = FileManager.default.temporaryDirectory.appending(path: "ratings-\(UUID().uuidString).csv")
            try "person,period,rating\nAP001,2025,tốt\nAP999,2025,tốt\nAP002,2025,giỏi\n".write(to: file, atomically: true, encoding: .utf8)
            let refused = try cli.run("import", "ratings", file.path)
            #expect(refused.status != 0)
            #expect(refused.stderr.contains("Dòng 4"))
            let unknownPerson = try cli.run(
                "import", "ratings",
                try {
                    try "person,period,rating\nAP001,2025,tốt\nAP999,2025,tốt\n".write(to: file, atomically: true, encoding: .utf8)
                    return file.path
                }())
            #expect(unknownPerson.status != 0)
            #expect(unknownPerson.stderr.contains("Dòng 3: Không có nhân sự mã \"AP999\"."))
            #expect(try await Seed(client: client, logger: database.logger).count("performance_ratings") == before)
        }
    }
}
