import Foundation
import PostgresNIO
import Testing
import ThiduaCore
import ThiduaTestSupport
@testable import ThiduaStore

/// Thường xuyên, chuyên đề, đột xuất (issue "Documents"; sql/0027): chosen on the nomination, kept by the commendation;
/// a title is regular only; the decision's subject follows the kind; the Bằng khen's yearly route is for regular only.
@Suite("Commendation kinds")
struct CommendationKindTests {
    @Test(
        "Left out, a title is regular and a form thematic; a title as đột xuất is refused and nothing is stored; changing to a title makes it regular"
    )
    func kindsFollowTheAward() async throws {
        try await TestDatabase.with { database, client in
            let seed = Seed(client: client, logger: database.logger)
            let f = try await RegistryFixture.make(seed)
            let nominations = NominationRepository(client: client)
            let union = try #require(try await AccountRepository(client: client).authenticate(token: f.union, logger: database.logger))
            func nominate(_ award: String, _ kind: CommendationKind?) async throws -> Nomination {
                try await nominations.create(
                    movementId: f.movement.id, awardCode: award, nominee: .person(f.teacher.id), achievements: "Cứu học sinh đuối nước",
                    modelIds: [], kind: kind, by: union, logger: database.logger)
            }
            #expect(try await nominate("LDTT", nil).kind == .regular)
            let form = try await nominate("GK", nil)
            #expect(form.kind == .thematic)
            let before = try await seed.count("nominations")
            let refused = await #expect(throws: DomainError.self) { try await nominate("LDTT", .exceptional) }
            #expect(refused?.code == .ruleViolated && refused?.violations.first?.field == "kind")
            #expect(refused?.violations.first?.message.contains("thường xuyên") == true)
            #expect(try await seed.count("nominations") == before)
            #expect(try await nominate("GK", .exceptional).kind == .exceptional)

            let changed = try await nominations.update(
                form.id, achievements: nil, awardCode: "CSTD_CS", modelIds: nil, expectedVersion: form.version, by: seed.actor,
                logger: database.logger)
            #expect(changed.awardCode == "CSTD_CS" && changed.kind == .regular)
            let notAgain = await #expect(throws: DomainError.self) {
                try await nominations.update(
                    form.id, achievements: nil, awardCode: nil, modelIds: nil, kind: .thematic, expectedVersion: changed.version,
                    by: seed.actor, logger: database.logger)
            }
            #expect(notAgain?.violations.first?.field == "kind")
            #expect(try await nominations.find(form.id, logger: database.logger).kind == .regular)
        }
    }

    @Test(
        "The decision's subject follows the kind: đột xuất names the one commended, a yearly Giấy khen the year, a movement's the movement")
    func subjectFollowsKind() async throws {
        try await TestDatabase.with { database, client in
            let seed = Seed(client: client, logger: database.logger)
            let f = try await RegistryFixture.make(seed)
            let nominations = NominationRepository(client: client)
            let decisions = DecisionRepository(client: client)
            var subjects: [String] = []
            for (index, kind) in [CommendationKind.exceptional, .regular, .thematic].enumerated() {
                let nomination = try await f.nomination(
                    seed, status: .recommended, award: "GK", overriding: "Đủ điều kiện theo hồ sơ", kind: kind)
                _ = try await nominations.approve(
                    nomination.id, decision: DecisionReference.validate(number: "2\(index)/QĐ-THAP", date: "2024-11-2\(index)"),
                    expectedVersion: nil, by: f.headmasterAccount, logger: database.logger)
                subjects.append(try await decisions.document("2\(index)/QĐ-THAP", logger: database.logger).subject)
            }
            #expect(subjects[0] == "Về việc khen thưởng đột xuất cho Nguyễn Thị Ngọc Hân có thành tích xuất sắc")
            #expect(subjects[1] == "Về việc tặng Giấy khen cho các cá nhân có thành tích xuất sắc năm 2024")
            #expect(
                subjects[2]
                    == "Về việc tặng Giấy khen cho các cá nhân có thành tích xuất sắc trong phong trào thi đua \"Dân vận khéo năm 2024\"")
        }
    }

    @Test("The Bằng khen's route through two years is checked for a regular nomination and not for a thematic one")
    func yearlyRouteForRegularOnly() async throws {
        try await TestDatabase.with { database, client in
            let seed = Seed(client: client, logger: database.logger)
            let f = try await RegistryFixture.make(seed)
            let nomination = try await f.nomination(seed, status: .draft, award: "BK_TINH")
            #expect(nomination.kind == .thematic)
            let eligibility = EligibilityRepository(client: client)
            let thematic = try await eligibility.evaluate(nomination.id, logger: database.logger)
            let skipped = try #require(thematic.results.first { $0.rule == .bkTinhRoute })
            #expect(
                skipped.outcome == .unknown
                    && skipped.facts.first?.hasPrefix("Khen thưởng chuyên đề: tiêu chuẩn theo thành tích các năm không áp dụng") == true)
            _ = try await NominationRepository(client: client).update(
                nomination.id, achievements: nil, awardCode: nil, modelIds: nil, kind: .regular, expectedVersion: nil, by: seed.actor,
                logger: database.logger)
            let regular = try await eligibility.evaluate(nomination.id, logger: database.logger)
            let checked = try #require(regular.results.first { $0.rule == .bkTinhRoute })
            #expect(!checked.facts.isEmpty && !checked.facts.contains { $0.contains("không áp dụng") }, "the two years are read")
        }
    }
}
