// The rules that read one person's facts: ratings, titles in a chain of periods, initiatives.
extension Eligibility {
    static func evaluate(_ rule: EligibilityRule, person: PersonFacts, period: Period) -> RuleResult {
        switch rule {
        case .ratingGood:
            guard let rating = person.rating(in: period) else { return RuleResult(rule, .unknown, [noRating(period)]) }
            return RuleResult(rule, rating.rating.rank >= Rating.good.rank ? .passed : .failed, [ratingFact(rating.rating, period)])
        case .monthsWorked:
            guard let rating = person.rating(in: period) else { return RuleResult(rule, .unknown, [noRating(period)]) }
            return monthsWorked(rating, period)
        case .noDiscipline:
            let found = person.disciplines(in: period)
            return found.isEmpty
                ? RuleResult(rule, .passed, [noDisciplineFact(period)])
                : RuleResult(rule, .failed, found.map { disciplineFact($0, name: nil) })
        case .ldttSamePeriod:
            let (outcome, fact) = titleFact(person, .ldtt, period, current: true)
            return RuleResult(rule, outcome, [fact])
        case .excellentOrInitiative:
            let (outcome, facts) = excellentOrInitiative(person, period)
            return RuleResult(rule, outcome, facts)
        case .cstdCs3Periods:
            let checks = (0..<3).map {
                titleFact(person, .cstdCs, period.earlier(by: $0), current: $0 == 0)
            }
            return RuleResult(rule, combineAll(checks.map(\.0)), checks.map(\.1))
        case .cstdTinh2Times:
            return cstdTinhTwice(person, period)
        case .initiativeProvince:
            return initiativeProvince(person, period)
        case .bkTinhRoute:
            let chain = (0..<2).map {
                titleFact(person, .cstdCs, period.earlier(by: $0), current: $0 == 0)
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
                    "Sáng kiến được công nhận trong 2 kỳ: \(initiatives) (cần 2)",
                    "Initiatives recognized in the 2 periods: \(initiatives) (2 needed)"))
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
        let named = person.initiatives(in: period).map { "\($0.title) (\($0.scope.vietnamese))" }
        facts.append(
            Fact(
                "Sáng kiến được công nhận \(period.vietnamese): \(initiatives)"
                    + (named.isEmpty ? "" : " — " + named.joined(separator: "; ")),
                "Initiatives recognized in \(period.english): \(initiatives)"))
        let models = person.models(in: period)
        if !models.isEmpty {
            facts.append(
                Fact(
                    "Mô hình được công nhận (không tính là sáng kiến): " + models.map(\.title).joined(separator: "; "),
                    "Models recognized (not initiatives): \(models.count)"))
        }
        if rating?.rating == .excellent || initiatives > 0 { return (.passed, facts) }
        return (rating == nil ? .unknown : .failed, facts)
    }

    /// CSTĐ toàn quốc: two CSTĐ tỉnh in a row — the later in this period or one of the two before, the earlier three
    /// periods before it (CSTĐ tỉnh itself needs three periods of CSTĐ cơ sở).
    static func cstdTinhTwice(_ person: PersonFacts, _ period: Period) -> RuleResult {
        let rule = EligibilityRule.cstdTinh2Times
        let recent = (0..<3).map { period.earlier(by: $0) }
        guard let later = recent.compactMap({ person.title(TitleName.cstdTinh.code, in: $0) }).first else {
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
        let (earlierOutcome, earlierFact) = titleFact(person, .cstdTinh, earlierPeriod, current: false)
        let laterOutcome: RuleResult.Outcome = later.status == .issued ? .passed : .unknown
        return RuleResult(rule, combineAll([laterOutcome, earlierOutcome]), [laterFact, earlierFact])
    }

    /// The ten months are asked of people recruited during the period; maternity leave counts as time worked. Someone
    /// employed before the period with fewer months recorded was absent: the months and the leave are counted the same way.
    static func monthsWorked(_ rating: PersonFacts.RatingFact, _ period: Period) -> RuleResult {
        let rule = EligibilityRule.monthsWorked
        let recruited = rating.recruitedOn.flatMap { $0 > period.startsOn && period.contains($0) ? $0 : nil }
        guard let worked = rating.monthsWorked ?? recruited.map({ period.wholeMonths(from: $0) }) else {
            return RuleResult(
                rule, .unknown,
                [Fact("Chưa có số tháng công tác \(period.vietnamese)", "Months worked in \(period.english) not stored")])
        }
        let counted = min(12, worked + rating.maternityMonths)
        var facts: [Fact] = []
        if let recruited {
            facts.append(Fact("Tuyển dụng ngày \(recruited.vietnamese), trong kỳ", "Recruited on \(recruited), during the period"))
        }
        if rating.maternityMonths > 0 {
            facts.append(
                Fact(
                    "Số tháng công tác \(period.vietnamese): \(worked), cộng \(rating.maternityMonths) tháng nghỉ thai sản được tính "
                        + "là thời gian công tác: \(counted) (cần ít nhất 10)",
                    "Months worked in \(period.english): \(worked), plus \(rating.maternityMonths) months of maternity leave: "
                        + "\(counted) (10 needed)"))
        } else {
            facts.append(
                Fact(
                    "Số tháng công tác \(period.vietnamese): \(worked) (cần ít nhất 10)",
                    "Months worked in \(period.english): \(worked) (10 needed)"))
        }
        return RuleResult(rule, counted >= 10 ? .passed : .failed, facts)
    }
}

extension Eligibility {
    /// CSTĐ tỉnh: a sáng kiến of the register recognised at provincial scope between the start of the chain's first
    /// period and the end of this one. None in the register while an imported count exists for those periods: unknown
    /// (an imported initiative's scope is not known); none at all: failed.
    static func initiativeProvince(_ person: PersonFacts, _ period: Period) -> RuleResult {
        let rule = EligibilityRule.initiativeProvince
        let from = period.earlier(by: 2).startsOn
        let found = person.initiatives.filter {
            $0.scope == .province && from <= $0.scopeRecognizedOn && $0.scopeRecognizedOn <= period.endsOn
        }
        if let first = found.first {
            return RuleResult(
                rule, .passed,
                [
                    Fact(
                        "Sáng kiến \"\(first.title)\" được công nhận cấp tỉnh ngày \(first.scopeRecognizedOn.vietnamese)",
                        "Initiative recognized at provincial scope on \(first.scopeRecognizedOn)")
                ])
        }
        let widest = person.initiatives.filter { from <= $0.scopeRecognizedOn && $0.scopeRecognizedOn <= period.endsOn }
            .map(\.scope).max()
        let imported = (0..<3).map { person.rating(in: period.earlier(by: $0))?.initiatives ?? 0 }.reduce(0, +)
        let fact = Fact(
            "Chưa có sáng kiến được công nhận cấp tỉnh trong 3 kỳ"
                + (widest.map { " (rộng nhất: \($0.vietnamese))" } ?? "")
                + (imported > 0 ? "; \(imported) sáng kiến nhập từ hồ sơ cũ chưa rõ phạm vi" : ""),
            "No initiative recognized at provincial scope in the 3 periods" + (imported > 0 ? "; \(imported) imported, scope unknown" : ""))
        return RuleResult(rule, imported > 0 ? .unknown : .failed, [fact])
    }
}
