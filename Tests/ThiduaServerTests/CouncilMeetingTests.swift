import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import ThiduaCore
import ThiduaStore
import ThiduaTestSupport

/// The council's biên bản over the API (issue "The school year's paperwork", item 2; sql/0030): the council from the
/// head's decision is the denominator, the meeting's attendance, a secret ballot for Chiến sĩ thi đua, the printed
/// vote table; every refusal is said beside its field and changes nothing.
@Suite("Council minutes")
struct CouncilMeetingTests {
    @Test("The head records the council, the secretary the meeting and a secret ballot; the biên bản counts votes over the membership")
    func minutes() async throws {
        try await withTestApp { app, seed in
            let f = try await RegistryFixture.make(seed)
            let worker = try await seed.person("Đỗ Văn Bảy", unit: f.collective.id)
            let ldtt = try await f.nomination(seed, status: .recommended)
            let cstd = try await f.nomination(
                seed, status: .recommended, award: "CSTD_CS", nominee: .person(worker.id), overriding: "Đủ điều kiện theo hồ sơ")
            let meetingPath = "/v1/movements/\(f.movement.id)/council-meeting"
            let people = f.councilPeople.map(\.id.description)
            let meeting = """
                {"heldOn":"2024-05-20","startsAt":"14:00","endsAt":"16:30","place":"Phòng họp nhà trường",
                 "chairId":"\(people[1])","secretaryId":"\(people[2])",
                 "absences":[{"personId":"\(f.teacher.id)","reason":"Đi công tác"}]}
                """
            try await app.test(.router) { client in
                let early = try await client.send(.post, meetingPath, token: f.council[2].token, json: meeting)
                #expect(early.status == 409 && early.body["detail"]?.string?.contains("Chưa ghi quyết định thành lập Hội đồng") == true)

                let council = """
                    {"period":"2024","decisionNumber":"09/QĐ-THAP","decisionDate":"2024-01-05","members":[
                     {"personId":"\(people[1])","duty":"chair"},{"personId":"\(people[0])","duty":"member"},
                     {"personId":"\(f.teacher.id)","duty":"member"},{"personId":"\(people[2])","duty":"secretary"}]}
                    """
                #expect(try await client.send(.post, "/v1/councils", token: f.union, json: council).status == 403)
                let noChair = try await client.send(
                    .post, "/v1/councils", token: f.headmaster, json: council.replacingOccurrences(of: "\"chair\"", with: "\"member\""))
                #expect(
                    noChair.status == 422
                        && noChair.body["errors"]?.array?.contains { $0["message"]?.string == "Hội đồng có đúng một Chủ tịch." } == true)
                let created = try await client.send(.post, "/v1/councils", token: f.headmaster, json: council)
                #expect(created.status == 201 && created.body["members"]?.array?.count == 4, "\(created.body)")
                #expect(created.body["members"]?.array?.first?["dutyName"]?.string == "Chủ tịch Hội đồng")
                let twice = try await client.send(.post, "/v1/councils", token: f.headmaster, json: council)
                #expect(twice.status == 409)
                #expect(try await seed.count("councils") == 1)
                #expect(try await seed.count("council_members") == 4)

                let chairAbsent = meeting.replacingOccurrences(of: "\(f.teacher.id)", with: people[1])
                let refused = try await client.send(.post, meetingPath, token: f.council[2].token, json: chairAbsent)
                #expect(refused.status == 422 && refused.body["errors"]?.array?.first?["field"]?.string == "chairId", "\(refused.body)")
                let before = meeting.replacingOccurrences(of: "2024-05-20", with: "2024-01-02")
                let tooEarly = try await client.send(.post, meetingPath, token: f.council[2].token, json: before)
                #expect(tooEarly.status == 422 && tooEarly.body["errors"]?.array?.first?["field"]?.string == "heldOn", "\(tooEarly.body)")
                #expect(try await client.send(.post, meetingPath, token: f.union, json: meeting).status == 403)
                let recorded = try await client.send(.post, meetingPath, token: f.council[2].token, json: meeting)
                #expect(recorded.status == 201 && recorded.body["absences"]?.array?.count == 1, "\(recorded.body)")
                #expect(try await client.send(.post, meetingPath, token: f.council[2].token, json: meeting).status == 409)

                let ballots = meetingPath + "/ballots"
                let open = try await client.send(
                    .post, ballots, token: f.council[2].token,
                    json: #"{"nominationId":"\#(ldtt.id)","issued":3,"returned":3,"valid":3,"agree":3}"#)
                #expect(open.status == 409 && open.body["detail"]?.string?.contains("biểu quyết công khai") == true)
                let tooMany = try await client.send(
                    .post, ballots, token: f.council[2].token,
                    json: #"{"nominationId":"\#(cstd.id)","issued":4,"returned":4,"valid":5,"agree":3}"#)
                #expect(tooMany.status == 422)
                #expect(
                    Set(tooMany.body["errors"]?.array?.compactMap { $0["field"]?.string } ?? []) == ["issued", "valid"], "\(tooMany.body)")
                #expect(try await seed.count("council_ballots") == 0)
                let ballot = try await client.send(
                    .post, ballots, token: f.council[2].token,
                    json: #"{"nominationId":"\#(cstd.id)","issued":3,"returned":3,"valid":3,"agree":3}"#)
                #expect(ballot.status == 200 && ballot.body["agree"]?.number == 3, "\(ballot.body)")

                let md = try await client.execute(
                    uri: meetingPath + "/minutes?format=md", method: .get, headers: Seed.headers(f.council[0].token)
                ) { $0.text }
                for phrase in [
                    "BIÊN BẢN — HỌP HỘI ĐỒNG THI ĐUA – KHEN THƯỞNG — NĂM 2024", "Thành viên có mặt: 3/4; vắng mặt: 1:",
                    "– Nguyễn Thị Ngọc Hân (Đi công tác).", "Quyết định số 09/QĐ-THAP ngày 05/01/2024, gồm 4 thành viên",
                    "| 3/4 | 75,00% | Đề nghị |", "| 2/4 | 50,00% | Không đề nghị |",
                    "Bỏ phiếu kín đề nghị \"Chiến sĩ thi đua cơ sở\" cho Đỗ Văn Bảy: số phiếu phát ra 3, thu về 3, hợp lệ 3, đồng ý 3.",
                    "Lao động tiên tiến: từ 2/3 tổng số thành viên hội đồng trở lên.", "Hội đồng thống nhất đề nghị 1/2 trường hợp",
                    "**THƯ KÝ** Võ Thị Mười — **CHỦ TỊCH HỘI ĐỒNG** Lê Hoàng Phúc",
                ] {
                    #expect(md.contains(phrase), "\(phrase)\n\(md)")
                }
                let docx = try await client.execute(
                    uri: meetingPath + "/minutes?format=docx", method: .get, headers: Seed.headers(f.headmaster)
                ) { response in
                    (response.status, Data(buffer: response.body).prefix(2))
                }
                #expect(docx.0 == .ok && docx.1 == Data("PK".utf8))
                #expect(
                    try await client.send(.get, meetingPath + "/minutes?format=pdf", token: f.headmaster).status == 422)
                #expect(try await client.send(.get, meetingPath + "/minutes", token: f.staff).status == 403)
                let shown = try await client.send(.get, "/v1/councils?period=2024", token: f.council[0].token)
                #expect(shown.status == 200 && shown.body["decisionNumber"]?.string == "09/QĐ-THAP")
            }
        }
    }

    @Test("Once the council is recorded, a recommendation needs its share of the decision's members, not of the accounts")
    func membershipIsTheDenominator() async throws {
        try await TestDatabase.with { database, client in
            let seed = Seed(client: client, logger: database.logger)
            let f = try await RegistryFixture.make(seed)
            let reviewed = try await f.nomination(seed, status: .inReview)
            // A second agreeing vote: two of the three council accounts, enough before the council's decision was recorded.
            _ = try await ReviewRepository(client: seed.client).review(
                .nomination(reviewed.id), by: f.council[2].account, scores: ["KQ": 30, "LT": 55], vote: .agree, comment: "",
                logger: seed.logger)
            let repository = NominationRepository(client: seed.client)
            let people = f.councilPeople.map(\.id.description)
            let draft = try CouncilDraft.validate(
                period: f.movement.period, decisionNumber: "09/QĐ-THAP", decisionDate: "2024-01-05",
                members: [(people[1], "chair"), (people[0], "member"), (f.teacher.id.description, "member"), (people[2], "secretary")])
            _ = try await CouncilRepository(client: seed.client).create(draft, unit: f.school.id, by: seed.actor, logger: seed.logger)
            do {
                _ = try await repository.recommend(
                    reviewed.id, recommended: true, expectedVersion: nil, by: f.headmasterAccount, logger: seed.logger)
                Issue.record("two agreeing votes of four members passed a two-thirds threshold")
            } catch let error as DomainError {
                #expect(error.message.contains("2 phiếu đồng ý, cần 3") && error.message.contains("4 thành viên"), "\(error.message)")
            }
            #expect(try await repository.find(reviewed.id, logger: seed.logger).status == .inReview)
            let (declined, tally) = try await repository.recommend(
                reviewed.id, recommended: false, expectedVersion: nil, by: f.headmasterAccount, logger: seed.logger)
            #expect(declined.status == .notRecommended && tally.members == 4 && tally.agree == 2)
        }
    }
}
