import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import ThiduaCore
import ThiduaStore
import ThiduaTestSupport

/// Nhập dữ liệu (web-ui.md flow 6): a CSV previewed before anything is written, then imported as previewed.
@Suite("Web: CSV imports with a preview")
struct WebImportTests {
    static let units = "code,name,parent,kind\nTHAP,Trường Tiểu học An Phước,,school\nTHAP-K1,Tổ khối 1,THAP,collective\n"

    @Test("A file with bad rows lists each row's problem and writes nothing; a good file is previewed, then imported as previewed")
    func previewThenImport() async throws {
        try await withTestApp { app, seed in
            let password = try await seed.webAccount("Quản trị", [.admin], login: "quan.tri")
            try await app.test(.router) { client in
                var admin = PageClient(client)
                _ = try await admin.signIn("quan.tri", password)
                let page = try await admin.get("/imports")
                #expect(page.text.contains("Xem trước khi nhập") && page.text.contains(#"href="/imports""#))
                let token = PageClient.formToken(page.text) ?? ""
                _ = try await admin.postFiles(
                    "/imports", [("_csrf", token), ("kind", "units"), ("csv", Self.units)], files: [])
                let bad =
                    "full_name,unit,position,category\nNguyễn Thị Ngọc Hân,THAP-K1,Giáo viên,VC\n,THAP-K1,Giáo viên,VC\n"
                    + "Lê Hoàng Phúc,KHONG-CO,Giáo viên,XYZ\n"
                let refused = try await admin.postFiles(
                    "/imports/preview", [("_csrf", token), ("kind", "people")],
                    files: [("file", "nhan-su.csv", "text/csv", Data(bad.utf8))])
                #expect(refused.status == .unprocessableContent)
                #expect(refused.text.contains("Dòng 3:") && refused.text.contains("Dòng 4:") && !refused.text.contains("Dòng 2:"))
                #expect(try await seed.count("people") == 0)
                let good =
                    "full_name,unit,position,category\r\nNguyễn Thị Ngọc Hân,THAP-K1,Giáo viên,VC\r\n"
                    + "Trần Văn Minh,THAP,Hiệu trưởng,CBQL\r\n"
                let preview = try await admin.postFiles(
                    "/imports/preview", [("_csrf", token), ("kind", "people")],
                    files: [("file", "nhân sự.csv", "text/csv", Data(good.utf8))])
                #expect(preview.status == .ok && preview.text.contains("thêm mới 2, cập nhật 0, không đổi 0"))
                #expect(preview.text.contains("Nguyễn Thị Ngọc Hân") && preview.text.contains("Cán bộ quản lý"))
                #expect(try await seed.count("people") == 0, "a preview writes nothing")
                let csv = try #require(Self.hiddenValue("csv", in: preview.text))
                let imported = try await admin.postFiles(
                    "/imports", [("_csrf", token), ("kind", "people"), ("csv", csv)], files: [])
                #expect(imported.status == .seeOther)
                let done = try await admin.get(try #require(imported.headers[.location]))
                #expect(done.text.contains("Đã nhập nhân sự: thêm mới 2, cập nhật 0, không đổi 0."))
                #expect(try await seed.count("people") == 2)
                let again = try await admin.postFiles(
                    "/imports", [("_csrf", token), ("kind", "people"), ("csv", csv)], files: [])
                #expect(try await admin.get(try #require(again.headers[.location])).text.contains("không đổi 2"))
                #expect(try await seed.count("people") == 2, "a second click imports nothing twice")
            }
        }
    }

    @Test("Only an admin opens the import pages; an upload without the form token is refused")
    func adminOnly() async throws {
        try await withTestApp { app, seed in
            let union = try await seed.webAccount("Công đoàn", [.union], login: "cong.doan")
            try await app.test(.router) { client in
                var browser = PageClient(client)
                _ = try await browser.signIn("cong.doan", union)
                #expect(try await browser.get("/imports").status == .forbidden)
                let page = try await browser.get("/")
                #expect(!page.text.contains(#"href="/imports""#))
                let forged = try await browser.postFiles(
                    "/imports", [("kind", "units"), ("csv", Self.units)], files: [])
                #expect(forged.status == .forbidden)
                let wrongRole = try await browser.postFiles(
                    "/imports", [("_csrf", PageClient.formToken(page.text) ?? ""), ("kind", "units"), ("csv", Self.units)], files: [])
                #expect(wrongRole.status == .forbidden)
            }
            #expect(try await seed.count("units") == 0)
        }
    }

    /// The value of a hidden field, as a browser would send it back (entities decoded).
    static func hiddenValue(_ name: String, in html: String) -> String? {
        guard let start = html.range(of: #"name="\#(name)" value=""#) else { return nil }
        let raw = String(html[start.upperBound...].prefix { $0 != "\"" })
        return raw.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
