import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import ThiduaCore
import ThiduaStore
import ThiduaTestSupport

/// Nhật ký: the audit page for admins and the headmaster, filtered and paginated.
@Suite("Web: the audit page")
struct WebAuditTests {
    @Test("The headmaster reads the log newest first, filters it by record, account and date, and pages through it")
    func filters() async throws {
        try await withTestApp { app, seed in
            let f = try await RegistryFixture.make(seed)
            for number in 1...55 {
                _ = try await seed.unit("TO-\(number)", name: "Tổ số \(number)", kind: .collective, parent: f.school.id)
            }
            let head = try await seed.webAccount("Hiệu trưởng Minh", [.headmaster], login: "hieu.truong")
            let union = try await seed.webAccount("Công đoàn", [.union], login: "cong.doan")
            try await app.test(.router) { client in
                var unionClient = PageClient(client)
                _ = try await unionClient.signIn("cong.doan", union)
                #expect(try await unionClient.get("/audit").status == .forbidden)
                var headmaster = PageClient(client)
                _ = try await headmaster.signIn("hieu.truong", head)
                let all = try await headmaster.get("/audit")
                #expect(all.text.contains(#"data-label="Hồ sơ">Đơn vị: Tổ số 55"#), "a unit's entry names the unit")
                #expect(all.status == .ok && all.text.contains(#"href="/audit""#))
                let firstActor = all.text.components(separatedBy: #"data-label="Người thực hiện">"#).dropFirst().first?.prefix { $0 != "<" }
                #expect(firstActor == "Hiệu trưởng Minh", "newest first: the headmaster's own sign-in")
                #expect(!all.text.contains("/movements/\(f.movement.id)"), "the movement's entries are older than 50 units'")
                let next = try #require(Self.link("Xem thêm", in: all.text))
                let older = try await headmaster.get(next)
                #expect(older.status == .ok && older.text.contains("/movements/\(f.movement.id)"))
                let movements = try await headmaster.get("/audit?entity=movement")
                #expect(
                    movements.text.contains("chuyển sang &quot;đang phát động&quot;")
                        || movements.text.contains("chuyển sang \"đang phát động\""))
                #expect(movements.text.contains("/movements/\(f.movement.id)") && !movements.text.contains(#"data-label="Hồ sơ">Đơn vị"#))
                #expect(movements.text.contains("Phong trào: Dân vận khéo năm 2024"), "the record is named, not only its id")
                let accounts = try await AccountRepository(client: seed.client).list(logger: seed.logger)
                let unionAccount = try #require(
                    accounts.first { $0.displayName == "Công đoàn" && $0.personId == nil && $0.roles == [.union] })
                let byUnion = try await headmaster.get("/audit?account=\(unionAccount.id)")
                #expect(byUnion.text.contains("đăng nhập") && !byUnion.text.contains("/movements/\(f.movement.id)"))
                #expect(!byUnion.text.contains("Hiệu trưởng Minh</td>"))
                let future = try await headmaster.get("/audit?from=01/01/2999")
                #expect(future.text.contains("Không có thay đổi nào khớp bộ lọc."))
                let bad = try await headmaster.get("/audit?from=31/02/2024")
                #expect(bad.status == .unprocessableContent && bad.text.contains("Từ ngày phải có dạng ngày/tháng/năm"))
            }
        }
    }

    /// The href of the link with this text.
    static func link(_ text: String, in html: String) -> String? {
        guard let end = html.range(of: "\">\(text)</a>") else { return nil }
        guard let start = html[..<end.lowerBound].range(of: "href=\"", options: .backwards) else { return nil }
        return String(html[start.upperBound..<end.lowerBound]).replacingOccurrences(of: "&amp;", with: "&")
    }
}
