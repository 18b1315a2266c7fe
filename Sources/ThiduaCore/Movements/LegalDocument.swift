/// A legal document (văn bản căn cứ) that movements and decisions cite, e.g. "817/QĐ-UBND-HC".
public struct LegalDocument: Equatable, Sendable, Codable {
    public let id: ID<LegalDocument>
    public var number: String
    public var date: LocalDate
    public var issuer: String
    public var title: String
    public var version: Int
    /// Luật, Nghị định, Thông tư, Quyết định…; nil for a document entered before kinds were stored.
    public var kind: DocumentKind? = nil

    public init(id: ID<LegalDocument>, number: String, date: LocalDate, issuer: String, title: String, version: Int) {
        self.id = id
        self.number = number
        self.date = date
        self.issuer = issuer
        self.title = title
        self.version = version
    }

    /// Validates `{"number", "date", "issuer", "title"}`; text is NFC-normalised and trimmed.
    public static func validate(number: String?, date: String?, issuer: String?, title: String?)
        -> Result<(number: String, date: LocalDate, issuer: String, title: String), DomainError>
    {
        var violations: [DomainError.FieldViolation] = []
        let number = VietnameseText.normalized(number ?? "")
        let issuer = VietnameseText.normalized(issuer ?? "")
        let title = VietnameseText.normalized(title ?? "")
        if number.isEmpty { violations.append(.init(field: "number", message: "Cần số, ký hiệu văn bản (ví dụ 817/QĐ-UBND-HC).")) }
        if issuer.isEmpty { violations.append(.init(field: "issuer", message: "Cần cơ quan ban hành.")) }
        if title.isEmpty { violations.append(.init(field: "title", message: "Cần trích yếu văn bản.")) }
        let parsed = date.flatMap(LocalDate.init)
        if parsed == nil { violations.append(.init(field: "date", message: "Ngày ban hành phải có dạng YYYY-MM-DD.")) }
        guard violations.isEmpty, let parsed else { return .failure(.validation(violations)) }
        return .success((number, parsed, issuer, title))
    }
}

extension LegalDocument {
    /// The order a decision cites documents in: by kind in order of legal force (Luật, Nghị định, Thông tư, …, Quyết định,
    /// Kế hoạch; one without a stored kind last), then by date, then by number.
    public static func citedBefore(_ a: LegalDocument, _ b: LegalDocument) -> Bool {
        let last = DocumentKind.allCases.count
        let (ka, kb) = (a.kind?.precedence ?? last, b.kind?.precedence ?? last)
        if ka != kb { return ka < kb }
        if a.date != b.date { return a.date < b.date }
        return a.number < b.number
    }
}
