import Foundation

/// The biên bản bình xét thi đua of a tổ: when and where, who chaired and took the minutes, attendance x/y with the
/// absent, and per member considered "số phiếu đồng ý / số thành viên dự họp, tỷ lệ %" and whether the tổ proposes them
/// to the council; signed by the secretary and the tổ trưởng.
public struct TeamReviewMinutes: Sendable {
    public struct Member: Equatable, Sendable {
        public let personId: ID<Person>
        public let name: String
        public let position: String

        public init(personId: ID<Person>, name: String, position: String) {
            self.personId = personId
            self.name = name
            self.position = position
        }
    }

    public struct Line: Equatable, Sendable {
        public let number: Int
        public let name: String
        public let position: String
        public let title: String
        /// "5/5"
        public let votes: String
        /// "100,00%"
        public let percent: String
        public let proposed: Bool
    }

    public let issuer: HonorList.Issuer
    public let settings: DocumentSettings
    public let teamName: String
    public let movementName: String
    public let period: Period
    public let meeting: MeetingDraft
    /// How many members the tổ had when the review was recorded.
    public let memberCount: Int
    /// The people the minutes name: the chair, the secretary, the absent.
    public let members: [Member]
    /// The members considered, in print order, with the title's name and the agreeing votes.
    public let votes: [(member: Member, title: String, agree: Int)]

    public init(
        issuer: HonorList.Issuer, settings: DocumentSettings, teamName: String, movementName: String, period: Period,
        meeting: MeetingDraft, memberCount: Int, members: [Member], votes: [(member: Member, title: String, agree: Int)]
    ) {
        self.issuer = issuer
        self.settings = settings
        self.teamName = teamName
        self.movementName = movementName
        self.period = period
        self.meeting = meeting
        self.memberCount = memberCount
        self.members = members
        self.votes = votes
    }

    func member(_ id: ID<Person>) -> Member? { members.first { $0.personId == id } }
    public var presentCount: Int { memberCount - meeting.absences.count }

    /// "BIÊN BẢN" / "BÌNH XÉT THI ĐUA, KHEN THƯỞNG" / "TỔ CHUYÊN MÔN KHỐI 1 – NĂM HỌC 2023-2024".
    public var titleLines: [String] {
        ["BIÊN BẢN", "BÌNH XÉT THI ĐUA, KHEN THƯỞNG", "\(teamName.uppercased()) – \(period.vietnamese.uppercased())"]
    }

    public var placeAndDate: String { issuer.placeAndDate(meeting.heldOn, settings: settings) }

    public var opening: [String] {
        let lines = [
            "Vào lúc \(CouncilMinutes.clock(meeting.startsAt)) \(meeting.heldOn.written), tại \(meeting.place), \(teamName) họp bình xét "
                + "thi đua, khen thưởng \(period.vietnamese) (\(movementName)).",
            "Chủ trì: \(Self.person(member(meeting.chairId))). Thư ký: \(Self.person(member(meeting.secretaryId))).",
        ]
        return lines
            + CouncilMinutes.attendance(
                present: presentCount, of: memberCount, absent: meeting.absences.map { (member($0.personId)?.name ?? "", $0.reason) })
    }

    static func person(_ member: Member?) -> String {
        guard let member else { return "" }
        return member.name + (member.position.isEmpty ? "" : " – \(member.position)")
    }

    public static let columns = [
        "STT", "Họ và tên", "Chức vụ", "Danh hiệu đề nghị", "Số phiếu đồng ý / số thành viên dự họp", "Tỷ lệ", "Kết quả",
    ]

    public var lines: [Line] {
        votes.enumerated().map { index, vote in
            let proposed = TeamReview.proposes(agree: vote.agree, present: presentCount)
            return Line(
                number: index + 1, name: vote.member.name, position: vote.member.position, title: vote.title,
                votes: "\(vote.agree)/\(presentCount)", percent: CouncilMinutes.percent(vote.agree, of: presentCount),
                proposed: proposed)
        }
    }

    public var closing: [String] {
        let proposed = lines.filter(\.proposed).count
        return [
            "Người được đề nghị cần quá nửa số thành viên dự họp đồng ý.",
            "Tổ thống nhất đề nghị \(proposed)/\(votes.count) cá nhân; danh sách gửi Hội đồng Thi đua – Khen thưởng nhà trường xem xét.",
            "Cuộc họp kết thúc vào lúc \(CouncilMinutes.clock(meeting.endsAt)) cùng ngày. Biên bản đã được đọc lại và các thành viên "
                + "dự họp nhất trí thông qua.",
        ]
    }

    /// The secretary's signature on the left, the chair's (the tổ trưởng's) on the right.
    public var signatures: [(title: [String], name: String)] {
        let chair = member(meeting.chairId)
        let leads = chair?.position.lowercased().contains("tổ trưởng") == true
        return [(["THƯ KÝ"], member(meeting.secretaryId)?.name ?? ""), ([leads ? "TỔ TRƯỞNG" : "CHỦ TRÌ"], chair?.name ?? "")]
    }
}
