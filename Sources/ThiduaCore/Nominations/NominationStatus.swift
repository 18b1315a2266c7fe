/// A nomination's life: draft → submitted → in_review → recommended | not_recommended → approved | declined.
/// The council or the headmaster may return it for completion (trả lại bổ sung); the union resubmits it.
/// It may be withdrawn until a decision. An award above the unit's authority is forwarded to the higher authority
/// (with a submission, tờ trình) and approved or declined when its decision arrives.
public enum NominationStatus: String, WorkflowStatus {
    case draft, submitted
    case inReview = "in_review"
    case returned, recommended
    case notRecommended = "not_recommended"
    case forwarded, approved, declined, withdrawn

    public static let entity = "nominations"
    public static let moves: [NominationStatus: Set<NominationStatus>] = [
        .draft: [.submitted, .withdrawn],
        .returned: [.submitted, .withdrawn],
        .submitted: [.inReview, .returned, .withdrawn],
        .inReview: [.recommended, .notRecommended, .returned, .withdrawn],
        .recommended: [.approved, .forwarded, .declined, .withdrawn],
        .forwarded: [.approved, .declined],
        .notRecommended: [.withdrawn],
    ]

    /// Whether the content (achievements, linked models) may still be edited.
    public var isEditable: Bool { self == .draft || self == .returned }

    public var vietnameseName: String {
        switch self {
        case .draft: "nháp"
        case .submitted: "đã gửi"
        case .inReview: "đang xét"
        case .returned: "trả lại bổ sung"
        case .recommended: "hội đồng đề nghị"
        case .notRecommended: "hội đồng không đề nghị"
        case .forwarded: "đã trình cấp trên"
        case .approved: "đã duyệt"
        case .declined: "không duyệt"
        case .withdrawn: "đã rút"
        }
    }
}
