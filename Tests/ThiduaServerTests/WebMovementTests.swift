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
}
