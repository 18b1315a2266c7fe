public struct RuleResult: Equatable, Sendable, Codable {
    public enum Outcome: String, Codable, Sendable {
        case passed, failed, unknown
    }

    /// The headmaster's written reason for letting a failed rule pass.
    public struct Override: Equatable, Sendable, Codable {
        public let reason: String
        public let by: String

        public init(reason: String, by: String) {
            self.reason = reason
            self.by = by
        }
    }

    public let rule: EligibilityRule
    public let title: String
    public let titleEnglish: String
    /// Where the rule comes from, and whether that reading was checked against the text in force.
    public let citation: String
    public let verified: Bool
    public let outcome: Outcome
    /// The facts the rule read, in Vietnamese and in English.
    public let facts: [String]
    public let factsEnglish: [String]
    public var override: Override?

    init(_ rule: EligibilityRule, _ outcome: Outcome, _ facts: [Fact]) {
        self.rule = rule
        self.title = rule.title
        self.titleEnglish = rule.titleEnglish
        self.citation = rule.citation
        self.verified = rule.verified
        self.outcome = outcome
        self.facts = facts.map(\.vi)
        self.factsEnglish = facts.map(\.en)
    }

    /// Failed and not overridden: this stops a submission.
    public var blocks: Bool { outcome == .failed && override == nil }
}

/// One fact as a rule read it, in both languages.
struct Fact {
    let vi: String
    let en: String
    init(_ vi: String, _ en: String) {
        self.vi = vi
        self.en = en
    }
}

/// The evaluation of one nomination (or one person and award): every rule of the award in force, with its facts.
public struct EligibilityReport: Equatable, Sendable, Codable {
    public let award: String
    public let awardName: String
    public let nominee: String
    public let period: String
    public let rulesFrom: LocalDate?
    public let results: [RuleResult]
    /// Whether the nominee registered (đăng ký thi đua) for the period, said whether or not the award's rules ask it.
    public let registration: String

    public init(
        award: String, awardName: String, nominee: String, period: Period, rulesFrom: LocalDate?, results: [RuleResult],
        registration: String = ""
    ) {
        self.award = award
        self.awardName = awardName
        self.nominee = nominee
        self.period = period.label
        self.rulesFrom = rulesFrom
        self.results = results
        self.registration = registration
    }

    /// The same evaluation for a subject: every rule, and the registration said as a fact.
    public init(
        award: String, awardName: String, subject: EligibilitySubject, period: Period, rulesFrom: LocalDate?, results: [RuleResult]
    ) {
        let registration = Eligibility.registered(subject, period).facts.first ?? ""
        self.init(
            award: award, awardName: awardName, nominee: subject.name, period: period, rulesFrom: rulesFrom, results: results,
            registration: registration)
    }

    public var blocking: [RuleResult] { results.filter(\.blocks) }

    /// Overall: failed if any rule blocks, unknown if any rule is unknown, else passed.
    public var outcome: RuleResult.Outcome {
        if results.contains(where: \.blocks) { return .failed }
        return results.contains { $0.outcome == .unknown } ? .unknown : .passed
    }

    /// The 422 a submission gets when rules fail: each failed rule named with the fact that failed it.
    public func refusal() -> DomainError? {
        let failed = blocking
        guard !failed.isEmpty else { return nil }
        return DomainError(
            .ineligible,
            "Chưa đủ điều kiện đề nghị \"\(awardName)\": \(failed.count) tiêu chuẩn không đạt. "
                + "Hiệu trưởng có thể cho vượt một tiêu chuẩn khi ghi rõ lý do.",
            violations: failed.map {
                .init(field: "eligibility.\($0.rule.rawValue)", message: "\($0.title): \($0.facts.joined(separator: "; "))")
            })
    }

    /// Plain text for the command line, in Vietnamese with the English beneath.
    public var text: String {
        var lines = ["\(awardName) (\(award)) — \(nominee) — kỳ \(period)"]
        if let rulesFrom { lines.append("Quy định áp dụng từ \(rulesFrom.vietnamese)") }
        if !registration.isEmpty { lines.append("Đăng ký thi đua: \(registration)") }
        let mark: [RuleResult.Outcome: String] = [.passed: "ĐẠT", .failed: "KHÔNG ĐẠT", .unknown: "CHƯA RÕ"]
        for result in results {
            lines.append("[\(mark[result.outcome] ?? "")] \(result.title) (\(result.rule.rawValue))")
            lines.append("    \(result.titleEnglish): \(result.outcome.rawValue)")
            for (vi, en) in zip(result.facts, result.factsEnglish) { lines.append("    - \(vi) / \(en)") }
            if let override = result.override { lines.append("    Được cho vượt, lý do: \(override.reason) (\(override.by))") }
        }
        if results.isEmpty { lines.append("Khen thưởng này không có tiêu chuẩn nào để kiểm tra tự động.") }
        let overall: String =
            switch outcome {
            case .passed: "Kết quả: đủ điều kiện (eligible)"
            case .failed: "Kết quả: chưa đủ điều kiện (not eligible)"
            case .unknown: "Kết quả: chưa đủ dữ liệu để kết luận, hội đồng xem xét (undecided)"
            }
        lines.append(overall)
        return lines.joined(separator: "\n")
    }
}

/// Who the rules are evaluated for.
public enum EligibilitySubject: Sendable {
    case person(PersonFacts)
    case collective(CollectiveFacts)

    public var name: String {
        switch self {
        case .person(let facts): facts.name
        case .collective(let facts): facts.name
        }
    }

    /// The registration (đăng ký thi đua) filed for a period, if any.
    public func registration(in period: Period) -> RegistrationFact? {
        switch self {
        case .person(let facts): facts.registrations.first { $0.period == period }
        case .collective(let facts): facts.registrations.first { $0.period == period }
        }
    }
}
