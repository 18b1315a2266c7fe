import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import ThiduaCore
import ThiduaStore
import ThiduaTestSupport

/// The report pages under scoped roles (issue 15): a school's reader sees her school's list and summary, not the
/// registry's; the district's head picks the district (grouped by school) or one school.
@Suite("Web: reports of a district")
struct WebDistrictReportTests {
    @Test("The honor list and summary pages: a school head's own school only, no picker, another unit not found; the district's head picks")
    func reportPagesAreScoped() async throws {
        try await withTestApp { app, seed in
            let d = try await ScopedRolesTests.District.make(seed)
            _ = try await d.f.commendation(seed, decision: "12/QĐ-THAP", date: "2024-05-20")
            let schoolB = try await seed.webAccount("Hiệu trưởng Bình Thạnh", [.headmaster], login: "ht.binhthanh", scope: d.schoolB.id)
            let districtHead = try await seed.webAccount("Trưởng phòng", [.headmaster], login: "truong.phong", scope: d.district.id)
            try await app.test(.router) { client in
                // School B's head: the list of her school, where school A's Lao động tiên tiến is not.
                var b = PageClient(client)
                _ = try await b.signIn("ht.binhthanh", schoolB)
                let own = String(buffer: try await b.get("/reports/honor-list?period=2024").body)
                #expect(own.contains("Chưa có khen thưởng nào") && !own.contains(d.f.teacher.name.full), "\(own)")
                #expect(!own.contains("<select id=\"unit\""), "one unit: no picker")
                for path in [
                    "/reports/honor-list?period=2024&unit=\(d.f.school.code)", "/reports/honor-list?period=2024&unit=\(d.district.code)",
                    "/reports/summary?period=2024&unit=\(d.f.school.code)",
                    "/reports/honor-list/download?period=2024&format=csv&unit=\(d.f.school.code)",
                ] {
                    #expect(try await b.get(path).status == .notFound, "\(path)")
                }
                let download = String(buffer: try await b.get("/reports/honor-list/download?period=2024&format=csv").body)
                #expect(!download.contains(d.f.teacher.name.full))
                let summary = String(buffer: try await b.get("/reports/summary?period=2024").body)
                #expect(summary.contains(d.schoolB.name) && !summary.contains(d.f.school.name), "\(summary)")

                // The district's head: the district by default, its lines under the school's name; a school on request.
                var head = PageClient(client)
                _ = try await head.signIn("truong.phong", districtHead)
                let district = String(buffer: try await head.get("/reports/honor-list?period=2024").body)
                #expect(district.contains("<select id=\"unit\" name=\"unit\">"))
                for name in [d.district.name, d.f.school.name, d.schoolB.name] { #expect(district.contains(">\(name)</option>")) }
                #expect(
                    district.contains("<th scope=\"rowgroup\" colspan=\"7\">\(d.f.school.name)</th>")
                        && district.contains(d.f.teacher.name.full))
                #expect(
                    district.contains("unit=\(d.district.code)&amp;format=csv") || district.contains("unit=\(d.district.code)&format=csv"))
                let chosen = String(buffer: try await head.get("/reports/honor-list?period=2024&unit=\(d.schoolB.code)").body)
                #expect(chosen.contains("Chưa có khen thưởng nào") && chosen.contains("selected>\(d.schoolB.name)</option>"))
                let csv = String(buffer: try await head.get("/reports/honor-list/download?period=2024&format=csv").body)
                #expect(csv.contains(d.f.school.name.uppercased()) && csv.contains("Cộng đơn vị: 1"), "\(csv)")
                let districtSummary = String(buffer: try await head.get("/reports/summary?period=2024").body)
                #expect(districtSummary.contains(d.f.school.name), "\(districtSummary)")
            }
        }
    }
}
