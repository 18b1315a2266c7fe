import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import ThiduaCore
import ThiduaStore
import ThiduaTestSupport

/// The pages by role: what each person sees, what is escaped, and that pages and the API keep their own sign-in.
@Suite("Web: pages by role")
struct WebPageTests {
    @Test("Việc cần làm shows each role its own queue; a teacher sees only their own nominations and no registry menu")
    func homeByRole() async throws {
        try await withTestApp { app, seed in
            let fixture = try await RegistryFixture.make(seed)
            _ = try await fixture.nomination(seed, status: .recommended, overriding: "Đủ điều kiện theo hồ sơ")
            let other = try await seed.person("Lê Văn Tám", unit: fixture.collective.id)
            _ = try await fixture.nomination(seed, status: .submitted, nominee: .person(other.id), overriding: "Đủ điều kiện")
            let head = try await seed.webAccount("Hiệu trưởng", [.headmaster], login: "hieu.truong")
            let teacher = try await seed.webAccount("Nguyễn Thị Ngọc Hân", [.staff], login: "han", person: fixture.teacher.id)
            try await app.test(.router) { client in
                var headmaster = PageClient(client)
                _ = try await headmaster.signIn("hieu.truong", head)
                let queue = try await headmaster.get("/").text
                #expect(queue.contains("chờ Thầy/Cô duyệt") && queue.contains("Nguyễn Thị Ngọc Hân") && queue.contains("hội đồng đề nghị"))
                #expect(!queue.contains("Lê Văn Tám"), "a submitted nomination waits on the council, not the headmaster")
                #expect(queue.contains(#"href="/movements""#))

                var staff = PageClient(client)
                _ = try await staff.signIn("han", teacher)
                let own = try await staff.get("/").text
                #expect(own.contains("Đề nghị khen thưởng của tôi") && own.contains("Nguyễn Thị Ngọc Hân"))
                #expect(!own.contains("Lê Văn Tám") && !own.contains(#"href="/movements""#))
            }
        }
    }

    @Test("A <script> typed into a movement's name or criterion, a person's name or a reason shows as text on every page")
    func escaping() async throws {
        try await withTestApp { app, seed in
            let fixture = try await RegistryFixture.make(seed)
            let script = "<script>alert('x')</script>"
            let draft = try MovementDraft.validate(
                name: "Phong trào \(script)", unitId: fixture.school.id.description, period: "2024", registrationDeadline: nil,
                nominationDeadline: nil, legalBases: [], criteria: [("KQ", "Tiêu chí \(script)", 10)]
            ).get()
            let movement = try await MovementRepository(client: seed.client).create(draft, by: seed.actor, logger: seed.logger)
            let person = try await seed.person("Trần \(script) An", unit: fixture.collective.id)
            _ = try await fixture.nomination(seed, status: .draft, nominee: .person(person.id))
            let password = try await seed.webAccount("Công đoàn \(script)", [.union, .headmaster], login: "cong.doan")
            try await app.test(.router) { client in
                var browser = PageClient(client)
                _ = try await browser.signIn("cong.doan", password)
                for path in ["/", "/movements", "/movements/\(movement.id)"] {
                    let page = try await browser.get(path)
                    #expect(page.status == .ok, "\(path)")
                    #expect(!page.text.contains("<script>"), "\(path) let a script through")
                    #expect(page.text.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"), "\(path) does not show the text")
                }
            }
        }
    }

    @Test("Pages ignore bearer tokens and the API ignores the session cookie; unknown pages and records are 404 pages")
    func separateSignIns() async throws {
        try await withTestApp { app, seed in
            let (_, token) = try await seed.account(.admin)
            let password = try await seed.webAccount("Quản trị web", [.admin], login: "quan.tri")
            try await app.test(.router) { client in
                let page = try await client.execute(uri: "/", method: .get, headers: [.authorization: "Bearer \(token)"])
                #expect(page.status == .seeOther)
                var browser = PageClient(client)
                _ = try await browser.signIn("quan.tri", password)
                let api = try await browser.get("/v1/me")
                #expect(api.status == .unauthorized)
                let missing = try await browser.get("/movements/\(UUID())")
                #expect(missing.status == .notFound && missing.text.contains("Không tìm thấy"))
                #expect(missing.headers[.contentType]?.hasPrefix("text/html") == true)
                let css = try await browser.get("/assets/thidua.css")
                #expect(css.status == .ok && css.headers[.contentType]?.hasPrefix("text/css") == true)
            }
        }
    }
}
