import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import ThiduaCore
import ThiduaStore
import ThiduaTestSupport

/// Public posting before the head signs (issue "The school year's paperwork", item 7; sql/0034): the head posts the
/// council's list for some days, anyone signed in comments while it is up, the council reads the comments, the notice
/// prints, and a decision dated inside the window is refused.
@Suite("Public posting of the council's list")
struct PostingTests {
    @Test("Posted for N days; comments inside the window, read by the council; no decision before the window ends")
    func postCommentDecide() async throws {
        try await withTestApp { app, seed in
            let f = try await RegistryFixture.make(seed)
            let nomination = try await f.nomination(seed, status: .recommended, overriding: "Đủ điều kiện theo hồ sơ")
            let today = LocalDate.today
            let movementPath = "/v1/movements/\(f.movement.id)/postings"
            try await app.test(.router) { client in
                let body = #"{"postedOn":"\#(today.adding(days: -1))","days":3,"place":"Bảng tin phòng giáo viên"}"#
                #expect(try await client.send(.post, movementPath, token: f.union, json: body).status == 403)
                for (json, field) in [
                    (#"{"postedOn":"\#(today)","days":0,"place":"Bảng tin"}"#, "days"),
                    (#"{"postedOn":"\#(today)","days":3,"place":" "}"#, "place"),
                    (#"{"postedOn":"\#(today)","days":3,"place":"Bảng tin","nominationIds":["\#(f.movement.id)"]}"#, "nominationIds"),
                ] {
                    let refused = try await client.send(.post, movementPath, token: f.headmaster, json: json)
                    #expect(refused.status == 422 && refused.body["errors"]?.array?.first?["field"]?.string == field, "\(json)")
                }
                #expect(try await seed.count("postings") == 0)
                let posted = try await client.send(.post, movementPath, token: f.headmaster, json: body)
                #expect(posted.status == 201 && posted.body["open"] == .bool(true))
                #expect(posted.body["lines"]?.array?.first?["name"]?.string == "Nguyễn Thị Ngọc Hân")
                #expect(posted.body["endsOn"]?.string == today.adding(days: 1).description)
                #expect(try await client.send(.post, movementPath, token: f.headmaster, json: body).status == 409, "one posting a day")
                let posting = try #require(posted.body["id"]?.string)

                let comment = try await client.send(
                    .post, "/v1/postings/\(posting)/comments", token: f.staff,
                    json: #"{"body":"Đồng ý","nominationId":"\#(nomination.id)"}"#)
                #expect(comment.status == 201 && comment.body["nominee"]?.string == "Nguyễn Thị Ngọc Hân")
                let stranger = try await client.send(
                    .post, "/v1/postings/\(posting)/comments", token: f.staff, json: #"{"body":"x","nominationId":"\#(f.movement.id)"}"#)
                #expect(stranger.status == 422 && stranger.body["errors"]?.array?.first?["field"]?.string == "nominationId")
                #expect(
                    try await client.send(.post, "/v1/postings/\(posting)/comments", token: f.staff, json: #"{"body":"  "}"#).status == 422)
                let forStaff = try await client.send(.get, movementPath, token: f.staff)
                #expect(forStaff.body["items"]?.array?.first?["comments"] == nil, "the comments are the council's to read")
                let forCouncil = try await client.send(.get, movementPath, token: f.council[0].token)
                #expect(forCouncil.body["items"]?.array?.first?["comments"]?.array?.first?["body"]?.string == "Đồng ý")

                let early = try await client.send(
                    .post, "/v1/nominations/\(nomination.id)/approve", token: f.headmaster,
                    json: #"{"decisionNumber":"30/QĐ-THAP","decisionDate":"\#(today)"}"#)
                #expect(early.status == 409 && early.body["detail"]?.string?.contains("niêm yết") == true)
                #expect(try await seed.count("commendations") == 0)
                let after = try await client.send(
                    .post, "/v1/nominations/\(nomination.id)/approve", token: f.headmaster,
                    json: #"{"decisionNumber":"30/QĐ-THAP","decisionDate":"\#(today.adding(days: 2))"}"#)
                #expect(after.status == 201)

                let notice = try await client.execute(
                    uri: "/v1/postings/\(posting)/notice?format=md", method: .get, headers: Seed.headers(f.staff)
                ) { $0.text }
                #expect(notice.contains("THÔNG BÁO") && notice.contains("Bảng tin phòng giáo viên"))
                #expect(notice.contains("từ ngày \(today.adding(days: -1).vietnamese) đến hết ngày \(today.adding(days: 1).vietnamese)"))
            }
        }
    }

    @Test("A comment outside the window is refused")
    func closedWindow() async throws {
        try await withTestApp { app, seed in
            let f = try await RegistryFixture.make(seed)
            _ = try await f.nomination(seed, status: .recommended, overriding: "Đủ điều kiện theo hồ sơ")
            let posting = try await PostingRepository(client: seed.client).create(
                movement: f.movement.id, try PostingDraft.validate(postedOn: "2024-05-20", days: 2, place: "Bảng tin"), nominations: nil,
                by: seed.actor, logger: seed.logger)
            try await app.test(.router) { client in
                let late = try await client.send(.post, "/v1/postings/\(posting.id)/comments", token: f.staff, json: #"{"body":"Muộn"}"#)
                #expect(late.status == 409 && late.body["detail"]?.string?.contains("đến hết ngày 21/05/2024") == true)
                #expect(try await seed.count("posting_comments") == 0)
            }
        }
    }
}
