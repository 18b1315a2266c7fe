import Foundation
import PostgresNIO
import Testing
import ThiduaCore
import ThiduaTestSupport
@testable import ThiduaStore

/// A revocation produces its own decision (issue "Documents": "Về việc hủy bỏ Quyết định khen thưởng số …", the money
/// to recover): dated, never before the decision it revokes, and gathering every commendation revoked under its number.
@Suite("The revocation decision")
struct RevocationDocumentTests {
    @Test(
        "A revocation dated before the decision it revokes is refused and nothing is marked; one decision revoking two lines reads as one document with the money to recover"
    )
    func revocationDecision() async throws {
        try await TestDatabase.with { database, client in
            let seed = Seed(client: client, logger: database.logger)
            let f = try await RegistryFixture.make(seed)
            let commendations = CommendationRepository(client: client)
            let first = try await f.commendation(seed, decision: "12/QĐ-THAP", date: "2024-05-20")
            let colleague = try await seed.person("Đặng Văn An", unit: f.collective.id)
            let other = try await f.nomination(
                seed, status: .recommended, nominee: .person(colleague.id), overriding: "Đủ điều kiện theo hồ sơ")
            let second = try await NominationRepository(client: client).approve(
                other.id, decision: DecisionReference.validate(number: "12/QĐ-THAP", date: "2024-05-20"), expectedVersion: nil,
                by: f.headmasterAccount, logger: database.logger)

            let early = await #expect(throws: DomainError.self) {
                try await commendations.revoke(
                    first.id, reason: "Hồ sơ không trung thực", decisionNumber: "04/QĐ-THAP", decisionDate: LocalDate(2024, 5, 19),
                    by: f.headmasterAccount, logger: database.logger)
            }
            #expect(early?.violations.first?.field == "decisionDate")
            #expect(early?.violations.first?.message.contains("20/05/2024") == true)
            #expect(try await commendations.find(first.id, logger: database.logger).revocation == nil)
            #expect(try await seed.count("commendation_revocations") == 0)

            for (commendation, reason) in [(first, "Hồ sơ không trung thực"), (second, "Bị kỷ luật khiển trách trong năm học")] {
                _ = try await commendations.revoke(
                    commendation.id, reason: reason, decisionNumber: "04/QĐ-THAP", decisionDate: LocalDate(2024, 6, 3),
                    by: f.headmasterAccount, logger: database.logger)
            }
            let document = try await DecisionRepository(client: client).revocation(of: second.id, logger: database.logger)
            #expect(document.number == "04/QĐ-THAP" && document.date == LocalDate(2024, 6, 3))
            #expect(document.subject == "Về việc hủy bỏ Quyết định khen thưởng số 12/QĐ-THAP ngày 20/05/2024 đối với 02 trường hợp")
            #expect(document.lines.count == 2)
            #expect(document.articleOne.contains("Lý do: Hồ sơ không trung thực"))
            #expect(document.articleOne.contains("Lý do: Bị kỷ luật khiển trách trong năm học"))
            let paid = [first, second].compactMap { $0.money?.rewardAmount }.reduce(0, +)
            #expect(paid > 0 && document.totalAmount == paid)
            #expect(document.articleTwo.contains("\(VietnameseText.grouped(paid)) đồng (Bằng chữ: "))
            #expect(
                document.bases.contains(
                    "Căn cứ Quyết định số 12/QĐ-THAP ngày 20/05/2024 của Hiệu trưởng Trường Tiểu học An Phước về việc khen thưởng;"))

            let byNumber = try await DecisionRepository(client: client).revocation("04/QĐ-THAP", logger: database.logger)
            #expect(byNumber == document)
            let otherYear = await #expect(throws: DomainError.self) {
                try await DecisionRepository(client: client).revocation("04/QĐ-THAP", year: 2023, logger: database.logger)
            }
            #expect(otherYear?.code == .notFound)
            let never = await #expect(throws: DomainError.self) {
                try await DecisionRepository(client: client).revocation(of: ID<Commendation>(UUID()), logger: database.logger)
            }
            #expect(never?.code == .notFound)
        }
    }
}
