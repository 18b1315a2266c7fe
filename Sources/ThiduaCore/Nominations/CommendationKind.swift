/// The kind of a commendation (documents-and-law review §4.7): thường xuyên for a year's work (every title, the year's
/// Giấy khen), chuyên đề for a movement's sơ kết or tổng kết, đột xuất for one exceptional deed. Chosen on the nomination
/// (left out: a title is regular, a form thematic; sql/0027); the decision's subject follows it, and the yearly route of
/// a Bằng khen applies to regular commendations only. Niên hạn (length of service) is the kind of the awards the catalogue
/// gives for years of service, such as Kỷ niệm chương "Vì sự nghiệp giáo dục", and of no other (sql/0035).
public enum CommendationKind: String, Codable, CaseIterable, Sendable {
    case regular, thematic, exceptional
    case lengthOfService = "length_of_service"

    /// "thường xuyên", "chuyên đề", "đột xuất", as forms and lists write them.
    public var vietnameseName: String {
        switch self {
        case .regular: "thường xuyên"
        case .thematic: "chuyên đề"
        case .exceptional: "đột xuất"
        case .lengthOfService: "niên hạn"
        }
    }

    /// A kind as a client sends it: nil or empty is "follow the award"; anything else must be one of the four.
    public static func parse(_ text: String?, field: String = "kind") throws(DomainError) -> CommendationKind? {
        guard let text, !text.isEmpty else { return nil }
        return try FieldParsing.choice(
            text, Self.self, field: field,
            message:
                "Loại khen thưởng là regular (thường xuyên), thematic (chuyên đề), exceptional (đột xuất) hoặc length_of_service (niên hạn)."
        )
    }
}
