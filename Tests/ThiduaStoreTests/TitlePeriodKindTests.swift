import Foundation
import PostgresNIO
import Testing
import ThiduaCore
import ThiduaTestSupport
@testable import ThiduaStore

/// A unit reviews its titles by one kind of period — a school by school year (issue "Documents", data defect 2;
/// sql/0025). Before, LĐTT "năm 2024" could be nominated beside LĐTT "năm học 2023-2024" and was refused only at signing.
@Suite("Titles by the unit's period kind")
struct TitlePeriodKindTests {
    @Test("A school nominates titles in its school-year movement; in a calendar-year one it is refused at once, Giấy khen is not")
    func schoolReviewsTitlesBySchoolYear() async throws {
        try await TestDatabase.with { database, client in
            let seed = Seed(client: client, logger: database.logger)
            let f = try await RegistryFixture.make(seed)
            let catalogue = CatalogueRepository(client: client)
            let policy = try await catalogue.setPolicy(
                f.school.id, authorityLevel: nil, caps: [], titlePeriod: .byKind, reason: "Theo năm học như mọi trường",
                by: seed.actor, logger: database.logger)
            #expect(policy.titlePeriodKind == nil && policy.effectiveTitlePeriodKind == .schoolYear)
            let nominations = NominationRepository(client: client)
            let union = try #require(try await AccountRepository(client: client).authenticate(token: f.union, logger: database.logger))
            func nominate(_ award: String, in movement: Movement) async throws -> Nomination {
                try await nominations.create(
                    movementId: movement.id, awardCode: award, nominee: .person(f.teacher.id), achievements: "Hoàn thành tốt nhiệm vụ",
                    modelIds: [], by: union, logger: database.logger)
            }
            let before = try await seed.count("nominations")
            let refused = await #expect(throws: DomainError.self) { try await nominate("LDTT", in: f.movement) }
            #expect(refused?.code == .ruleViolated)
            #expect(refused?.violations.first?.field == "award")
            #expect(
                refused?.violations.first?.message.hasPrefix(
                    "Danh hiệu thi đua của Trường Tiểu học An Phước được xét theo năm học; phong trào này tính theo năm 2024.") == true)
            #expect(try await seed.count("nominations") == before)
            #expect(try await nominate("GK", in: f.movement).awardCode == "GK")
            let schoolYear = try await f.movement(seed, period: "2023-2024")
            #expect(try await nominate("LDTT", in: schoolYear).awardCode == "LDTT")

            // The database holds the rule whoever writes: a row inserted past the repository is refused too.
            let direct = await #expect(throws: PSQLError.self) {
                try await client.query(
                    """
                    INSERT INTO nominations (movement_id, award_code, nominee_person_id, achievements, created_by)
                    VALUES (\(f.movement.id.rawValue), 'CSTD_CS', \(f.teacher.id.rawValue), 'x', \(union.id.rawValue))
                    """, logger: database.logger)
            }
            #expect(direct?.serverInfo?[.constraintName] == "nominations_title_period_kind")
        }
    }

    @Test("A unit set to calendar years nominates titles by year; the setting is shown and changed with a reason")
    func calendarYearSetting() async throws {
        try await TestDatabase.with { database, client in
            let seed = Seed(client: client, logger: database.logger)
            let f = try await RegistryFixture.make(seed)
            let policy = try await CatalogueRepository(client: client).policy(of: f.school.id, logger: database.logger)
            #expect(policy.titlePeriodKind == .calendarYear && policy.effectiveTitlePeriodKind == .calendarYear)
            #expect(try await f.nomination(seed, status: .draft).awardCode == "LDTT")
            let schoolYear = try await f.movement(seed, period: "2023-2024")
            await #expect(throws: DomainError.self) { try await f.nomination(seed, status: .draft, in: schoolYear) }
            #expect(throws: DomainError.self) { try UnitPolicy.TitlePeriodChange.parse("quarter") }
            #expect(try UnitPolicy.TitlePeriodChange.parse("school-year") == .set(.schoolYear))
        }
    }
}
