/// The eligibility rules the evaluator knows (legal-rules.md, "Eligibility"). Which of them an award reads, in which
/// period, is catalogue data (`award_rules.eligibility`); a test keeps this list equal to the SQL CHECK.
public enum EligibilityRule: String, Codable, CaseIterable, Sendable {
    case ratingGood = "rating_good"
    case monthsWorked = "months_worked"
    case noDiscipline = "no_discipline"
    case ldttSamePeriod = "ldtt_same_period"
    case excellentOrInitiative = "excellent_or_initiative"
    case cstdCs3Periods = "cstd_cs_3_periods"
    case cstdTinh2Times = "cstd_tinh_2_times"
    case bkTinhRoute = "bk_tinh_route"
    case collectiveCompleted = "collective_completed"
    case membersLdttMajority = "members_ldtt_majority"
    case membersNoWarning = "members_no_warning"
    case membersAllCompleted = "members_all_completed"
    case membersLdtt70 = "members_ldtt_70"
    case memberCstdCs = "member_cstd_cs"
    case membersNoDiscipline = "members_no_discipline"

    public var forCollectives: Bool {
        switch self {
        case .collectiveCompleted, .membersLdttMajority, .membersNoWarning, .membersAllCompleted, .membersLdtt70, .memberCstdCs,
            .membersNoDiscipline:
            true
        default: false
        }
    }

    public var title: String {
        switch self {
        case .ratingGood: "Xếp loại từ \"Hoàn thành tốt nhiệm vụ\" trở lên"
        case .monthsWorked: "Công tác đủ 10 tháng trở lên trong kỳ"
        case .noDiscipline: "Không bị kỷ luật trong kỳ"
        case .ldttSamePeriod: "Đạt danh hiệu Lao động tiên tiến cùng kỳ"
        case .excellentOrInitiative: "Hoàn thành xuất sắc nhiệm vụ hoặc có sáng kiến, mô hình được công nhận trong kỳ"
        case .cstdCs3Periods: "Chiến sĩ thi đua cơ sở 3 kỳ liên tục (kể cả kỳ này)"
        case .cstdTinh2Times: "Chiến sĩ thi đua cấp tỉnh 2 lần liên tục"
        case .bkTinhRoute:
            "Chiến sĩ thi đua cơ sở 2 kỳ liên tục, hoặc 2 năm liên tục hoàn thành xuất sắc nhiệm vụ và có 2 sáng kiến được công nhận"
        case .collectiveCompleted: "Tập thể hoàn thành nhiệm vụ được giao"
        case .membersLdttMajority: "Trên 50% thành viên đạt Lao động tiên tiến"
        case .membersNoWarning: "Không có thành viên bị kỷ luật từ cảnh cáo trở lên"
        case .membersAllCompleted: "100% thành viên hoàn thành nhiệm vụ"
        case .membersLdtt70: "Ít nhất 70% thành viên đạt Lao động tiên tiến"
        case .memberCstdCs: "Có ít nhất một thành viên đạt Chiến sĩ thi đua cơ sở"
        case .membersNoDiscipline: "Không có thành viên bị kỷ luật"
        }
    }

    public var titleEnglish: String {
        switch self {
        case .ratingGood: "Rated \"well completed duties\" or better"
        case .monthsWorked: "Worked at least 10 months in the period"
        case .noDiscipline: "No disciplinary measure in the period"
        case .ldttSamePeriod: "Advanced Worker (LĐTT) in the same period"
        case .excellentOrInitiative: "Rated excellent, or an initiative or model recognized in the period"
        case .cstdCs3Periods: "Grassroots Emulation Fighter in 3 consecutive periods (this one included)"
        case .cstdTinh2Times: "Provincial Emulation Fighter twice in a row"
        case .bkTinhRoute:
            "Grassroots Emulation Fighter in 2 consecutive periods, or rated excellent 2 years running with 2 recognized initiatives"
        case .collectiveCompleted: "The collective completed its tasks"
        case .membersLdttMajority: "More than 50% of members are Advanced Workers"
        case .membersNoWarning: "No member disciplined at \"warning\" or above"
        case .membersAllCompleted: "Every member completed their duties"
        case .membersLdtt70: "At least 70% of members are Advanced Workers"
        case .memberCstdCs: "At least one member is a Grassroots Emulation Fighter"
        case .membersNoDiscipline: "No member disciplined"
        }
    }
}

/// The outcome of one rule: passed, failed, or unknown when the stored data cannot decide (never "passed").
