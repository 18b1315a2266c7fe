import Foundation
import Testing
@testable import ThiduaCore

@Suite("Reward money")
struct RewardMoneyTests {
    @Test("Coefficients are exact decimals, read as clerks write them")
    func coefficients() {
        #expect(Coefficient("0.3")?.hundredths == 30)
        #expect(Coefficient("0,15")?.hundredths == 15)
        #expect(Coefficient("1.50")?.description == "1.5")
        #expect(Coefficient("12")?.description == "12")
        #expect(Coefficient("0.05")?.description == "0.05")
        #expect(Coefficient("0,5")?.hundredths == 50)
        for bad in ["", "abc", "-1", "0.333", "1.", ".5", "1e2", "1.2.3", "1,2,3", " 1", "1 ", "+1", "１", "1.٥", ","] {
            #expect(Coefficient(bad) == nil, "\(bad)")
        }
    }

    static let salaries = [
        BaseSalary(effectiveFrom: LocalDate(2019, 7, 1), amount: 1_490_000, citation: "NĐ 38/2019"),
        BaseSalary(effectiveFrom: LocalDate(2023, 7, 1), amount: 1_800_000, citation: "NĐ 24/2023"),
        BaseSalary(effectiveFrom: LocalDate(2024, 7, 1), amount: 2_340_000, citation: "NĐ 73/2024"),
    ]

    static func rule(_ award: String, _ coefficient: String, factor: Int = 1, from: LocalDate = LocalDate(2017, 7, 31)) -> AwardRule {
        AwardRule(
            awardCode: award, effectiveFrom: from, coefficient: Coefficient(coefficient)!, collectiveFactor: factor, authorityLevel: "unit",
            voteThreshold: nil, eligibility: [], citation: "x", verified: true)
    }

    @Test("The central board's published examples: 0.8 × 1,390,000 → 1,120,000; a collective's Giấy khen 834,000 → 840,000")
    func publishedExamples() throws {
        let salaries = [BaseSalary(effectiveFrom: LocalDate(2019, 1, 1), amount: 1_390_000, citation: "")]
        let collective = try RewardQuote.compute(
            award: "TTLDTT", rules: [Self.rule("TTLDTT", "0.8")], salaries: salaries, date: LocalDate(2019, 5, 1), collective: true,
            rounding: .up)
        #expect(collective.rewardAmount == 1_120_000)
        let giayKhen = try RewardQuote.compute(
            award: "GK", rules: [Self.rule("GK", "0.3", factor: 2)], salaries: salaries, date: LocalDate(2019, 5, 1), collective: true,
            rounding: .up)
        #expect(giayKhen.rewardAmount == 840_000)
        #expect(giayKhen.collectiveFactor == 2)
        let individual = try RewardQuote.compute(
            award: "GK", rules: [Self.rule("GK", "0.3", factor: 2)], salaries: salaries, date: LocalDate(2019, 5, 1), collective: false,
            rounding: .up)
        #expect(individual.rewardAmount == 420_000)
    }

    @Test("A union's award carries the catalogue's fixed amount whatever the base salary, twice for a collective, never rounded")
    func fixedAmount() throws {
        let rules = [
            AwardRule(
                awardCode: "CDGD_GK", effectiveFrom: LocalDate(2017, 7, 31), coefficient: Coefficient(hundredths: 0), collectiveFactor: 2,
                authorityLevel: "district", voteThreshold: nil, eligibility: [], citation: "x", verified: false, fixedAmount: 305_000)
        ]
        for date in [LocalDate(2023, 8, 1), LocalDate(2024, 8, 1)] {
            let person = try RewardQuote.compute(
                award: "CDGD_GK", rules: rules, salaries: Self.salaries, date: date, collective: false, rounding: .up)
            #expect(person.rewardAmount == 305_000 && person.fixedAmount == 305_000, "\(date): not rounded up to 310.000")
            #expect(person.basis == "mức cố định 305.000 đ")
        }
        let team = try RewardQuote.compute(
            award: "CDGD_GK", rules: rules, salaries: Self.salaries, date: LocalDate(2024, 8, 1), collective: true, rounding: .up)
        #expect(team.rewardAmount == 610_000 && team.basis == "mức cố định 305.000 đ × 2 (tập thể)")
        let state = try RewardQuote.compute(
            award: "LDTT", rules: [Self.rule("LDTT", "0.3")], salaries: Self.salaries, date: LocalDate(2024, 8, 1), collective: false,
            rounding: .up)
        #expect(state.fixedAmount == nil && state.basis == "0,3 × 2.340.000 đ")
    }

    @Test("A union's or the sector's rule is revised as a fixed amount only: a coefficient is refused, the amount is copied forward")
    func revisingFixedAmounts() throws {
        let union = Award(
            code: "CDGD_GK", name: "Giấy khen của Công đoàn Giáo dục huyện", recipient: .both, kind: "form", precedence: 140, citation: "x",
            verified: false, issuer: .union, issuerName: "Ban Thường vụ Công đoàn Giáo dục huyện",
            rules: [
                AwardRule(
                    awardCode: "CDGD_GK", effectiveFrom: LocalDate(2017, 7, 31), coefficient: Coefficient(hundredths: 0),
                    collectiveFactor: 2, authorityLevel: "district", voteThreshold: nil, eligibility: [], citation: "x", verified: false,
                    fixedAmount: 300_000)
            ])
        func revise(coefficient: String? = nil, fixed: Int? = nil) throws(DomainError) -> AwardRule {
            try AwardRule.revised(
                award: union, effectiveFrom: "2025-01-01", coefficient: coefficient, collectiveFactor: nil, authorityLevel: nil,
                voteThreshold: nil, eligibility: nil, citation: nil, verified: nil, fixedAmount: fixed)
        }
        #expect(try revise().fixedAmount == 300_000, "left out: the rule before")
        #expect(try revise(fixed: 350_000).fixedAmount == 350_000)
        #expect(throws: DomainError.self) { try revise(coefficient: "0.3") }
        #expect(throws: DomainError.self) { try revise(fixed: -1) }
        #expect(try revise(coefficient: "0").coefficient == Coefficient(hundredths: 0))
        let bare = Award(
            code: "CD_X", name: "x", recipient: .both, kind: "form", precedence: 1, citation: "x", verified: false, issuer: .union,
            issuerName: "Công đoàn", rules: [])
        #expect {
            _ = try AwardRule.revised(
                award: bare, effectiveFrom: "2025-01-01", coefficient: "0", collectiveFactor: 1, authorityLevel: "district",
                voteThreshold: nil, eligibility: nil, citation: "x", verified: nil)
        } throws: { error in
            (error as? DomainError)?.violations.map(\.field) == ["fixedAmount"]
        }
    }

    @Test("Niên hạn is a fourth kind, read as clients send it")
    func lengthOfServiceKind() throws {
        #expect(try CommendationKind.parse("length_of_service") == .lengthOfService)
        #expect(CommendationKind.lengthOfService.vietnameseName == "niên hạn")
        #expect(throws: DomainError.self) { try CommendationKind.parse("nien_han") }
    }

    @Test("Rounding is a setting: up (default), nearest, none")
    func rounding() {
        // 0.8 × 1,390,000 = 1,112,000 đồng = 111,200,000 hundredths.
        #expect(RewardQuote.round(hundredthsOfDong: 111_200_000, rounding: .up, unit: 10_000) == 1_120_000)
        #expect(RewardQuote.round(hundredthsOfDong: 111_200_000, rounding: .nearest, unit: 10_000) == 1_110_000)
        #expect(RewardQuote.round(hundredthsOfDong: 111_500_000, rounding: .nearest, unit: 10_000) == 1_120_000)
        #expect(RewardQuote.round(hundredthsOfDong: 111_200_000, rounding: .none, unit: 10_000) == 1_112_000)
        #expect(RewardQuote.round(hundredthsOfDong: 112_000_000, rounding: .up, unit: 10_000) == 1_120_000)
        #expect(RewardQuote.round(hundredthsOfDong: 0, rounding: .up, unit: 10_000) == 0)
    }

    @Test("The base salary in force on the decision date decides; a date before the first row is a clear error")
    func baseSalaryByDate() throws {
        let rules = [Self.rule("LDTT", "0.3")]
        let before = try RewardQuote.compute(
            award: "LDTT", rules: rules, salaries: Self.salaries, date: LocalDate(2024, 6, 30), collective: false, rounding: .up)
        let after = try RewardQuote.compute(
            award: "LDTT", rules: rules, salaries: Self.salaries, date: LocalDate(2024, 7, 1), collective: false, rounding: .up)
        #expect(before.baseSalary == 1_800_000)
        #expect(before.rewardAmount == 540_000)
        #expect(after.baseSalary == 2_340_000)
        #expect(after.rewardAmount == 710_000)
        let error = #expect(throws: DomainError.self) {
            try RewardQuote.compute(
                award: "LDTT", rules: rules, salaries: Self.salaries, date: LocalDate(2019, 6, 30), collective: false, rounding: .up)
        }
        #expect(error?.message.contains("01/07/2019") == true)
    }

    @Test("Vote thresholds: 2/3 of all members, 9/10 of all members, or a share of those present")
    func voteThresholds() {
        let twoThirds = VoteThreshold(numerator: 2, denominator: 3, base: .members)
        #expect(twoThirds.required(Tally(agree: 0, disagree: 0, abstain: 0, members: 3)) == 2)
        #expect(twoThirds.required(Tally(agree: 0, disagree: 0, abstain: 0, members: 4)) == 3)
        #expect(twoThirds.isMet(by: Tally(agree: 2, disagree: 1, abstain: 0, members: 3)))
        #expect(!twoThirds.isMet(by: Tally(agree: 2, disagree: 0, abstain: 0, members: 4)))
        let ninety = VoteThreshold(numerator: 9, denominator: 10, base: .members)
        #expect(ninety.required(Tally(agree: 0, disagree: 0, abstain: 0, members: 5)) == 5)
        let present = VoteThreshold(numerator: 1, denominator: 2, base: .present)
        #expect(present.isMet(by: Tally(agree: 2, disagree: 1, abstain: 0, members: 9)))
        #expect(!present.isMet(by: Tally(agree: 0, disagree: 0, abstain: 0, members: 9)))
        #expect(twoThirds.vietnamese == "2/3 tổng số thành viên hội đồng")
    }
}

@Suite("Reward money at the limits (security review F3)")
struct RewardMoneyLimitTests {
    @Test("Coefficients with a huge whole part are refused, not trapped on; 9999.99 is the largest")
    func coefficientLimits() {
        #expect(Coefficient("92233720368547759") == nil)
        #expect(Coefficient("10000") == nil)
        #expect(Coefficient("-1") == nil)
        #expect(Coefficient("9999.99")?.hundredths == 999_999)
    }

    @Test("Arithmetic that would overflow is a refusal, never a crash")
    func overflowRefused() {
        let rule = AwardRule(
            awardCode: "LDTT", effectiveFrom: LocalDate(2017, 7, 31), coefficient: Coefficient(hundredths: 30), collectiveFactor: 1,
            authorityLevel: "unit", voteThreshold: nil, eligibility: [], citation: "", verified: true)
        let poisoned = BaseSalary(effectiveFrom: LocalDate(2030, 1, 1), amount: 900_000_000_000_000_000, citation: "")
        let refusal = #expect(throws: DomainError.self) {
            try RewardQuote.compute(
                award: "LDTT", rules: [rule], salaries: [poisoned], date: LocalDate(2030, 6, 1), collective: false, rounding: .up)
        }
        #expect(refusal?.message.contains("vượt quá giới hạn") == true)
        #expect(RewardQuote.round(hundredthsOfDong: Int.max - 5, rounding: .up, unit: 10_000) == nil)
        #expect(throws: DomainError.self) { try BaseSalary.validate(amount: 1_000_000_001, from: "2030-01-01", citation: nil) }
    }
}
