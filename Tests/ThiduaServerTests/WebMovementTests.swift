import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import ThiduaCore
import ThiduaStore
import ThiduaTestSupport

/// A movement's page: the headmaster's workflow buttons, with the version the page showed.
@Suite("Web: a movement's workflow")
struct WebMovementTests {
    @Test("The headmaster closes an open movement from its page; a stale page is told so; others see no button and are refused")
    func closeMovement() async throws {
        try await withTestApp { app, seed in
            let f = try await RegistryFixture.make(seed)
            let head = try await seed.webAccount("Hiệu trưởng", [.headmaster], login: "hieu.truong")
            let member = try await seed.webAccount("Hội đồng", [.council], login: "hoi.dong")
            let path = "/movements/\(f.movement.id)"
            try await app.test(.router) { client in
                var council = PageClient(client)
                _ = try await council.signIn("hoi.dong", member)
                let seen = try await council.get(path)
                #expect(seen.status == .ok && !seen.text.contains("Kết thúc phong trào"))
                let refused = try await council.post(
                    "\(path)/close", [("_csrf", PageClient.formToken(seen.text) ?? ""), ("version", "\(f.movement.version)")])
                #expect(refused.status == .forbidden)
                var headmaster = PageClient(client)
                _ = try await headmaster.signIn("hieu.truong", head)
                let page = try await headmaster.get(path)
                #expect(page.text.contains("Kết thúc phong trào") && !page.text.contains("Phát động phong trào"))
                #expect(page.text.contains("không mở lại được"), "an irreversible step says so beside its button")
                let token = PageClient.formToken(page.text) ?? ""
                let stale = try await headmaster.post("\(path)/close", [("_csrf", token), ("version", "\(f.movement.version + 5)")])
                #expect(stale.status == .conflict && stale.text.contains("vừa được người khác thay đổi"))
                let closed = try await headmaster.post("\(path)/close", [("_csrf", token), ("version", "\(f.movement.version)")])
                #expect(closed.status == .seeOther)
                let after = try await headmaster.get(path)
                #expect(after.text.contains("đã kết thúc") && after.text.contains("Lưu trữ"))
            }
            #expect(try await MovementRepository(client: seed.client).find(f.movement.id, logger: seed.logger).status == .closed)
        }
    }

    @Test("The headmaster creates a movement from a form: gaps come back beside their fields, a good form is a draft to launch")
    func createMovement() async throws {
        try await withTestApp { app, seed in
            let f = try await RegistryFixture.make(seed)
            let head = try await seed.webAccount("Hiệu trưởng", [.headmaster], login: "hieu.truong")
            let member = try await seed.webAccount("Hội đồng", [.council], login: "hoi.dong")
            let document = try #require(
                try await DocumentRepository(client: seed.client).list(try PageRequest(limit: 10), logger: seed.logger).items.first)
            try await app.test(.router) { client in
                var council = PageClient(client)
                _ = try await council.signIn("hoi.dong", member)
                #expect(try await council.get("/movements/new").status == .forbidden)
                #expect(!(try await council.get("/movements").text.contains("Tạo phong trào")))
                var headmaster = PageClient(client)
                _ = try await headmaster.signIn("hieu.truong", head)
                #expect(try await headmaster.get("/movements").text.contains(#"href="/movements/new""#))
                let form = try await headmaster.get("/movements/new")
                #expect(form.status == .ok && form.text.contains("817/QĐ-UBND-HC"))
                let token = PageClient.formToken(form.text) ?? ""
                let before = try await seed.count("movements")
                let refused = try await headmaster.post(
                    "/movements",
                    [
                        ("_csrf", token), ("name", "<i>Thi đua</i>"), ("period", "2025"), ("registrationDeadline", "15/03/2026"),
                        ("code2", "KQ"), ("title2", "Kết quả"),
                    ])
                #expect(refused.status == .unprocessableContent)
                #expect(refused.text.contains(#"id="error-unit""#) && refused.text.contains(#"id="error-registrationDeadline""#))
                #expect(refused.text.contains(#"id="error-criterion2""#) && refused.text.contains("&lt;i&gt;Thi đua&lt;/i&gt;"))
                #expect(refused.text.contains("điểm tối đa lớn hơn 0") && refused.text.contains("Chọn đơn vị phát động."))
                #expect(try await seed.count("movements") == before)
                let created = try await headmaster.post(
                    "/movements",
                    [
                        ("_csrf", token), ("name", "Dân vận khéo năm 2025"), ("unitId", f.school.id.description), ("period", "2025"),
                        ("registrationDeadline", "30/06/2025"), ("legalBases", document.id.description), ("code0", "KQ"),
                        ("title0", "Kết quả thực hiện"), ("points0", "60"), ("code3", "LT"), ("title3", "Sức lan tỏa"), ("points3", "40"),
                    ])
                #expect(created.status == .seeOther)
                let page = try await headmaster.get(try #require(created.headers[.location]))
                #expect(page.text.contains("Dân vận khéo năm 2025") && page.text.contains("30/06/2025"))
                #expect(page.text.contains("Sức lan tỏa") && page.text.contains("Phát động phong trào") && page.text.contains("dự thảo"))
            }
        }
    }
}
