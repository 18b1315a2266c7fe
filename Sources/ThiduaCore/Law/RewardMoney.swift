/// A coefficient of the base salary, exact to the hundredth ("0.3", "1.5", "0.15"): never a floating-point number.
public struct Coefficient: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let hundredths: Int

    public init(hundredths: Int) { self.hundredths = hundredths }

    /// The largest whole part accepted (the database column is numeric(6,2)); larger inputs are refused, never trapped on.
    public static let maxWhole = 9_999

    /// Parses "0.3", "1", "1.50", "0,15" (a Vietnamese decimal comma); nil for anything else, more than two decimals or a
    /// whole part over `maxWhole`.
    public init?(_ text: String) {
        // Read byte by byte: this runs for every commendation with money a page of them reads (issue "Performance").
        var whole = 0
        var wholeDigits = 0
        var fraction = 0
        var fractionDigits = 0
        var afterSeparator = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                let digit = Int(byte - UInt8(ascii: "0"))
                if afterSeparator {
                    fractionDigits += 1
                    guard fractionDigits <= 2 else { return nil }
                    fraction = fraction * 10 + digit
                } else {
                    wholeDigits += 1
                    guard wholeDigits <= 4 else { return nil }
                    whole = whole * 10 + digit
                }
            case UInt8(ascii: "."), UInt8(ascii: ","):
                guard !afterSeparator else { return nil }
                afterSeparator = true
            default: return nil
            }
        }
        guard wholeDigits > 0, !afterSeparator || fractionDigits > 0, whole <= Self.maxWhole else { return nil }
        self.init(hundredths: whole * 100 + (fractionDigits == 1 ? fraction * 10 : fraction))
    }

    /// "0.3", "1", "1.5", "0.15": the shortest exact form.
    public var description: String {
        let whole = hundredths / 100
        let fraction = hundredths % 100
        if fraction == 0 { return "\(whole)" }
        return fraction % 10 == 0 ? "\(whole).\(fraction / 10)" : "\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    public static func < (lhs: Coefficient, rhs: Coefficient) -> Bool { lhs.hundredths < rhs.hundredths }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = Coefficient(text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "\(text) is not a coefficient like 0.3"))
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// How reward money is rounded (a setting): up to the next unit (the law's reading, default), to the nearest, or not.
public enum RewardRounding: String, Codable, CaseIterable, Sendable {
    case up, nearest, none

    public var vietnamese: String {
        switch self {
        case .up: "làm tròn lên"
        case .nearest: "làm tròn đến gần nhất"
        case .none: "không làm tròn"
        }
    }
}

/// Mức lương cơ sở from a date.
public struct BaseSalary: Equatable, Sendable, Codable {
    public let effectiveFrom: LocalDate
    public let amount: Int
    public let citation: String

    public init(effectiveFrom: LocalDate, amount: Int, citation: String) {
        self.effectiveFrom = effectiveFrom
        self.amount = amount
        self.citation = citation
    }

    /// The row in force on a date: the latest that starts on or before it.
    public static func inForce(on date: LocalDate, in table: [BaseSalary]) -> BaseSalary? {
        table.filter { $0.effectiveFrom <= date }.max { $0.effectiveFrom < $1.effectiveFrom }
    }

    /// The largest base salary accepted: 1 tỷ đồng, hundreds of times today's 2.340.000 đ (the database checks it too).
    public static let maxAmount = 1_000_000_000

    /// A new row as an admin types it: a positive whole number of đồng (at most `maxAmount`) and a date.
    public static func validate(amount: Int?, from: String?, citation: String?) throws(DomainError) -> BaseSalary {
        var violations: [DomainError.FieldViolation] = []
        if amount == nil || amount! <= 0 || amount! > maxAmount {
            violations.append(
                .init(field: "amount", message: "Mức lương cơ sở phải là số đồng nguyên dương không quá 1.000.000.000, ví dụ 2340000."))
        }
        let date = from.flatMap(LocalDate.init)
        if date == nil { violations.append(.init(field: "effectiveFrom", message: "Ngày áp dụng phải có dạng YYYY-MM-DD.")) }
        guard violations.isEmpty, let amount, let date else { throw DomainError.validation(violations) }
        return BaseSalary(effectiveFrom: date, amount: amount, citation: VietnameseText.normalized(citation ?? ""))
    }
}

/// Reward money for one commendation: coefficient × base salary in force on the decision date, × 2 for a collective
/// where the catalogue says so, rounded as the settings say. Integer arithmetic in hundredths of a đồng.
public struct RewardQuote: Equatable, Sendable, Codable {
    public let award: String
    public let date: LocalDate
    public let collective: Bool
    public let coefficient: Coefficient
    public let collectiveFactor: Int
    public let baseSalary: Int
    public let baseSalaryFrom: LocalDate
    public let ruleFrom: LocalDate
    public let rounding: RewardRounding
    public let rewardAmount: Int
    /// The catalogue's fixed amount for one person when the award's money is not a coefficient of the base salary (the
    /// union's, the sector's); nil otherwise.
    public var fixedAmount: Int? = nil

    /// "0,3 × 1.800.000 đ" or "mức cố định 300.000 đ", "× 2 (tập thể)" added for a collective's double amount.
    public var basis: String {
        let base =
            fixedAmount.map { "mức cố định \(VietnameseText.grouped($0)) đ" }
            ?? "\(coefficient.description.replacingOccurrences(of: ".", with: ",")) × \(VietnameseText.grouped(baseSalary)) đ"
        return collectiveFactor > 1 ? base + " × \(collectiveFactor) (tập thể)" : base
    }

    public static func compute(
        award: String, rules: [AwardRule], salaries: [BaseSalary], date: LocalDate, collective: Bool, rounding: RewardRounding,
        unit: Int = 10_000
    ) throws(DomainError) -> RewardQuote {
        guard let rule = AwardRule.inForce(on: date, in: rules) else {
            throw DomainError(
                .ruleViolated, "Danh mục chưa có quy định cho \"\(award)\" vào ngày \(date.vietnamese).",
                violations: [.init(field: "date", message: "Không có quy định của khen thưởng này có hiệu lực vào ngày đó.")])
        }
        guard let salary = BaseSalary.inForce(on: date, in: salaries) else {
            let first = salaries.map(\.effectiveFrom).min()
            throw DomainError(
                .validationFailed,
                "Chưa có mức lương cơ sở áp dụng cho ngày \(date.vietnamese)"
                    + (first.map { "; mức đầu tiên trong bảng áp dụng từ \($0.vietnamese)." } ?? "; bảng lương cơ sở đang trống."),
                violations: [.init(field: "date", message: "Ngày trước mức lương cơ sở đầu tiên.")])
        }
        let factor = collective ? rule.collectiveFactor : 1
        if let fixed = rule.fixedAmount {
            return RewardQuote(
                award: award, date: date, collective: collective, coefficient: rule.coefficient, collectiveFactor: factor,
                baseSalary: salary.amount, baseSalaryFrom: salary.effectiveFrom, ruleFrom: rule.effectiveFrom, rounding: rounding,
                rewardAmount: fixed * factor, fixedAmount: fixed)
        }
        // Overflow-checked: a stored value no validation would accept today must give a refusal, never a crash.
        let (perPerson, overflow1) = rule.coefficient.hundredths.multipliedReportingOverflow(by: salary.amount)
        let (exact, overflow2) = perPerson.multipliedReportingOverflow(by: factor)
        guard !overflow1, !overflow2, let amount = Self.round(hundredthsOfDong: exact, rounding: rounding, unit: unit) else {
            throw DomainError(
                .validationFailed,
                "Không tính được tiền thưởng: hệ số \(rule.coefficient) × lương cơ sở \(salary.amount) đ vượt quá giới hạn; "
                    + "hãy kiểm tra danh mục và bảng lương cơ sở.",
                violations: [.init(field: "date", message: "Số tiền vượt quá giới hạn tính được.")])
        }
        return RewardQuote(
            award: award, date: date, collective: collective, coefficient: rule.coefficient, collectiveFactor: factor,
            baseSalary: salary.amount, baseSalaryFrom: salary.effectiveFrom, ruleFrom: rule.effectiveFrom, rounding: rounding,
            rewardAmount: amount)
    }

    /// Rounds an exact amount (in hundredths of a đồng) to whole đồng in multiples of `unit`; nil when it overflows.
    public static func round(hundredthsOfDong exact: Int, rounding: RewardRounding, unit: Int) -> Int? {
        let step = unit * 100
        let add =
            switch rounding {
            case .up: step - 1
            case .nearest: step / 2
            case .none: 99
            }
        let (sum, overflow) = exact.addingReportingOverflow(add)
        guard !overflow, exact >= 0 else { return nil }
        return rounding == .none ? sum / 100 : sum / step * unit
    }
}
