/// A Vietnamese name in its three parts: họ (family), tên đệm (middle), tên (given).
///
/// Given names may be two words and family names compound, so the automatic split is only a default
/// (first word, middle words, last word) that a user may correct; the parts always spell the full name.
public struct PersonName: Equatable, Hashable, Sendable, Codable {
    public let family: String
    public let middle: String
    public let given: String

    /// The name as written: family, middle, given, separated by single spaces.
    public var full: String {
        [family, middle, given].filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// Splits a full name: first word is the family name, last word the given name, the rest the middle name.
    public init?(splitting fullName: String) {
        let words = VietnameseText.normalized(fullName).split(separator: " ").map(String.init)
        guard words.count >= 2 else { return nil }
        self.family = words[0]
        self.given = words[words.count - 1]
        self.middle = words.dropFirst().dropLast().joined(separator: " ")
    }

    /// Explicit parts, normalised; nil unless they spell `fullName` exactly.
    public init?(family: String, middle: String, given: String, fullName: String) {
        let family = VietnameseText.normalized(family)
        let middle = VietnameseText.normalized(middle)
        let given = VietnameseText.normalized(given)
        guard !family.isEmpty, !given.isEmpty else { return nil }
        self.family = family
        self.middle = middle
        self.given = given
        guard full == VietnameseText.normalized(fullName) else { return nil }
    }
}
