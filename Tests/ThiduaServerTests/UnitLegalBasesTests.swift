import Foundation
import HTTPTypes
import Testing
import ThiduaCore
import ThiduaStore
import ThiduaTestSupport

/// A unit's own legal bases (issue "Documents"; sql/0028): documents with a stored kind, cited in every decision after
/// the Law and the decree and before the movements' plans. Before, a decision cited only the movements' plans, each
/// kind guessed from its number.
@Suite("The unit's legal bases")
struct UnitLegalBasesTests {
    @Test(
        "Documents carry their kind; the unit's bases are set by the headmaster, cited by kind then date before the plans, none issued after the decision; a wrong one changes nothing"
    )
    func citedBeforeThePlans() async throws {
        try await withTestApp { app, seed in
            let f = try await RegistryFixture.make(seed)
            let path = "/v1/units/\(f.school.id)/legal-bases"
            try await app.test(.router) { client in
                func document(_ number: String, _ date: String, _ issuer: String, _ title: String, _ kind: String) async throws -> String {
                    let created = try await client.send(
                        .post, "/v1/documents", token: f.headmaster,
                        json: #"{"number":"\#(number)","date":"\#(date)","issuer":"\#(issuer)","title":"\#(title)","kind":"\#(kind)"}"#)
                    #expect(created.status == 201 && created.body["kind"]?.string == kind, "\(number)")
                    return created.body["id"]?.string ?? ""
                }
                let documents = try await seed.count("legal_documents")
                let wrongKind = try await client.send(
                    .post, "/v1/documents", token: f.headmaster,
                    json: #"{"number":"1/XX","date":"2024-01-01","issuer":"Trường","title":"Thử","kind":"XX"}"#)
                #expect(wrongKind.status == 422 && wrongKind.body["errors"]?.array?.first?["field"]?.string == "kind")
                #expect(try await seed.count("legal_documents") == documents)
                let regulation = try await document(
                    "05/QĐ-THAP", "2023-09-05", "Hiệu trưởng Trường Tiểu học An Phước", "Ban hành Quy chế thi đua, khen thưởng", "QĐ")
                let charter = try await document(
                    "28/2020/TT-BGDĐT", "2020-09-04", "Bộ trưởng Bộ Giáo dục và Đào tạo", "Ban hành Điều lệ Trường tiểu học", "TT")
                let later = try await document(
                    "09/QĐ-THAP", "2024-12-01", "Hiệu trưởng Trường Tiểu học An Phước", "Sửa đổi Quy chế thi đua, khen thưởng", "QĐ")

                let ids = [regulation, later, charter].map { #""\#($0)""# }.joined(separator: ",")
                #expect(try await client.send(.put, path, token: f.staff, json: #"{"documentIds":[\#(ids)]}"#).status == 403)
                let unknown = try await client.send(.put, path, token: f.headmaster, json: #"{"documentIds":["\#(UUID())"]}"#)
                #expect(unknown.status == 422 && unknown.body["errors"]?.array?.first?["field"]?.string == "documentIds")
                #expect(try await client.send(.get, path, token: f.staff).body["items"]?.array?.isEmpty == true)

                let saved = try await client.send(.put, path, token: f.headmaster, json: #"{"documentIds":[\#(ids)]}"#)
                #expect(saved.status == 200)
                #expect(
                    saved.body["items"]?.array?.compactMap { $0["number"]?.string } == ["28/2020/TT-BGDĐT", "05/QĐ-THAP", "09/QĐ-THAP"])
                #expect(try await seed.count("unit_legal_bases") == 3)
            }
            _ = try await f.commendation(seed, decision: "12/QĐ-THAP", date: "2024-05-20")
            let printed = try await DecisionRepository(client: seed.client).document("12/QĐ-THAP", logger: seed.logger)
            #expect(printed.bases.map(\.number) == ["28/2020/TT-BGDĐT", "05/QĐ-THAP", "817/QĐ-UBND-HC"], "own bases, then the plan")
            #expect(printed.bases[0].kind == "Thông tư số" && printed.bases[1].kind == "Quyết định số")
            let audited = try await seed.client.query(
                "SELECT count(*)::int FROM audit_log WHERE action = 'unit.legal-bases'", logger: seed.logger
            ).collect().first?.decode(Int.self)
            #expect(audited == 1)
        }
    }

    @Test("The văn thư ticks the unit's bases on Thiết lập văn bản; a teacher may not")
    func webPage() async throws {
        try await withTestApp { app, seed in
            let f = try await RegistryFixture.make(seed)
            let password = try await seed.webAccount("Hiệu trưởng", [.headmaster], login: "hieu.truong", person: nil)
            let teacher = try await seed.webAccount("Giáo viên", [.staff], login: "giao.vien", person: nil)
            let charter = try await DocumentRepository(client: seed.client).create(
                number: "28/2020/TT-BGDĐT", date: LocalDate(2020, 9, 4), issuer: "Bộ trưởng Bộ Giáo dục và Đào tạo",
                title: "Ban hành Điều lệ Trường tiểu học", kind: .circular, by: seed.actor, logger: seed.logger)
            let path = "/units/\(f.school.id)/documents"
            try await app.test(.router) { client in
                var browser = PageClient(client)
                _ = try await browser.signIn("hieu.truong", password)
                let page = try await browser.get(path)
                #expect(page.text.contains("Văn bản căn cứ của đơn vị") && page.text.contains("28/2020/TT-BGDĐT ngày 04/09/2020"))
                #expect(!page.text.contains(#"value="\#(charter.id)" checked"#))
                let saved = try await browser.post(
                    path + "/bases", [("_csrf", PageClient.formToken(page.text) ?? ""), ("bases", charter.id.description)])
                #expect(saved.status == .seeOther)
                let shown = try await browser.get(try #require(saved.headers[.location]))
                #expect(shown.text.contains("Đã lưu.") && shown.text.contains(#"value="\#(charter.id)" checked"#))
                let (ticked, other) = (shown.text.range(of: charter.id.description), shown.text.range(of: "817/QĐ-UBND-HC"))
                #expect(ticked != nil && other != nil && ticked!.lowerBound < other!.lowerBound, "the cited documents come first")

                var staff = PageClient(client)
                _ = try await staff.signIn("giao.vien", teacher)
                let token = PageClient.formToken(try await staff.get("/").text) ?? ""
                #expect(try await staff.post(path + "/bases", [("_csrf", token), ("bases", charter.id.description)]).status == .forbidden)
            }
            #expect(
                try await UnitLegalBasesRepository(client: seed.client).bases(of: f.school.id, logger: seed.logger).map(\.id) == [
                    charter.id
                ])
        }
    }
}
