import Foundation

/// The period of a movement: a calendar year (năm 2024) or a school year (năm học 2023-2024, 1 September → 31 August).
public struct Period: Equatable, Hashable, Sendable {
    public enum Kind: String, Codable, Sendable {
        case calendarYear = "calendar_year"
        case schoolYear = "school_year"
    }

    public let kind: Kind
    /// The calendar year, or the year a school year starts in.
    public let year: Int

    public init(kind: Kind, year: Int) {
        self.kind = kind
        self.year = year
    }

    /// A period as stored: its kind's code ("calendar_year", "school_year") and year; nil for an unknown kind.
    public init?(kindCode: String, year: Int) {
        guard let kind = Kind(rawValue: kindCode) else { return nil }
        self.init(kind: kind, year: year)
    }

    /// "2024" or "2023-2024"; nil for anything else (a school year's years must follow each other).
    public init?(_ text: String) {
        let parts = text.split(separator: "-").map { Int($0) }
        switch parts.count {
        case 1:
            guard let year = parts[0], (1900...2999).contains(year) else { return nil }
            self.init(kind: .calendarYear, year: year)
        case 2:
            guard let first = parts[0], let second = parts[1], second == first + 1, (1900...2999).contains(first) else { return nil }
            self.init(kind: .schoolYear, year: first)
        default:
            return nil
        }
    }

    /// The school year a day falls in (1 September – 31 August): 03/12/2026 → 2026-2027, 15/05/2024 → 2023-2024.
    public static func schoolYear(containing date: LocalDate) -> Period {
        Period(kind: .schoolYear, year: date.month >= 9 ? date.year : date.year - 1)
    }

    public var label: String { kind == .calendarYear ? "\(year)" : "\(year)-\(year + 1)" }
    public var startsOn: LocalDate { kind == .calendarYear ? LocalDate(year, 1, 1) : LocalDate(year, 9, 1) }
    public var endsOn: LocalDate { kind == .calendarYear ? LocalDate(year, 12, 31) : LocalDate(year + 1, 8, 31) }

    public func contains(_ date: LocalDate) -> Bool { startsOn <= date && date <= endsOn }

    /// Whole months from a day to the period's end: recruited on 01/11/2023, a school year 2023-2024 gives 10; on
    /// 15/11/2023, 9 (the tenth month would end on 14/09/2024).
    public func wholeMonths(from date: LocalDate) -> Int {
        let next = kind == .calendarYear ? LocalDate(year + 1, 1, 1) : LocalDate(year + 1, 9, 1)
        return max(0, (next.year - date.year) * 12 + next.month - date.month - (date.day > 1 ? 1 : 0))
    }

    /// The period `count` periods earlier of the same kind.
    public func earlier(by count: Int) -> Period { Period(kind: kind, year: year - count) }

    /// "năm 2024", "năm học 2023-2024": how documents name a period (upper-cased in titles).
    public var vietnamese: String { kind == .calendarYear ? "năm \(label)" : "năm học \(label)" }
    public var english: String { kind == .calendarYear ? "year \(label)" : "school year \(label)" }
}

/// A date without a time or zone ("YYYY-MM-DD"), as decisions and deadlines are written.
public struct LocalDate: Comparable, Hashable, Sendable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init(_ year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses "YYYY-MM-DD" and rejects dates that do not exist (2024-02-30).
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]), (1...12).contains(month),
            LocalDate.years.contains(year)
        else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        guard let date = calendar.date(from: DateComponents(year: year, month: month, day: day)),
            calendar.component(.day, from: date) == day, calendar.component(.month, from: date) == month
        else { return nil }
        self.init(year, month, day)
    }

    /// The years a date may have: records of people working today (security review F8: year 0000 reached the database).
    public static let years = 1900...2999

    /// The days of a month in the Gregorian calendar: February has 29 in 2024, 28 in 2025 and in 1900.
    public static func days(inMonth month: Int, of year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    public var description: String { "\(Self.padded(year, 4))-\(Self.padded(month, 2))-\(Self.padded(day, 2))" }

    /// "20/05/2024", as dates are written in Vietnamese documents.
    public var vietnamese: String { "\(Self.padded(day, 2))/\(Self.padded(month, 2))/\(Self.padded(year, 4))" }

    /// "ngày 05 tháng 01 năm 2025": a date as documents write it. Nghị định 30/2020, Phụ lục I: a day below 10 and the months 1 and 2 take a leading zero ("tháng 01" cannot become
    /// "tháng 11" by a stroke of the pen); the other months do not ("ngày 24 tháng 5 năm 2024").
    public var written: String { "ngày \(Self.padded(day, 2)) tháng \(month <= 2 ? Self.padded(month, 2) : String(month)) năm \(year)" }

    private static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    /// The date `days` later (earlier when negative): the last day of a posting.
    public func adding(days: Int) -> LocalDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        guard let date = calendar.date(from: DateComponents(year: year, month: month, day: day)),
            let later = calendar.date(byAdding: .day, value: days, to: date)
        else { return self }
        let parts = calendar.dateComponents([.year, .month, .day], from: later)
        return LocalDate(parts.year ?? year, parts.month ?? month, parts.day ?? day)
    }

    /// Today's date in Vietnam (UTC+7), where deadlines are set.
    public static var today: LocalDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Ho_Chi_Minh") ?? TimeZone(secondsFromGMT: 7 * 3600) ?? .current
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return LocalDate(parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1)
    }

    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = LocalDate(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "\(text) is not a date YYYY-MM-DD"))
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension Period {
    /// A calendar year as a filter gives it ("2024").
    public static func calendarYear(_ text: String) throws(DomainError) -> Period {
        guard let period = Period(text), period.kind == .calendarYear else {
            throw DomainError.validation([.init(field: "year", message: "Năm phải là bốn chữ số, ví dụ 2024.")])
        }
        return period
    }

    /// A school year as a filter gives it ("2023-2024"). Two years of the accepted range that do not follow each other
    /// ("2023-2025", the form the API documents) break a rule rather than the field's form.
    public static func schoolYear(_ text: String) throws(DomainError) -> Period {
        guard let period = Period(text), period.kind == .schoolYear else {
            let years = text.split(separator: "-", omittingEmptySubsequences: false)
            if years.count == 2, years.allSatisfy({ $0.count == 4 && Int($0).map((1900...2999).contains) == true }) {
                throw DomainError.rule(field: "schoolYear", "Năm học gồm hai năm liền nhau, ví dụ 2023-2024.")
            }
            throw DomainError.validation([.init(field: "schoolYear", message: "Năm học phải có dạng 2023-2024.")])
        }
        return period
    }

    /// Exactly one of a calendar year ("2024") or a school year ("2023-2024"), as report filters give them.
    public static func choose(year: String?, schoolYear: String?) throws(DomainError) -> Period {
        switch (year, schoolYear) {
        case (let year?, nil): return try calendarYear(year)
        case (nil, let text?): return try Self.schoolYear(text)
        default: throw DomainError.rule(field: "year", "Chọn đúng một kỳ: năm (year) hoặc năm học (schoolYear).")
        }
    }
}

extension LocalDate {
    /// A date as a Vietnamese reader types it: "24/05/2024" (or "24/5/2024", or the ISO "2024-05-24" a date picker sends).
    public static func parse(vietnamese text: String) -> LocalDate? {
        let text = text.trimmingCharacters(in: .whitespaces)
        let parts = text.split(separator: "/")
        guard parts.count == 3, let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2]) else {
            return LocalDate(text)
        }
        return LocalDate(String(format: "%04d-%02d-%02d", year, month, day))
    }
}
