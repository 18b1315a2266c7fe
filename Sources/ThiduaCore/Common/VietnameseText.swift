import Foundation

/// Text rules for Vietnamese: NFC everywhere, tidy whitespace, and a diacritic-free key for search.
public enum VietnameseText {
    /// NFC-normalised, trimmed, with runs of whitespace collapsed to one space.
    public static func normalized(_ text: String) -> String {
        text.precomposedStringWithCanonicalMapping
            .split(whereSeparator: \.isWhitespace)
            .joined(separator: " ")
    }

    /// Lower-case, without tone marks or vowel marks, with đ as d: "Nguyễn Thị Đào" → "nguyen thi dao".
    /// Users type names without diacritics; this key lets them find them anyway.
    public static func searchKey(_ text: String) -> String {
        let decomposed = normalized(text).lowercased().decomposedStringWithCanonicalMapping
        var scalars = String.UnicodeScalarView()
        for scalar in decomposed.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark: continue
            default: break
            }
            // đ (U+0111) has no decomposition, so it is mapped by hand.
            scalars.append(scalar == "\u{0111}" ? "d" : scalar)
        }
        return String(scalars)
    }
}
