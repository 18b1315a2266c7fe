/// The decision that revokes commendations (quyết định hủy bỏ khen thưởng; the Law's article on revoking a commendation
/// given on a false record is not cited: not verified): it names the decision the commendations came from, who loses
/// what and why, and the reward money to be paid back.
public struct RevocationDocument: Equatable, Sendable {
    public let number: String
    public let date: LocalDate
    public let signer: String
    public let issuer: HonorList.Issuer
    public let settings: DocumentSettings
    /// The decision the commendations were given by.
    public let originalNumber: String
    public let originalDate: LocalDate
    /// Who signed the decision revoked, when it is not this unit (a higher authority's decision recorded in thidua).
    public let originalIssuer: String?
    /// The revoked lines as the honor list prints them; `revocation` holds each one's reason.
    public let lines: [HonorList.Entry]

    public init(
        number: String, date: LocalDate, signer: String, issuer: HonorList.Issuer, settings: DocumentSettings, originalNumber: String,
        originalDate: LocalDate, originalIssuer: String? = nil, lines: [HonorList.Entry]
    ) {
        self.number = number
        self.date = date
        self.signer = signer
        self.issuer = issuer
        self.settings = settings
        self.originalNumber = originalNumber
        self.originalDate = originalDate
        self.originalIssuer = originalIssuer
        self.lines = lines
    }

    var originalName: String { "Quyết định số \(originalNumber) ngày \(originalDate.vietnamese)" }

    /// "Về việc hủy bỏ Quyết định khen thưởng số 45/QĐ-THAP ngày 20/12/2024 đối với Phan Thanh Đức"
    public var subject: String {
        let whom = lines.count == 1 ? " đối với \(lines[0].name)" : " đối với \(DecisionDocument.count(lines.count)) trường hợp"
        return "Về việc hủy bỏ Quyết định khen thưởng số \(originalNumber) ngày \(originalDate.vietnamese)\(whom)"
    }

    public var authority: String { "\(settings.signerPosition) \(issuer.unitName)".uppercased() }

    /// The bases: the law, the decree in force, the decision being revoked in part.
    public var bases: [String] {
        [
            DecisionDocument.law, DecisionDocument.decree(on: date),
            "Căn cứ \(originalName) của \(originalIssuer ?? "\(settings.signerPosition) \(issuer.unitName)") về việc khen thưởng;",
            "Xét đề nghị của Hội đồng Thi đua - Khen thưởng \(issuer.unitName).",
        ]
    }

    /// Điều 1: who loses which award given by which decision, and why.
    public var articleOne: String {
        let items = lines.map { line in
            "\(line.awardName) đã tặng cho \(line.name)\(line.position.isEmpty ? "" : ", \(line.position)"), \(line.unit). Lý do: \(line.revocation ?? "")"
        }
        return "Hủy bỏ khen thưởng tại \(originalName): " + items.joined(separator: "; ") + (items.last?.hasSuffix(".") == true ? "" : ".")
    }

    /// The money to recover, in đồng.
    public var totalAmount: Int { lines.compactMap(\.amount).reduce(0, +) }

    /// Điều 2: the certificates and the money paid back, in figures and in words, to the fund.
    public var articleTwo: String {
        guard totalAmount > 0 else { return "Thu hồi hiện vật khen thưởng đã trao (nếu có); khen thưởng này không kèm tiền thưởng." }
        let fund = settings.fund.isEmpty ? "quỹ thi đua, khen thưởng của \(issuer.unitName)" : settings.fund
        return "Thu hồi hiện vật khen thưởng và tiền thưởng đã nhận: \(VietnameseText.grouped(totalAmount)) đồng "
            + "(Bằng chữ: \(AmountInWords.vietnamese(totalAmount, style: settings.wordsStyle))), nộp lại \(fund)."
    }

    public static let articleThree =
        "Quyết định có hiệu lực kể từ ngày ký. Bộ phận Văn phòng, Kế toán và các cá nhân, tập thể có tên tại Điều 1 chịu trách "
        + "nhiệm thi hành Quyết định này./."

    public var recipients: [String] { settings.recipients }
    public var signatureLines: [String] { SignedAs.head.lines(position: settings.signerPosition) }
}
