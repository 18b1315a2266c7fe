import Foundation
import PostgresNIO
import Testing
import ThiduaCore
import ThiduaStore
import ThiduaTestSupport

/// The year summary and the honor list's first page read the per-decision tallies the database keeps (sql/0019) instead
/// of every commendation: these tests show the figures stay those of the records through revocations and people moving.
@Suite("Report tallies: the summary and the list's first page agree with the records")
struct ReportTallyTests {
    /// Commends each nominee with an award on a date, through the real workflow.
    static func commend(_ seed: Seed, _ f: RegistryFixture, _ lines: [(Owner, String, String)]) async throws {
        for (index, (nominee, award, date)) in lines.enumerated() {
            let nomination = try await f.nomination(seed, status: .recommended, award: award, nominee: nominee, overriding: "Thử tổng hợp")
            _ = try await NominationRepository(client: seed.client).approve(
                nomination.id, decision: DecisionReference.validate(number: "\(index + 1)/QĐ-THAP", date: date), expectedVersion: nil,
                by: f.headmasterAccount, logger: seed.logger)
        }
    }

    static func byUnit(_ seed: Seed, _ period: String, unit: ID<OrgUnit>? = nil) async throws -> [String] {
        try await SummaryRepository(client: seed.client).summary(Period(period)!, unit: unit, logger: seed.logger).byUnit
            .map { "\($0.label): \($0.count)" }
    }

    @Test("The summary's counts per unit follow a revocation and a person moving to another unit")
    func summaryFollowsChanges() async throws {
        try await TestDatabase.with { database, client in
            let seed = Seed(client: client, logger: database.logger)
            let f = try await RegistryFixture.make(seed)
            try await f.signs(["CSTD_CS", "TTLDTT"], seed)
            let an = try await seed.person("Lê Văn An", unit: f.collective.id)
            let binh = try await seed.person("Trần Văn Bình", unit: f.collective.id)
            let cuong = try await seed.person("Ngô Văn Cường", unit: f.school.id)
            try await Self.commend(
                seed, f,
                [
                    (.person(an.id), "LDTT", "2024-05-20"), (.person(binh.id), "LDTT", "2024-05-20"),
                    (.person(binh.id), "GK", "2024-06-01"), (.person(cuong.id), "LDTT", "2024-05-20"),
                    (.unit(f.collective.id), "TTLDTT", "2024-05-20"), (.person(an.id), "GK", "2023-05-20"),
                ])
            #expect(try await Self.byUnit(seed, "2024") == ["Tổ chuyên môn khối 1: 4", "Trường Tiểu học An Phước: 1"])
            #expect(try await Self.byUnit(seed, "2024", unit: f.collective.id) == ["Tổ chuyên môn khối 1: 4"])

            let commendations = CommendationRepository(client: client)
            let all = try await commendations.list(.init(), page: try PageRequest(), logger: seed.logger).items
            let binhsGK = try #require(all.first { $0.awardCode == "GK" })
            _ = try await commendations.revoke(
                binhsGK.id, reason: "Vi phạm kỷ luật", decisionNumber: "9/QĐ-THAP", by: f.headmasterAccount, logger: seed.logger)
            #expect(try await Self.byUnit(seed, "2024") == ["Tổ chuyên môn khối 1: 3", "Trường Tiểu học An Phước: 1"])

            _ = try await PersonRepository(client: client).update(
                binh.id, PersonPatch(), unitId: f.school.id, expectedVersion: nil, by: seed.actor, logger: seed.logger)
            #expect(try await Self.byUnit(seed, "2024") == ["Tổ chuyên môn khối 1: 2", "Trường Tiểu học An Phước: 2"])
            let summary = try await SummaryRepository(client: client).summary(Period("2024")!, unit: nil, logger: seed.logger)
            #expect(summary.byAward.map { "\($0.code): \($0.count)" } == ["TTLDTT: 1", "LDTT: 3"])
            #expect(try await Self.byUnit(seed, "2023") == ["Tổ chuyên môn khối 1: 1"])

            // Nominations per status follow each step: one more drafted, then one drafted and submitted.
            _ = try await f.nomination(seed, status: .draft, nominee: .person(an.id))
            _ = try await f.nomination(seed, status: .submitted, nominee: .person(cuong.id))
            let movement = try #require(
                try await SummaryRepository(client: client).summary(Period("2024")!, unit: nil, logger: seed.logger).movements.first)
            #expect(
                movement.nominationsByStatus.map { "\($0.label): \($0.count)" } == [
                    "\(NominationStatus.draft.vietnameseName): 1", "\(NominationStatus.submitted.vietnameseName): 1",
                    "\(NominationStatus.approved.vietnameseName): 6",
                ])

            // Every tally equals a count of the records it stands for.
            let drift = try await client.query(
                """
                SELECT count(*)::bigint FROM (
                    (SELECT c.decision_id, c.award_code, coalesce(c.nominee_unit_id, p.unit_id), count(*)::bigint,
                            coalesce(sum(c.reward_amount), 0)::bigint
                     FROM commendations c LEFT JOIN people p ON p.id = c.nominee_person_id
                     WHERE NOT EXISTS (SELECT 1 FROM commendation_revocations r WHERE r.commendation_id = c.id)
                     GROUP BY 1, 2, 3)
                    EXCEPT (SELECT decision_id, award_code, unit_id, count, amount FROM commendation_tallies WHERE count > 0)) d
                """, logger: seed.logger
            ).collect()
            #expect(try drift.first?.decode(Int.self) == 0)
            let nominationDrift = try await client.query(
                """
                SELECT count(*)::bigint FROM (
                    (SELECT movement_id, status, count(*)::bigint FROM nominations GROUP BY 1, 2)
                    EXCEPT (SELECT movement_id, status, count FROM nomination_tallies WHERE count > 0)) d
                """, logger: seed.logger
            ).collect()
            #expect(try nominationDrift.first?.decode(Int.self) == 0)
        }
    }

    @Test("The honor list's first page holds the list's first lines: awards in precedence, namesakes, collectives last")
    func firstPageIsTheListsStart() async throws {
        try await TestDatabase.with { database, client in
            let seed = Seed(client: client, logger: database.logger)
            let f = try await RegistryFixture.make(seed)
            try await f.signs(["CSTD_CS", "TTLDTT"], seed)
            var lines: [(Owner, String, String)] = []
            for (name, award) in [
                ("Bùi Văn An", "LDTT"), ("Bùi Văn An", "LDTT"), ("Lê Thị Ẩn", "GK"), ("Đỗ Minh Đức", "LDTT"), ("Hồ Văn An", "CSTD_CS"),
                ("Vũ Ngọc Ánh", "GK"), ("Phạm Văn Bình", "LDTT"),
            ] {
                lines.append((.person(try await seed.person(name, unit: f.collective.id).id), award, "2024-0\(lines.count % 5 + 3)-10"))
            }
            lines.append((.unit(f.collective.id), "TTLDTT", "2024-05-20"))
            lines.append((.person(try await seed.person("Trần Văn Dũng", unit: f.school.id).id), "LDTT", "2024-04-01"))
            lines.append((.person(try await seed.person("Ngô Văn Em", unit: f.school.id).id), "LDTT", "2023-04-01"))
            try await Self.commend(seed, f, lines)
            let commendations = CommendationRepository(client: client)
            let binh = lines[6].0
            let revoked = try #require(
                try await commendations.list(.init(), page: try PageRequest(), logger: seed.logger).items.first { $0.nominee == binh })
            _ = try await commendations.revoke(
                revoked.id, reason: "Vi phạm kỷ luật", decisionNumber: "9/QĐ-THAP", by: f.headmasterAccount, logger: seed.logger)

            let repository = HonorListRepository(client: client)
            for request in [
                HonorList.Request(period: Period("2024")!), HonorList.Request(period: Period("2024")!, unitId: f.collective.id),
                HonorList.Request(period: Period("2024")!, includeRevoked: true),
            ] {
                var whole: [HonorList.Entry] = []
                try await repository.entries(request, logger: seed.logger) { whole.append($0) }
                #expect(whole.count >= 7)
                // A unit's people read by unit and sorted (a school among many), or walking everyone's names.
                for (limit, byUnit) in (1...(whole.count + 1)).flatMap({ limit in [(limit, 2000), (limit, 0)] }) {
                    let first = try await repository.firstEntries(request, limit: limit, byUnitUpTo: byUnit, logger: seed.logger)
                    #expect(
                        first == Array(whole.prefix(limit)), "limit \(limit), unit \(String(describing: request.unitId)), by unit \(byUnit)"
                    )
                }
            }
        }
    }
}
