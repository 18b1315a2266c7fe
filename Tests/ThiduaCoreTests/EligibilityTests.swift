import Foundation
import Testing
@testable import ThiduaCore

@Suite("Eligibility rules")
struct EligibilityTests {
    static let year2024 = Period(kind: .calendarYear, year: 2024)
    static let school2023 = Period(kind: .schoolYear, year: 2023)

    static func title(_ award: String, _ period: Period, _ status: PersonFacts.TitleFact.Status = .issued) -> PersonFacts.TitleFact {
        .init(awardCode: award, awardName: award, period: period, status: status, source: "QĐ số 1/QĐ", rewardAmount: nil)
    }

    static func rated(_ period: Period, _ rating: Rating, months: Int? = 12, initiatives: Int = 0) -> PersonFacts.RatingFact {
        .init(period: period, rating: rating, monthsWorked: months, initiatives: initiatives)
    }

    static func outcome(_ rule: EligibilityRule, _ facts: PersonFacts, _ period: Period = year2024) -> RuleResult.Outcome {
        Eligibility.evaluate([rule], for: .person(facts), in: period)[0].outcome
    }

    @Test("Rating 'tốt' or better passes; 'hoàn thành' fails; no rating is unknown, never passed")
    func ratingGood() {
        #expect(Self.outcome(.ratingGood, PersonFacts(name: "A", ratings: [Self.rated(Self.year2024, .good)])) == .passed)
        #expect(Self.outcome(.ratingGood, PersonFacts(name: "A", ratings: [Self.rated(Self.year2024, .excellent)])) == .passed)
        #expect(Self.outcome(.ratingGood, PersonFacts(name: "A", ratings: [Self.rated(Self.year2024, .completed)])) == .failed)
        #expect(Self.outcome(.ratingGood, PersonFacts(name: "A")) == .unknown)
        // A rating of another period does not count.
        #expect(Self.outcome(.ratingGood, PersonFacts(name: "A", ratings: [Self.rated(Self.school2023, .good)])) == .unknown)
    }

    @Test("Months worked: 10 or more passes, fewer fails, unknown when not stored")
    func monthsWorked() {
        #expect(Self.outcome(.monthsWorked, PersonFacts(name: "A", ratings: [Self.rated(Self.year2024, .good, months: 10)])) == .passed)
        #expect(Self.outcome(.monthsWorked, PersonFacts(name: "A", ratings: [Self.rated(Self.year2024, .good, months: 9)])) == .failed)
        #expect(Self.outcome(.monthsWorked, PersonFacts(name: "A", ratings: [Self.rated(Self.year2024, .good, months: nil)])) == .unknown)
    }

    @Test("A disciplinary measure counts in the period that holds its date: 31 August and 1 September fall in different school years")
    func disciplineAtSchoolYearBoundary() {
        let august = PersonFacts(name: "A", disciplines: [.init(measure: .reprimand, date: LocalDate(2024, 8, 31), decisionNumber: "1")])
        let september = PersonFacts(name: "A", disciplines: [.init(measure: .reprimand, date: LocalDate(2024, 9, 1), decisionNumber: "1")])
        #expect(Self.outcome(.noDiscipline, august, Self.school2023) == .failed)
        #expect(Self.outcome(.noDiscipline, september, Self.school2023) == .passed)
        #expect(Self.outcome(.noDiscipline, september, Period(kind: .schoolYear, year: 2024)) == .failed)
        let result = Eligibility.evaluate([.noDiscipline], for: .person(august), in: Self.school2023)[0]
        #expect(result.facts == ["Khiển trách ngày 31/08/2024 (QĐ số 1)"])
        #expect(result.factsEnglish == ["reprimand on 2024-08-31"])
    }

    @Test("CSTĐ cơ sở needs LĐTT in the same period (pending is unknown) and an excellent rating or a recognized initiative (sáng kiến)")
    func cstdCoSo() {
        #expect(Self.outcome(.ldttSamePeriod, PersonFacts(name: "A", titles: [Self.title("LDTT", Self.year2024)])) == .passed)
        #expect(Self.outcome(.ldttSamePeriod, PersonFacts(name: "A", titles: [Self.title("LDTT", Self.year2024, .pending)])) == .unknown)
        #expect(Self.outcome(.ldttSamePeriod, PersonFacts(name: "A", titles: [Self.title("LDTT", Self.school2023)])) == .failed)
        #expect(Self.outcome(.excellentOrInitiative, PersonFacts(name: "A", ratings: [Self.rated(Self.year2024, .excellent)])) == .passed)
        #expect(
            Self.outcome(.excellentOrInitiative, PersonFacts(name: "A", ratings: [Self.rated(Self.year2024, .good, initiatives: 1)]))
                == .passed)
        #expect(Self.outcome(.excellentOrInitiative, PersonFacts(name: "A")) == .unknown)
    }

    @Test("CSTĐ tỉnh: CSTĐ cơ sở in three consecutive school years; a gap fails, a year with no data is unknown")
    func chainOfThree() {
        let years = (2021...2023).map { Period(kind: .schoolYear, year: $0) }
        let full = PersonFacts(name: "A", titles: years.map { Self.title("CSTD_CS", $0) })
        #expect(Self.outcome(.cstdCs3Periods, full, Self.school2023) == .passed)
        // A gap in 2022-2023 with a rating stored for it: the data says no.
        let gap = PersonFacts(
            name: "A", ratings: [Self.rated(years[1], .good)], titles: [Self.title("CSTD_CS", years[0]), Self.title("CSTD_CS", years[2])])
        #expect(Self.outcome(.cstdCs3Periods, gap, Self.school2023) == .failed)
        // Nothing stored for 2021-2022 (before thidua, not imported): unknown, not failed.
        let noData = PersonFacts(name: "A", titles: [Self.title("CSTD_CS", years[1]), Self.title("CSTD_CS", years[2])])
        #expect(Self.outcome(.cstdCs3Periods, noData, Self.school2023) == .unknown)
        // Calendar-year titles do not make a school-year chain.
        let calendar = PersonFacts(name: "A", titles: (2021...2023).map { Self.title("CSTD_CS", Period(kind: .calendarYear, year: $0)) })
        #expect(Self.outcome(.cstdCs3Periods, calendar, Self.school2023) == .failed)
        // This period's title still being considered: unknown.
        let pending = PersonFacts(
            name: "A",
            titles: [Self.title("CSTD_CS", years[0]), Self.title("CSTD_CS", years[1]), Self.title("CSTD_CS", years[2], .pending)])
        #expect(Self.outcome(.cstdCs3Periods, pending, Self.school2023) == .unknown)
    }

    @Test("CSTĐ toàn quốc: two CSTĐ tỉnh in a row, three periods apart")
    func chainOfProvincialTitles() {
        let twice = PersonFacts(
            name: "A", titles: [Self.title("CSTD_TINH", Period(kind: .schoolYear, year: 2020)), Self.title("CSTD_TINH", Self.school2023)])
        #expect(Self.outcome(.cstdTinh2Times, twice, Self.school2023) == .passed)
        let once = PersonFacts(
            name: "A", ratings: [Self.rated(Period(kind: .schoolYear, year: 2020), .good)],
            titles: [Self.title("CSTD_TINH", Self.school2023)])
        #expect(Self.outcome(.cstdTinh2Times, once, Self.school2023) == .failed)
        #expect(
            Self.outcome(.cstdTinh2Times, PersonFacts(name: "A", titles: [Self.title("CSTD_TINH", Self.school2023)]), Self.school2023)
                == .unknown)
    }

    @Test("Bằng khen tỉnh: two consecutive CSTĐ cơ sở, or two excellent years with two initiatives")
    func bangKhenTinh() {
        let last = Period(kind: .calendarYear, year: 2023)
        let routeA = PersonFacts(name: "A", titles: [Self.title("CSTD_CS", Self.year2024), Self.title("CSTD_CS", last)])
        #expect(Self.outcome(.bkTinhRoute, routeA) == .passed)
        let routeB = PersonFacts(
            name: "A", ratings: [Self.rated(Self.year2024, .excellent, initiatives: 1), Self.rated(last, .excellent, initiatives: 1)])
        #expect(Self.outcome(.bkTinhRoute, routeB) == .passed)
        let neither = PersonFacts(name: "A", ratings: [Self.rated(Self.year2024, .good), Self.rated(last, .excellent, initiatives: 2)])
        #expect(Self.outcome(.bkTinhRoute, neither) == .failed)
    }

    static func member(
        _ name: String, ldtt: PersonFacts.TitleFact.Status? = nil, rating: Rating? = .good, discipline: DisciplineMeasure? = nil
    )
        -> PersonFacts
    {
        PersonFacts(
            name: name, ratings: rating.map { [rated(year2024, $0)] } ?? [],
            disciplines: discipline.map { [.init(measure: $0, date: LocalDate(2024, 4, 1), decisionNumber: "")] } ?? [],
            titles: ldtt.map { [title("LDTT", year2024, $0)] } ?? [])
    }

    static func collective(_ members: [PersonFacts]) -> EligibilitySubject {
        .collective(CollectiveFacts(name: "Tổ 1", ratings: [year2024: .good], members: members))
    }

    @Test("Tập thể lao động tiên tiến: more than half LĐTT (pending makes it unknown), no member disciplined at warning or above")
    func collectiveAdvanced() {
        func outcome(_ rule: EligibilityRule, _ members: [PersonFacts]) -> RuleResult.Outcome {
            Eligibility.evaluate([rule], for: Self.collective(members), in: Self.year2024)[0].outcome
        }
        let four = (1...4).map { Self.member("A\($0)", ldtt: .issued) } + (5...6).map { Self.member("B\($0)") }
        #expect(outcome(.membersLdttMajority, four) == .passed)
        let half = (1...3).map { Self.member("A\($0)", ldtt: .issued) } + (4...6).map { Self.member("B\($0)") }
        #expect(outcome(.membersLdttMajority, half) == .failed)
        let pending =
            (1...3).map { Self.member("A\($0)", ldtt: .issued) } + [Self.member("P", ldtt: .pending)]
            + (5...6).map { Self.member("B\($0)") }
        #expect(outcome(.membersLdttMajority, pending) == .unknown)
        #expect(outcome(.membersLdttMajority, []) == .unknown)
        #expect(outcome(.membersNoWarning, [Self.member("A", discipline: .reprimand)]) == .passed)
        #expect(outcome(.membersNoWarning, [Self.member("A", discipline: .warning)]) == .failed)
        #expect(outcome(.membersNoDiscipline, [Self.member("A", discipline: .reprimand)]) == .failed)
        #expect(outcome(.collectiveCompleted, four) == .passed)
        #expect(
            Eligibility.evaluate([.collectiveCompleted], for: .collective(CollectiveFacts(name: "T")), in: Self.year2024)[0].outcome
                == .unknown)
    }

    @Test("Tập thể lao động xuất sắc: everyone completed, at least 70% LĐTT, at least one CSTĐ cơ sở")
    func collectiveExcellent() {
        func outcome(_ rule: EligibilityRule, _ members: [PersonFacts]) -> RuleResult.Outcome {
            Eligibility.evaluate([rule], for: Self.collective(members), in: Self.year2024)[0].outcome
        }
        let seven = (1...7).map { Self.member("A\($0)", ldtt: .issued) } + (8...10).map { Self.member("B\($0)") }
        #expect(outcome(.membersLdtt70, seven) == .passed)
        #expect(outcome(.membersLdtt70, Array(seven.dropFirst())) == .failed)
        #expect(outcome(.membersAllCompleted, seven) == .passed)
        #expect(outcome(.membersAllCompleted, seven + [Self.member("C", rating: .notCompleted)]) == .failed)
        #expect(outcome(.membersAllCompleted, seven + [Self.member("C", rating: nil)]) == .unknown)
        var fighter = Self.member("D")
        fighter.titles.append(Self.title("CSTD_CS", Self.year2024))
        #expect(outcome(.memberCstdCs, seven + [fighter]) == .passed)
        #expect(outcome(.memberCstdCs, seven) == .failed)
    }

    @Test("A failed rule blocks until the headmaster overrides it with a reason; unknown rules never block")
    func blockingAndOverride() {
        let facts = PersonFacts(name: "Võ Thị Lan", ratings: [Self.rated(Self.year2024, .good, months: 7)])
        var results = Eligibility.evaluate([.ratingGood, .monthsWorked, .ldttSamePeriod], for: .person(facts), in: Self.year2024)
        var report = EligibilityReport(
            award: "CSTD_CS", awardName: "Chiến sĩ thi đua cơ sở", nominee: "Võ Thị Lan", period: Self.year2024, rulesFrom: nil,
            results: results)
        #expect(report.outcome == .failed)
        let refusal = report.refusal()
        #expect(refusal?.code == .ineligible)
        #expect(refusal?.violations.map(\.field) == ["eligibility.months_worked", "eligibility.ldtt_same_period"])
        results[1].override = .init(reason: "Nghỉ thai sản", by: "Hiệu trưởng")
        results[2].override = .init(reason: "Xét cùng đợt", by: "Hiệu trưởng")
        report = EligibilityReport(
            award: "CSTD_CS", awardName: "Chiến sĩ thi đua cơ sở", nominee: "Võ Thị Lan", period: Self.year2024, rulesFrom: nil,
            results: results)
        #expect(report.refusal() == nil)
        #expect(report.outcome == .passed)
        #expect(report.text.contains("Được cho vượt, lý do: Nghỉ thai sản"))
        let unknownOnly = EligibilityReport(
            award: "LDTT", awardName: "LĐTT", nominee: "A", period: Self.year2024, rulesFrom: nil,
            results: Eligibility.evaluate([.ratingGood], for: .person(PersonFacts(name: "A")), in: Self.year2024))
        #expect(unknownOnly.refusal() == nil)
        #expect(unknownOnly.outcome == .unknown)
    }

    @Test("A rule for individuals applied to a collective (or the reverse) is unknown, for the council to judge")
    func notApplicable() {
        let result = Eligibility.evaluate([.ratingGood], for: Self.collective([]), in: Self.year2024)[0]
        #expect(result.outcome == .unknown)
        #expect(Eligibility.evaluate([.membersLdtt70], for: .person(PersonFacts(name: "A")), in: Self.year2024)[0].outcome == .unknown)
    }

    @Test("Ratings and measures are read as clerks write them")
    func labels() {
        #expect(Rating(label: "Hoàn thành xuất sắc nhiệm vụ") == .excellent)
        #expect(Rating(label: "hoàn thành tốt nhiệm vụ") == .good)
        #expect(Rating(label: "HTT") == .good)
        #expect(Rating(label: "Hoan thanh") == .completed)
        #expect(Rating(label: "Không hoàn thành nhiệm vụ") == .notCompleted)
        #expect(Rating(label: "not_completed") == .notCompleted)
        #expect(Rating(label: "giỏi") == nil)
        #expect(DisciplineMeasure(label: "Cảnh cáo") == .warning)
        #expect(DisciplineMeasure(label: "buoc thoi viec") == .discharge)
        #expect(DisciplineMeasure.warning > .reprimand)
    }

    @Test("Rating imports are all-or-nothing with line numbers; one row per person and period")
    func ratingImport() throws {
        let good = try RatingImport.parse(
            "person,period,rating,months_worked\nAP001,2024,Hoàn thành tốt nhiệm vụ,12\nAP001,2023-2024,xuất sắc,\n")
        #expect(good.count == 2)
        #expect(good[1].period == Self.school2023)
        #expect(good[1].monthsWorked == nil)
        #expect(throws: ImportFailed.self) { try RatingImport.parse("person,period,rating\nAP001,2024,tốt\nAP001,2024,tốt\n") }
        let failed = #expect(throws: ImportFailed.self) {
            try RatingImport.parse("person,period,rating,months_worked\nAP001,2024,tốt,13\nAP002,2024-2026,tốt,\nAP003,2024,giỏi,\n")
        }
        #expect(failed?.issues.map(\.line) == [2, 3, 4])
    }
}
