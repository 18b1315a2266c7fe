import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import ThiduaCore
import ThiduaStore
import ThiduaTestSupport

/// A tổ's bình xét over the API (issue "The school year's paperwork", item 2; sql/0031): the tổ trưởng scoped to the tổ
/// records it once, another tổ's leader is refused, a wrong vote is said beside its field and records nothing, and the
/// biên bản counts the votes over the members present.
@Suite("Team reviews")
struct TeamReviewTests {
    @Test("The tổ trưởng records the tổ's review and prints its biên bản; another tổ's leader, the union and mistakes are refused")
    func teamReview() async throws {
        try await withTestApp { app, seed in
            let f = try await RegistryFixture.make(seed)
            let second = try await seed.person("Đỗ Văn Bảy", unit: f.collective.id)
            let accounts = AccountRepository(client: seed.client)
            let (leadAccount, lead) = try await accounts.create(
                displayName: "Phạm Thị Lan", roles: [.staff], personId: f.councilPeople[0].id, by: seed.actor, logger: seed.logger)
            _ = try await accounts.grant(.teamLead, on: f.collective.id, to: leadAccount.id, by: seed.actor, logger: seed.logger)
            let other = try await seed.unit("THAP-K2", name: "Tổ chuyên môn khối 2", kind: .collective, parent: f.school.id)
            let (_, otherLead) = try await accounts.create(
                displayName: "Tổ trưởng khối 2", roles: [.teamLead], personId: nil, scope: other.id, by: seed.actor, logger: seed.logger)
            // The tổ: Phạm Thị Lan (council member), Nguyễn Thị Ngọc Hân (the teacher), Đỗ Văn Bảy.
            let path = "/v1/movements/\(f.movement.id)/team-reviews"
            @Sendable func body(agree: Int) -> String {
                """
                {"unitId":"\(f.collective.id)","heldOn":"2024-05-15","startsAt":"15:30","endsAt":"17:00","place":"Phòng họp tổ",
                 "chairId":"\(f.councilPeople[0].id)","secretaryId":"\(f.teacher.id)",
                 "absences":[{"personId":"\(second.id)","reason":"Nghỉ ốm"}],
                 "votes":[{"personId":"\(f.teacher.id)","title":"LDTT","agree":\(agree)},{"personId":"\(second.id)","title":"LDTT","agree":1}]}
                """
            }
            try await app.test(.router) { client in
                #expect(try await client.send(.post, path, token: f.union, json: body(agree: 2)).status == 403)
                let elsewhere = try await client.send(.post, path, token: otherLead, json: body(agree: 2))
                #expect(elsewhere.status == 403 && elsewhere.body["detail"]?.string?.contains("tổ trưởng của tổ khác") == true)
                let tooMany = try await client.send(.post, path, token: lead, json: body(agree: 3))
                #expect(tooMany.status == 422)
                #expect(tooMany.body["errors"]?.array?.first?["field"]?.string == "votes[0].agree", "\(tooMany.body)")
                #expect(try await seed.count("team_reviews") == 0)
                let recorded = try await client.send(.post, path, token: lead, json: body(agree: 2))
                #expect(recorded.status == 201, "\(recorded.body)")
                #expect(recorded.body["present"]?.number == 2 && recorded.body["members"]?.number == 3)
                let lines = recorded.body["lines"]?.array ?? []
                #expect(lines.map { $0["votes"]?.string ?? "" } == ["1/2", "2/2"], "Đỗ Văn Bảy before Nguyễn Thị Ngọc Hân")
                #expect(lines.map { $0["proposed"] } == [.bool(false), .bool(true)])
                #expect(try await client.send(.post, path, token: lead, json: body(agree: 2)).status == 409)

                let minutes = try await client.execute(
                    uri: "\(path)/\(f.collective.id)/minutes?format=md", method: .get, headers: Seed.headers(f.union)
                ) { $0.text }
                for phrase in [
                    "BIÊN BẢN — BÌNH XÉT THI ĐUA, KHEN THƯỞNG — TỔ CHUYÊN MÔN KHỐI 1 – NĂM 2024", "Thành viên có mặt: 2/3; vắng mặt: 1:",
                    "– Đỗ Văn Bảy (Nghỉ ốm).", "| Nguyễn Thị Ngọc Hân | Giáo viên | Lao động tiên tiến | 2/2 | 100,00% | Đề nghị |",
                    "| 1/2 | 50,00% | Không đề nghị |", "Tổ thống nhất đề nghị 1/2 cá nhân",
                    "**THƯ KÝ** Nguyễn Thị Ngọc Hân — **CHỦ TRÌ** Phạm Thị Lan",
                ] {
                    #expect(minutes.contains(phrase), "\(phrase)\n\(minutes)")
                }
                #expect(try await client.send(.get, "\(path)/\(f.collective.id)", token: lead).status == 200)
                #expect(try await client.send(.get, "\(path)/\(f.collective.id)", token: otherLead).status == 404)
                #expect(try await client.send(.get, "\(path)/\(f.collective.id)/minutes", token: f.staff).status == 403)
                #expect(try await client.send(.get, "\(path)/\(other.id)", token: f.union).status == 404)
            }
        }
    }
}
