/// The file a school sends upward with one tờ trình (issue 14, item 3): the tờ trình ("Số: 18/TTr-THAP", "Kính gửi: …",
/// the count per award), the attached list of nominees by award, and the clerk's sheet that follows each nominee's file —
/// which papers are there or still missing, and what the higher level answered.
public struct SubmissionFile: Equatable, Sendable {
    /// A paper of a nominee's file.
    public enum PaperKind: String, Codable, CaseIterable, Sendable {
        case achievementReport = "achievement_report"
        case councilMinutes = "council_minutes"
        case initiativeRecognition = "initiative_recognition"
        case registration

        public var vietnameseName: String {
            switch self {
            case .achievementReport: "Báo cáo thành tích"
            case .councilMinutes: "Biên bản họp Hội đồng TĐKT"
            case .initiativeRecognition: "Sáng kiến được công nhận"
            case .registration: "Đăng ký thi đua"
            }
        }
    }

    public enum PaperState: String, Codable, Sendable {
        case present, missing
        case notRequired = "not_required"

        public var vietnameseName: String {
            switch self {
            case .present: "Có"
            case .missing: "Còn thiếu"
            case .notRequired: "Không bắt buộc"
            }
        }
    }

    public struct Paper: Equatable, Sendable, Codable {
        public let kind: PaperKind
        public let state: PaperState
        /// What was found: "Họp ngày 20/05/2024", the report's file name, the initiative's title.
        public let detail: String

        public init(kind: PaperKind, state: PaperState, detail: String) {
            self.kind = kind
            self.state = state
            self.detail = detail
        }

        /// "Có (họp ngày 20/05/2024)", "Còn thiếu".
        public var cell: String { detail.isEmpty ? state.vietnameseName : "\(state.vietnameseName) (\(detail))" }
    }

    /// What thidua holds of a nominee's file, read by the store.
    public struct Facts: Equatable, Sendable {
        /// The báo cáo thành tích: written in thidua (its required sections), or evidence marked as one (file names, notes).
        public var achievementReports: [String] = []
        /// The day of the council meeting of the nomination's movement, when one was recorded.
        public var councilMeeting: LocalDate? = nil
        /// Whether the council concluded on the nomination (it has a recorded tally).
        public var voted = false
        /// Recognised initiatives: linked models recognised, or evidence marked as a recognition.
        public var initiatives: [String] = []
        /// Whether the award's rules read an initiative (CSTĐ).
        public var initiativeRequired = false
        /// The day of the nominee's registration for the period, if any.
        public var registeredOn: LocalDate? = nil
        /// Whether the award's rules require a registration (the catalogue's "registered" rule).
        public var registrationRequired = false

        public init() {}
    }

    /// The checklist of a forwarded nominee's file: a báo cáo thành tích and the council's biên bản always; a recognised
    /// sáng kiến and a registration when the award's rules read them (shown as present whenever they are there).
    public static func papers(_ facts: Facts) -> [Paper] {
        func paper(_ kind: PaperKind, found: String?, required: Bool) -> Paper {
            Paper(kind: kind, state: found != nil ? .present : required ? .missing : .notRequired, detail: found ?? "")
        }
        let minutes = facts.voted ? facts.councilMeeting.map { "họp ngày \($0.vietnamese)" } : nil
        return [
            paper(.achievementReport, found: facts.achievementReports.first, required: true),
            paper(.councilMinutes, found: minutes, required: true),
            paper(.initiativeRecognition, found: facts.initiatives.first, required: facts.initiativeRequired),
            paper(.registration, found: facts.registeredOn.map { "ngày \($0.vietnamese)" }, required: facts.registrationRequired),
        ]
    }

    public struct Nominee: Equatable, Sendable {
        public let nominationId: ID<Nomination>
        public let name: String
        /// "Giáo viên, Tổ khối 1" for a person; the parent unit for a collective.
        public let position: String
        public let collective: Bool
        public let awardCode: String
        public let awardName: String
        public let achievements: String
        public let papers: [Paper]
        public let answer: SubmissionAnswer?

        public init(
            nominationId: ID<Nomination>, name: String, position: String, collective: Bool, awardCode: String, awardName: String,
            achievements: String, papers: [Paper], answer: SubmissionAnswer?
        ) {
            self.nominationId = nominationId
            self.name = name
            self.position = position
            self.collective = collective
            self.awardCode = awardCode
            self.awardName = awardName
            self.achievements = achievements
            self.papers = papers
            self.answer = answer
        }

        /// The papers still missing.
        public var missing: [PaperKind] { papers.filter { $0.state == .missing }.map(\.kind) }
    }

    public let issuer: HonorList.Issuer
    public let settings: DocumentSettings
    public let number: String
    public let date: LocalDate
    /// "Hội đồng Thi đua – Khen thưởng huyện Tân Hồng (qua Phòng Giáo dục và Đào tạo)".
    public let addressee: String
    public let movementNames: [String]
    /// Days the council met on these nominations, for the bases.
    public let meetings: [LocalDate]
    /// In the order of the awards' precedence, individuals before collectives.
    public let nominees: [Nominee]
    public let signerName: String

    public init(
        issuer: HonorList.Issuer, settings: DocumentSettings, number: String, date: LocalDate, addressee: String, movementNames: [String],
        meetings: [LocalDate], nominees: [Nominee], signerName: String
    ) {
        self.issuer = issuer
        self.settings = settings
        self.number = number
        self.date = date
        self.addressee = addressee
        self.movementNames = movementNames
        self.meetings = meetings
        self.nominees = nominees
        self.signerName = signerName
    }

    public var placeAndDate: String { issuer.placeAndDate(date, settings: settings) }
    public var numberLine: String { "Số: \(number)" }
    public static let titleLines = ["TỜ TRÌNH", "Về việc đề nghị khen thưởng"]
    public var addresseeLine: String { "Kính gửi: \(addressee)." }

    /// The law, the decree on the tờ trình's date, and the council's meetings; the last ends with a full stop.
    public var bases: [String] {
        var lines = [DecisionDocument.law, DecisionDocument.decree(on: date)]
        lines += meetings.map { "Căn cứ biên bản họp Hội đồng Thi đua - Khen thưởng \(issuer.unitName) ngày \($0.vietnamese);" }
        if let last = lines.popLast() { lines.append(String(last.dropLast()) + ".") }
        return lines
    }

    /// The awards in print order with their nominees.
    public var groups: [(awardName: String, nominees: [Nominee])] {
        var order: [String] = []
        var members: [String: [Nominee]] = [:]
        for nominee in nominees {
            if members[nominee.awardName] == nil { order.append(nominee.awardName) }
            members[nominee.awardName, default: []].append(nominee)
        }
        return order.map { ($0, members[$0] ?? []) }
    }

    /// The request and the count per award: "- Bằng khen của Chủ tịch UBND tỉnh: 01 cá nhân;".
    public var body: [String] {
        var lines = [
            "\(issuer.unitName) kính trình \(addressee) xem xét, đề nghị cấp có thẩm quyền khen thưởng các cá nhân, tập thể có "
                + "thành tích trong \(Movement.inSentence(movementNames)), cụ thể:"
        ]
        for group in groups {
            let people = group.nominees.filter { !$0.collective }.count
            let units = group.nominees.count - people
            let counts = [people > 0 ? "\(Self.twoDigits(people)) cá nhân" : nil, units > 0 ? "\(Self.twoDigits(units)) tập thể" : nil]
            lines.append("- \(group.awardName): \(counts.compactMap { $0 }.joined(separator: ", "));")
        }
        lines.append("(Có danh sách và hồ sơ kèm theo.)")
        lines.append("Kính trình \(addressee) xem xét, quyết định./.")
        return lines
    }

    public static let recipients = ["Như trên;", "Lưu: VT, TĐKT."]
    public var signatures: [(title: [String], name: String)] { [([settings.signerPosition.uppercased()], signerName)] }

    // The attached list.
    public static let listTitle = "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG"
    /// "(Kèm theo Tờ trình số 18/TTr-THAP ngày 27/05/2024 của Trường Tiểu học An Phước)".
    public var listNote: String { "(Kèm theo Tờ trình số \(number) ngày \(date.vietnamese) của \(issuer.unitName))" }
    public static let listColumns = ["STT", "Họ và tên (tên tập thể)", "Chức vụ, đơn vị công tác", "Tóm tắt thành tích"]

    // The clerk's sheet.
    public static let checklistTitle = "THEO DÕI HỒ SƠ VÀ KẾT QUẢ"
    public static let checklistColumns =
        ["STT", "Họ và tên (tên tập thể)", "Hình thức đề nghị"] + PaperKind.allCases.map(\.vietnameseName) + ["Kết quả của cấp trên"]

    public static func checklistCells(_ index: Int, _ nominee: Nominee) -> [String] {
        [String(index + 1), nominee.name, nominee.awardName] + nominee.papers.map(\.cell)
            + [nominee.answer?.summary ?? "Chưa có trả lời"]
    }

    /// "Hồ sơ còn thiếu: Nguyễn Văn A (Báo cáo thành tích)." or "Hồ sơ đã đủ.", then the answers' tally.
    public var checklistClosing: [String] {
        let incomplete = nominees.filter { !$0.missing.isEmpty }
        let missing =
            incomplete.isEmpty
            ? "Hồ sơ đã đủ."
            : "Hồ sơ còn thiếu: "
                + incomplete.map { "\($0.name) (\($0.missing.map(\.vietnameseName).joined(separator: ", ")))" }.joined(separator: "; ")
                + "."
        let answered = nominees.compactMap(\.answer)
        let counts = AnswerOutcome.allCases.map { outcome in
            "\(outcome.vietnameseName.lowercased()) \(answered.filter { $0.outcome == outcome }.count)"
        }
        return [
            missing,
            "Cấp trên đã trả lời \(answered.count)/\(nominees.count): " + counts.joined(separator: ", ") + ".",
        ]
    }

    static func twoDigits(_ count: Int) -> String { count < 10 ? "0\(count)" : String(count) }
}
