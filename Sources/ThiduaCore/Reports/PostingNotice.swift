/// The printed notice of a posting (issue 14, item 7): "THÔNG BÁO Về việc niêm yết công khai danh sách đề nghị khen
/// thưởng" — what is posted, from when to when and where, where comments go — with the list attached and the head's
/// signature.
public struct PostingNotice: Equatable, Sendable {
    public let issuer: HonorList.Issuer
    public let settings: DocumentSettings
    public let movementName: String
    public let posting: Posting

    public init(issuer: HonorList.Issuer, settings: DocumentSettings, movementName: String, posting: Posting) {
        self.issuer = issuer
        self.settings = settings
        self.movementName = movementName
        self.posting = posting
    }

    public var placeAndDate: String { issuer.placeAndDate(posting.postedOn, settings: settings) }
    public static let titleLines = ["THÔNG BÁO", "Về việc niêm yết công khai danh sách đề nghị khen thưởng"]

    public var body: [String] {
        [
            "\(issuer.unitName) niêm yết công khai danh sách cá nhân, tập thể được Hội đồng Thi đua - Khen thưởng đề nghị khen thưởng "
                + "trong \(Movement.inSentence([movementName])) (danh sách kèm theo), gồm \(posting.lines.count) trường hợp.",
            "Thời gian niêm yết: \(posting.days) ngày, từ ngày \(posting.postedOn.vietnamese) đến hết ngày \(posting.endsOn.vietnamese).",
            "Địa điểm niêm yết: \(posting.place); đồng thời trên trang Sổ thi đua – khen thưởng của nhà trường.",
            "Mọi ý kiến góp ý xin gửi Hội đồng Thi đua - Khen thưởng nhà trường trong thời gian niêm yết; sau thời gian này, "
                + "Hiệu trưởng mới xem xét, quyết định khen thưởng./.",
        ]
    }

    public static let columns = ["STT", "Họ và tên (tên tập thể)", "Chức vụ, đơn vị", "Hình thức đề nghị"]
    public var rows: [[String]] {
        posting.lines.enumerated().map { [String($0.offset + 1), $0.element.name, $0.element.position, $0.element.awardName] }
    }
    public static let recipients = ["Cán bộ, giáo viên, nhân viên;", "Lưu: VT, TĐKT."]
    public var signatures: [(title: [String], name: String)] { [([settings.signerPosition.uppercased()], "")] }
}
