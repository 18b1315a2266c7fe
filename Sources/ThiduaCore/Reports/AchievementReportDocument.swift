/// The báo cáo thành tích as printed (issue 14, item 4), on the layout of the decree's templates for a person and for a
/// collective: the title with the award proposed; I. the profile (what thidua knows, then what was written); II. the
/// duties, the achievements with the year's figures from the registry, the measures and the initiatives recognised;
/// III. the titles and the forms already received; the union's and the head's confirmation beside the reporter.
public struct AchievementReportDocument: Sendable {
    /// One period's figures for the achievements' table.
    public struct Year: Equatable, Sendable {
        public let period: String
        public let rating: String
        public let monthsWorked: String
        public let initiatives: String

        public init(period: String, rating: String, monthsWorked: String, initiatives: String) {
            self.period = period
            self.rating = rating
            self.monthsWorked = monthsWorked
            self.initiatives = initiatives
        }

        public var cells: [String] { [period, rating, monthsWorked, initiatives] }
    }

    /// A title or a form received before: from thidua's commendations and the imported ones.
    public struct Earlier: Equatable, Sendable {
        public let period: String
        public let awardName: String
        public let isTitle: Bool
        /// "Quyết định số 15/QĐ-THAP ngày 24/05/2024 của Trường Tiểu học An Phước".
        public let decision: String

        public init(period: String, awardName: String, isTitle: Bool, decision: String) {
            self.period = period
            self.awardName = awardName
            self.isTitle = isTitle
            self.decision = decision
        }
    }

    public let issuer: HonorList.Issuer
    public let settings: DocumentSettings
    public let awardName: String
    public let awardIsTitle: Bool
    public let collective: Bool
    public let nomineeName: String
    /// "Chức vụ": "Tổ trưởng"; "Đơn vị công tác": "Tổ chuyên môn khối 1, Trường Tiểu học An Phước".
    public let facts: [(label: String, value: String)]
    public let report: AchievementReport
    /// The nomination's own summary of achievements, printed when the section is not written yet.
    public let summary: String
    public let years: [Year]
    public let initiatives: [String]
    public let earlier: [Earlier]
    public let dated: LocalDate

    public init(
        issuer: HonorList.Issuer, settings: DocumentSettings, awardName: String, awardIsTitle: Bool, collective: Bool, nomineeName: String,
        facts: [(label: String, value: String)], report: AchievementReport, summary: String, years: [Year], initiatives: [String],
        earlier: [Earlier], dated: LocalDate
    ) {
        self.issuer = issuer
        self.settings = settings
        self.awardName = awardName
        self.awardIsTitle = awardIsTitle
        self.collective = collective
        self.nomineeName = nomineeName
        self.facts = facts
        self.report = report
        self.summary = summary
        self.years = years
        self.initiatives = initiatives
        self.earlier = earlier
        self.dated = dated
    }

    public var placeAndDate: String { issuer.placeAndDate(dated, settings: settings) }

    /// "BÁO CÁO THÀNH TÍCH" / "ĐỀ NGHỊ CÔNG NHẬN DANH HIỆU CHIẾN SĨ THI ĐUA CƠ SỞ" (a title) or "ĐỀ NGHỊ TẶNG …" (a form).
    public var titleLines: [String] {
        ["BÁO CÁO THÀNH TÍCH", (awardIsTitle ? "ĐỀ NGHỊ CÔNG NHẬN DANH HIỆU " : "ĐỀ NGHỊ TẶNG ") + awardName.uppercased()]
    }

    /// The report's parts, in order: heading, then paragraphs.
    public var parts: [(heading: String, paragraphs: [String])] {
        func paragraphs(_ text: String, empty: String) -> [String] {
            text.isEmpty ? [empty] : text.split(separator: "\n").map(String.init)
        }
        let unwritten = "(Chưa viết.)"
        let nominee = collective ? "Tên tập thể: \(nomineeName)" : "Họ và tên: \(nomineeName)"
        let measures = paragraphs(report.measures, empty: "(Không có.)")
        return [
            (
                "I. \(AchievementReport.Section.profile.heading(collective: collective).uppercased())",
                [nominee] + facts.map { "\($0.label): \($0.value)" } + paragraphs(report.profile, empty: unwritten)
            ),
            ("II. THÀNH TÍCH ĐẠT ĐƯỢC", []),
            ("1. \(AchievementReport.Section.duties.heading(collective: collective))", paragraphs(report.duties, empty: unwritten)),
            (
                "2. \(AchievementReport.Section.achievements.heading(collective: collective))",
                paragraphs(report.achievements, empty: summary.isEmpty ? unwritten : summary)
            ),
            (
                "3. \(AchievementReport.Section.measures.heading(collective: collective))",
                measures + initiatives.map { "Sáng kiến, mô hình được công nhận: \($0)." }
            ),
        ]
    }

    public static let yearColumns = ["Năm", "Xếp loại", "Số tháng công tác", "Sáng kiến"]
    public static let earlierColumns = ["Năm", "Danh hiệu, hình thức", "Số, ngày quyết định; cơ quan ban hành"]
    public var titles: [Earlier] { earlier.filter(\.isTitle) }
    public var forms: [Earlier] { earlier.filter { !$0.isTitle } }

    /// The union's and the head's confirmation beside the reporter's signature.
    public var signatures: [(title: [String], name: String)] {
        [
            (["XÁC NHẬN CỦA", "BAN CHẤP HÀNH CÔNG ĐOÀN"], ""),
            (["\(settings.signerPosition.uppercased())", "XÁC NHẬN, ĐỀ NGHỊ"], ""),
            (collective ? ["THỦ TRƯỞNG TẬP THỂ"] : ["NGƯỜI BÁO CÁO THÀNH TÍCH"], collective ? "" : nomineeName),
        ]
    }
}
