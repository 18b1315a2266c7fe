/// A unit's legal settings: the authority its head holds, the awards the head signs (the level's list, narrowed or widened
/// for the unit with a reason), and unit-wide caps (off unless listed and enabled).
public struct UnitPolicy: Equatable, Sendable, Codable {
    public struct Cap: Equatable, Sendable, Codable {
        public let award: String
        /// The award the cap is a share of: "CSTD_CS at most 15% of LDTT".
        public let ofAward: String
        public let percent: Coefficient
        public let enabled: Bool

        public init(award: String, ofAward: String, percent: Coefficient, enabled: Bool) {
            self.award = award
            self.ofAward = ofAward
            self.percent = percent
            self.enabled = enabled
        }
    }

    /// Set on the unit, or nil when it follows its kind's default.
    public let authorityLevel: String?
    /// The level in effect (the setting or the default).
    public let effectiveAuthorityLevel: String
    public let caps: [Cap]
    /// Every award, and whether the unit's head signs it.
    public let grants: [Grant]
    /// The kind of period the unit reviews its titles by: set, or nil for its kind's.
    public let titlePeriodKind: Period.Kind?
    public let effectiveTitlePeriodKind: Period.Kind

    public init(
        authorityLevel: String?, effectiveAuthorityLevel: String, caps: [Cap], grants: [Grant] = [], titlePeriodKind: Period.Kind? = nil,
        effectiveTitlePeriodKind: Period.Kind = .calendarYear
    ) {
        self.authorityLevel = authorityLevel
        self.effectiveAuthorityLevel = effectiveAuthorityLevel
        self.caps = caps
        self.grants = grants
        self.titlePeriodKind = titlePeriodKind
        self.effectiveTitlePeriodKind = effectiveTitlePeriodKind
    }

    /// A change of the title period: keep it, follow the unit's kind again, or set one.
    public enum TitlePeriodChange: Equatable, Sendable {
        case keep, byKind
        case set(Period.Kind)

        /// "school-year", "calendar-year" (or with underscores), "by-kind"; nil: keep.
        public static func parse(_ text: String?) throws(DomainError) -> TitlePeriodChange {
            guard let text else { return .keep }
            switch text.replacingOccurrences(of: "-", with: "_").lowercased() {
            case "school_year": return .set(.schoolYear)
            case "calendar_year": return .set(.calendarYear)
            case "by_kind": return .byKind
            default:
                throw DomainError.validation([
                    .init(field: "titlePeriodKind", message: "Kỳ xét danh hiệu là school_year (năm học), calendar_year (năm) hoặc by_kind.")
                ])
            }
        }
    }

    /// An award and whether the unit's head signs it: as the level's list says, or as the unit changed it (with why).
    public struct Grant: Equatable, Sendable, Codable {
        public let award: String
        public let awardName: String
        public let grants: Bool
        public let byLevel: Bool
        /// The reason of the unit's own change; nil when the level's list applies.
        public let reason: String?

        public init(award: String, awardName: String, grants: Bool, byLevel: Bool, reason: String?) {
            self.award = award
            self.awardName = awardName
            self.grants = grants
            self.byLevel = byLevel
            self.reason = reason
        }
    }

    /// A change an admin makes to the unit's list: sign the award (`true`), forward it (`false`), or follow the level
    /// again (`nil`).
    public struct GrantChange: Equatable, Sendable {
        public let award: String
        public let grants: Bool?

        public init(award: String, grants: Bool?) {
            self.award = award
            self.grants = grants
        }

        /// "+TTLDTT" (the unit signs it), "-LDTT" (forwarded), "=LDTT" (as the level's list), as the command line takes it.
        public static func parse(_ text: String) throws(DomainError) -> GrantChange {
            let code = String(text.dropFirst()).uppercased()
            switch (text.first, code.isEmpty) {
            case ("+", false): return GrantChange(award: code, grants: true)
            case ("-", false): return GrantChange(award: code, grants: false)
            case ("=", false): return GrantChange(award: code, grants: nil)
            default:
                throw DomainError.validation([
                    .init(
                        field: "grant", message: "Viết +MÃ (đơn vị tự quyết định), -MÃ (trình cấp trên) hoặc =MÃ (theo cấp), ví dụ +TTLDTT."
                    )
                ])
            }
        }
    }
}

extension UnitPolicy.Cap {
    /// One cap from a form; `field` names it in the error ("caps[0]").
    public static func validate(award: String?, ofAward: String?, percent: String?, enabled: Bool?, field: String) throws(DomainError)
        -> UnitPolicy.Cap
    {
        guard let award, !award.isEmpty, let ofAward, !ofAward.isEmpty, let percent = percent.flatMap(Coefficient.init) else {
            throw DomainError.validation([.init(field: field, message: "Mỗi giới hạn cần award, ofAward và percent (ví dụ \"15\").")])
        }
        guard percent.hundredths > 0, percent.hundredths <= 10_000 else {
            throw DomainError.validation([.init(field: field, message: "percent là tỷ lệ phần trăm lớn hơn 0 và không quá 100.")])
        }
        return UnitPolicy.Cap(award: award.uppercased(), ofAward: ofAward.uppercased(), percent: percent, enabled: enabled ?? true)
    }

    /// "CSTD_CS:LDTT:15", as the command line takes a cap.
    public static func parse(_ text: String) throws(DomainError) -> UnitPolicy.Cap {
        let parts = text.split(separator: ":").map(String.init)
        guard parts.count == 3 else {
            throw DomainError.validation([
                .init(field: "cap", message: "Giới hạn viết dạng KHEN_THUONG:TINH_TREN:PHAN_TRAM, ví dụ CSTD_CS:LDTT:15 (nhận: \(text)).")
            ])
        }
        return try validate(award: parts[0], ofAward: parts[1], percent: parts[2], enabled: true, field: "cap")
    }

    /// The most of `award` the cap allows when `base` of `ofAward` are issued (rounded down).
    public func allowed(base: Int) -> Int { base * percent.hundredths / 10_000 }

    /// Why one more is refused, or nil when it fits: `issued` of the award and `base` of the award it is a share of.
    public func refusal(issued: Int, base: Int, unitName: String, awardName: String, baseName: String, period: Period) -> DomainError? {
        guard issued + 1 > allowed(base: base) else { return nil }
        return DomainError(
            .conflict,
            "Vượt giới hạn của \(unitName): \(awardName) tối đa \(percent)% số \(baseName) \(period.vietnamese) "
                + "(\(base) → tối đa \(allowed(base: base))); đã có \(issued).",
            violations: [.init(field: "cap", message: "Đã đủ số \(awardName) được phép trong kỳ.")])
    }
}
