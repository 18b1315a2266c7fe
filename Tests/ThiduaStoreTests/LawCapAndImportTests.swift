import Foundation
import PostgresNIO
import Testing
import ThiduaCore
import ThiduaTestSupport
@testable import ThiduaStore

@Suite("The law in the registry: caps under concurrent approvals, vote thresholds, imports")
struct LawCapAndImportTests {
    static func twoFighters(_ seed: Seed, _ f: RegistryFixture) async throws -> [Nomination] {
        // CSTĐ cơ sở is the district's by default (sql/0024): this school signs it, as its district's regulation says.
        _ = try await CatalogueRepository(client: seed.client).setPolicy(
            f.school.id, authorityLevel: nil, caps: [], grantChanges: [.init(award: "CSTD_CS", grants: true)],
            reason: "Quy chế của huyện giao trường công nhận Chiến sĩ thi đua cơ sở", by: seed.actor, logger: seed.logger)
        let repository = NominationRepository(client: seed.client)
        var fighters: [Nomination] = []
        for (index, person) in [f.teacher, f.councilPeople[0]].enumerated() {
            let ldtt = try await f.nomination(seed, status: .recommended, nominee: .person(person.id))
            _ = try await repository.approve(
                ldtt.id, decision: DecisionReference.validate(number: "\(index + 1)/QĐ-THAP", date: "2024-12-20"), expectedVersion: nil,
                by: f.headmasterAccount, logger: seed.logger)
            fighters.append(try await f.nomination(seed, status: .recommended, award: "CSTD_CS", nominee: .person(person.id)))
        }
        return fighters
    }

    static func approveAtOnce(_ nominations: [Nomination], _ f: RegistryFixture, _ client: DatabaseClient, _ logger: Logger) async -> Int {
        let repository = NominationRepository(client: client)
        return await withTaskGroup(of: Bool.self) { group in
            for (index, nomination) in nominations.enumerated() {
                group.addTask {
                    let decision = try? DecisionReference.validate(number: "\(index + 10)/QĐ-THAP", date: "2024-12-21")
                    return
                        (try? await repository.approve(
                            nomination.id, decision: decision!, expectedVersion: nil, by: f.headmasterAccount, logger: logger)) != nil
                }
            }
            return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
    }

    @Test("A unit cap (CSTĐ cơ sở ≤ 50% of LĐTT) holds when two approvals run at once")
    func capUnderConcurrentApprovals() async throws {
        try await TestDatabase.with { database, client in
            let seed = Seed(client: client, logger: database.logger)
            let f = try await RegistryFixture.make(seed)
            let fighters = try await Self.twoFighters(seed, f)
            _ = try await CatalogueRepository(client: client).setPolicy(
                f.school.id, authorityLevel: nil,
                caps: [.init(award: "CSTD_CS", ofAward: "LDTT", percent: Coefficient("50")!, enabled: true)],
                reason: "Quy chế thi đua của trường", by: seed.actor, logger: database.logger)
            // The first approval is mid-flight (cap row locked, commendation written, not committed) while the second starts.
            let repository = NominationRepository(client: client)
            let secondApproved = try await client.withConnection { connection in
                try await connection.query("BEGIN", logger: database.logger)
                let decision = try await DecisionRepository.findOrCreate(
                    DecisionReference.validate(number: "10/QĐ-THAP", date: "2024-12-21"), signer: f.headmasterAccount, on: connection,
                    logger: database.logger)
                _ = try await NominationRepository.approve(
                    fighters[0].id, decisionId: decision, decisionDate: LocalDate(2024, 12, 21), expectedVersion: nil, on: connection,
                    by: f.headmasterAccount, logger: database.logger)
                let second = Task {
                    (try? await repository.approve(
                        fighters[1].id, decision: DecisionReference.validate(number: "11/QĐ-THAP", date: "2024-12-21"),
                        expectedVersion: nil,
                        by: f.headmasterAccount, logger: database.logger)) != nil
                }
                try await Task.sleep(for: .milliseconds(300))
                try await connection.query("COMMIT", logger: database.logger)
                return await second.value
            }
            #expect(!secondApproved)
            let issued = try await client.query(
                "SELECT count(*)::bigint FROM commendations WHERE award_code = 'CSTD_CS'", logger: database.logger
            ).collect()
            #expect(try issued.first?.decode(Int.self) == 1)
        }
    }

    @Test("Without a cap (the default) both approvals go through")
    func noCapByDefault() async throws {
        try await TestDatabase.with { database, client in
            let seed = Seed(client: client, logger: database.logger)
            let f = try await RegistryFixture.make(seed)
            let fighters = try await Self.twoFighters(seed, f)
            #expect(try await CatalogueRepository(client: client).policy(of: f.school.id, logger: database.logger).caps.isEmpty)
            #expect(await Self.approveAtOnce(fighters, f, client, database.logger) == 2)
        }
    }

    @Test("The recommendation stores the tally with the award's vote threshold")
    func thresholdStoredWithTally() async throws {
        try await TestDatabase.with { database, client in
            let seed = Seed(client: client, logger: database.logger)
            let f = try await RegistryFixture.make(seed)
            let recommended = try await f.nomination(seed, status: .recommended)
            let rows = try await client.query(
                "SELECT recommendation_tally::text FROM nominations WHERE id = \(recommended.id.rawValue)", logger: database.logger
            ).collect()
            let tally = try JSONDecoder().decode(Tally.self, from: Data(try #require(try rows.first?.decode(String.self)).utf8))
            #expect(tally.agree == 2)
            #expect(tally.members == 3)
            #expect(tally.required == 2)
            #expect(tally.threshold == "2/3 tổng số thành viên hội đồng")
        }
    }

    @Test("Imports of ratings, disciplines and past commendations are all-or-nothing, line-numbered, and idempotent")
    func imports() async throws {
        try await TestDatabase.with { database, client in
            let seed = Seed(client: client, logger: database.logger)
            let f = try await RegistryFixture.make(seed)
            try await client.query("UPDATE people SET code = 'AP100' WHERE id = \(f.teacher.id.rawValue)", logger: database.logger)
            let law = LawImportRepository(client: client)
            let bad = try RatingImport.parse("person,period,rating\nAP100,2024,tốt\nAP999,2024,tốt\n")
            let failed = await #expect(throws: ImportFailed.self) {
                try await law.importRatings(bad, by: seed.actor, logger: database.logger)
            }
            #expect(failed?.issues.map(\.line) == [3])
            #expect(try await seed.count("performance_ratings") == 0)

            let ratings = try RatingImport.parse("person,unit,period,rating,months_worked\nAP100,,2024,tốt,12\n,THAP-K1,2024,tốt,\n")
            #expect(try await law.importRatings(ratings, by: seed.actor, logger: database.logger) == ImportSummary(created: 2))
            #expect(try await law.importRatings(ratings, by: seed.actor, logger: database.logger) == ImportSummary(unchanged: 2))
            let history = try PastCommendationImport.parse(
                "person,award,period,decision_number,decision_date,issuer,amount\nAP100,CSTD_CS,2023,41/QĐ-THAP,2023-12-21,Trường Tiểu học An Phước,\"1.800.000\"\nAP100,XYZ,2022,1/QĐ,2022-12-01,Trường,\n"
            )
            let unknownAward = await #expect(throws: ImportFailed.self) {
                try await law.importCommendations(history, by: seed.actor, logger: database.logger)
            }
            #expect(unknownAward?.issues.map(\.line) == [3])
            #expect(try await seed.count("past_commendations") == 0)
            let one = try PastCommendationImport.parse(
                "person,award,period,decision_number,decision_date,issuer,amount\nAP100,CSTD_CS,2023,41/QĐ-THAP,2023-12-21,Trường Tiểu học An Phước,\"1.800.000\"\n"
            )
            #expect(try await law.importCommendations(one, by: seed.actor, logger: database.logger) == ImportSummary(created: 1))
            let disciplines = try DisciplineImport.parse("person,measure,decided_on\nAP100,Khiển trách,2024-03-12\n")
            #expect(try await law.importDisciplines(disciplines, by: seed.actor, logger: database.logger) == ImportSummary(created: 1))
            #expect(try await law.importDisciplines(disciplines, by: seed.actor, logger: database.logger) == ImportSummary(unchanged: 1))

            // The lifetime record shows them year by year, the latest first.
            let record = try await EligibilityRepository(client: client).record(of: .person(f.teacher.id), logger: database.logger)
            #expect(record.years.map(\.period) == ["2024", "2023"])
            #expect(record.years[0].rating == .good)
            #expect(record.years[0].disciplines.map(\.measureName) == ["Khiển trách"])
            #expect(record.years[1].titles.map(\.award) == ["CSTD_CS"])
            #expect(record.years[1].titles.first?.rewardAmount == 1_800_000)
            let collective = try await EligibilityRepository(client: client).record(of: .unit(f.collective.id), logger: database.logger)
            #expect(collective.years.first?.rating == .good)
        }
    }
}
