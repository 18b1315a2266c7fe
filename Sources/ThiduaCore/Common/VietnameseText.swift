import Foundation

/// Text rules for Vietnamese: NFC everywhere, tidy whitespace, and a diacritic-free key for search.
public enum VietnameseText {
    /// NFC-normalised, trimmed, with runs of whitespace collapsed to one space.
    public static func normalized(_ text: String) -> String {
        text.precomposedStringWithCanonicalMapping
            .split(whereSeparator: \.isWhitespace)
            .joined(separator: " ")
    }

    /// Text of several paragraphs (a report's section): NFC, each line's spaces collapsed, one line break between
    /// paragraphs at most, no blank lines at either end.
    public static func normalizedParagraphs(_ text: String) -> String {
        var lines: [String] = []
        for line in text.precomposedStringWithCanonicalMapping.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            let value = normalized(String(line))
            if value.isEmpty && (lines.last?.isEmpty ?? true) { continue }
            lines.append(value)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n")
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

    /// The first character no text in thidua may hold, or nil: C0 and C1 control characters other than tab and line
    /// breaks (NUL among them), DEL, and the invisible bidi and zero-width characters that can disguise a name or a file
    /// extension (U+200B–U+200F, U+202A–U+202E, U+2060–U+2069, U+FEFF). Security review F8 and F12.
    public static func forbiddenScalar(in text: String) -> Unicode.Scalar? {
        text.unicodeScalars.first(where: isForbidden)
    }

    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: false
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2069, 0xFEFF: true
        default: false
        }
    }

    /// The refusal for a field holding such a character, naming it by its code point (it cannot be shown).
    public static func forbiddenMessage(_ scalar: Unicode.Scalar) -> String {
        let code = String(scalar.value, radix: 16, uppercase: true)
        let padded = String(repeating: "0", count: max(0, 4 - code.count)) + code
        return "Có ký tự điều khiển hoặc ký tự ẩn (U+\(padded)) không được phép; hãy gõ lại nội dung này."
    }
}

/// The longest text each kind of field may hold (security review F8): names and codes are short, free text is not.
public enum FieldLimits {
    public static let shortText = 200
    public static let longText = 10_000

    /// JSON keys whose values are short: names, titles, codes, numbers of documents.
    public static let shortKeys: Set<String> = [
        "fullName", "familyName", "middleName", "givenName", "name", "code", "position", "category", "kind", "title", "field",
        "issuer", "number", "decisionNumber", "submissionNumber", "award", "ofAward", "status", "vote", "rule", "level",
        "authorityLevel", "citation", "rewardRounding", "filename", "url",
    ]

    /// The limit for a value under this key.
    public static func limit(forKey key: String) -> Int { shortKeys.contains(key) ? shortText : longText }
}

extension VietnameseText {
    /// A whole number of đồng grouped the Vietnamese way: 540000 → "540.000".
    public static func grouped(_ amount: Int) -> String {
        let digits = String(amount.magnitude)
        var out = amount < 0 ? "-" : ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(".") }
            out.append(character)
        }
        return out
    }
}
