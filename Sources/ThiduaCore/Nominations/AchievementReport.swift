/// The written parts of a báo cáo thành tích (sql/0033): what thidua cannot know. The sơ lược lý lịch (a collective's
/// đặc điểm, tình hình), the duties, and the achievements are required before a nomination for an award that needs a
/// report is sent; the measures and initiatives are optional (recognised models are listed from the registry anyway).
public struct AchievementReport: Equatable, Sendable, Codable {
    public var profile: String
    public var duties: String
    public var achievements: String
    public var measures: String
    public var version: Int

    public init(profile: String = "", duties: String = "", achievements: String = "", measures: String = "", version: Int = 0) {
        self.profile = profile
        self.duties = duties
        self.achievements = achievements
        self.measures = measures
        self.version = version
    }

    /// A section of the report, by the JSON key a client sends.
    public enum Section: String, CaseIterable, Sendable {
        case profile, duties, achievements, measures

        /// The heading of the section for a person or a collective.
        public func heading(collective: Bool) -> String {
            switch self {
            case .profile: collective ? "Đặc điểm, tình hình" : "Sơ lược lý lịch"
            case .duties: collective ? "Chức năng, nhiệm vụ được giao" : "Quyền hạn, nhiệm vụ được giao"
            case .achievements: "Thành tích đạt được"
            case .measures: "Các giải pháp, sáng kiến, biện pháp đã thực hiện"
            }
        }

        public var required: Bool { self != .measures }
    }

    public func text(_ section: Section) -> String {
        switch section {
        case .profile: profile
        case .duties: duties
        case .achievements: achievements
        case .measures: measures
        }
    }

    /// The required sections still empty, in the report's order.
    public var missing: [Section] { Section.allCases.filter { $0.required && text($0).isEmpty } }

    /// The sections as a client sent them: NFC, paragraphs kept (blank lines collapsed), each at most 10,000 characters; a section left out is empty.
    public static func validate(profile: String?, duties: String?, achievements: String?, measures: String?) throws(DomainError)
        -> AchievementReport
    {
        var report = AchievementReport()
        var violations: [DomainError.FieldViolation] = []
        for (section, text) in zip(Section.allCases, [profile, duties, achievements, measures]) {
            let value = VietnameseText.normalizedParagraphs(text ?? "")
            if value.count > 10_000 {
                violations.append(.init(field: section.rawValue, message: "Mỗi mục của báo cáo tối đa 10.000 ký tự."))
            }
            switch section {
            case .profile: report.profile = value
            case .duties: report.duties = value
            case .achievements: report.achievements = value
            case .measures: report.measures = value
            }
        }
        guard violations.isEmpty else { throw DomainError.validation(violations) }
        return report
    }

    /// The refusal of sending a nomination whose award needs a report while required sections are empty.
    public static func refusal(missing: [Section], collective: Bool, award: String) -> DomainError {
        DomainError.validation(
            missing.map { section in
                .rule(
                    field: "achievementReport.\(section.rawValue)",
                    message: "\"\(award)\" cần báo cáo thành tích: mục \"\(section.heading(collective: collective))\" chưa viết.")
            })
    }
}
