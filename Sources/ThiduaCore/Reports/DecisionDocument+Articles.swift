/// The words of a decision that follow from what it gives: the subject, the three articles and the annex's heading and
/// total (documents-and-law.md §1, as a school's office writes them).
extension DecisionDocument {
    /// One award with its count of people and of collectives, in the order of the list.
    public struct Given: Equatable, Sendable {
        public let name: String
        public let isTitle: Bool
        public let coefficient: String
        public let collectiveCoefficient: String
        public let individuals: Int
        public let collectives: Int
        public let amountPerPerson: Int?
        public let amountPerCollective: Int?
    }

    /// The awards given, in the list's order (individuals' awards by precedence first, as the entries come).
    public var given: [Given] {
        var order: [String] = []
        for entry in entries where !order.contains(entry.awardCode) { order.append(entry.awardCode) }
        return order.map { code in
            let lines = entries.filter { $0.awardCode == code }
            let terms = self.terms.first { $0.code == code }
            let people = lines.filter { $0.section == .individuals }
            let units = lines.filter { $0.section == .collectives }
            return Given(
                name: lines[0].awardName, isTitle: terms?.isTitle ?? false, coefficient: terms?.coefficient ?? "",
                collectiveCoefficient: terms?.collectiveCoefficient ?? "",
                individuals: people.count, collectives: units.count, amountPerPerson: people.compactMap(\.amount).max(),
                amountPerCollective: units.compactMap(\.amount).max())
        }
    }

    var individuals: Int { entries.filter { $0.section == .individuals }.count }
    var collectives: Int { entries.count - individuals }

    /// "năm học 2023 - 2024", "năm 2024": the period as decisions write it.
    var periodName: String? {
        period.map { $0.kind == .calendarYear ? "năm \($0.year)" : "năm học \($0.year) - \($0.year + 1)" }
    }

    /// "05": counts in a decision carry a leading zero (the clerks' habit).
    static func count(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }

    /// "05 cá nhân và 01 tập thể" (Điều 1), or with ", " between (the annex's total).
    static func recipients(individuals: Int, collectives: Int, separator: String = " và ") -> String {
        [individuals > 0 ? "\(count(individuals)) cá nhân" : nil, collectives > 0 ? "\(count(collectives)) tập thể" : nil]
            .compactMap { $0 }.joined(separator: separator)
    }

    /// A decision recognising titles only (its subject and annex then name the titles and the period).
    var titlesOnly: Bool { !given.isEmpty && given.allSatisfy(\.isTitle) }

    /// Titles are recognised ("công nhận danh hiệu"), forms are given ("tặng Giấy khen"); a decision of both says so.
    /// An ad hoc decision names the one it commends ("Về việc khen thưởng đột xuất cho Võ Thị Lan"); a yearly Giấy khen
    /// names the year, a movement's the movement.
    public var subject: String {
        if titlesOnly { return "Về việc công nhận danh hiệu thi đua" + (periodName.map { " \($0)" } ?? "") }
        let whom = individuals > 0 && collectives > 0 ? "các tập thể, cá nhân" : collectives > 0 ? "các tập thể" : "các cá nhân"
        if kind == .exceptional {
            let named = entries.count == 1 ? entries[0].name : whom
            return "Về việc khen thưởng đột xuất cho \(named) có thành tích xuất sắc"
        }
        if let form = given.first?.name, given.allSatisfy({ !$0.isTitle && $0.name == form }) {
            if kind == .regular {
                return "Về việc tặng \(form) cho \(whom) có thành tích xuất sắc \(periodName ?? "năm \(date.year)")"
            }
            let movement = movements.count == 1 ? " trong \(Self.movementPhrase(movements[0]))" : ""
            return "Về việc tặng \(form) cho \(whom) có thành tích xuất sắc\(movement)"
        }
        return "Về việc khen thưởng" + (periodName.map { " \($0)" } ?? "")
    }

    /// 'phong trào thi đua "Dân vận khéo" năm 2024': a movement named without the words "phong trào" gets them.
    static func movementPhrase(_ name: String) -> String {
        let lowered = name.prefix(1).lowercased() + name.dropFirst()
        return lowered.hasPrefix("phong trào") ? lowered : "phong trào thi đua \"\(name)\""
    }

    /// Điều 1 (after its bold label): the titles recognised, the period once, then the forms given, each with how many
    /// people and collectives: 'Công nhận danh hiệu "Lao động tiên tiến" năm học 2023 - 2024 cho 05 cá nhân và danh hiệu
    /// "Tập thể lao động tiên tiến" cho 01 tập thể (có danh sách kèm theo).'
    public var articleOne: String {
        func whom(_ award: Given) -> String { Self.recipients(individuals: award.individuals, collectives: award.collectives) }
        let period = periodName.map { " \($0)" } ?? ""
        var clauses: [String] = []
        let titles = given.filter(\.isTitle).enumerated().map { index, award in
            "danh hiệu \"\(award.name)\"\(index == 0 ? period : "") cho \(whom(award))"
        }
        if !titles.isEmpty { clauses.append("công nhận " + Self.series(titles)) }
        let forms = given.filter { !$0.isTitle }.map { "\($0.name) cho \(whom($0))" }
        if !forms.isEmpty { clauses.append("tặng " + Self.series(forms)) }
        let text = clauses.joined(separator: "; ")
        return text.prefix(1).uppercased() + text.dropFirst() + " (có danh sách kèm theo)."
    }

    /// "a", "a và b", "a, b và c".
    static func series(_ items: [String]) -> String {
        items.count < 2 ? items.joined() : items.dropLast().joined(separator: ", ") + " và " + items[items.count - 1]
    }

    /// Điều 2: the rate and amount of each award, the total in figures and in words, and the fund it is paid from.
    public var articleTwo: String {
        guard totalAmount > 0 else { return "Khen thưởng tại Điều 1 không kèm theo tiền thưởng." }
        var rates: [String] = []
        for award in given {
            let both = award.amountPerPerson != nil && award.amountPerCollective != nil
            if let amount = award.amountPerPerson {
                rates.append(
                    "\(award.name)\(both ? " (cá nhân)" : "") \(Self.decimal(award.coefficient)) lần mức lương cơ sở "
                        + "(\(VietnameseText.grouped(amount)) đồng/người)")
            }
            if let amount = award.amountPerCollective {
                rates.append(
                    "\(award.name)\(both ? " (tập thể)" : "") \(Self.decimal(award.collectiveCoefficient)) lần mức lương cơ sở "
                        + "(\(VietnameseText.grouped(amount)) đồng/tập thể)")
            }
        }
        return "Kèm theo là tiền thưởng theo quy định tại Nghị định số \(Self.decreeNumber(on: date)): \(rates.joined(separator: "; ")). "
            + "Tổng số tiền: \(VietnameseText.grouped(totalAmount)) đồng (Bằng chữ: \(inWords(totalAmount))), "
            + "trích từ \(settings.fund.isEmpty ? "quỹ thi đua, khen thưởng năm \(date.year) của \(issuer.unitName)" : settings.fund)."
    }

    /// "0,3": a coefficient with the Vietnamese decimal comma.
    static func decimal(_ text: String) -> String { text.replacingOccurrences(of: ".", with: ",") }

    /// Điều 3: the effect and who carries it out, the accountant who pays among them.
    public static let articleThree =
        "Quyết định có hiệu lực kể từ ngày ký. Bộ phận Văn phòng, Kế toán, Tổ trưởng các tổ chuyên môn và các cá nhân, tập thể "
        + "có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./."

    /// The annex's heading: a decision on titles alone names who (cá nhân, tập thể or both) and the period.
    public var annexTitle: String {
        let whom = individuals > 0 && collectives > 0 ? "cá nhân, tập thể" : collectives > 0 ? "tập thể" : "cá nhân"
        return titlesOnly
            ? "DANH SÁCH \(whom.uppercased()) ĐƯỢC CÔNG NHẬN DANH HIỆU THI ĐUA" + (periodName.map { " " + $0.uppercased() } ?? "")
            : "DANH SÁCH KHEN THƯỞNG"
    }

    /// "(Kèm theo Quyết định số 15/QĐ-THAP ngày 24/05/2024 của Hiệu trưởng Trường Tiểu học An Phước)"
    public var annexNote: String {
        "(Kèm theo Quyết định số \(number) ngày \(date.vietnamese) của \(settings.signerPosition) \(issuer.unitName))"
    }

    /// "Tổng cộng: 05 cá nhân, 01 tập thể. Tổng số tiền: 4.140.000 đồng (Bằng chữ: Bốn triệu … đồng)."
    public var annexTotal: String {
        "Tổng cộng: \(Self.recipients(individuals: individuals, collectives: collectives, separator: ", ")). "
            + "Tổng số tiền: \(VietnameseText.grouped(totalAmount)) đồng (Bằng chữ: \(inWords(totalAmount)))."
    }

    /// The amount in words in the unit's style ("nghìn"/"linh" or "ngàn"/"lẻ").
    func inWords(_ amount: Int) -> String { AmountInWords.vietnamese(amount, style: settings.wordsStyle) }
}
