/// The kind of a legal document, stored with it (sql/0028) and cited by its name: "Căn cứ Thông tư số 28/2020/TT-BGDĐT …".
/// The codes are those of the document's symbol (Nghị định 30/2020, Phụ lục III); the order is the order of legal force
/// in which a decision cites its bases.
public enum DocumentKind: String, CaseIterable, Codable, Sendable {
    case law = "QH"
    case decree = "NĐ"
    case circular = "TT"
    case directive = "CT"
    case resolution = "NQ"
    case decision = "QĐ"
    case regulation = "QC"
    case plan = "KH"
    case guidance = "HD"
    case programme = "CTr"
    case letter = "CV"
    case notice = "TB"
    case report = "BC"

    /// "Thông tư số", as the basis line writes it before the number.
    public var citedAs: String {
        switch self {
        case .law: "Luật số"
        case .decree: "Nghị định số"
        case .circular: "Thông tư số"
        case .directive: "Chỉ thị số"
        case .resolution: "Nghị quyết số"
        case .decision: "Quyết định số"
        case .regulation: "Quy chế số"
        case .plan: "Kế hoạch số"
        case .guidance: "Hướng dẫn số"
        case .programme: "Chương trình số"
        case .letter: "Công văn số"
        case .notice: "Thông báo số"
        case .report: "Báo cáo số"
        }
    }

    /// The kind a document's symbol shows, for one recorded before kinds were stored: "817/QĐ-UBND-HC" and "311-QĐ/TU"
    /// are decisions, "98/2023/NĐ-CP" a decree, "28/2020/TT-BGDĐT" a circular ("CTr" is looked for before "CT").
    public static func read(from number: String) -> DocumentKind? {
        let symbol = number.uppercased()
        let order: [DocumentKind] = [
            .programme, .decision, .plan, .directive, .resolution, .notice, .guidance, .decree, .circular, .law, .letter, .report,
        ]
        return order.first { kind in
            let code = kind.rawValue.uppercased()
            return symbol.contains("/\(code)") || symbol.contains("-\(code)")
        }
    }

    /// Where it stands in the order of citation (0 first).
    public var precedence: Int { Self.allCases.firstIndex(of: self) ?? Self.allCases.count }

    /// A kind as a client sends it: nil or empty is "not given"; else one of the codes.
    public static func parse(_ text: String?, field: String = "kind") throws(DomainError) -> DocumentKind? {
        guard let text, !text.isEmpty else { return nil }
        return try FieldParsing.choice(VietnameseText.normalized(text), Self.self, field: field)
    }
}
