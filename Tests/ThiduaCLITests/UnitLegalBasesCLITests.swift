import Foundation
import Testing
import ThiduaTestSupport

/// `thidua document-settings UNIT --basis NUMBER`: the unit's own legal bases from the command line (sql/0028).
@Suite("CLI: the unit's legal bases")
struct UnitLegalBasesCLITests {
    @Test("--basis replaces the unit's bases by number, an unknown number fails and changes nothing, --no-bases clears them")
    func bases() async throws {
        try await TestDatabase.with { database, _ in
            let cli = CLIRunner(databaseURL: database.url)
            #expect(try cli.run("demo", "--force").status == 0)
            let shown = try cli.run("document-settings", "THAP")
            #expect(shown.stdout.contains("Căn cứ của đơn vị: 28/2020/TT-BGDĐT (Bộ trưởng Bộ Giáo dục và Đào tạo); 08/QĐ-THAP"))
            let unknown = try cli.run("document-settings", "THAP", "--basis", "99/QĐ-KHONG")
            #expect(unknown.status != 0 && unknown.stderr.contains("văn bản số 99/QĐ-KHONG"), "\(unknown.stderr)")
            #expect(try cli.run("document-settings", "THAP").stdout.contains("08/QĐ-THAP"), "unchanged")
            let one = try cli.run("document-settings", "THAP", "--basis", "817/QĐ-UBND-HC")
            #expect(one.status == 0 && one.stdout.contains("Căn cứ của đơn vị: 817/QĐ-UBND-HC (Ủy ban nhân dân tỉnh Đồng Tháp)\n"))
            let cleared = try cli.run("document-settings", "THAP", "--no-bases")
            #expect(cleared.stdout.contains("Căn cứ của đơn vị: (chưa có)"))
        }
    }
}
