import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import ThiduaCore
import ThiduaStore
import ThiduaTestSupport

/// Mô hình on the pages (web-ui.md flow 1): register from a movement, upload several files, retract, move through the workflow.
@Suite("Web: model initiatives and their evidence")
struct WebModelTests {
    static func sha256(_ data: Data) -> String { SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined() }

    static func register(_ f: RegistryFixture, _ seed: Seed, owner: Owner, title: String = "Dân vận khéo ở khối 1") async throws
        -> ModelInitiative
    {
        try await ModelInitiativeRepository(client: seed.client).register(
            movementId: f.movement.id, title: title, field: "culture_society", owner: owner, goals: "Vận động học sinh ra lớp",
            startsOn: nil, endsOn: nil, by: seed.actor, logger: seed.logger)
    }

    @Test("The union registers a model from its movement; a form with gaps comes back with each message beside its field")
    func register() async throws {
        try await withTestApp { app, seed in
            let f = try await RegistryFixture.make(seed)
            let password = try await seed.webAccount("Công đoàn", [.union], login: "cong.doan")
            let movement = "/movements/\(f.movement.id)"
            try await app.test(.router) { client in
                var union = PageClient(client)
                _ = try await union.signIn("cong.doan", password)
                #expect(try await union.get(movement).text.contains("\(movement)/models/new"))
                let form = try await union.get("\(movement)/models/new?q=ngoc+han")
                #expect(form.text.contains("Nguyễn Thị Ngọc Hân") && form.text.contains("Tổ chuyên môn khối 1"))
                let token = PageClient.formToken(form.text) ?? ""
                let refused = try await union.post(
                    "\(movement)/models",
                    [("_csrf", token), ("title", " "), ("goals", "<script>alert(1)</script>"), ("startsOn", "31/02/2024")])
                #expect(refused.status == .unprocessableContent)
                #expect(refused.text.contains(#"id="error-title""#) && refused.text.contains("Cần tên mô hình."))
                #expect(refused.text.contains(#"id="error-owner""#) && refused.text.contains(#"id="error-startsOn""#))
                #expect(refused.text.contains("Tìm và chọn một người chủ trì") && refused.text.contains("Chọn lĩnh vực của mô hình."))
                #expect(!refused.text.contains("owner.personId") && !refused.text.contains("culture_society,"), "no API codes for a clerk")
                #expect(refused.text.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && !refused.text.contains("<script>alert"))
                #expect(try await seed.count("model_initiatives") == 0)
                let created = try await union.post(
                    "\(movement)/models",
                    [
                        ("_csrf", token), ("personId", f.teacher.id.description), ("title", "<b>Dân vận khéo</b>"),
                        ("field", "culture_society"), ("goals", "Vận động học sinh ra lớp"), ("startsOn", "15/9/2024"),
                    ])
                #expect(created.status == .seeOther)
                let location = try #require(created.headers[.location])
                let page = try await union.get(location)
                #expect(page.text.contains("&lt;b&gt;Dân vận khéo&lt;/b&gt;") && page.text.contains("Nguyễn Thị Ngọc Hân"))
                #expect(page.text.contains("Văn hoá – xã hội") && page.text.contains("15/09/2024 – 31/12/2024"))
                #expect(try await union.get(movement).text.contains(location))
                _ = try await MovementRepository(client: seed.client).transition(
                    f.movement.id, to: .closed, expectedVersion: nil, by: seed.actor, logger: seed.logger)
                let closed = try await union.post(
                    "\(movement)/models",
                    [("_csrf", token), ("unitId", f.collective.id.description), ("title", "Mô hình muộn"), ("field", "economy")])
                #expect(closed.status == .unprocessableContent && closed.text.contains("chỉ đăng ký mô hình khi phong trào đang phát động"))
            }
        }
    }

    @Test("Several files in one upload are listed with size and SHA-256; one refused file keeps all out; no form token stores nothing")
    func upload() async throws {
        try await withTestApp { app, seed in
            let f = try await RegistryFixture.make(seed)
            let password = try await seed.webAccount("Công đoàn", [.union], login: "cong.doan")
            let model = try await Self.register(f, seed, owner: .person(f.teacher.id))
            let path = "/models/\(model.id)"
            let pdf = Data("%PDF-1.4\nbiên bản họp tổ\n%%EOF\n".utf8)
            let photo = Data((0..<3000).map { UInt8($0 % 251) })
            try await app.test(.router) { client in
                var union = PageClient(client)
                _ = try await union.signIn("cong.doan", password)
                let page = try await union.get(path)
                #expect(page.text.contains(#"enctype="multipart/form-data""#) && page.text.contains("tối đa 20 MB"))
                let token = PageClient.formToken(page.text) ?? ""
                let noToken = try await union.postFiles(path + "/evidence", [], files: [("files", "a.pdf", "application/pdf", pdf)])
                #expect(noToken.status == .forbidden)
                let mixed = try await union.postFiles(
                    path + "/evidence", [("_csrf", token)],
                    files: [("files", "biên bản.pdf", "application/pdf", pdf), ("files", "cài đặt.exe", "application/x-msdownload", photo)])
                #expect(mixed.status == .unprocessableContent && mixed.text.contains("cài đặt.exe"))
                #expect(try await seed.count("evidence") == 0)
                let stored = try await union.postFiles(
                    path + "/evidence", [("_csrf", token)],
                    files: [("files", "biên bản.pdf", "application/pdf", pdf), ("files", "ảnh lớp học.png", "image/png", photo)])
                #expect(stored.status == .seeOther)
                let listed = try await union.get(path)
                let (first, second) = (listed.text.range(of: "biên bản.pdf"), listed.text.range(of: "ảnh lớp học.png"))
                #expect(first != nil && second != nil && first!.lowerBound < second!.lowerBound, "listed in the order sent")
                #expect(listed.text.contains(Self.sha256(pdf)) && listed.text.contains(Self.sha256(photo)))
                #expect(listed.text.contains("\(pdf.count) byte") && listed.text.contains("3.000 byte (2,9 KB)"))
                let items = try await EvidenceRepository(client: seed.client).list(.model(model.id), logger: seed.logger)
                    .filter { $0.filename == "biên bản.pdf" }
                let file = try await union.get("/evidence/\(items[0].id)")
                #expect(Data(file.body.readableBytesView) == pdf)
                #expect(file.headers[.contentDisposition]?.hasPrefix("attachment") == true)
                let confirm = try await union.get("/evidence/\(items[0].id)/retract")
                #expect(confirm.text.contains("biên bản.pdf") && confirm.text.contains("không hoàn tác"))
                let noReason = try await union.post("/evidence/\(items[0].id)/retract", [("_csrf", token), ("reason", "  ")])
                #expect(noReason.status == .unprocessableContent && noReason.text.contains("Cần ghi lý do thu hồi."))
                let retracted = try await union.post(
                    "/evidence/\(items[0].id)/retract", [("_csrf", token), ("reason", "Nhầm tệp của tổ khác")])
                #expect(retracted.status == .seeOther)
                let after = try await union.get(path)
                #expect(after.text.contains("đã thu hồi") && after.text.contains("Nhầm tệp của tổ khác"))
            }
        }
    }

    @Test("A teacher adds evidence to the model they lead, cannot open another's, and does not register models")
    func teacher() async throws {
        try await withTestApp { app, seed in
            let f = try await RegistryFixture.make(seed)
            let password = try await seed.webAccount("Ngọc Hân", [.staff], login: "ngoc.han", person: f.teacher.id)
            let own = try await Self.register(f, seed, owner: .person(f.teacher.id))
            let other = try await Self.register(f, seed, owner: .unit(f.collective.id), title: "Mô hình của tổ")
            try await app.test(.router) { client in
                var teacher = PageClient(client)
                _ = try await teacher.signIn("ngoc.han", password)
                let page = try await teacher.get("/models/\(own.id)")
                #expect(page.status == .ok && page.text.contains("Tải lên minh chứng") && !page.text.contains("Gửi đề nghị công nhận"))
                #expect(!page.text.contains("Diễn biến"), "a teacher does not see who did what")
                #expect(try await teacher.get("/models/\(other.id)").status == .notFound)
                let home = try await teacher.get("/")
                #expect(home.text.contains("Mô hình của tôi") && home.text.contains("/models/\(own.id)"))
                #expect(!home.text.contains("/models/\(other.id)"))
                #expect(try await teacher.get("/movements/\(f.movement.id)/models/new").status == .forbidden)
                let movement = try await teacher.get("/movements/\(f.movement.id)")
                #expect(movement.text.contains("/models/\(own.id)") && !movement.text.contains("/models/\(other.id)"))
                let upload = try await teacher.postFiles(
                    "/models/\(own.id)/evidence", [("_csrf", PageClient.formToken(page.text) ?? "")],
                    files: [("files", "kế hoạch.txt", "text/plain", Data("Kế hoạch".utf8))])
                #expect(upload.status == .seeOther)
                let refused = try await teacher.post(
                    "/models/\(own.id)/start", [("_csrf", PageClient.formToken(page.text) ?? ""), ("version", "\(own.version)")])
                #expect(refused.status == .forbidden)
            }
            #expect(try await seed.count("evidence") == 1)
        }
    }

    @Test("A form sent twice (a double-click) registers one model and stores one upload; each answer leads to the same page")
    func doubleClick() async throws {
        try await withTestApp { app, seed in
            let f = try await RegistryFixture.make(seed)
            let password = try await seed.webAccount("Công đoàn", [.union], login: "cong.doan")
            try await app.test(.router) { client in
                var union = PageClient(client)
                _ = try await union.signIn("cong.doan", password)
                let form = try await union.get("/movements/\(f.movement.id)/models/new")
                let fields = [
                    ("_csrf", PageClient.formToken(form.text) ?? ""), ("_once", PageClient.onceValue(form.text) ?? ""),
                    ("unitId", f.collective.id.description), ("title", "Mô hình gửi hai lần"), ("field", "economy"),
                ]
                let first = try await union.post("/movements/\(f.movement.id)/models", fields)
                let second = try await union.post("/movements/\(f.movement.id)/models", fields)
                #expect(first.status == .seeOther && second.status == .seeOther)
                #expect(first.headers[.location] == second.headers[.location])
                #expect(try await seed.count("model_initiatives") == 1)
                let page = try await union.get(try #require(first.headers[.location]))
                let upload = [("_csrf", PageClient.formToken(page.text) ?? ""), ("_once", PageClient.onceValue(page.text) ?? "")]
                let file = [(field: "files", filename: "a.txt", type: "text/plain", data: Data("một lần".utf8))]
                #expect(try await union.postFiles(first.headers[.location]! + "/evidence", upload, files: file).status == .seeOther)
                #expect(try await union.postFiles(first.headers[.location]! + "/evidence", upload, files: file).status == .seeOther)
                #expect(try await seed.count("evidence") == 1)
                let other = try await union.get("/movements/\(f.movement.id)/models/new")
                #expect(PageClient.onceValue(other.text) != fields[1].1, "each rendered form has its own value")
            }
        }
    }

    @Test("The union starts and submits a model; the headmaster recognises it with the decision's number and date")
    func workflow() async throws {
        try await withTestApp { app, seed in
            let f = try await RegistryFixture.make(seed)
            let union = try await seed.webAccount("Công đoàn", [.union], login: "cong.doan")
            let head = try await seed.webAccount("Hiệu trưởng", [.headmaster], login: "hieu.truong")
            let model = try await Self.register(f, seed, owner: .unit(f.collective.id))
            let path = "/models/\(model.id)"
            try await app.test(.router) { client in
                var unionClient = PageClient(client)
                _ = try await unionClient.signIn("cong.doan", union)
                var page = try await unionClient.get(path)
                let token = PageClient.formToken(page.text) ?? ""
                #expect(page.text.contains("Bắt đầu thực hiện") && page.text.contains("Tổ chuyên môn khối 1 (tập thể)"))
                #expect(try await unionClient.post(path + "/start", [("_csrf", token), ("version", "1")]).status == .seeOther)
                page = try await unionClient.get(path)
                #expect(page.text.contains("đang thực hiện") && page.text.contains("Gửi đề nghị công nhận"))
                let stale = try await unionClient.post(path + "/submit", [("_csrf", token), ("version", "1")])
                #expect(stale.status == .conflict && stale.text.contains("vừa được người khác thay đổi"))
                #expect(try await unionClient.post(path + "/submit", [("_csrf", token), ("version", "2")]).status == .seeOther)
                var headmaster = PageClient(client)
                _ = try await headmaster.signIn("hieu.truong", head)
                let home = try await headmaster.get("/")
                #expect(home.text.contains("Mô hình chờ công nhận") && home.text.contains(path))
                page = try await headmaster.get(path)
                let headToken = PageClient.formToken(page.text) ?? ""
                #expect(page.text.contains("Công nhận mô hình") && !page.text.contains("Rút mô hình"))
                let badDate = try await headmaster.post(
                    path + "/recognize",
                    [
                        ("_csrf", headToken), ("version", "3"), ("level", "school"), ("decisionNumber", "15/QĐ-THAP"),
                        ("decisionDate", "32/05/2024"),
                    ])
                #expect(badDate.status == .unprocessableContent && badDate.text.contains("ngày/tháng/năm"))
                let noDate = try await headmaster.post(
                    path + "/recognize", [("_csrf", headToken), ("version", "3"), ("level", "school"), ("decisionNumber", "15/QĐ-THAP")])
                #expect(noDate.text.contains("ngày/tháng/năm") && !noDate.text.contains("YYYY-MM-DD"))
                let recognised = try await headmaster.post(
                    path + "/recognize",
                    [
                        ("_csrf", headToken), ("version", "3"), ("level", "school"), ("decisionNumber", "15/QĐ-THAP"),
                        ("decisionDate", "20/05/2024"),
                    ])
                #expect(recognised.status == .seeOther)
                page = try await headmaster.get(path)
                #expect(page.text.contains("Cấp trường, Quyết định số 15/QĐ-THAP ngày 20/05/2024"))
                #expect(page.text.contains("Diễn biến") && page.text.contains("Công đoàn: chuyển sang &quot;đang thực hiện&quot;"))
                #expect(page.text.contains("Hiệu trưởng: chuyển sang &quot;được công nhận&quot;"))
                #expect(!page.text.contains("Tải lên minh chứng"))
            }
        }
    }
}
