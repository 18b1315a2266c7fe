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
    case collectiveGood = "collective_good"
    case collectiveExcellent = "collective_excellent"
    case membersLdttMajority = "members_ldtt_majority"
    case membersNoWarning = "members_no_warning"
    case membersAllCompleted = "members_all_completed"
    case membersLdtt70 = "members_ldtt_70"
    case memberCstdCs = "member_cstd_cs"
    case membersNoDiscipline = "members_no_discipline"
    /// Registered for a title at the start of the period (đăng ký thi đua): for people and collectives alike.
    case registered
    /// A sáng kiến whose effect reaches the province, recognised at that scope during the chain (CSTĐ tỉnh).
    case initiativeProvince = "initiative_province"

    /// A route through a nominee's past years (the Bằng khen's "2 years…"): for a regular (thường xuyên) commendation only.
    public var yearlyOnly: Bool { self == .bkTinhRoute }

    public var forCollectives: Bool {
        switch self {
        case .collectiveCompleted, .collectiveGood, .collectiveExcellent, .membersLdttMajority, .membersNoWarning, .membersAllCompleted,
            .membersLdtt70, .memberCstdCs,
            .membersNoDiscipline:
            true
        default: false
        }
    }

    public var title: String {
        switch self {
        case .ratingGood: "Xếp loại từ \"Hoàn thành tốt nhiệm vụ\" trở lên"
        case .monthsWorked: "Công tác đủ 10 tháng trở lên trong kỳ (người mới tuyển dụng; nghỉ thai sản được tính)"
        case .noDiscipline: "Không bị kỷ luật trong kỳ"
        case .ldttSamePeriod: "Đạt danh hiệu Lao động tiên tiến cùng kỳ"
        case .excellentOrInitiative: "Hoàn thành xuất sắc nhiệm vụ hoặc có sáng kiến được công nhận trong kỳ"
        case .cstdCs3Periods: "Chiến sĩ thi đua cơ sở 3 kỳ liên tục (kể cả kỳ này)"
        case .cstdTinh2Times: "Chiến sĩ thi đua cấp tỉnh 2 lần liên tục"
        case .bkTinhRoute:
            "Chiến sĩ thi đua cơ sở 2 kỳ liên tục, hoặc 2 năm liên tục hoàn thành xuất sắc nhiệm vụ và có 2 sáng kiến được công nhận"
        case .collectiveCompleted: "Tập thể hoàn thành nhiệm vụ được giao"
        case .collectiveGood: "Tập thể hoàn thành tốt nhiệm vụ và kế hoạch được giao"
        case .collectiveExcellent: "Tập thể hoàn thành xuất sắc nhiệm vụ"
        case .membersLdttMajority: "Trên 50% thành viên đạt Lao động tiên tiến"
        case .membersNoWarning: "Không có thành viên bị kỷ luật từ cảnh cáo trở lên"
        case .membersAllCompleted: "100% thành viên hoàn thành nhiệm vụ"
        case .membersLdtt70: "Ít nhất 70% thành viên đạt Lao động tiên tiến"
        case .memberCstdCs: "Có ít nhất một thành viên đạt Chiến sĩ thi đua cơ sở"
        case .membersNoDiscipline: "Không có thành viên bị kỷ luật"
        case .registered: "Đã đăng ký thi đua đầu kỳ"
        case .initiativeProvince: "Có sáng kiến được công nhận có phạm vi ảnh hưởng cấp tỉnh trong 3 kỳ xét"
        }
    }

    /// Where the rule comes from. Rules we could not check against the text in force are `verified == false` and say so
    /// wherever they are shown (documents-and-law review §3.2).
    public var citation: String {
        switch self {
        case .ratingGood: "Luật TĐKT 2022, Điều 24"
        case .monthsWorked:
            "Nghị định 91/2017/NĐ-CP, Điều 6 (mới tuyển dụng dưới 10 tháng không xét; nghỉ thai sản được tính là thời gian công tác); "
                + "chưa đối chiếu Nghị định 98/2023/NĐ-CP"
        case .noDiscipline: "Luật TĐKT 2022, Điều 24"
        case .ldttSamePeriod, .excellentOrInitiative: "Luật TĐKT 2022, Điều 21; sáng kiến theo Điều 3 khoản 4 (mô hình không tính)"
        case .cstdCs3Periods, .cstdTinh2Times: "Luật TĐKT 2022, Điều 21 (phạm vi ảnh hưởng của sáng kiến do hội đồng xác nhận)"
        case .bkTinhRoute: "Luật TĐKT 2022, Điều 74"
        case .collectiveCompleted: "Luật TĐKT 2022, Điều 27"
        case .collectiveGood, .membersLdttMajority, .membersNoWarning:
            "Luật TĐKT 2003, Điều 28 (tập thể lao động tiên tiến); chưa đối chiếu Luật TĐKT 2022"
        case .collectiveExcellent, .membersAllCompleted, .membersLdtt70, .memberCstdCs:
            "Luật TĐKT 2003, Điều 27 (tập thể lao động xuất sắc); chưa đối chiếu Luật TĐKT 2022"
        case .membersNoDiscipline: "thực tiễn của đơn vị (không còn dùng cho Tập thể lao động xuất sắc)"
        case .registered:
            "Nghị định 91/2017/NĐ-CP, Điều 3 (không xét danh hiệu cho cá nhân, tập thể không đăng ký thi đua); "
                + "chưa đối chiếu Luật TĐKT 2022 và Nghị định 98/2023/NĐ-CP"
        case .initiativeProvince:
            "Luật TĐKT 2022, Điều 21 (sáng kiến có phạm vi ảnh hưởng trong tỉnh); khoảng thời gian 3 kỳ là cách hiểu của chúng tôi"
        }
    }

    /// False for a rule read from a secondary source or an older text: shown as "chưa xác minh".
    public var verified: Bool {
        switch self {
        case .ratingGood, .noDiscipline, .ldttSamePeriod, .excellentOrInitiative, .cstdCs3Periods, .cstdTinh2Times, .bkTinhRoute: true
        default: false
        }
    }

    public var titleEnglish: String {
        switch self {
        case .ratingGood: "Rated \"well completed duties\" or better"
        case .monthsWorked: "Worked at least 10 months in the period (new recruits; maternity leave counts)"
        case .noDiscipline: "No disciplinary measure in the period"
        case .ldttSamePeriod: "Advanced Worker (LĐTT) in the same period"
        case .excellentOrInitiative: "Rated excellent, or an initiative (sáng kiến) recognized in the period"
        case .cstdCs3Periods: "Grassroots Emulation Fighter in 3 consecutive periods (this one included)"
        case .cstdTinh2Times: "Provincial Emulation Fighter twice in a row"
        case .bkTinhRoute:
            "Grassroots Emulation Fighter in 2 consecutive periods, or rated excellent 2 years running with 2 recognized initiatives"
        case .collectiveCompleted: "The collective completed its tasks"
        case .collectiveGood: "The collective completed its tasks well"
        case .collectiveExcellent: "The collective completed its tasks excellently"
        case .membersLdttMajority: "More than 50% of members are Advanced Workers"
        case .membersNoWarning: "No member disciplined at \"warning\" or above"
        case .membersAllCompleted: "Every member completed their duties"
        case .membersLdtt70: "At least 70% of members are Advanced Workers"
        case .memberCstdCs: "At least one member is a Grassroots Emulation Fighter"
        case .membersNoDiscipline: "No member disciplined"
        case .registered: "Registered for a title at the start of the period"
        case .initiativeProvince: "An initiative recognized at provincial scope within the 3 periods"
        }
    }
}

/// The outcome of one rule: passed, failed, or unknown when the stored data cannot decide (never "passed").
