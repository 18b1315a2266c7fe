// The rules that read a collective's facts: its own rating and its members' titles and disciplines.
extension Eligibility {
    static func evaluate(_ rule: EligibilityRule, collective: CollectiveFacts, period: Period) -> RuleResult {
        let members = collective.members
        switch rule {
        case .collectiveCompleted, .collectiveGood, .collectiveExcellent:
            guard let rating = collective.ratings[period] else {
                return RuleResult(
                    rule, .unknown,
                    [Fact("Chưa có đánh giá của tập thể \(period.vietnamese)", "No rating of the collective stored for \(period.english)")])
            }
            let needed: Rating = rule == .collectiveExcellent ? .excellent : (rule == .collectiveGood ? .good : .completed)
            return RuleResult(rule, rating.rank >= needed.rank ? .passed : .failed, [ratingFact(rating, period)])
        case .membersLdttMajority, .membersLdtt70:
            guard !members.isEmpty else { return RuleResult(rule, .unknown, [noMembers()]) }
            let issued = members.filter { $0.title(TitleName.ldtt.code, in: period)?.status == .issued }.count
            let pending = members.filter { $0.title(TitleName.ldtt.code, in: period)?.status == .pending }.count
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
            let titles = members.compactMap { member in member.title(TitleName.cstdCs.code, in: period).map { (member.name, $0) } }
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
}
