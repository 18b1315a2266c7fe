import Foundation
import PostgresNIO
import Testing
import ThiduaCore
import ThiduaTestSupport
@testable import ThiduaStore

/// sql/0047 gives each commendation its decision's number, signer and issuer, so reading one needs no join (issue
/// "Performance"). A school that upgrades keeps what its commendations said: those recorded before read the same after.
@Suite("Commendations across sql/0047")
struct CommendationUpgradeTests {
    @Test("A commendation recorded before sql/0047 reads with its decision's number, date, signer and issuer after it")
    func recordedBeforeReadsTheSame() async throws {
        try await TestDatabase.with(migrated: false) { database, client in
            let logger = database.logger
            let before = Migration.embedded.filter { $0.version < 47 }
            #expect(before.count == 46)
            _ = try await Migrator(client: client, migrations: before, logger: logger).apply()
            let seed = Seed(client: client, logger: logger)
            let f = try await RegistryFixture.make(seed)
            let nomination = try await f.nomination(seed, status: .recommended, overriding: "Đủ điều kiện theo hồ sơ")
            // As the approval stored it until sql/0046: the decision on its own row, the commendation pointing to it.
            try await client.query(
                """
                INSERT INTO decisions (number, decision_date, signer_id, signer_name, issuer)
                VALUES ('7/QĐ-UBND', '2024-05-27', \(f.headmasterAccount.id.rawValue), 'Nguyễn Văn Chủ', 'UBND huyện Tân Hồng')
                """, logger: logger)
            try await client.query(
                "UPDATE nominations SET status = 'approved' WHERE id = \(nomination.id.rawValue)", logger: logger)
            try await client.query(
                """
                INSERT INTO commendations (nomination_id, decision_id, award_code, movement_id, nominee_person_id,
                                           coefficient, collective_factor, base_salary, reward_amount)
                SELECT \(nomination.id.rawValue), d.id, 'LDTT', \(f.movement.id.rawValue), \(f.teacher.id.rawValue), 0.3, 1, 1800000, 540000
                FROM decisions d WHERE d.number = '7/QĐ-UBND'
                """, logger: logger)

            #expect(try await Migrator(client: client, logger: logger).apply().map(\.version) == [47])
            let page = try await CommendationRepository(client: client).list(.init(), page: try PageRequest(), logger: logger)
            let read = try #require(page.items.first)
            #expect(page.items.count == 1)
            #expect(read.decisionNumber == "7/QĐ-UBND" && read.decisionDate.description == "2024-05-27")
            #expect(read.signerName == "Nguyễn Văn Chủ" && read.issuer == "UBND huyện Tân Hồng")
            #expect(read.money?.rewardAmount == 540_000)
            #expect(try await CommendationRepository(client: client).find(read.id, logger: logger).decisionNumber == "7/QĐ-UBND")
        }
    }
}
