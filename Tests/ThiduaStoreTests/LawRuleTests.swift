import Foundation
import PostgresNIO
import Testing
import ThiduaCore
import ThiduaTestSupport
@testable import ThiduaStore

@Suite("The law in the registry")
struct LawRuleTests {
    /// The catalogue as legal-rules.md states it (coefficient in hundredths, collective factor), written out here
    /// independently of the migration.
    static let catalogue: [(String, Int, Int)] = [
        ("LDTT", 30, 1), ("CSTD_CS", 100, 1), ("CSTD_TINH", 300, 1), ("CSTD_TQ", 450, 1), ("TTLDTT", 80, 1), ("TTLDXS", 150, 1),
        ("CO_TINH", 800, 1), ("CO_CP", 1200, 1), ("GK", 30, 2), ("BK_TTG", 350, 2), ("BIEU_DUONG", 0, 1), ("MH_DVK", 0, 1),
    ]

    static func expected(_ hundredths: Int, _ base: Int, _ factor: Int) -> Int {
        (hundredths * base * factor + 999_999) / 1_000_000 * 10_000
    }

    @Test("Money for each catalogue row on either side of the base-salary change of 1 July 2024, rounded up to 10,000 đồng")
    func moneyForEveryAward() async throws {
        try await TestDatabase.with { database, client in
            let catalogue = CatalogueRepository(client: client)
            for (award, hundredths, factor) in Self.catalogue {
                for (date, base) in [(LocalDate(2024, 6, 30), 1_800_000), (LocalDate(2024, 7, 1), 2_340_000)] {
                    for collective in [false, true] {
                        let quote = try await catalogue.quote(award: award, date: date, collective: collective, logger: database.logger)
                        let wanted = Self.expected(hundredths, base, collective ? factor : 1)
                        #expect(quote.rewardAmount == wanted, "\(award) \(date) collective=\(collective)")
                        #expect(quote.baseSalary == base)
                    }
                }
            }
            // Bằng khen tỉnh: 1.0 until 30/06/2025 (marked unverified), 1.5 from 01/07/2025; a collective twice.
            let before = try await catalogue.quote(
                award: "BK_TINH", date: LocalDate(2025, 6, 30), collective: true, logger: database.logger)
            let after = try await catalogue.quote(award: "BK_TINH", date: LocalDate(2025, 7, 1), collective: true, logger: database.logger)
            #expect(before.rewardAmount == 4_680_000)
            #expect(after.rewardAmount == 7_020_000)
            let award = try await catalogue.award("BK_TINH", logger: database.logger)
            #expect(award.rule(on: LocalDate(2025, 6, 30))?.verified == false)
            #expect(award.rule(on: LocalDate(2025, 7, 1))?.verified == true)
            // The commune chairman's Giấy khen: 0.15 until 30/06/2025.
            let commune = try await catalogue.quote(award: "GK_XA", date: LocalDate(2024, 8, 1), collective: false, logger: database.logger)
            #expect(commune.rewardAmount == 360_000)
            let early = await #expect(throws: DomainError.self) {
                try await catalogue.quote(award: "LDTT", date: LocalDate(2019, 6, 30), collective: false, logger: database.logger)
            }
            #expect(early?.message.contains("01/07/2019") == true)
        }
    }

    @Test("The rule names the database accepts are exactly the evaluator's")
    func ruleNamesAgree() async throws {
        try await TestDatabase.with { database, client in
            let rows = try await client.query(
                "SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'award_rules_eligibility_known'",
                logger: database.logger
            ).collect()
            let definition = try #require(try rows.first?.decode(String.self))
            let named = Set(definition.split(separator: "'").enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) })
            #expect(named == Set(EligibilityRule.allCases.map(\.rawValue)))
        }
    }

    @Test(
        "TTLĐTT reads the collective's 'hoàn thành tốt', TTLĐXS its 'xuất sắc' and members' warnings, each row unverified with its source")
    func correctedCollectiveRules() async throws {
        try await TestDatabase.with { database, client in
            let catalogue = CatalogueRepository(client: client)
            for date in [LocalDate(2024, 5, 24), LocalDate(2025, 9, 1)] {
                let advanced = try #require(try await catalogue.award("TTLDTT", logger: database.logger).rule(on: date))
                #expect(advanced.eligibility == [.collectiveGood, .membersLdttMajority, .membersNoWarning])
                #expect(advanced.verified == false)
                #expect(advanced.citation.contains("Luật TĐKT 2003, Điều 28"))
                let excellent = try #require(try await catalogue.award("TTLDXS", logger: database.logger).rule(on: date))
                #expect(
                    excellent.eligibility == [.collectiveExcellent, .membersAllCompleted, .membersLdtt70, .memberCstdCs, .membersNoWarning])
                #expect(excellent.verified == false)
            }
        }
    }

    @Test("Changing the catalogue never changes a commendation already issued; the change is audited with its reason")
    func catalogueChangeLeavesIssuedAlone() async throws {
        try await TestDatabase.with { database, client in
            let seed = Seed(client: client, logger: database.logger)
            let f = try await RegistryFixture.make(seed)
            let repository = NominationRepository(client: client)
            let first = try await f.nomination(seed, status: .recommended)
            let issued = try await repository.approve(
                first.id, decision: DecisionReference.validate(number: "12/QĐ-THAP", date: "2024-05-20"), expectedVersion: nil,
                by: f.headmasterAccount, logger: database.logger)
            #expect(issued.money?.rewardAmount == 540_000)
            #expect(issued.money?.coefficient.description == "0.3")
            #expect(issued.money?.baseSalary == 1_800_000)

            let catalogue = CatalogueRepository(client: client)
            let ldtt = try await catalogue.award("LDTT", logger: database.logger)
            let raised = try AwardRule.revised(
                award: ldtt, effectiveFrom: "2024-01-01", coefficient: "0.5", collectiveFactor: nil, authorityLevel: nil,
                voteThreshold: nil,
                eligibility: nil, citation: nil, verified: nil)
            _ = try await catalogue.setRule(
                raised, reason: "Đính chính theo văn bản hướng dẫn mới", by: seed.actor, logger: database.logger)

            let unchanged = try await CommendationRepository(client: client).find(issued.id, logger: database.logger)
            #expect(unchanged.money == issued.money)
            let second = try await f.nomination(seed, status: .recommended, nominee: .person(f.councilPeople[0].id))
            let later = try await repository.approve(
                second.id, decision: DecisionReference.validate(number: "13/QĐ-THAP", date: "2024-05-21"), expectedVersion: nil,
                by: f.headmasterAccount, logger: database.logger)
            #expect(later.money?.rewardAmount == 900_000)
            let audited = try await client.query(
                "SELECT after FROM audit_log WHERE action = 'award-rule.update' AND entity_id = 'LDTT@2024-01-01'", logger: database.logger
            ).collect()
            #expect(try audited.first?.decode(String.self).contains("Đính chính theo văn bản hướng dẫn mới") == true)
        }
    }

    @Test("Base salaries: a new row applies from its date; a second row for the same date is refused; rows are never edited")
    func baseSalaries() async throws {
        try await TestDatabase.with { database, client in
            let catalogue = CatalogueRepository(client: client)
            let seed = Seed(client: client, logger: database.logger)
            _ = try await catalogue.addSalary(
                try BaseSalary.validate(amount: 2_530_000, from: "2026-07-01", citation: "dự kiến"), by: seed.actor, logger: database.logger
            )
            let quote = try await catalogue.quote(award: "LDTT", date: LocalDate(2026, 7, 1), collective: false, logger: database.logger)
            #expect(quote.rewardAmount == 760_000)
            let duplicate = await #expect(throws: DomainError.self) {
                try await catalogue.addSalary(
                    try BaseSalary.validate(amount: 2_600_000, from: "2026-07-01", citation: nil), by: seed.actor, logger: database.logger)
            }
            #expect(duplicate?.code == .conflict)
            await #expect(throws: (any Error).self) {
                try await client.query("UPDATE base_salaries SET amount = 1 WHERE effective_from = '2024-07-01'", logger: database.logger)
            }
            #expect(try await catalogue.salaries(logger: database.logger).map(\.amount) == [1_490_000, 1_800_000, 2_340_000, 2_530_000])
        }
    }

    @Test("An award above the unit's authority is forwarded with a submission and issued when the higher decision is recorded")
    func forwarding() async throws {
        try await TestDatabase.with { database, client in
            let seed = Seed(client: client, logger: database.logger)
            let f = try await RegistryFixture.make(seed)
            let repository = NominationRepository(client: client)
            let nomination = try await f.nomination(seed, status: .recommended, award: "BK_TINH")
            let refused = await #expect(throws: DomainError.self) {
                try await repository.approve(
                    nomination.id, decision: DecisionReference.validate(number: "20/QĐ-THAP", date: "2024-12-10"), expectedVersion: nil,
                    by: f.headmasterAccount, logger: database.logger)
            }
            #expect(refused?.message.contains("tờ trình") == true)
            let early = await #expect(throws: DomainError.self) {
                try await repository.recordExternalDecision(
                    nomination.id, issuer: "UBND tỉnh Đồng Tháp",
                    decision: DecisionReference.validate(number: "1/QĐ-UBND", date: "2025-01-10"),
                    by: f.headmasterAccount, logger: database.logger)
            }
            #expect(early?.code == .invalidTransition)

            let forwarded = try await repository.forward(
                nomination.id, submission: DecisionReference.validate(number: "52/TTr-THAP", date: "2024-12-10"), expectedVersion: nil,
                by: f.headmasterAccount, logger: database.logger)
            #expect(forwarded.status == .forwarded)
            #expect(forwarded.submission?.number == "52/TTr-THAP")
            #expect(forwarded.submission?.authorityLevel == "province")
            #expect(try await seed.count("commendations") == 0)

            let commendation = try await repository.recordExternalDecision(
                nomination.id, issuer: "UBND tỉnh Đồng Tháp",
                decision: DecisionReference.validate(number: "1234/QĐ-UBND", date: "2025-07-15"),
                by: f.headmasterAccount, logger: database.logger)
            #expect(commendation.issuer == "UBND tỉnh Đồng Tháp")
            #expect(commendation.decisionNumber == "1234/QĐ-UBND")
            #expect(commendation.money?.rewardAmount == 3_510_000)
            #expect(try await repository.find(nomination.id, logger: database.logger).status == .approved)

            // Within the unit's authority there is nothing to forward.
            let ldtt = try await f.nomination(seed, status: .recommended, nominee: .person(f.councilPeople[0].id))
            let notNeeded = await #expect(throws: DomainError.self) {
                try await repository.forward(
                    ldtt.id, submission: DecisionReference.validate(number: "53/TTr-THAP", date: "2024-12-10"), expectedVersion: nil,
                    by: f.headmasterAccount, logger: database.logger)
            }
            #expect(notNeeded?.code == .conflict)
            // A unit whose head may grant provincial awards signs them itself.
            _ = try await CatalogueRepository(client: client).setPolicy(
                f.school.id, authorityLevel: "province", caps: [], reason: "Thử nghiệm", by: seed.actor, logger: database.logger)
            let signedHere = try await f.nomination(seed, status: .recommended, award: "BK_TINH", nominee: .person(f.councilPeople[0].id))
            let own = try await repository.approve(
                signedHere.id, decision: DecisionReference.validate(number: "21/QĐ-THAP", date: "2024-12-10"), expectedVersion: nil,
                by: f.headmasterAccount, logger: database.logger)
            #expect(own.issuer == nil)
        }
    }

    @Test(
        "Submitting a nomination that fails a rule answers 'ineligible' naming it and changes nothing; an override with a reason lets it through"
    )
    func submissionAndOverride() async throws {
        try await TestDatabase.with { database, client in
            let seed = Seed(client: client, logger: database.logger)
            let f = try await RegistryFixture.make(seed)
            try await client.query(
                """
                INSERT INTO performance_ratings (person_id, period_kind, period_year, rating, months_worked)
                VALUES (\(f.teacher.id.rawValue), 'calendar_year', 2024, 'completed', 12)
                """, logger: database.logger)
            let repository = NominationRepository(client: client)
            let union = try #require(try await AccountRepository(client: client).authenticate(token: f.union, logger: database.logger))
            let draft = try await f.nomination(seed, status: .draft)
            let auditBefore = try await seed.count("audit_log")
            let refused = await #expect(throws: DomainError.self) {
                try await repository.transition(
                    draft.id, to: .submitted, expectedVersion: nil, by: Actor(account: union), logger: database.logger)
            }
            #expect(refused?.code == .ineligible)
            #expect(refused?.violations.map(\.field) == ["eligibility.rating_good"])
            #expect(refused?.violations.first?.message.contains("Hoàn thành nhiệm vụ") == true)
            #expect(try await repository.find(draft.id, logger: database.logger).status == .draft)
            #expect(try await seed.count("audit_log") == auditBefore)

            let eligibility = EligibilityRepository(client: client)
            let passedRule = await #expect(throws: DomainError.self) {
                try await eligibility.override(draft.id, rule: .noDiscipline, reason: "x", by: f.headmasterAccount, logger: database.logger)
            }
            #expect(passedRule?.code == .conflict)
            let report = try await eligibility.override(
                draft.id, rule: .ratingGood, reason: "Xếp loại bị ghi nhầm, đang chờ đính chính", by: f.headmasterAccount,
                logger: database.logger)
            #expect(report.results.first { $0.rule == .ratingGood }?.override?.reason == "Xếp loại bị ghi nhầm, đang chờ đính chính")
            let submitted = try await repository.transition(
                draft.id, to: .submitted, expectedVersion: nil, by: Actor(account: union), logger: database.logger)
            #expect(submitted.status == .submitted)
            let audited = try await client.query(
                "SELECT count(*)::bigint FROM audit_log WHERE action = 'nomination.eligibility-override'", logger: database.logger
            ).collect()
            #expect(try audited.first?.decode(Int.self) == 1)
        }
    }

    /// Two people with LĐTT issued, and two CSTĐ cơ sở nominations recommended for them.
}
