import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import ThiduaCore
import ThiduaStore
import ThiduaTestSupport

/// Hồ sơ thi đua in the pages: a teacher reads their own lifetime record, and only their own.
@Suite("Web: the lifetime record")
struct WebRecordTests {
    @Test("A teacher's record shows their commendation with its decision and money; another's record is not found")
    func ownRecordOnly() async throws {
        try await withTestApp { app, seed in
            let f = try await RegistryFixture.make(seed)
            _ = try await f.commendation(seed)
            let other = try await seed.person("Lê Văn Tám", unit: f.collective.id)
            let teacher = try await seed.webAccount("Nguyễn Thị Ngọc Hân", [.staff], login: "ngoc.han", person: f.teacher.id)
            let head = try await seed.webAccount("Hiệu trưởng", [.headmaster], login: "hieu.truong")
            try await app.test(.router) { client in
                var browser = PageClient(client)
                _ = try await browser.signIn("ngoc.han", teacher)
                let home = try await browser.get("/")
                #expect(home.text.contains(#"href="/record""#))
                let record = try await browser.get("/record")
                #expect(record.status == .ok && record.text.contains("Năm 2024") && record.text.contains("Lao động tiên tiến"))
                #expect(
                    record.text.contains("12/QĐ-THAP") && record.text.range(of: #"\d{1,3}(\.\d{3})+ đ"#, options: .regularExpression) != nil
                )
                #expect(try await browser.get("/people/\(other.id)/record").status == .notFound)
                #expect(try await browser.get("/people/\(f.teacher.id)/record").status == .ok)
                var headmaster = PageClient(client)
                _ = try await headmaster.signIn("hieu.truong", head)
                #expect(try await headmaster.get("/people/\(other.id)/record").status == .ok)
                let none = try await headmaster.get("/record")
                #expect(none.status == .notFound && none.text.contains("chưa gắn với một người"))
            }
        }
    }
}
