/// An amount of money in Vietnamese words, as the accountant's line "Bằng chữ: …" needs it:
/// 4.140.000 → "Bốn triệu một trăm bốn mươi nghìn đồng". Northern usage ("nghìn", "linh") by default; a unit may choose
/// the southern "ngàn" and "lẻ" (documents-and-law.md §1, issue "Documents").
public enum AmountInWords {
    public enum Style: String, Codable, Sendable, CaseIterable {
        /// "nghìn", "linh": Hà Nội and most public documents.
        case northern
        /// "ngàn", "lẻ": the south's usage.
        case southern

        var thousand: String { self == .northern ? "nghìn" : "ngàn" }
        var zeroTens: String { self == .northern ? "linh" : "lẻ" }
    }

    static let digits = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]

    /// "Bốn triệu một trăm bốn mươi nghìn đồng"; 0 is "Không đồng". Amounts are whole đồng, not negative.
    public static func vietnamese(_ amount: Int, style: Style = .northern) -> String {
        precondition(amount >= 0, "an amount of money is not negative")
        let words = amount == 0 ? "không" : spelled(amount, style: style, leading: true)
        return words.prefix(1).uppercased() + words.dropFirst() + " đồng"
    }

    /// Billions recurse ("một nghìn tỷ"); below them, groups of three digits with their scale words. `leading` is
    /// false for a part that follows a larger one, which then says its empty hundreds ("không trăm").
    static func spelled(_ amount: Int, style: Style, leading: Bool) -> String {
        let billion = 1_000_000_000
        if amount >= billion {
            let rest = amount % billion
            let head = spelled(amount / billion, style: style, leading: leading) + " tỷ"
            return rest == 0 ? head : head + " " + spelled(rest, style: style, leading: false)
        }
        let scales = [(1_000_000, "triệu"), (1_000, style.thousand), (1, "")]
        var parts: [String] = []
        var first = leading
        for (size, name) in scales {
            let group = amount / size % 1_000
            guard group > 0 else { continue }
            let words = triple(group, style: style, leading: first)
            parts.append(name.isEmpty ? words : words + " " + name)
            first = false
        }
        return parts.joined(separator: " ")
    }

    /// One group of three digits: "một trăm linh năm", "hai mươi mốt", "mười lăm"; a non-leading group keeps its
    /// hundreds ("không trăm linh năm").
    static func triple(_ value: Int, style: Style, leading: Bool) -> String {
        let (hundreds, tens, units) = (value / 100, value / 10 % 10, value % 10)
        var words: [String] = []
        if hundreds > 0 || !leading { words += [digits[hundreds], "trăm"] }
        switch tens {
        case 0:
            if units > 0 && !words.isEmpty { words.append(style.zeroTens) }
        case 1:
            words.append("mười")
        default:
            words += [digits[tens], "mươi"]
        }
        switch units {
        case 0: break
        case 1 where tens >= 2: words.append("mốt")
        case 5 where tens >= 1: words.append("lăm")
        default: words.append(digits[units])
        }
        return words.joined(separator: " ")
    }
}
