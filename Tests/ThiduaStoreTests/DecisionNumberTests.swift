import Foundation
import Testing
import ThiduaCore
import ThiduaStore
import ThiduaTestSupport

/// Decision numbers restart at 01 every year (Nghị định 30/2020), and two authorities may use the same number: a number
/// is unique per issuer and year (issue "Documents", data defect 1).
@Suite("Decision numbers: unique per issuer and year")
struct DecisionNumberTests {
    static func approve(_ seed: Seed, _ f: RegistryFixture, _ nominee: Person, number: String, date: String) async throws -> Commendation {
        let nomination = try await f.nomination(seed, status: .recommended, nominee: .person(nominee.id), overriding: "Thử số quyết định")
        return try await NominationRepository(client: seed.client).approve(
            nomination.id, decision: DecisionReference.validate(number: number, date: date), expectedVersion: nil,
            by: f.headmasterAccount, logger: seed.logger)
    }

    @Test("Next year's 15/QĐ-THAP is a new decision; this year's second one with another date is refused, nothing issued")
    func numberRestartsEachYear() async throws {
        try await TestDatabase.with { database, client in
            let seed = Seed(client: client, logger: database.logger)
            let f = try await RegistryFixture.make(seed)
            let people = [
                try await seed.person("Lê Văn An", unit: f.school.id), try await seed.person("Trần Văn Bình", unit: f.school.id),
                try await seed.person("Ngô Văn Cường", unit: f.school.id), try await seed.person("Hà Văn Dũng", unit: f.school.id),
            ]
            _ = try await Self.approve(seed, f, people[0], number: "15/QĐ-THAP", date: "2024-05-24")
            let nextYear = try await Self.approve(seed, f, people[1], number: "15/QĐ-THAP", date: "2025-05-20")
            #expect(nextYear.decisionDate == LocalDate(2025, 5, 20))
            // The same number and date again adds to that decision.
            _ = try await Self.approve(seed, f, people[2], number: "15/QĐ-THAP", date: "2024-05-24")
            #expect(try await seed.count("decisions") == 2)

            let commendations = try await seed.count("commendations")
            let refused = await #expect(throws: DomainError.self) {
                try await Self.approve(seed, f, people[3], number: "15/QĐ-THAP", date: "2024-06-01")
            }
            #expect(refused?.code == .conflict)
            #expect(refused?.message.contains("Quyết định số 15/QĐ-THAP năm 2024 đã có, ngày 24/05/2024") == true)
            #expect(refused?.violations.first?.field == "decisionNumber")
            #expect(try await seed.count("commendations") == commendations)

            // Printing by number: ambiguous across years, the error lists both; the year picks one.
            let decisions = DecisionRepository(client: client)
            let ambiguous = await #expect(throws: DomainError.self) {
                try await decisions.document("15/QĐ-THAP", logger: seed.logger)
            }
            #expect(ambiguous?.message.contains("ngày 24/05/2024") == true && ambiguous?.message.contains("ngày 20/05/2025") == true)
            #expect(ambiguous?.message.contains("--year") == true)
            let printed = try await decisions.document("15/QĐ-THAP", year: 2025, logger: seed.logger)
            #expect(printed.date == LocalDate(2025, 5, 20) && printed.entries.map(\.name) == ["Trần Văn Bình"])
            #expect(try await decisions.document("15/QĐ-THAP", year: 2024, logger: seed.logger).entries.count == 2)
        }
    }

    @Test("Two authorities' decisions may carry the same number in the same year")
    func twoIssuersOneNumber() async throws {
        try await TestDatabase.with { database, client in
            let seed = Seed(client: client, logger: database.logger)
            let f = try await RegistryFixture.make(seed)
            let repository = NominationRepository(client: client)
            var issued: [Commendation] = []
            for (name, issuer) in [("Lê Văn An", "UBND tỉnh Đồng Tháp"), ("Trần Văn Bình", "UBND huyện Tân Hồng")] {
                let person = try await seed.person(name, unit: f.school.id)
                let nomination = try await f.nomination(seed, status: .recommended, award: "BK_TINH", nominee: .person(person.id))
                _ = try await repository.forward(
                    nomination.id, submission: DecisionReference.validate(number: "52/TTr-THAP", date: "2024-12-10"),
                    expectedVersion: nil, by: f.headmasterAccount, logger: seed.logger)
                issued.append(
                    try await repository.recordExternalDecision(
                        nomination.id, issuer: issuer, decision: DecisionReference.validate(number: "7/QĐ-UBND", date: "2025-01-15"),
                        by: f.headmasterAccount, logger: seed.logger))
            }
            #expect(issued.map(\.issuer) == ["UBND tỉnh Đồng Tháp", "UBND huyện Tân Hồng"])
            #expect(try await seed.count("decisions") == 2)
        }
    }
}
