import Foundation
import Testing

@testable import ThiduaCore

/// The council's rules (issue "The school year's paperwork", item 2): who it is, what a meeting record must hold, what a
/// secret ballot can add up to, and how the biên bản computes "x/y, tỷ lệ %" and its conclusion.
@Suite("Council minutes: the council, the meeting, the ballot, the vote table")
struct CouncilTests {
    static let people = (0..<5).map { _ in ID<Person>(UUID()) }
    static let council = Council(
        id: ID(UUID()), unitId: ID(UUID()), period: Period(kind: .schoolYear, year: 2023), decisionNumber: "09/QĐ-THAP",
        decisionDate: LocalDate(2023, 9, 6),
        members: [
            .init(personId: people[0], name: "Trần Văn Minh", position: "Hiệu trưởng", duty: .chair),
            .init(personId: people[1], name: "Nguyễn Thị Ngọc Hân", position: "Phó Hiệu trưởng", duty: .viceChair),
            .init(personId: people[2], name: "Phạm Thị Lan", position: "Tổ trưởng", duty: .member),
            .init(personId: people[3], name: "Ngô Văn Hùng", position: "Tổ trưởng", duty: .member),
            .init(personId: people[4], name: "Huỳnh Thị Thanh Tâm", position: "Chủ tịch Công đoàn", duty: .secretary),
        ])

    @Test("A council has one chair, one secretary, three members at least, nobody twice — every problem said at once")
    func councilDraft() throws {
        let ok = try CouncilDraft.validate(
            period: Period("2023-2024"), decisionNumber: " 09/QĐ-THAP ", decisionDate: "2023-09-06",
            members: [
                (Self.people[0].description, "chair"), (Self.people[1].description, "member"), (Self.people[2].description, "secretary"),
            ])
        #expect(ok.decisionNumber == "09/QĐ-THAP" && ok.members.count == 3)
        do {
            _ = try CouncilDraft.validate(
                period: nil, decisionNumber: "", decisionDate: "06/09/2023",
                members: [(Self.people[0].description, "member"), (Self.people[0].description, "boss")])
            Issue.record("accepted a council without chair")
        } catch {
            let messages = error.violations.map(\.message)
            for expected in [
                "Cần năm học", "Cần số quyết định", "Ngày quyết định phải có dạng YYYY-MM-DD", "Nhiệm vụ là chair",
                "Hội đồng có đúng một Chủ tịch.", "Hội đồng có đúng một Thư ký.", "Hội đồng cần ít nhất ba thành viên.",
            ] {
                #expect(messages.contains { $0.hasPrefix(expected) }, "\(expected) in \(messages)")
            }
        }
    }

    @Test("A meeting's chair and secretary are members who attended; the absent are members with a reason; hours read HH:mm")
    func meetingDraft() throws {
        let draft = try MeetingDraft.validate(
            heldOn: "2024-05-20", startsAt: "14h00", endsAt: "16:30", place: "Phòng họp", chairId: Self.people[0].description,
            secretaryId: Self.people[4].description, absences: [(Self.people[3].description, "Đi công tác")], council: Self.council)
        #expect(draft.startsAt == "14:00" && draft.absences.count == 1)
        do {
            _ = try MeetingDraft.validate(
                heldOn: "20/05/2024", startsAt: "16:30", endsAt: "14:00", place: " ", chairId: Self.people[3].description,
                secretaryId: UUID().uuidString, absences: [(Self.people[3].description, ""), (UUID().uuidString, "Ốm")],
                council: Self.council)
            Issue.record("accepted a broken meeting")
        } catch {
            let byField = Dictionary(grouping: error.violations, by: \.field).mapValues { $0.map(\.message) }
            #expect(byField["heldOn"] != nil)
            #expect(byField["endsAt"] == ["Giờ kết thúc phải sau giờ bắt đầu."])
            #expect(byField["place"] != nil)
            #expect(byField["chairId"] == ["Người chủ trì không thể vắng mặt."])
            #expect(byField["secretaryId"] == ["Thư ký phải là thành viên Hội đồng."])
            #expect(byField["absences[0].reason"] != nil && byField["absences[1].personId"] != nil)
        }
    }

    @Test("A secret ballot adds up: issued ≤ present, returned ≤ issued, valid ≤ returned, agree ≤ valid")
    func ballot() throws {
        #expect(try CouncilMeeting.Ballot.validate(issued: 4, returned: 4, valid: 3, agree: 3, present: 4).agree == 3)
        do {
            _ = try CouncilMeeting.Ballot.validate(issued: 6, returned: 7, valid: 7, agree: 8, present: 5)
            Issue.record("accepted impossible totals")
        } catch {
            #expect(Set(error.violations.map(\.field)) == ["issued", "returned", "agree"])
        }
        #expect(throws: DomainError.self) { try CouncilMeeting.Ballot.validate(issued: nil, returned: 1, valid: 1, agree: -1, present: 5) }
    }

    @Test(
        "The share is printed with two decimals and a comma, rounded half up",
        arguments: [
            (5, 7, "71,43%"), (2, 3, "66,67%"), (7, 7, "100,00%"), (0, 7, "0,00%"), (1, 8, "12,50%"), (1, 0, "—"),
        ])
    func percent(part: Int, whole: Int, printed: String) {
        #expect(CouncilMinutes.percent(part, of: whole) == printed)
    }

    @Test("The conclusion follows the award's threshold over the whole membership; a secret ballot counts its own agreeing votes")
    func lines() {
        let twoThirds = VoteThreshold(numerator: 2, denominator: 3, base: .members)
        func nominee(_ name: String, agree: Int?, ballot: CouncilMeeting.Ballot? = nil, secret: Bool = false) -> CouncilMinutes.Nominee {
            .init(
                nominationId: ID(UUID()), name: name, position: "Giáo viên", unit: "Tổ 1",
                awardName: secret ? "Chiến sĩ thi đua cơ sở" : "Lao động tiên tiến",
                secretBallot: secret, tallyAgree: agree, ballot: ballot, threshold: twoThirds)
        }
        let meeting = CouncilMeeting(
            id: ID(UUID()), movementId: ID(UUID()), councilId: Self.council.id, heldOn: LocalDate(2024, 5, 20), startsAt: "14:00",
            endsAt: "16:30", place: "Phòng họp", chairId: Self.people[0], secretaryId: Self.people[4],
            absences: [.init(personId: Self.people[3], reason: "Đi công tác")], ballots: [:])
        let minutes = CouncilMinutes(
            issuer: HonorList.Issuer(unitName: "Trường Tiểu học An Phước", parentName: "Phòng GD&ĐT huyện Tân Hồng", place: "Tân Hồng"),
            settings: DocumentSettings(managingAgency: "Phòng GD&ĐT huyện Tân Hồng", place: "Tân Hồng"), movementName: "Phong trào",
            period: Period(kind: .schoolYear, year: 2023), council: Self.council, meeting: meeting,
            nominees: [
                nominee("A", agree: 4), nominee("B", agree: 3),
                nominee("C", agree: nil, ballot: .init(issued: 4, returned: 4, valid: 4, agree: 4), secret: true),
                nominee("D", agree: 4, secret: true),
            ])
        #expect(minutes.lines.map(\.votes) == ["4/5", "3/5", "4/5", "—"])
        #expect(minutes.lines.map(\.percent) == ["80,00%", "60,00%", "80,00%", "—"])
        #expect(minutes.lines.map(\.conclusion) == ["Đề nghị", "Không đề nghị", "Đề nghị", "Chưa ghi kết quả bỏ phiếu kín"])
        #expect(minutes.opening.contains("Thành viên có mặt: 4/5; vắng mặt: 1:"))
        #expect(minutes.opening.contains("– Ngô Văn Hùng (Đi công tác)."))
        #expect(
            minutes.ballotLines == [
                "Bỏ phiếu kín đề nghị \"Chiến sĩ thi đua cơ sở\" cho C: số phiếu phát ra 4, thu về 4, hợp lệ 4, đồng ý 4."
            ])
        #expect(minutes.closing[0].hasPrefix("Hội đồng thống nhất đề nghị 2/4 trường hợp"))
        #expect(minutes.signatures.map(\.name) == ["Huỳnh Thị Thanh Tâm", "Trần Văn Minh"])
    }

    @Test("A tổ's review: members of the tổ only, once each, votes between 0 and those present; more than half proposes")
    func teamReview() throws {
        let members = Set(Self.people)
        let draft = try TeamReviewDraft.validate(
            heldOn: "2024-05-15", startsAt: "15:30", endsAt: "17:00", place: "Phòng họp tổ", chairId: Self.people[0].description,
            secretaryId: Self.people[1].description, absences: [(Self.people[4].description, "Nghỉ ốm")],
            votes: [(Self.people[2].description, "ldtt", 4)], members: members)
        #expect(draft.votes == [.init(personId: Self.people[2], titleCode: "LDTT", agree: 4)])
        do {
            _ = try TeamReviewDraft.validate(
                heldOn: "2024-05-15", startsAt: "15:30", endsAt: "17:00", place: "Phòng họp tổ", chairId: Self.people[0].description,
                secretaryId: UUID().uuidString, absences: [(Self.people[4].description, "Nghỉ ốm")],
                votes: [(Self.people[2].description, "LDTT", 5), (UUID().uuidString, "LDTT", 1), (Self.people[2].description, "", 1)],
                members: members)
            Issue.record("accepted a broken review")
        } catch {
            let byField = Dictionary(grouping: error.violations, by: \.field).mapValues { $0.map(\.message) }
            #expect(byField["secretaryId"] == ["Thư ký phải là thành viên tổ."])
            #expect(byField["votes[0].agree"] == ["Số phiếu đồng ý từ 0 đến 4 (số thành viên dự họp)."])
            #expect(byField["votes[1].personId"] == ["Người được bình xét phải là thành viên của tổ."])
            #expect(byField["votes[2].personId"] == ["Một người được bình xét hai lần."] && byField["votes[2].title"] != nil)
        }
        #expect(TeamReview.proposes(agree: 3, present: 5) && !TeamReview.proposes(agree: 2, present: 4))
        #expect(!TeamReview.proposes(agree: 0, present: 0))
    }

    @Test("A team lead records the review of the tổ their account is scoped to, or of any with no scope; an admin any")
    func teamLeadScope() throws {
        let team = ID<OrgUnit>(UUID()), other = ID<OrgUnit>(UUID())
        let lead = Account(id: ID(UUID()), displayName: "Phạm Thị Lan", roles: [.teamLead, .staff], personId: nil)
        try Policy.requireTeamReview(of: team, as: lead, scope: team)
        try Policy.requireTeamReview(of: other, as: lead, scope: nil)
        #expect(throws: DomainError.self) { try Policy.requireTeamReview(of: other, as: lead, scope: team) }
        let admin = Account(id: ID(UUID()), displayName: "Quản trị", roles: [.admin], personId: nil)
        try Policy.requireTeamReview(of: other, as: admin, scope: team)
        let union = Account(id: ID(UUID()), displayName: "Công đoàn", roles: [.union], personId: nil)
        #expect(throws: DomainError.self) { try Policy.requireTeamReview(of: team, as: union, scope: nil) }
    }
}
