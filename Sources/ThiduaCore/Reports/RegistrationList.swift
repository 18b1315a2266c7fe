/// The registration list (danh sách đăng ký thi đua) a school sends to Phòng GD&ĐT at the start of the year, and at its
/// end the same list beside what each registrant achieved: individuals, then tổ, each with the title and award sought and
/// the planned sáng kiến; the result column names the titles and awards issued in the movement (revoked ones left out).
public struct RegistrationList: Equatable, Sendable {
    public struct Line: Equatable, Sendable {
        public let number: Int
        public let name: String
        public let position: String
        public let unit: String
        public let titleCode: String
        public let title: String
        public let award: String
        public let initiative: String
        /// What the nominee was awarded in the movement, by code and name; empty until decisions are signed.
        public let achieved: [(code: String, name: String)]

        public init(
            number: Int, name: String, position: String, unit: String, titleCode: String, title: String, award: String,
            initiative: String, achieved: [(code: String, name: String)]
        ) {
            self.number = number
            self.name = name
            self.position = position
            self.unit = unit
            self.titleCode = titleCode
            self.title = title
            self.award = award
            self.initiative = initiative
            self.achieved = achieved
        }

        /// Whether the title registered was awarded.
        public var reachedTitle: Bool { achieved.contains { $0.code == titleCode } }

        public static func == (lhs: Line, rhs: Line) -> Bool {
            lhs.number == rhs.number && lhs.name == rhs.name && lhs.position == rhs.position && lhs.unit == rhs.unit
                && lhs.titleCode == rhs.titleCode && lhs.title == rhs.title && lhs.award == rhs.award
                && lhs.initiative == rhs.initiative && lhs.achieved.map(\.code) == rhs.achieved.map(\.code)
        }
    }

    public let issuer: HonorList.Issuer
    public let settings: DocumentSettings
    public let movementName: String
    public let period: Period
    public let individuals: [Line]
    public let collectives: [Line]
    /// Titles issued in the movement to nominees who had not registered ("Nguyễn Văn A — Lao động tiên tiến").
    public let unregisteredAchievers: [String]
    /// The day printed under the header.
    public let dated: LocalDate

    public init(
        issuer: HonorList.Issuer, settings: DocumentSettings, movementName: String, period: Period, individuals: [Line],
        collectives: [Line], unregisteredAchievers: [String], dated: LocalDate
    ) {
        self.issuer = issuer
        self.settings = settings
        self.movementName = movementName
        self.period = period
        self.individuals = individuals
        self.collectives = collectives
        self.unregisteredAchievers = unregisteredAchievers
        self.dated = dated
    }

    /// A commendation issued in the movement (not revoked), as the list reads it.
    public struct Awarded: Equatable, Sendable {
        public let nominee: Owner
        public let nomineeName: String
        public let code: String
        public let name: String
        public let isTitle: Bool

        public init(nominee: Owner, nomineeName: String, code: String, name: String, isTitle: Bool) {
            self.nominee = nominee
            self.nomineeName = nomineeName
            self.code = code
            self.name = name
            self.isTitle = isTitle
        }
    }

    /// The list from the movement's registrations (in print order) and what was awarded in it (by precedence): each line
    /// gets its nominee's awards; titles awarded to nominees without a registration are named under the tally.
    public init(
        issuer: HonorList.Issuer, settings: DocumentSettings, movementName: String, period: Period, registrations: [Registration],
        awarded: [Awarded], dated: LocalDate
    ) {
        let byNominee = Dictionary(grouping: awarded, by: \.nominee)
        func lines(_ items: [Registration]) -> [Line] {
            items.enumerated().map { index, item in
                Line(
                    number: index + 1, name: item.nomineeName, position: item.position, unit: item.unitName, titleCode: item.titleCode,
                    title: item.titleName, award: item.awardName ?? "", initiative: item.initiativeTitle ?? "",
                    achieved: (byNominee[item.nominee] ?? []).map { ($0.code, $0.name) })
            }
        }
        let registered = Set(registrations.map(\.nominee))
        self.init(
            issuer: issuer, settings: settings, movementName: movementName, period: period,
            individuals: lines(registrations.filter { $0.nominee.personId != nil }),
            collectives: lines(registrations.filter { $0.nominee.unitId != nil }),
            unregisteredAchievers: awarded.filter { $0.isTitle && !registered.contains($0.nominee) }.map {
                "\($0.nomineeName) — \($0.name)"
            },
            dated: dated)
    }

    /// "DANH SÁCH ĐĂNG KÝ THI ĐUA" / "NĂM HỌC 2024-2025".
    public var titleLines: [String] { ["DANH SÁCH ĐĂNG KÝ THI ĐUA", period.vietnamese.uppercased()] }

    /// "Tân Hồng, ngày 05 tháng 10 năm 2024".
    public var placeAndDate: String { issuer.placeAndDate(dated, settings: settings) }

    public static let individualColumns = [
        "STT", "Họ và tên", "Chức vụ", "Tổ", "Danh hiệu đăng ký", "Hình thức khen thưởng đăng ký", "Tên sáng kiến dự kiến", "Kết quả",
    ]
    public static let collectiveColumns = [
        "STT", "Tên tập thể", "", "Thuộc", "Danh hiệu đăng ký", "Hình thức khen thưởng đăng ký", "", "Kết quả",
    ]

    /// The cells of a line, as printed (the result "Chưa có" until a decision is signed).
    public static func cells(_ line: Line) -> [String] {
        [
            String(line.number), line.name, line.position, line.unit, line.title, line.award, line.initiative,
            line.achieved.isEmpty ? "Chưa có" : line.achieved.map(\.name).joined(separator: "; "),
        ]
    }

    /// Registered against achieved, title by title: "Lao động tiên tiến: 12 đăng ký, 10 đạt".
    public var tally: [String] {
        let lines = individuals + collectives
        var order: [String] = []
        var counts: [String: (registered: Int, reached: Int)] = [:]
        for line in lines {
            if counts[line.title] == nil { order.append(line.title) }
            counts[line.title, default: (0, 0)].registered += 1
            if line.reachedTitle { counts[line.title, default: (0, 0)].reached += 1 }
        }
        return order.map { title in
            let count = counts[title] ?? (0, 0)
            return "\(title): \(count.registered) đăng ký, \(count.reached) đạt."
        }
    }

    /// "Tổng số: 14 cá nhân, 3 tập thể đăng ký."
    public var totalLine: String { "Tổng số: \(individuals.count) cá nhân, \(collectives.count) tập thể đăng ký." }

    /// Under the tally when titles went to nominees who had not registered.
    public var unregisteredLine: String? {
        unregisteredAchievers.isEmpty
            ? nil : "Đạt danh hiệu nhưng không có bản đăng ký: " + unregisteredAchievers.joined(separator: "; ") + "."
    }

    /// Who signs: who drew it up, and the head.
    public var signatures: [(title: [String], name: String)] {
        [(["NGƯỜI LẬP DANH SÁCH"], ""), ([settings.signerPosition.uppercased()], "")]
    }
}
