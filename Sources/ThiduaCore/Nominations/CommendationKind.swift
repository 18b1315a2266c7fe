/// The kind of a commendation (documents-and-law review §4.7): thường xuyên for a year's work (every title, the year's
/// Giấy khen), chuyên đề for a movement's sơ kết or tổng kết, đột xuất for one exceptional deed. Chosen on the nomination
/// (left out: a title is regular, a form thematic; sql/0027); the decision's subject follows it, and the yearly route of
/// a Bằng khen applies to regular commendations only.
public enum CommendationKind: String, Codable, CaseIterable, Sendable {
    case regular, thematic, exceptional

    /// "thường xuyên", "chuyên đề", "đột xuất", as forms and lists write them.
    public var vietnameseName: String {
        switch self {
        case .regular: "thường xuyên"
        case .thematic: "chuyên đề"
        case .exceptional: "đột xuất"
        }
    }

    /// A kind as a client sends it: nil or empty is "follow the award"; anything else must be one of the three.
    public static func parse(_ text: String?, field: String = "kind") throws(DomainError) -> CommendationKind? {
        guard let text, !text.isEmpty else { return nil }
        return try FieldParsing.choice(
            text, Self.self, field: field,
            message: "Loại khen thưởng là regular (thường xuyên), thematic (chuyên đề) hoặc exceptional (đột xuất).")
    }
}
