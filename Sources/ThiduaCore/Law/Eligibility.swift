/// The eligibility rules the evaluator knows (legal-rules.md, "Eligibility"). Which of them an award reads, in which
/// period, is catalogue data (`award_rules.eligibility`); a test keeps this list equal to the SQL CHECK.
public enum EligibilityRule: String, Codable, CaseIterable, Sendable {
    case ratingGood = "rating_good"
    case monthsWorked = "months_worked"
    case noDiscipline = "no_discipline"
    case ldttSamePeriod = "ldtt_same_period"
    case excellentOrInitiative = "excellent_or_initiative"
    case cstdCs3Periods = "cstd_cs_3_periods"
    case cstdTinh2Times = "cstd_tinh_2_times"
    case bkTinhRoute = "bk_tinh_route"
    case collectiveCompleted = "collective_completed"
    case membersLdttMajority = "members_ldtt_majority"
    case membersNoWarning = "members_no_warning"
    case membersAllCompleted = "members_all_completed"
    case membersLdtt70 = "members_ldtt_70"
    case memberCstdCs = "member_cstd_cs"
    case membersNoDiscipline = "members_no_discipline"

    public var forCollectives: Bool {
        switch self {
        case .collectiveCompleted, .membersLdttMajority, .membersNoWarning, .membersAllCompleted, .membersLdtt70, .memberCstdCs,
            .membersNoDiscipline:
            true
        default: false
        }
    }

    public var title: String {
        switch self {
        case .ratingGood: "Xếp loại từ \"Hoàn thành tốt nhiệm vụ\" trở lên"
        case .monthsWorked: "Công tác đủ 10 tháng trở lên trong kỳ"
        case .noDiscipline: "Không bị kỷ luật trong kỳ"
        case .ldttSamePeriod: "Đạt danh hiệu Lao động tiên tiến cùng kỳ"
        case .excellentOrInitiative: "Hoàn thành xuất sắc nhiệm vụ hoặc có sáng kiến, mô hình được công nhận trong kỳ"
        case .cstdCs3Periods: "Chiến sĩ thi đua cơ sở 3 kỳ liên tục (kể cả kỳ này)"
        case .cstdTinh2Times: "Chiến sĩ thi đua cấp tỉnh 2 lần liên tục"
        case .bkTinhRoute:
            "Chiến sĩ thi đua cơ sở 2 kỳ liên tục, hoặc 2 năm liên tục hoàn thành xuất sắc nhiệm vụ và có 2 sáng kiến được công nhận"
        case .collectiveCompleted: "Tập thể hoàn thành nhiệm vụ được giao"
        case .membersLdttMajority: "Trên 50% thành viên đạt Lao động tiên tiến"
        case .membersNoWarning: "Không có thành viên bị kỷ luật từ cảnh cáo trở lên"
        case .membersAllCompleted: "100% thành viên hoàn thành nhiệm vụ"
        case .membersLdtt70: "Ít nhất 70% thành viên đạt Lao động tiên tiến"
        case .memberCstdCs: "Có ít nhất một thành viên đạt Chiến sĩ thi đua cơ sở"
        case .membersNoDiscipline: "Không có thành viên bị kỷ luật"
        }
    }

    public var titleEnglish: String {
        switch self {
        case .ratingGood: "Rated \"well completed duties\" or better"
        case .monthsWorked: "Worked at least 10 months in the period"
        case .noDiscipline: "No disciplinary measure in the period"
        case .ldttSamePeriod: "Advanced Worker (LĐTT) in the same period"
        case .excellentOrInitiative: "Rated excellent, or an initiative or model recognized in the period"
        case .cstdCs3Periods: "Grassroots Emulation Fighter in 3 consecutive periods (this one included)"
        case .cstdTinh2Times: "Provincial Emulation Fighter twice in a row"
        case .bkTinhRoute:
            "Grassroots Emulation Fighter in 2 consecutive periods, or rated excellent 2 years running with 2 recognized initiatives"
        case .collectiveCompleted: "The collective completed its tasks"
        case .membersLdttMajority: "More than 50% of members are Advanced Workers"
        case .membersNoWarning: "No member disciplined at \"warning\" or above"
        case .membersAllCompleted: "Every member completed their duties"
        case .membersLdtt70: "At least 70% of members are Advanced Workers"
        case .memberCstdCs: "At least one member is a Grassroots Emulation Fighter"
        case .membersNoDiscipline: "No member disciplined"
        }
    }
}

/// The outcome of one rule: passed, failed, or unknown when the stored data cannot decide (never "passed").
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
    public let outcome: Outcome
    /// The facts the rule read, in Vietnamese and in English.
    public let facts: [String]
    public let factsEnglish: [String]
    public var override: Override?

    init(_ rule: EligibilityRule, _ outcome: Outcome, _ facts: [Fact]) {
        self.rule = rule
        self.title = rule.title
        self.titleEnglish = rule.titleEnglish
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

    public init(award: String, awardName: String, nominee: String, period: Period, rulesFrom: LocalDate?, results: [RuleResult]) {
        self.award = award
        self.awardName = awardName
        self.nominee = nominee
        self.period = period.label
        self.rulesFrom = rulesFrom
        self.results = results
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
}

/// Evaluates rules against facts. Pure: the store loads the facts, this decides.
public enum Eligibility {
    public static func evaluate(_ rules: [EligibilityRule], for subject: EligibilitySubject, in period: Period) -> [RuleResult] {
        rules.map { rule in
            switch subject {
            case .person(let person):
                guard !rule.forCollectives else { return notApplicable(rule, collective: false) }
                return evaluate(rule, person: person, period: period)
            case .collective(let collective):
                guard rule.forCollectives else { return notApplicable(rule, collective: true) }
                return evaluate(rule, collective: collective, period: period)
            }
        }
    }

    static func notApplicable(_ rule: EligibilityRule, collective: Bool) -> RuleResult {
        RuleResult(
            rule, .unknown,
            [
                collective
                    ? Fact(
                        "Tiêu chuẩn dành cho cá nhân; hội đồng xem xét với tập thể.",
                        "A rule for individuals; the council judges a collective.")
                    : Fact(
                        "Tiêu chuẩn dành cho tập thể; hội đồng xem xét với cá nhân.",
                        "A rule for collectives; the council judges an individual.")
            ])
    }

    // MARK: individuals

    static func evaluate(_ rule: EligibilityRule, person: PersonFacts, period: Period) -> RuleResult {
        switch rule {
        case .ratingGood:
            guard let rating = person.rating(in: period) else { return RuleResult(rule, .unknown, [noRating(period)]) }
            return RuleResult(rule, rating.rating.rank >= Rating.good.rank ? .passed : .failed, [ratingFact(rating.rating, period)])
        case .monthsWorked:
            guard let months = person.rating(in: period)?.monthsWorked else {
                return RuleResult(
                    rule, .unknown,
                    [Fact("Chưa có số tháng công tác \(period.vietnamese)", "Months worked in \(period.english) not stored")])
            }
            return RuleResult(
                rule, months >= 10 ? .passed : .failed,
                [
                    Fact(
                        "Số tháng công tác \(period.vietnamese): \(months) (cần ít nhất 10)",
                        "Months worked in \(period.english): \(months) (10 needed)")
                ]
            )
        case .noDiscipline:
            let found = person.disciplines(in: period)
            return found.isEmpty
                ? RuleResult(rule, .passed, [noDisciplineFact(period)])
                : RuleResult(rule, .failed, found.map { disciplineFact($0, name: nil) })
        case .ldttSamePeriod:
            let (outcome, fact) = titleFact(person, "LDTT", "Lao động tiên tiến", "Advanced Worker", period, current: true)
            return RuleResult(rule, outcome, [fact])
        case .excellentOrInitiative:
            let (outcome, facts) = excellentOrInitiative(person, period)
            return RuleResult(rule, outcome, facts)
        case .cstdCs3Periods:
            let checks = (0..<3).map {
                titleFact(
                    person, "CSTD_CS", "Chiến sĩ thi đua cơ sở", "Grassroots Emulation Fighter", period.earlier(by: $0), current: $0 == 0)
            }
            return RuleResult(rule, combineAll(checks.map(\.0)), checks.map(\.1))
        case .cstdTinh2Times:
            return cstdTinhTwice(person, period)
        case .bkTinhRoute:
            let chain = (0..<2).map {
                titleFact(
                    person, "CSTD_CS", "Chiến sĩ thi đua cơ sở", "Grassroots Emulation Fighter", period.earlier(by: $0), current: $0 == 0)
            }
            let routeA = combineAll(chain.map(\.0))
            let years = [period, period.earlier(by: 1)]
            var routeBFacts: [Fact] = []
            var ratingOutcomes: [RuleResult.Outcome] = []
            for year in years {
                if let rating = person.rating(in: year) {
                    ratingOutcomes.append(rating.rating == .excellent ? .passed : .failed)
                    routeBFacts.append(ratingFact(rating.rating, year))
                } else {
                    ratingOutcomes.append(.unknown)
                    routeBFacts.append(noRating(year))
                }
            }
            let initiatives = years.map { person.initiativeCount(in: $0) }.reduce(0, +)
            routeBFacts.append(
                Fact(
                    "Sáng kiến, mô hình được công nhận trong 2 kỳ: \(initiatives) (cần 2)",
                    "Initiatives or models recognized in the 2 periods: \(initiatives) (2 needed)"))
            let routeB = combineAll(
                ratingOutcomes + [initiatives >= 2 ? .passed : (ratingOutcomes.contains(.unknown) ? .unknown : .failed)])
            let outcome: RuleResult.Outcome =
                routeA == .passed || routeB == .passed ? .passed : (routeA == .failed && routeB == .failed ? .failed : .unknown)
            return RuleResult(rule, outcome, chain.map(\.1) + routeBFacts)
        default:
            return notApplicable(rule, collective: false)
        }
    }

    static func excellentOrInitiative(_ person: PersonFacts, _ period: Period) -> (RuleResult.Outcome, [Fact]) {
        let rating = person.rating(in: period)
        let initiatives = person.initiativeCount(in: period)
        var facts = [rating.map { ratingFact($0.rating, period) } ?? noRating(period)]
        facts.append(
            Fact(
                "Sáng kiến, mô hình được công nhận \(period.vietnamese): \(initiatives)",
                "Initiatives or models recognized in \(period.english): \(initiatives)"))
        if rating?.rating == .excellent || initiatives > 0 { return (.passed, facts) }
        return (rating == nil ? .unknown : .failed, facts)
    }

    /// CSTĐ toàn quốc: two CSTĐ tỉnh in a row — the later in this period or one of the two before, the earlier three
    /// periods before it (CSTĐ tỉnh itself needs three periods of CSTĐ cơ sở).
    static func cstdTinhTwice(_ person: PersonFacts, _ period: Period) -> RuleResult {
        let rule = EligibilityRule.cstdTinh2Times
        let recent = (0..<3).map { period.earlier(by: $0) }
        guard let later = recent.compactMap({ person.title("CSTD_TINH", in: $0) }).first else {
            let unknown = recent.contains { !person.hasRecord(in: $0) }
            return RuleResult(
                rule, unknown ? .unknown : .failed,
                [
                    Fact(
                        "Không có Chiến sĩ thi đua cấp tỉnh trong các kỳ \(recent.map(\.label).joined(separator: ", "))"
                            + (unknown ? " (có kỳ chưa có dữ liệu)" : ""),
                        "No Provincial Emulation Fighter in \(recent.map(\.label).joined(separator: ", "))"
                            + (unknown ? " (some periods have no data)" : ""))
                ])
        }
        let laterFact = Fact(
            "Chiến sĩ thi đua cấp tỉnh \(later.period.vietnamese): \(later.source)",
            "Provincial Emulation Fighter in \(later.period.english): \(later.status.rawValue)")
        let earlierPeriod = later.period.earlier(by: 3)
        let (earlierOutcome, earlierFact) = titleFact(
            person, "CSTD_TINH", "Chiến sĩ thi đua cấp tỉnh", "Provincial Emulation Fighter", earlierPeriod, current: false)
        let laterOutcome: RuleResult.Outcome = later.status == .issued ? .passed : .unknown
        return RuleResult(rule, combineAll([laterOutcome, earlierOutcome]), [laterFact, earlierFact])
    }

    // MARK: collectives

    static func evaluate(_ rule: EligibilityRule, collective: CollectiveFacts, period: Period) -> RuleResult {
        let members = collective.members
        switch rule {
        case .collectiveCompleted:
            guard let rating = collective.ratings[period] else {
                return RuleResult(
                    rule, .unknown,
                    [Fact("Chưa có đánh giá của tập thể \(period.vietnamese)", "No rating of the collective stored for \(period.english)")])
            }
            return RuleResult(rule, rating.rank >= Rating.completed.rank ? .passed : .failed, [ratingFact(rating, period)])
        case .membersLdttMajority, .membersLdtt70:
            guard !members.isEmpty else { return RuleResult(rule, .unknown, [noMembers()]) }
            let issued = members.filter { $0.title("LDTT", in: period)?.status == .issued }.count
            let pending = members.filter { $0.title("LDTT", in: period)?.status == .pending }.count
            let meets: (Int) -> Bool = rule == .membersLdttMajority ? { $0 * 2 > members.count } : { $0 * 10 >= members.count * 7 }
            let outcome: RuleResult.Outcome = meets(issued) ? .passed : (meets(issued + pending) ? .unknown : .failed)
            return RuleResult(
                rule, outcome,
                [
                    Fact(
                        "\(issued)/\(members.count) thành viên đạt Lao động tiên tiến \(period.vietnamese)"
                            + (pending > 0 ? ", \(pending) đang chờ xét" : ""),
                        "\(issued)/\(members.count) members are Advanced Workers in \(period.english)"
                            + (pending > 0 ? ", \(pending) pending" : ""))
                ])
        case .membersNoWarning, .membersNoDiscipline:
            let threshold: DisciplineMeasure = rule == .membersNoWarning ? .warning : .reprimand
            let found = members.flatMap { member in
                member.disciplines(in: period).filter { $0.measure >= threshold }.map { disciplineFact($0, name: member.name) }
            }
            return found.isEmpty ? RuleResult(rule, .passed, [noDisciplineFact(period)]) : RuleResult(rule, .failed, found)
        case .membersAllCompleted:
            guard !members.isEmpty else { return RuleResult(rule, .unknown, [noMembers()]) }
            let notCompleted = members.filter { $0.rating(in: period)?.rating == .notCompleted }
            let missing = members.filter { $0.rating(in: period) == nil }
            if !notCompleted.isEmpty {
                return RuleResult(
                    rule, .failed,
                    notCompleted.map {
                        Fact("\($0.name): \(Rating.notCompleted.vietnamese) \(period.vietnamese)", "\($0.name): did not complete duties")
                    })
            }
            if !missing.isEmpty {
                return RuleResult(
                    rule, .unknown,
                    [
                        Fact(
                            "\(missing.count)/\(members.count) thành viên chưa có xếp loại \(period.vietnamese)",
                            "\(missing.count)/\(members.count) members have no rating for \(period.english)")
                    ])
            }
            return RuleResult(
                rule, .passed,
                [
                    Fact(
                        "\(members.count)/\(members.count) thành viên hoàn thành nhiệm vụ",
                        "All \(members.count) members completed their duties")
                ])
        case .memberCstdCs:
            guard !members.isEmpty else { return RuleResult(rule, .unknown, [noMembers()]) }
            let titles = members.compactMap { member in member.title("CSTD_CS", in: period).map { (member.name, $0) } }
            if let issued = titles.first(where: { $0.1.status == .issued }) {
                return RuleResult(
                    rule, .passed,
                    [Fact("\(issued.0): Chiến sĩ thi đua cơ sở \(period.vietnamese)", "\(issued.0): Grassroots Emulation Fighter")])
            }
            if let pending = titles.first {
                return RuleResult(
                    rule, .unknown,
                    [
                        Fact(
                            "\(pending.0): đề nghị Chiến sĩ thi đua cơ sở đang chờ xét",
                            "\(pending.0): Grassroots Emulation Fighter pending")
                    ])
            }
            return RuleResult(
                rule, .failed,
                [
                    Fact(
                        "Không thành viên nào đạt Chiến sĩ thi đua cơ sở \(period.vietnamese)",
                        "No member is a Grassroots Emulation Fighter")
                ])
        default:
            return notApplicable(rule, collective: true)
        }
    }

    // MARK: shared facts

    /// A title in a period: issued passes; pending is unknown; absent fails when the period has data, else unknown.
    static func titleFact(
        _ person: PersonFacts, _ award: String, _ name: String, _ english: String, _ period: Period, current: Bool
    ) -> (RuleResult.Outcome, Fact) {
        if let title = person.title(award, in: period) {
            switch title.status {
            case .issued:
                return (.passed, Fact("\(name) \(period.vietnamese): \(title.source)", "\(english) in \(period.english): \(title.source)"))
            case .pending:
                return (
                    .unknown,
                    Fact(
                        "Đề nghị \(name) \(period.vietnamese) đang chờ xét (\(title.source))", "\(english) in \(period.english) is pending")
                )
            }
        }
        if current || person.hasRecord(in: period) {
            return (.failed, Fact("Không có danh hiệu \(name) \(period.vietnamese)", "No \(english) title in \(period.english)"))
        }
        return (
            .unknown,
            Fact(
                "Chưa có dữ liệu \(period.vietnamese) (chưa nhập xếp loại hay khen thưởng của kỳ này)",
                "No data for \(period.english) (no rating or commendation imported)")
        )
    }

    static func combineAll(_ outcomes: [RuleResult.Outcome]) -> RuleResult.Outcome {
        if outcomes.contains(.failed) { return .failed }
        return outcomes.contains(.unknown) ? .unknown : .passed
    }

    static func ratingFact(_ rating: Rating, _ period: Period) -> Fact {
        Fact("Xếp loại \(period.vietnamese): \(rating.vietnamese)", "Rating for \(period.english): \(rating.english)")
    }

    static func noRating(_ period: Period) -> Fact {
        Fact("Chưa có xếp loại \(period.vietnamese)", "No rating stored for \(period.english)")
    }

    static func noDisciplineFact(_ period: Period) -> Fact {
        Fact("Không có hình thức kỷ luật nào được ghi nhận \(period.vietnamese)", "No disciplinary measure recorded in \(period.english)")
    }

    static func noMembers() -> Fact {
        Fact("Tập thể chưa có thành viên nào trong danh sách nhân sự", "The collective has no members on record")
    }

    static func disciplineFact(_ discipline: PersonFacts.DisciplineFact, name: String?) -> Fact {
        let who = name.map { "\($0): " } ?? ""
        let number = discipline.decisionNumber.isEmpty ? "" : " (QĐ số \(discipline.decisionNumber))"
        return Fact(
            "\(who)\(discipline.measure.vietnamese) ngày \(discipline.date.vietnamese)\(number)",
            "\(who)\(discipline.measure.rawValue) on \(discipline.date)")
    }
}
