import Foundation
import PostgresNIO
import Testing
import ThiduaCore
import ThiduaTestSupport
@testable import ThiduaStore

/// The list of commendations reads a period's page with one prepared statement and any narrower filter with a statement
/// written for it (issue "Performance"): whichever way, walking the pages gives exactly the commendations the filter
/// names, in the list's order, each once.
@Suite("Commendation list")
struct CommendationListTests {
    @Test("Every filter and combination pages through exactly its commendations, in order, each once")
    func filtersPageThroughTheirRows() async throws {
        try await TestDatabase.with { database, client in
            let seed = Seed(client: client, logger: database.logger)
            let f = try await RegistryFixture.make(seed)
            let mine = try await f.commendation(seed)
            _ = try await ScaleData(client: client).add(120, by: seed.actor, logger: seed.logger)
            let repository = CommendationRepository(client: client)
            func walk(_ filter: CommendationRepository.Filter, limit: Int) async throws -> [Commendation] {
                var items: [Commendation] = []
                var cursor: String?
                repeat {
                    let page = try await repository.list(filter, page: try PageRequest(limit: limit, cursor: cursor), logger: seed.logger)
                    items += page.items
                    cursor = page.nextCursor
                } while cursor != nil
                return items
            }
            let all = try await walk(.init(), limit: 50)
            let stored = try await client.rows("SELECT count(*)::bigint FROM commendations", logger: seed.logger)
            #expect(all.count == (try stored[0].decode(Int.self)) && all.count == 121 && Set(all.map(\.id)).count == all.count)
            // The people's units, to say which commendations a unit's subtree holds.
            var unitOf: [UUID: UUID] = [:]
            for row in try await client.rows("SELECT id, unit_id FROM people", logger: seed.logger) {
                let (person, unit) = try row.decode((UUID, UUID).self)
                unitOf[person] = unit
            }
            let year2024 = try Period.choose(year: "2024", schoolYear: nil)
            let year2023 = try Period.choose(year: "2023", schoolYear: nil)
            let filters: [(CommendationRepository.Filter, (Commendation) -> Bool)] = [
                (.init(period: year2024), { year2024.contains($0.decisionDate) }),
                (.init(period: year2023), { _ in false }),
                (.init(unitId: f.collective.id), { $0.nominee.personId.flatMap { unitOf[$0.rawValue] } == f.collective.id.rawValue }),
                (.init(unitId: f.school.id), { _ in true }),
                (.init(awardCode: "LDTT"), { $0.awardCode == "LDTT" }),
                (.init(movementId: f.movement.id), { $0.movementId == f.movement.id }),
                (.init(concerning: f.teacher.id), { $0.nominee.personId == f.teacher.id }),
                // An account's scope: the movements its units run (read first, so the page is planned for their number).
                (.init(movementUnits: [f.school.id]), { _ in true }),
                (.init(movementUnits: [f.collective.id]), { _ in false }),
                (.init(period: year2024, movementUnits: [f.school.id]), { year2024.contains($0.decisionDate) }),
                (
                    .init(period: year2024, unitId: f.collective.id, awardCode: "LDTT"),
                    { $0.awardCode == "LDTT" && $0.nominee.personId.flatMap { unitOf[$0.rawValue] } == f.collective.id.rawValue }
                ),
            ]
            for (filter, expected) in filters {
                let listed = try await walk(filter, limit: 7)
                #expect(listed.map(\.id) == all.filter(expected).map(\.id), "\(filter)")
            }
            #expect(try await walk(.init(concerning: f.teacher.id), limit: 7).map(\.id) == [mine.id])
            #expect(all.filter { $0.awardCode == "LDTT" }.count > 1 && all.filter { $0.awardCode != "LDTT" }.count > 1)
        }
    }

    @Test("A year's and a school year's page hold the commendations decided in them, whichever statement reads it")
    func periodsFollowTheDecisionDate() async throws {
        try await TestDatabase.with { database, client in
            let seed = Seed(client: client, logger: database.logger)
            let f = try await RegistryFixture.make(seed)
            let mine = try await f.commendation(seed)  // 20/05/2024
            // Either side of a school year's first day (01/09) and of a calendar year's.
            var decided = ["2024-05-20": mine.id]
            for (index, date) in ["2023-08-31", "2023-09-01", "2024-08-31", "2024-09-01"].enumerated() {
                let person = try await seed.person("Nguyễn Văn Thứ \(index + 2)", unit: f.collective.id)
                let nomination = try await f.nomination(
                    seed, status: .recommended, nominee: .person(person.id), overriding: "Đủ điều kiện theo hồ sơ")
                let commendation = try await NominationRepository(client: client).approve(
                    nomination.id, decision: DecisionReference.validate(number: "\(20 + index)/QĐ-THAP", date: date),
                    expectedVersion: nil, by: f.headmasterAccount, logger: seed.logger)
                decided[date] = commendation.id
            }
            let repository = CommendationRepository(client: client)
            for (period, dates) in [
                ("2023", ["2023-08-31", "2023-09-01"]), ("2024", ["2024-05-20", "2024-08-31", "2024-09-01"]),
                ("2023-2024", ["2023-09-01", "2024-05-20", "2024-08-31"]), ("2024-2025", ["2024-09-01"]), ("2022-2023", ["2023-08-31"]),
                ("2025", []),
            ] {
                let chosen = try Period.choose(
                    year: period.contains("-") ? nil : period, schoolYear: period.contains("-") ? period : nil)
                // The default page (prepared, sql/0046's columns) and a page of another size (a statement written for it).
                let byDefault = try await repository.list(.init(period: chosen), page: try PageRequest(), logger: seed.logger)
                let bySix = try await repository.list(.init(period: chosen), page: try PageRequest(limit: 6), logger: seed.logger)
                #expect(Set(byDefault.items.map(\.id)) == Set(dates.compactMap { decided[$0] }), "\(period)")
                #expect(byDefault.items.map(\.id) == bySix.items.map(\.id) && byDefault.nextCursor == nil, "\(period)")
                #expect(byDefault.items.allSatisfy { chosen.contains($0.decisionDate) }, "\(period)")
            }
            // Each commendation carries its decision's date and year (sql/0046), number, signer and issuer (sql/0047),
            // copied at insert by the trigger.
            let stored = try await client.rows(
                """
                SELECT count(*)::bigint FROM commendations c JOIN decisions d ON d.id = c.decision_id
                WHERE c.decision_date = d.decision_date AND c.decision_year = extract(year FROM d.decision_date)
                  AND c.decision_number = d.number AND c.decision_signer_name = d.signer_name
                  AND c.decision_issuer IS NOT DISTINCT FROM d.issuer
                """, logger: seed.logger)
            #expect(try stored[0].decode(Int.self) == 5)
        }
    }
}
