import Foundation
import Testing
import ThiduaCore
import ThiduaStore
import ThiduaTestSupport

/// One achievement is commended once (Luật TĐKT 2022, Điều 5): a title is held at most once by a nominee over any
/// stretch of time (issue "Documents", data defect 2; sql/0021).
@Suite("A title once per period")
struct TitleOncePerPeriodTests {
    static func approve(_ seed: Seed, _ f: RegistryFixture, _ nomination: Nomination, _ number: String, _ date: String) async throws
        -> Commendation
    {
        try await NominationRepository(client: seed.client).approve(
            nomination.id, decision: DecisionReference.validate(number: number, date: date), expectedVersion: nil,
            by: f.headmasterAccount, logger: seed.logger)
    }

    @Test("LĐTT for the school year and again for the calendar year it overlaps is refused, naming the first; revoked, it is free")
    func overlappingTitleRefused() async throws {
        try await TestDatabase.with { database, client in
            let seed = Seed(client: client, logger: database.logger)
            let f = try await RegistryFixture.make(seed)
            let an = try await seed.person("Lê Văn An", unit: f.school.id)
            let schoolYear = try await f.movement(seed, period: "2023-2024")
            let later = try await f.movement(seed, period: "2025-2026")
            // The school reviewed titles by school year, then changed to calendar years (sql/0025 checks each nomination
            // against the setting of its day; this constraint catches the overlap the change lets through).
            func reviewBy(_ kind: Period.Kind) async throws {
                _ = try await CatalogueRepository(client: client).setPolicy(
                    f.school.id, authorityLevel: nil, caps: [], titlePeriod: .set(kind), reason: "Đổi kỳ xét danh hiệu", by: seed.actor,
                    logger: seed.logger)
            }
            try await reviewBy(.schoolYear)
            let first = try await Self.approve(
                seed, f, try await f.nomination(seed, status: .recommended, nominee: .person(an.id), overriding: "Thử", in: schoolYear),
                "15/QĐ-THAP", "2024-05-24")
            let nextTitle = try await f.nomination(seed, status: .recommended, nominee: .person(an.id), overriding: "Thử", in: later)
            try await reviewBy(.calendarYear)

            // f.movement is the calendar year 2024: eight months shared with 2023-2024.
            let again = try await f.nomination(seed, status: .recommended, nominee: .person(an.id), overriding: "Thử")
            let commendations = try await seed.count("commendations")
            let refused = await #expect(throws: DomainError.self) { try await Self.approve(seed, f, again, "45/QĐ-THAP", "2024-12-20") }
            #expect(refused?.code == .conflict)
            #expect(
                refused?.message.contains(
                    "Đã có danh hiệu \"Lao động tiên tiến\" năm học 2023-2024 (Quyết định số 15/QĐ-THAP ngày 24/05/2024)")
                    == true, "\(refused?.message ?? "")")
            #expect(try await seed.count("commendations") == commendations)
            #expect(try await NominationRepository(client: client).find(again.id, logger: seed.logger).status == .recommended)

            // Revoking the first frees its period.
            _ = try await CommendationRepository(client: client).revoke(
                first.id, reason: "Ghi nhầm năm học", decisionNumber: "03/QĐ-THAP", by: f.headmasterAccount, logger: seed.logger)
            let issued = try await Self.approve(seed, f, again, "45/QĐ-THAP", "2024-12-20")
            // A form (Giấy khen) for the same year, and the title for a year that does not overlap, are issued.
            _ = try await Self.approve(
                seed, f, try await f.nomination(seed, status: .recommended, award: "GK", nominee: .person(an.id), overriding: "Thử"),
                "46/QĐ-THAP", "2024-12-20")
            _ = try await Self.approve(seed, f, nextTitle, "20/QĐ-THAP", "2026-05-25")
            #expect(issued.awardCode == "LDTT")
        }
    }

    @Test("The database refuses an overlapping title however it is written")
    func constraintHolds() async throws {
        try await TestDatabase.with { database, client in
            let seed = Seed(client: client, logger: database.logger)
            let f = try await RegistryFixture.make(seed)
            let title = try await f.commendation(seed)
            // A second LĐTT for the same teacher, approved and written straight into commendations, past the app's check.
            let second = try await f.nomination(seed, status: .recommended, overriding: "Thử")
            try await client.query("UPDATE nominations SET status = 'approved' WHERE id = \(second.id.rawValue)", logger: seed.logger)
            await expectConstraint("title_periods_one_per_period") {
                try await client.query(
                    """
                    INSERT INTO commendations (nomination_id, decision_id, award_code, movement_id, nominee_person_id,
                                               coefficient, collective_factor, base_salary, reward_amount)
                    SELECT \(second.id.rawValue), c.decision_id, c.award_code, c.movement_id, c.nominee_person_id,
                           c.coefficient, c.collective_factor, c.base_salary, c.reward_amount
                    FROM commendations c WHERE c.id = \(title.id.rawValue)
                    """, logger: seed.logger)
            }
            #expect(try await seed.count("commendations") == 1)
        }
    }
}
