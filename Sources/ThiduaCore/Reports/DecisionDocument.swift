/// A commendation decision (quyết định khen thưởng) as the office prints it: header, legal bases, the articles,
/// recipients, the signer, and the attached list of people and collectives commended.
public struct DecisionDocument: Equatable, Sendable {
    public struct Basis: Equatable, Sendable {
        public let number: String
        public let date: LocalDate
        public let issuer: String
        public let title: String
        /// The kind stored with the document; nil for one entered before kinds were stored.
        public let storedKind: DocumentKind?

        public init(number: String, date: LocalDate, issuer: String, title: String, kind: DocumentKind? = nil) {
            self.number = number
            self.date = date
            self.issuer = issuer
            self.title = title
            self.storedKind = kind
        }

        /// The kind of document as cited: the stored one, else the one its symbol shows (`DocumentKind.read(from:)`).
        public var kind: String? { (storedKind ?? DocumentKind.read(from: number))?.citedAs }

        /// A recorded document as a basis.
        public init(_ document: LegalDocument) {
            self.init(number: document.number, date: document.date, issuer: document.issuer, title: document.title, kind: document.kind)
        }
    }

    /// An award the decision gives: whether it is a title (danh hiệu) or a form (Giấy khen…), and the coefficients it
    /// was issued with for a person and for a collective (the award's times its collective factor): "0.3", "0.6".
    public struct AwardTerms: Equatable, Sendable {
        public let code: String
        public let isTitle: Bool
        public let coefficient: String
        public let collectiveCoefficient: String

        public init(code: String, isTitle: Bool, coefficient: String, collectiveCoefficient: String) {
            self.code = code
            self.isTitle = isTitle
            self.coefficient = coefficient
            self.collectiveCoefficient = collectiveCoefficient
        }
    }

    public let number: String
    public let date: LocalDate
    public let signer: String
    public let issuer: HonorList.Issuer
    public let movements: [String]
    /// The period of the movements, when they share one (a yearly decision on titles names it).
    public let period: Period?
    public let bases: [Basis]
    public let entries: [HonorList.Entry]
    public let terms: [AwardTerms]
    /// The issuing unit's document settings (its position, Nơi nhận, fund, words) and how this decision was signed.
    public let settings: DocumentSettings
    public let signedAs: SignedAs
    /// The decision's own Nơi nhận, when the clerk wrote one; else the unit's.
    public let ownRecipients: [String]?
    /// The kind its commendations share (thường xuyên, chuyên đề, đột xuất); nil when they differ or none is known.
    public var kind: CommendationKind? = nil
    // Eligibility-override reasons are internal (a maternity leave, an illness): they are shown with the nomination and
    // in the council's papers, never on the decision, whoever prints it (security review F4).

    /// The money of every commendation the decision gave, in đồng (as signed; a later revocation is its own decision).
    public var totalAmount: Int { entries.compactMap(\.amount).reduce(0, +) }

    public init(
        number: String, date: LocalDate, signer: String, issuer: HonorList.Issuer, movements: [String], period: Period? = nil,
        bases: [Basis], entries: [HonorList.Entry], terms: [AwardTerms] = [], settings: DocumentSettings? = nil,
        signedAs: SignedAs = .head, recipients: [String]? = nil
    ) {
        self.number = number
        self.date = date
        self.signer = signer
        self.issuer = issuer
        self.movements = movements
        self.period = period
        self.bases = bases
        self.entries = entries
        self.terms = terms
        self.settings = settings ?? .derived(parentName: issuer.parentName)
        self.signedAs = signedAs
        self.ownRecipients = recipients
    }

    /// The bases a decision dated `date` cites after the Law and the decree: the unit's own in citation order, none issued
    /// after the decision, then the movements' plans it does not cite already.
    public static func bases(own: [LegalDocument], plans: [LegalDocument], on date: LocalDate) -> [Basis] {
        let cited = own.filter { $0.date <= date }.sorted(by: LegalDocument.citedBefore)
        return (cited + plans.filter { plan in !own.contains { $0.id == plan.id } }).map(Basis.init)
    }

    /// The law every commendation decision cites first.
    public static let law = "Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022;"

    /// The decree detailing the law on the decision's date: NĐ 98/2023 until 30/06/2025, NĐ 152/2025 from 01/07/2025
    /// (legal-rules.md; the latter's date and title are not verified, so only its number is cited).
    public static func decreeNumber(on date: LocalDate) -> String {
        date < LocalDate(2025, 7, 1) ? "98/2023/NĐ-CP" : "152/2025/NĐ-CP"
    }

    /// The basis line citing that decree.
    public static func decree(on date: LocalDate) -> String {
        let number = decreeNumber(on: date)
        let dated = number == "98/2023/NĐ-CP" ? " ngày 31 tháng 12 năm 2023" : ""
        return "Căn cứ Nghị định số \(number)\(dated) của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, "
            + "khen thưởng;"
    }

    /// "Xét đề nghị của Hội đồng Thi đua - Khen thưởng Trường Tiểu học An Phước." — the last basis ends with a full stop.
    public var councilLine: String { "Xét đề nghị của Hội đồng Thi đua - Khen thưởng \(issuer.unitName)." }

    /// Nơi nhận: the decision's own lines, else the unit's default.
    public var recipients: [String] { ownRecipients ?? settings.recipients }

    /// "HIỆU TRƯỞNG TRƯỜNG TIỂU HỌC AN PHƯỚC": who decides, above the bases.
    public var authority: String { "\(settings.signerPosition) \(issuer.unitName)".uppercased() }

    /// The lines above the signer's name: "HIỆU TRƯỞNG", or "KT. HIỆU TRƯỞNG" and "PHÓ HIỆU TRƯỞNG".
    public var signatureLines: [String] { signedAs.lines(position: settings.signerPosition) }
}
