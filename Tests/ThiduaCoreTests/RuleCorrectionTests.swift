import Testing
@testable import ThiduaCore

/// The criteria corrected after the documents-and-law review (issue "Documents", defect 4; sql/0022). Each expectation
/// failed before: maternity months did not count, a model counted as a sáng kiến, a collective "hoàn thành" passed
/// TTLĐTT, a reprimanded member barred TTLĐXS and the collective's own "xuất sắc" was never asked.
@Suite("Corrected rules")
struct RuleCorrectionTests {
    static let schoolYear = Period(kind: .schoolYear, year: 2023)

    static func person(months: Int?, recruited: LocalDate? = nil, maternity: Int = 0) -> PersonFacts {
        PersonFacts(
            name: "Võ Thị Lan",
            ratings: [
                .init(
                    period: schoolYear, rating: .good, monthsWorked: months, initiatives: 0, recruitedOn: recruited,
                    maternityMonths: maternity)
            ])
    }

    static func months(_ facts: PersonFacts) -> RuleResult { Eligibility.evaluate([.monthsWorked], for: .person(facts), in: schoolYear)[0] }

    @Test("Maternity leave counts as time worked: 7 months worked and 5 on maternity leave pass, and the facts say why")
    func maternityCounts() {
        let result = Self.months(Self.person(months: 7, maternity: 5))
        #expect(result.outcome == .passed)
        #expect(
            result.facts == [
                "Số tháng công tác năm học 2023-2024: 7, cộng 5 tháng nghỉ thai sản được tính là thời gian công tác: 12 (cần ít nhất 10)"
            ])
        #expect(Self.months(Self.person(months: 7, maternity: 2)).outcome == .failed)
        #expect(Self.months(Self.person(months: 7)).outcome == .failed)
    }

    @Test("Someone recruited during the school year is counted from the day of recruitment: 01/11 gives 10 months, 15/11 gives 9")
    func recruitsCountFromRecruitment() {
        let november = Self.months(Self.person(months: nil, recruited: LocalDate(2023, 11, 1)))
        #expect(november.outcome == .passed)
        #expect(november.facts.first == "Tuyển dụng ngày 01/11/2023, trong kỳ")
        #expect(november.facts.last == "Số tháng công tác năm học 2023-2024: 10 (cần ít nhất 10)")
        #expect(Self.months(Self.person(months: nil, recruited: LocalDate(2023, 11, 15))).outcome == .failed)
        // A recruitment before the period is no recruitment in it; with no months either, the rule cannot decide.
        #expect(Self.months(Self.person(months: nil, recruited: LocalDate(2020, 9, 1))).outcome == .unknown)
        #expect(Self.schoolYear.wholeMonths(from: LocalDate(2024, 8, 31)) == 0)
        #expect(Period(kind: .calendarYear, year: 2024).wholeMonths(from: LocalDate(2024, 3, 1)) == 10)
    }

    @Test("A recognised model ('Dân vận khéo') is shown but is not a sáng kiến; an imported initiative is")
    func modelIsNotAnInitiative() {
        let withModel = PersonFacts(
            name: "A", ratings: [.init(period: Self.schoolYear, rating: .good, monthsWorked: 12, initiatives: 0)],
            models: [.init(title: "Dân vận khéo: vận động học sinh ra lớp", recognizedOn: LocalDate(2024, 5, 2))])
        let result = Eligibility.evaluate([.excellentOrInitiative], for: .person(withModel), in: Self.schoolYear)[0]
        #expect(result.outcome == .failed)
        #expect(result.facts.contains("Mô hình được công nhận (không tính là sáng kiến): Dân vận khéo: vận động học sinh ra lớp"))
        #expect(result.title == "Hoàn thành xuất sắc nhiệm vụ hoặc có sáng kiến được công nhận trong kỳ")
        var withInitiative = withModel
        withInitiative.ratings = [.init(period: Self.schoolYear, rating: .good, monthsWorked: 12, initiatives: 1)]
        #expect(Eligibility.evaluate([.excellentOrInitiative], for: .person(withInitiative), in: Self.schoolYear)[0].outcome == .passed)
    }

    @Test("TTLĐTT asks the collective 'hoàn thành tốt'; TTLĐXS its own 'xuất sắc'; a reprimanded member does not bar TTLĐXS")
    func collectives() {
        func outcome(_ rule: EligibilityRule, _ rating: Rating?, members: [PersonFacts] = []) -> RuleResult.Outcome {
            let facts = CollectiveFacts(name: "Tổ 1", ratings: rating.map { [Self.schoolYear: $0] } ?? [:], members: members)
            return Eligibility.evaluate([rule], for: .collective(facts), in: Self.schoolYear)[0].outcome
        }
        #expect(outcome(.collectiveGood, .completed) == .failed)
        #expect(outcome(.collectiveGood, .good) == .passed)
        #expect(outcome(.collectiveGood, nil) == .unknown)
        #expect(outcome(.collectiveExcellent, .good) == .failed)
        #expect(outcome(.collectiveExcellent, .excellent) == .passed)
        let reprimanded = PersonFacts(
            name: "B", disciplines: [.init(measure: .reprimand, date: LocalDate(2024, 3, 12), decisionNumber: "08/QĐ-THAP")])
        #expect(outcome(.membersNoWarning, .excellent, members: [reprimanded]) == .passed)
        #expect(EligibilityRule.collectiveGood.verified == false)
        #expect(EligibilityRule.collectiveGood.citation.contains("chưa đối chiếu"))
    }

    @Test("Ratings import the recruitment day and the maternity months; a recruitment outside the period is refused by line")
    func ratingImport() throws {
        let rows = try RatingImport.parse(
            "person,period,rating,months_worked,recruited_on,maternity_months\nAP005,2023-2024,tốt,7,,5\nAP031,2023-2024,tốt,,2023-11-01,\n"
        )
        #expect(rows[0].maternityMonths == 5)
        #expect(rows[1].recruitedOn == LocalDate(2023, 11, 1))
        let failed = #expect(throws: ImportFailed.self) {
            try RatingImport.parse(
                "person,unit,period,rating,recruited_on,maternity_months\nAP031,,2023-2024,tốt,2023-08-01,\nAP032,,2024,tốt,1/11/2024,\n"
                    + "AP033,,2024,tốt,,13\n,THAP-K1,2024,tốt,,1\n")
        }
        #expect(failed?.issues.map(\.line) == [2, 3, 4, 5])
        #expect(failed?.issues.first?.message.contains("nằm ngoài năm học 2023-2024") == true)
    }
}
