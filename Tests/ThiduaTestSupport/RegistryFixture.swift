import Foundation
import HTTPTypes
import Logging
import PostgresNIO
import ThiduaCore
import ThiduaStore

/// A small school ready for the registry stories: units, staff, one account per role (linked to staff),
/// a legal document and an open movement with two criteria (40 + 60 points).
public struct RegistryFixture: Sendable {
    public let school: OrgUnit
    public let collective: OrgUnit
    public let teacher: Person
    public let councilPeople: [Person]
    public let admin: String
    public let headmaster: String
    public let union: String
    public let staff: String
    /// Three council members' tokens and accounts; the first is a member of `collective`.
    public let council: [(account: Account, token: String)]
    public let headmasterAccount: Account
    public let unionAccount: Account
    public let movement: Movement

    public static func make(_ seed: Seed) async throws -> RegistryFixture {
        let school = try await seed.unit("THAP", name: "Trường Tiểu học An Phước", kind: .school)
        let collective = try await seed.unit("THAP-K1", name: "Tổ chuyên môn khối 1", kind: .collective, parent: school.id)
        let other = try await seed.unit("THAP-VP", name: "Tổ văn phòng", kind: .collective, parent: school.id)
        let teacher = try await seed.person("Nguyễn Thị Ngọc Hân", unit: collective.id)
        let headPerson = try await seed.person("Trần Văn Minh", unit: school.id, category: "CBQL", position: "Hiệu trưởng")
        var councilPeople: [Person] = []
        for (name, unit) in [("Phạm Thị Lan", collective.id), ("Lê Hoàng Phúc", other.id), ("Võ Thị Mười", other.id)] {
            councilPeople.append(try await seed.person(name, unit: unit))
        }
        let accounts = AccountRepository(client: seed.client)
        func account(_ name: String, _ roles: Set<Role>, _ person: Person?) async throws -> (Account, String) {
            try await accounts.create(displayName: name, roles: roles, personId: person?.id, by: seed.actor, logger: seed.logger)
        }
        let admin = try await account("Quản trị", [.admin], nil)
        let head = try await account("Trần Văn Minh", [.headmaster], headPerson)
        let union = try await account("Công đoàn", [.union], nil)
        let staff = try await account("Nguyễn Thị Ngọc Hân", [.staff], teacher)
        var council: [(Account, String)] = []
        for person in councilPeople { council.append(try await account(person.name.full, [.council], person)) }
        let document = try await DocumentRepository(client: seed.client).create(
            number: "817/QĐ-UBND-HC", date: LocalDate(2023, 8, 7), issuer: "UBND tỉnh Đồng Tháp",
            title: "Quy định tiêu chí đánh giá, xếp loại công tác dân vận", by: seed.actor, logger: seed.logger)
        let draft = try MovementDraft.validate(
            name: "Dân vận khéo năm 2024", unitId: school.id.description, period: "2024", registrationDeadline: nil,
            nominationDeadline: nil,
            legalBases: [document.id.description], criteria: [("KQ", "Kết quả thực hiện", 40), ("LT", "Sức lan tỏa", 60)]
        ).get()
        let movements = MovementRepository(client: seed.client)
        let created = try await movements.create(draft, by: seed.actor, logger: seed.logger)
        let movement = try await movements.transition(created.id, to: .open, expectedVersion: nil, by: seed.actor, logger: seed.logger)
        // This school reviews its titles by calendar year (a school's default is the school year, sql/0025): the tests'
        // movement is "2024".
        _ = try await CatalogueRepository(client: seed.client).setPolicy(
            school.id, authorityLevel: nil, caps: [], titlePeriod: .set(.calendarYear), reason: "Trường xét danh hiệu theo năm",
            by: seed.actor, logger: seed.logger)
        return RegistryFixture(
            school: try await UnitRepository(client: seed.client).find(school.id, logger: seed.logger), collective: collective,
            teacher: teacher, councilPeople: councilPeople, admin: admin.1, headmaster: head.1,
            union: union.1, staff: staff.1, council: council, headmasterAccount: head.0, unionAccount: union.0,
            movement: movement)
    }

    /// A nomination moved to `status` through the real workflow (union submits, the council reviews, the headmaster recommends).
    /// With `overriding`, the headmaster lets every failed eligibility rule pass with that reason before submission
    /// (for tests about something else than eligibility).
    public func nomination(
        _ seed: Seed, status: NominationStatus, award: String = "LDTT", nominee: Owner? = nil, overriding reason: String? = nil,
        in other: Movement? = nil, kind: CommendationKind? = nil
    ) async throws -> Nomination {
        let repository = NominationRepository(client: seed.client)
        let union = try await AccountRepository(client: seed.client).authenticate(token: self.union, logger: seed.logger)!
        var nomination = try await repository.create(
            movementId: (other ?? movement).id, awardCode: award, nominee: nominee ?? .person(teacher.id),
            achievements: "Hoàn thành xuất sắc nhiệm vụ năm học", modelIds: [], kind: kind, by: union, logger: seed.logger)
        if let reason {
            let eligibility = EligibilityRepository(client: seed.client)
            for failed in try await eligibility.evaluate(nomination.id, logger: seed.logger).blocking {
                _ = try await eligibility.override(
                    nomination.id, rule: failed.rule, reason: reason, by: headmasterAccount, logger: seed.logger)
            }
        }
        if status == .draft { return nomination }
        // An award that needs a báo cáo thành tích (sql/0033) is sent with one.
        let reports = AchievementReportRepository(client: seed.client)
        if try await reports.find(nomination.id, logger: seed.logger).needed {
            _ = try await reports.save(
                nomination.id,
                AchievementReport(profile: "Giáo viên tiểu học", duties: "Giảng dạy, chủ nhiệm lớp", achievements: "Lớp đạt 100%"),
                expectedVersion: nil, by: seed.actor, logger: seed.logger)
        }
        nomination = try await repository.transition(
            nomination.id, to: .submitted, expectedVersion: nil, by: Actor(account: union), logger: seed.logger)
        if status == .submitted { return nomination }
        _ = try await ReviewRepository(client: seed.client).review(
            .nomination(nomination.id), by: council[1].account, scores: ["KQ": 35, "LT": 50], vote: .agree, comment: "", logger: seed.logger
        )
        if status == .inReview { return try await repository.find(nomination.id, logger: seed.logger) }
        _ = try await ReviewRepository(client: seed.client).review(
            .nomination(nomination.id), by: council[2].account, scores: ["KQ": 30, "LT": 55], vote: .agree, comment: "", logger: seed.logger
        )
        return try await repository.recommend(
            nomination.id, recommended: status == .recommended, expectedVersion: nil, by: headmasterAccount, logger: seed.logger
        ).0
    }

    /// A commendation issued through the real workflow: a recommended nomination (rules let through with a reason)
    /// approved by the headmaster under `decision` on `date` (YYYY-MM-DD).
    public func commendation(_ seed: Seed, decision: String = "12/QĐ-THAP", date: String = "2024-05-20") async throws -> Commendation {
        let nomination = try await nomination(seed, status: .recommended, overriding: "Đủ điều kiện theo hồ sơ")
        return try await NominationRepository(client: seed.client).approve(
            nomination.id, decision: DecisionReference.validate(number: decision, date: date), expectedVersion: nil,
            by: headmasterAccount, logger: seed.logger)
    }

    /// Another open movement of the school for `period` ("2023-2024", "2025"), scored on the same criteria.
    public func movement(_ seed: Seed, period: String) async throws -> Movement {
        let draft = try MovementDraft.validate(
            name: "Phong trào thi đua \(period)", unitId: school.id.description, period: period, registrationDeadline: nil,
            nominationDeadline: nil, legalBases: [], criteria: [("KQ", "Kết quả thực hiện", 40), ("LT", "Sức lan tỏa", 60)]
        ).get()
        let movements = MovementRepository(client: seed.client)
        let created = try await movements.create(draft, by: seed.actor, logger: seed.logger)
        return try await movements.transition(created.id, to: .open, expectedVersion: nil, by: seed.actor, logger: seed.logger)
    }

    /// The school signs these awards itself (by default CSTĐ cơ sở and TTLĐTT go to the district, sql/0024): for tests about
    /// something else than authority.
    public func signs(_ awards: [String], _ seed: Seed) async throws {
        _ = try await CatalogueRepository(client: seed.client).setPolicy(
            school.id, authorityLevel: nil, caps: [], grantChanges: awards.map { .init(award: $0, grants: true) },
            reason: "Quy chế của huyện giao trường quyết định", by: seed.actor, logger: seed.logger)
    }
}
