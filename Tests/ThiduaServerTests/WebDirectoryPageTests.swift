import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import ThiduaCore
import ThiduaStore
import ThiduaTestSupport

/// Nhân sự, Đơn vị, Danh mục khen thưởng: what an admin keeps up to date in the pages.
@Suite("Web: people, units and the award catalogue")
struct WebDirectoryPageTests {
    @Test("An admin adds and corrects a person; gaps and a stale page are said beside the form; others cannot edit")
    func people() async throws {
        try await withTestApp { app, seed in
            let f = try await RegistryFixture.make(seed)
            let admin = try await seed.webAccount("Quản trị", [.admin], login: "quan.tri")
            let union = try await seed.webAccount("Công đoàn", [.union], login: "cong.doan")
            try await app.test(.router) { client in
                var unionClient = PageClient(client)
                _ = try await unionClient.signIn("cong.doan", union)
                let list = try await unionClient.get("/people?q=ngoc+han")
                #expect(list.status == .ok && list.text.contains("Nguyễn Thị Ngọc Hân") && !list.text.contains("Thêm nhân sự"))
                #expect(try await unionClient.get("/people/new").status == .forbidden)
                var browser = PageClient(client)
                _ = try await browser.signIn("quan.tri", admin)
                let form = try await browser.get("/people/new")
                let token = PageClient.formToken(form.text) ?? ""
                let refused = try await browser.post("/people", [("_csrf", token), ("fullName", "Hân"), ("position", "<b>GV</b>")])
                #expect(refused.status == .unprocessableContent)
                #expect(refused.text.contains(#"id="error-fullName""#) && refused.text.contains(#"id="error-category""#))
                #expect(refused.text.contains(#"id="error-unitId""#) && refused.text.contains("&lt;b&gt;GV&lt;/b&gt;"))
                #expect(refused.text.contains("Chọn đối tượng: cán bộ quản lý") && !refused.text.contains("(nhận: "))
                let created = try await browser.post(
                    "/people",
                    [
                        ("_csrf", token), ("fullName", "Tôn Nữ Thu Hà"), ("familyName", "Tôn Nữ"), ("middleName", "Thu"),
                        ("givenName", "Hà"),
                        ("position", "Giáo viên"), ("category", "VC"), ("unitId", f.collective.id.description), ("code", "GV-099"),
                    ])
                #expect(created.status == .seeOther)
                let found = try await browser.get(try #require(created.headers[.location]))
                #expect(found.text.contains("Tôn Nữ Thu Hà") && found.text.contains("GV-099"))
                let person = try #require(
                    try await PersonRepository(client: seed.client).list(
                        .init(query: "thu ha"), page: try PageRequest(limit: 5), logger: seed.logger
                    )
                    .items.first)
                #expect(person.name.family == "Tôn Nữ" && person.name.given == "Hà")
                let edit = try await browser.get("/people/\(person.id)/edit")
                #expect(edit.text.contains(#"value="Tôn Nữ Thu Hà""#))
                let fields = [
                    ("_csrf", token), ("fullName", "Tôn Nữ Thu Hà"), ("familyName", "Tôn Nữ"), ("middleName", "Thu"), ("givenName", "Hà"),
                    ("position", "Tổ trưởng chuyên môn"), ("category", "VC"), ("unitId", f.collective.id.description), ("code", "GV-099"),
                ]
                let stale = try await browser.post("/people/\(person.id)", fields + [("version", "\(person.version + 3)")])
                #expect(stale.status == .conflict && stale.text.contains("vừa được người khác sửa"))
                let saved = try await browser.post("/people/\(person.id)", fields + [("version", "\(person.version)")])
                #expect(saved.status == .seeOther)
                #expect(
                    try await PersonRepository(client: seed.client).find(person.id, logger: seed.logger).position == "Tổ trưởng chuyên môn")
            }
        }
    }

    @Test("An admin adds a unit under another and renames it; a code already used, a cycle and a stale page are said plainly")
    func units() async throws {
        try await withTestApp { app, seed in
            let f = try await RegistryFixture.make(seed)
            let admin = try await seed.webAccount("Quản trị", [.admin], login: "quan.tri")
            try await app.test(.router) { client in
                var browser = PageClient(client)
                _ = try await browser.signIn("quan.tri", admin)
                let page = try await browser.get("/units")
                #expect(page.text.contains("Tổ chuyên môn khối 1") && page.text.contains("Tập thể (tổ, đoàn thể)"))
                let token = PageClient.formToken(page.text) ?? ""
                let taken = try await browser.post(
                    "/units", [("_csrf", token), ("code", "THAP-K1"), ("name", "Tổ khối 1 mới"), ("kind", "collective")])
                #expect(taken.status == .unprocessableContent && taken.text.contains(#"id="error-code""#))
                #expect(taken.text.contains("Mã đơn vị đã tồn tại."))
                let added = try await browser.post(
                    "/units",
                    [
                        ("_csrf", token), ("code", "THAP-K2"), ("name", "Tổ khối 2"), ("kind", "collective"),
                        ("parentId", f.school.id.description),
                    ])
                #expect(added.status == .seeOther)
                let unit = try await UnitRepository(client: seed.client).find(code: "THAP-K2", logger: seed.logger)
                #expect(unit.parentId == f.school.id && unit.name == "Tổ khối 2")
                let edit = try await browser.get("/units/\(f.school.id)/edit")
                #expect(edit.status == .ok && edit.text.contains("Sửa đơn vị THAP"))
                let cycle = try await browser.post(
                    "/units/\(f.school.id)",
                    [
                        ("_csrf", token), ("version", "\(f.school.version)"), ("name", "Trường"), ("kind", "school"),
                        ("parentId", unit.id.description),
                    ])
                #expect(cycle.status == .unprocessableContent && cycle.text.contains(#"id="error-parent""#))
                let stale = try await browser.post(
                    "/units/\(unit.id)", [("_csrf", token), ("version", "\(unit.version + 2)"), ("name", "Tổ hai"), ("kind", "collective")])
                #expect(stale.status == .conflict && stale.text.contains("vừa được người khác sửa"))
                let renamed = try await browser.post(
                    "/units/\(unit.id)",
                    [
                        ("_csrf", token), ("version", "\(unit.version)"), ("name", "Tổ chuyên môn khối 2"), ("kind", "collective"),
                        ("parentId", f.school.id.description),
                    ])
                #expect(renamed.status == .seeOther)
                let after = try await UnitRepository(client: seed.client).find(unit.id, logger: seed.logger)
                #expect(after.name == "Tổ chuyên môn khối 2" && after.code == "THAP-K2")
            }
        }
    }

    @Test("An admin changes an award's coefficient from a date with a reason and adds a base salary; others only read")
    func catalogue() async throws {
        try await withTestApp { app, seed in
            _ = try await RegistryFixture.make(seed)
            let admin = try await seed.webAccount("Quản trị", [.admin], login: "quan.tri")
            let union = try await seed.webAccount("Công đoàn", [.union], login: "cong.doan")
            try await app.test(.router) { client in
                var unionClient = PageClient(client)
                _ = try await unionClient.signIn("cong.doan", union)
                let read = try await unionClient.get("/catalogue")
                #expect(read.status == .ok && read.text.contains("Lao động tiên tiến") && !read.text.contains("Thêm mức lương cơ sở"))
                #expect(
                    read.text.range(of: #"\d{1,3}(\.\d{3})+ đ \(tập thể\)"#, options: .regularExpression) != nil, "a collective's money too"
                )
                #expect(try await unionClient.get("/catalogue/LDTT").status == .forbidden)
                var browser = PageClient(client)
                _ = try await browser.signIn("quan.tri", admin)
                let award = try await browser.get("/catalogue/LDTT")
                #expect(award.status == .ok && award.text.contains("Đổi hệ số từ một ngày"))
                let token = PageClient.formToken(award.text) ?? ""
                let refused = try await browser.post(
                    "/catalogue/LDTT", [("_csrf", token), ("effectiveFrom", "31/02/2030"), ("coefficient", "0,35"), ("reason", "")])
                #expect(refused.status == .unprocessableContent && refused.text.contains(#"id="error-reason""#))
                #expect(refused.text.contains(#"id="error-effectiveFrom""#), "every problem at once: the date too")
                #expect(!refused.text.contains("YYYY-MM-DD"), "a clerk reads dates as dd/mm/yyyy")
                let revised = try await browser.post(
                    "/catalogue/LDTT",
                    [
                        ("_csrf", token), ("effectiveFrom", "01/07/2030"), ("coefficient", "0,35"), ("reason", "Nghị định mới"),
                        ("citation", "NĐ 1/2030"),
                    ])
                #expect(revised.status == .seeOther)
                let after = try await browser.get("/catalogue/LDTT")
                #expect(after.text.contains("01/07/2030") && after.text.contains("0,35"))
                let badSalary = try await browser.post(
                    "/catalogue/base-salaries", [("_csrf", token), ("amount", "không"), ("effectiveFrom", "01/07/2030")])
                #expect(badSalary.status == .unprocessableContent && badSalary.text.contains(#"id="error-amount""#))
                let noDate = try await browser.post("/catalogue/base-salaries", [("_csrf", token), ("amount", "2.600.000")])
                #expect(noDate.text.contains(#"id="error-effectiveFrom""#) && !noDate.text.contains("YYYY-MM-DD"))
                let salary = try await browser.post(
                    "/catalogue/base-salaries",
                    [("_csrf", token), ("amount", "2.600.000"), ("effectiveFrom", "01/07/2030"), ("citation", "Nghị định 9/2030/NĐ-CP")])
                #expect(salary.status == .seeOther)
                let catalogue = try await browser.get("/catalogue")
                #expect(catalogue.text.contains("2.600.000 đ") && catalogue.text.contains("Nghị định 9/2030/NĐ-CP"))
            }
            let salaries = try await CatalogueRepository(client: seed.client).salaries(logger: seed.logger)
            #expect(salaries.contains { $0.amount == 2_600_000 && $0.effectiveFrom == LocalDate(2030, 7, 1) })
        }
    }
}
