import Foundation

/// The biên bản họp Hội đồng Thi đua – Khen thưởng (issue 14, item 2): when and where, the chair and the secretary,
/// attendance x/y with the absent and their reasons, then per nominee "số phiếu đồng ý / tổng số thành viên, tỷ lệ %" and
/// the conclusion the award's vote threshold gives, and the two signatures. Votes by show of hands are the council's
/// recorded tally; titles voted by secret ballot print the ballot's totals.
public struct CouncilMinutes: Equatable, Sendable {
    /// A nomination the council concluded, as the minutes read it.
    public struct Nominee: Equatable, Sendable {
        public let nominationId: ID<Nomination>
        public let name: String
        public let position: String
        public let unit: String
        public let awardName: String
        public let secretBallot: Bool
        /// The agreeing votes of the council's recorded tally (show of hands); nil when none was recorded.
        public let tallyAgree: Int?
        public let ballot: CouncilMeeting.Ballot?
        /// The award's threshold on the meeting day; nil when the award has none.
        public let threshold: VoteThreshold?

        public init(
            nominationId: ID<Nomination>, name: String, position: String, unit: String, awardName: String, secretBallot: Bool,
            tallyAgree: Int?, ballot: CouncilMeeting.Ballot?, threshold: VoteThreshold?
        ) {
            self.nominationId = nominationId
            self.name = name
            self.position = position
            self.unit = unit
            self.awardName = awardName
            self.secretBallot = secretBallot
            self.tallyAgree = tallyAgree
            self.ballot = ballot
            self.threshold = threshold
        }

        /// The agreeing votes the minutes report: the ballot's for a secret vote, else the recorded tally's.
        public var agree: Int? { secretBallot ? ballot?.agree : tallyAgree }
    }

    /// One printed line of the vote table.
    public struct Line: Equatable, Sendable {
        public let number: Int
        public let name: String
        public let position: String
        public let award: String
        /// "5/7"
        public let votes: String
        /// "71,43%"
        public let percent: String
        public let conclusion: String
        public let reached: Bool
    }

    public let issuer: HonorList.Issuer
    public let settings: DocumentSettings
    public let movementName: String
    public let period: Period
    public let council: Council
    public let meeting: CouncilMeeting
    public let nominees: [Nominee]

    public init(
        issuer: HonorList.Issuer, settings: DocumentSettings, movementName: String, period: Period, council: Council,
        meeting: CouncilMeeting, nominees: [Nominee]
    ) {
        self.issuer = issuer
        self.settings = settings
        self.movementName = movementName
        self.period = period
        self.council = council
        self.meeting = meeting
        self.nominees = nominees
    }

    public var memberCount: Int { council.members.count }
    public var presentCount: Int { memberCount - meeting.absences.count }

    /// "BIÊN BẢN" / "HỌP HỘI ĐỒNG THI ĐUA – KHEN THƯỞNG" / "NĂM HỌC 2023-2024".
    public var titleLines: [String] { ["BIÊN BẢN", "HỌP HỘI ĐỒNG THI ĐUA – KHEN THƯỞNG", period.vietnamese.uppercased()] }

    /// "Tân Hồng, ngày 20 tháng 5 năm 2024".
    public var placeAndDate: String { issuer.placeAndDate(meeting.heldOn, settings: settings) }

    /// The opening paragraphs: time and place, the council's decision, the chair, the secretary, attendance.
    public var opening: [String] {
        let chair = council.member(meeting.chairId)
        let secretary = council.member(meeting.secretaryId)
        let lines = [
            "Vào lúc \(Self.clock(meeting.startsAt)) \(meeting.heldOn.written), tại \(meeting.place), "
                + "\(council.noun(unit: issuer.unitName)) tiến hành họp xét thi đua, khen thưởng \(period.vietnamese) "
                + "(\(movementName)).",
            "Hội đồng được thành lập theo Quyết định số \(council.decisionNumber) ngày \(council.decisionDate.vietnamese), "
                + "gồm \(memberCount) thành viên.",
            "Chủ trì: \(Self.person(chair)). Thư ký: \(Self.person(secretary)).",
        ]
        return lines
            + Self.attendance(
                present: presentCount, of: memberCount,
                absent: meeting.absences.map { (council.member($0.personId)?.name ?? "", $0.reason) })
    }

    /// "Thành viên có mặt: 4/5; vắng mặt: 1:" and a line for each absent member with the reason — the council's minutes and
    /// a tổ's say it alike.
    static func attendance(present: Int, of members: Int, absent: [(name: String, reason: String)]) -> [String] {
        ["Thành viên có mặt: \(present)/\(members); vắng mặt: \(absent.count)" + (absent.isEmpty ? "." : ":")]
            + absent.map { "– \($0.name) (\($0.reason))." }
    }

    /// "Lê Văn An – Hiệu trưởng, Chủ tịch Hội đồng".
    static func person(_ member: Council.Member?) -> String {
        guard let member else { return "" }
        return member.name + (member.position.isEmpty ? "" : " – \(member.position)") + ", \(member.duty.vietnamese)"
    }

    /// "14:00" → "14 giờ 00".
    static func clock(_ time: String) -> String { time.replacingOccurrences(of: ":", with: " giờ ") }

    public static let columns = [
        "STT", "Họ và tên", "Chức vụ, đơn vị", "Danh hiệu, hình thức đề nghị", "Số phiếu đồng ý / tổng số thành viên", "Tỷ lệ", "Kết luận",
    ]

    /// The vote table: agreeing votes over the council's membership, the share with two decimals, and the conclusion.
    public var lines: [Line] {
        nominees.enumerated().map { index, nominee in
            let position = [nominee.position, nominee.unit].filter { !$0.isEmpty }.joined(separator: ", ")
            guard let agree = nominee.agree else {
                return Line(
                    number: index + 1, name: nominee.name, position: position, award: nominee.awardName, votes: "—", percent: "—",
                    conclusion: nominee.secretBallot ? "Chưa ghi kết quả bỏ phiếu kín" : "Chưa có kết quả biểu quyết", reached: false)
            }
            // Those present who did not agree count as voting otherwise, so a threshold over "those present" reads them.
            let tally = Tally(agree: agree, disagree: max(0, presentCount - agree), abstain: 0, members: memberCount)
            // An award without a threshold in the catalogue needs more than half of the members.
            let reached = nominee.threshold.map { $0.isMet(by: tally) } ?? (agree * 2 > memberCount)
            return Line(
                number: index + 1, name: nominee.name, position: position, award: nominee.awardName, votes: "\(agree)/\(memberCount)",
                percent: Self.percent(agree, of: memberCount), conclusion: reached ? "Đề nghị" : "Không đề nghị", reached: reached)
        }
    }

    /// The secret ballots' totals, one sentence a title voted that way.
    public var ballotLines: [String] {
        nominees.compactMap { nominee in
            guard nominee.secretBallot, let ballot = nominee.ballot else { return nil }
            return "Bỏ phiếu kín đề nghị \"\(nominee.awardName)\" cho \(nominee.name): số phiếu phát ra \(ballot.issued), "
                + "thu về \(ballot.returned), hợp lệ \(ballot.valid), đồng ý \(ballot.agree)."
        }
    }

    /// The thresholds applied, one line an award: "Lao động tiên tiến: từ 2/3 tổng số thành viên hội đồng trở lên."
    public var thresholdLines: [String] {
        var seen: Set<String> = []
        return nominees.compactMap { nominee in
            guard let threshold = nominee.threshold, seen.insert(nominee.awardName).inserted else { return nil }
            return "\(nominee.awardName): từ \(threshold.vietnamese) trở lên."
        }
    }

    /// The closing: what the council concluded and when the meeting ended.
    public var closing: [String] {
        let reached = lines.filter(\.reached).count
        return [
            "Hội đồng thống nhất đề nghị \(reached)/\(nominees.count) trường hợp; danh sách kèm theo trình Hiệu trưởng xem xét, quyết định.",
            "Cuộc họp kết thúc vào lúc \(Self.clock(meeting.endsAt)) cùng ngày. Biên bản đã được đọc lại trước Hội đồng và "
                + "các thành viên dự họp nhất trí thông qua.",
        ]
    }

    /// "71,43%": the share with two decimals, rounded half up, written with a decimal comma.
    public static func percent(_ part: Int, of whole: Int) -> String {
        guard whole > 0 else { return "—" }
        let hundredths = (part * 10_000 * 2 + whole) / (whole * 2)
        let fraction = hundredths % 100
        return "\(hundredths / 100),\(fraction < 10 ? "0" : "")\(fraction)%"
    }

    /// The two signatures: the secretary's on the left, the chair's (or whoever chaired) on the right.
    public var signatures: [(title: [String], name: String)] {
        let chair = council.member(meeting.chairId)
        return [
            (["THƯ KÝ"], council.member(meeting.secretaryId)?.name ?? ""),
            ([chair?.duty == .chair ? "CHỦ TỊCH HỘI ĐỒNG" : "CHỦ TRÌ"], chair?.name ?? ""),
        ]
    }
}

extension Council {
    /// "Hội đồng Thi đua – Khen thưởng Trường THCS Tân Hồng".
    public func noun(unit: String) -> String { "Hội đồng Thi đua – Khen thưởng \(unit)" }
}
