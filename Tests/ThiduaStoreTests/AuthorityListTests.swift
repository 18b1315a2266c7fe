import Foundation
import Testing
import ThiduaCore
import ThiduaTestSupport
@testable import ThiduaStore

/// Who signs what is a list per authority level, narrowed or widened per unit with a reason (issue "Documents", data
/// defect 3; sql/0024). With ranks, a school signed the commune chairman's Giấy khen and TTLĐTT and CSTĐ cơ sở itself.
@Suite("Authority as lists")
struct AuthorityListTests {
    static func approve(_ seed: Seed, _ f: RegistryFixture, _ nomination: Nomination, _ number: String) async throws -> Commendation {
        try await NominationRepository(client: seed.client).approve(
            nomination.id, decision: DecisionReference.validate(number: number, date: "2024-12-20"), expectedVersion: nil,
            by: f.headmasterAccount, logger: seed.logger)
    }

    @Test("A school's headmaster signs LĐTT and the school's Giấy khen; CSTĐ cơ sở, TTLĐTT and the commune's Giấy khen are forwarded")
    func schoolDefault() async throws {
        try await TestDatabase.with { database, client in
            let seed = Seed(client: client, logger: database.logger)
            let f = try await RegistryFixture.make(seed)
            let people = [
                try await seed.person("Lê Văn An", unit: f.collective.id), try await seed.person("Trần Văn Bình", unit: f.collective.id),
            ]
            _ = try await Self.approve(seed, f, try await f.nomination(seed, status: .recommended, overriding: "Đủ điều kiện"), "1/QĐ-THAP")
            let giayKhen = try await f.nomination(seed, status: .recommended, award: "GK", nominee: .person(people[0].id))
            #expect(try await Self.approve(seed, f, giayKhen, "2/QĐ-THAP").money?.rewardAmount == 710_000)
            for (award, nominee) in [
                ("CSTD_CS", Owner.person(people[1].id)), ("TTLDTT", .unit(f.collective.id)), ("GK_XA", .person(people[1].id)),
            ] {
                let nomination = try await f.nomination(
                    seed, status: .recommended, award: award, nominee: nominee, overriding: "Đủ điều kiện")
                let refused = await #expect(throws: DomainError.self) { try await Self.approve(seed, f, nomination, "3/QĐ-THAP") }
                #expect(refused?.code == .conflict, "\(award)")
                #expect(refused?.message.contains("không thuộc danh sách khen thưởng Trường Tiểu học An Phước tự quyết định") == true)
                #expect(refused?.violations.first?.field == "submissionNumber")
            }
            // CSTĐ cơ sở goes to the district's chairman, by tờ trình.
            let fighter = try await f.nomination(
                seed, status: .recommended, award: "CSTD_CS", nominee: .person(people[0].id), overriding: "Đủ")
            let forwarded = try await NominationRepository(client: client).forward(
                fighter.id, submission: DecisionReference.validate(number: "52/TTr-THAP", date: "2024-12-10"), expectedVersion: nil,
                by: f.headmasterAccount, logger: database.logger)
            #expect(forwarded.submission?.authorityLevel == "district")
            #expect(try await seed.count("commendations") == 2)
        }
    }

    @Test("An admin widens or narrows a school's list with a reason; the policy shows each award, who signs it and why")
    func unitChangesItsList() async throws {
        try await TestDatabase.with { database, client in
            let seed = Seed(client: client, logger: database.logger)
            let f = try await RegistryFixture.make(seed)
            let catalogue = CatalogueRepository(client: client)
            let widened = try await catalogue.setPolicy(
                f.school.id, authorityLevel: nil, caps: [],
                grantChanges: [.init(award: "TTLDTT", grants: true), .init(award: "LDTT", grants: false)],
                reason: "Quy chế thi đua của huyện", by: seed.actor, logger: database.logger)
            let grant = try #require(widened.grants.first { $0.award == "TTLDTT" })
            #expect(grant.grants && !grant.byLevel && grant.reason == "Quy chế thi đua của huyện")
            #expect(widened.grants.first { $0.award == "GK" }.map { $0.grants && $0.byLevel && $0.reason == nil } == true)
            let collective = try await f.nomination(
                seed, status: .recommended, award: "TTLDTT", nominee: .unit(f.collective.id), overriding: "Đủ điều kiện")
            #expect(try await Self.approve(seed, f, collective, "5/QĐ-THAP").awardCode == "TTLDTT")
            let ldtt = try await f.nomination(seed, status: .recommended, overriding: "Đủ điều kiện")
            await #expect(throws: DomainError.self) { try await Self.approve(seed, f, ldtt, "6/QĐ-THAP") }
            // Back to the level's list: LĐTT is the headmaster's again.
            _ = try await catalogue.setPolicy(
                f.school.id, authorityLevel: nil, caps: [], grantChanges: [.init(award: "LDTT", grants: nil)], reason: "Sửa lại",
                by: seed.actor, logger: database.logger)
            #expect(try await Self.approve(seed, f, ldtt, "6/QĐ-THAP").awardCode == "LDTT")
            let audited = try await client.query(
                "SELECT count(*)::int FROM audit_log WHERE action = 'unit.policy'", logger: database.logger
            ).collect().first?.decode(Int.self)
            #expect(audited == 3, "the fixture's title period, then the two changes here")
            // An award that does not exist is refused and changes nothing.
            await #expect(throws: (any Error).self) {
                try await catalogue.setPolicy(
                    f.school.id, authorityLevel: nil, caps: [], grantChanges: [.init(award: "KHONG_CO", grants: true)], reason: "x",
                    by: seed.actor, logger: database.logger)
            }
            #expect(try await catalogue.policy(of: f.school.id, logger: database.logger).grants.contains { $0.reason == "x" } == false)
        }
    }

    @Test("The district chairman's Giấy khen is its own award, with the headmaster's money, granted by the district")
    func districtGiayKhen() async throws {
        try await TestDatabase.with { database, client in
            let catalogue = CatalogueRepository(client: client)
            let date = LocalDate(2024, 12, 20)
            let district = try await catalogue.quote(award: "GK_HUYEN", date: date, collective: true, logger: database.logger)
            let school = try await catalogue.quote(award: "GK", date: date, collective: true, logger: database.logger)
            #expect(district.rewardAmount == school.rewardAmount)
            #expect(try await catalogue.award("GK_HUYEN", logger: database.logger).rule(on: date)?.authorityLevel == "district")
            let granted = try await client.query(
                "SELECT array_agg(award_code ORDER BY award_code) FROM authority_grants WHERE level_code = 'district'",
                logger: database.logger
            ).collect().first?.decode([String].self)
            #expect(granted == ["BIEU_DUONG", "CSTD_CS", "GK_HUYEN", "LDTT", "MH_DVK", "TTLDTT"])
        }
    }
}
