import Foundation
import Testing
@testable import ThiduaCore

/// What the eligibility rules read from the sáng kiến register (sql/0036): the count of a period adds the register to
/// the imported count, and CSTĐ tỉnh asks for a provincial scope recognised during its three periods.
@Suite("Initiatives in eligibility")
struct InitiativeEligibilityTests {
    static let year2024 = Period(kind: .calendarYear, year: 2024)

    static func person(initiatives: [InitiativeFact], imported: Int = 0) -> PersonFacts {
        var facts = PersonFacts(
            name: "Phạm Thị Lan", ratings: [.init(period: year2024, rating: .good, monthsWorked: 12, initiatives: imported)])
        facts.initiatives = initiatives
        return facts
    }

    static func outcome(_ rule: EligibilityRule, _ person: PersonFacts) -> RuleResult.Outcome? {
        Eligibility.evaluate([rule], for: .person(person), in: year2024).first?.outcome
    }

    @Test("A recognised initiative of the register counts in its period, beside the imported ones")
    func counting() {
        let fact = InitiativeFact(
            title: "Trò chơi ghép vần", period: Self.year2024, scope: .unit, scopeRecognizedOn: LocalDate(2024, 5, 10))
        #expect(Self.person(initiatives: [fact], imported: 1).initiativeCount(in: Self.year2024) == 2)
        #expect(Self.person(initiatives: [fact]).initiativeCount(in: Self.year2024.earlier(by: 1)) == 0)
        #expect(Self.outcome(.excellentOrInitiative, Self.person(initiatives: [fact])) == .passed)
        #expect(Self.outcome(.excellentOrInitiative, Self.person(initiatives: [])) == .failed)
    }

    @Test("CSTĐ tỉnh: a provincial scope within the three periods passes; a narrower one fails; only imported ones are unknown")
    func provincialScope() {
        func fact(_ scope: Initiative.Scope, _ date: LocalDate) -> InitiativeFact {
            InitiativeFact(
                title: "Sổ tay chủ nhiệm", period: Period(kind: .calendarYear, year: date.year), scope: scope, scopeRecognizedOn: date)
        }
        #expect(Self.outcome(.initiativeProvince, Self.person(initiatives: [fact(.province, LocalDate(2022, 3, 1))])) == .passed)
        #expect(Self.outcome(.initiativeProvince, Self.person(initiatives: [fact(.province, LocalDate(2021, 12, 31))])) == .failed)
        #expect(Self.outcome(.initiativeProvince, Self.person(initiatives: [fact(.district, LocalDate(2024, 3, 1))])) == .failed)
        #expect(Self.outcome(.initiativeProvince, Self.person(initiatives: [], imported: 1)) == .unknown)
        let failed = Eligibility.evaluate(
            [.initiativeProvince], for: .person(Self.person(initiatives: [fact(.district, LocalDate(2024, 3, 1))])), in: Self.year2024)
        #expect(failed.first?.facts.first == "Chưa có sáng kiến được công nhận cấp tỉnh trong 3 kỳ (rộng nhất: cấp huyện)")
    }
}
