import Foundation
import PostgresNIO
import Testing
import ThiduaCore
import ThiduaStore
import ThiduaTestSupport

@Suite("Honor list: which commendations, in which order (SQL)")
struct HonorListRepositoryTests {
    /// Commends each (name, award, decision date) through the real workflow; decision numbers are unique per date.
    static func commend(_ seed: Seed, _ f: RegistryFixture, _ lines: [(String, String, String, String)]) async throws {
        let nominations = NominationRepository(client: seed.client)
        for (index, (name, award, date, achievements)) in lines.enumerated() {
            let nominee: Owner
            if name.hasPrefix("Tổ") {
                nominee = .unit(try await seed.unit("T\(index)", name: name, kind: .collective, parent: f.school.id).id)
            } else {
                nominee = .person(try await seed.person(name, unit: f.school.id).id)
            }
            var nomination = try await f.nomination(
                seed, status: .recommended, award: award, nominee: nominee, overriding: "Danh sách thử nghiệm thứ tự in")
            if !achievements.isEmpty {
                // Achievements are fixed before submission in real use; here they are set directly for the quoting case.
                try await seed.client.query("ALTER TABLE nominations DISABLE TRIGGER nominations_transition", logger: seed.logger)
                try await seed.client.query(
                    "UPDATE nominations SET achievements = \(achievements) WHERE id = \(nomination.id.rawValue)", logger: seed.logger)
                try await seed.client.query("ALTER TABLE nominations ENABLE TRIGGER nominations_transition", logger: seed.logger)
                nomination = try await nominations.find(nomination.id, logger: seed.logger)
            }
            _ = try await nominations.approve(
                nomination.id, decision: DecisionReference.validate(number: "\(index + 1)/QĐ-THAP", date: date), expectedVersion: nil,
                by: f.headmasterAccount, logger: seed.logger)
        }
    }

    /// The printed lines in order, as the renderer receives them.
    static func entries(_ seed: Seed, _ request: HonorList.Request) async throws -> [HonorList.Entry] {
        var lines: [HonorList.Entry] = []
        try await HonorListRepository(client: seed.client).entries(request, logger: seed.logger) { lines.append($0) }
        return lines
    }

    static func names(_ seed: Seed, _ request: HonorList.Request) async throws -> [String] {
        try await entries(seed, request).map(\.name)
    }

    @Test("Names sort in Vietnamese order by given name, then middle and family name, within each award")
    func vietnameseOrder() async throws {
        try await TestDatabase.with { database, client in
            let seed = Seed(client: client, logger: database.logger)
            let f = try await RegistryFixture.make(seed)
            try await f.signs(["CSTD_CS", "TTLDTT"], seed)
            let people = [
                "Đỗ Minh Đức", "Trần Văn Dũng", "Lê Thị Ẩn", "Phạm Văn Bình", "Ngô Thị Ân", "Vũ Ngọc Ánh", "Hồ Văn An", "Bùi Văn An",
                "Bùi Thị An",
            ]
            try await Self.commend(seed, f, people.map { ($0, "LDTT", "2024-05-20", "") })
            #expect(
                try await Self.names(seed, HonorList.Request(period: Period("2024")!)) == [
                    "Bùi Thị An", "Bùi Văn An", "Hồ Văn An", "Vũ Ngọc Ánh", "Ngô Thị Ân", "Lê Thị Ẩn", "Phạm Văn Bình", "Trần Văn Dũng",
                    "Đỗ Minh Đức",
                ])
        }
    }

    @Test("Lines follow award precedence; individuals come before collectives; within an award, Vietnamese name order")
    func groupingAndPrecedence() async throws {
        try await TestDatabase.with { database, client in
            let seed = Seed(client: client, logger: database.logger)
            let f = try await RegistryFixture.make(seed)
            try await f.signs(["CSTD_CS", "TTLDTT"], seed)
            try await Self.commend(
                seed, f,
                [
                    ("Lê Văn Bình", "GK", "2024-03-01", ""), ("Tổ văn phòng mới", "TTLDTT", "2024-03-01", ""),
                    ("Trần Văn An", "CSTD_CS", "2024-03-01", ""), ("Ngô Văn Cường", "LDTT", "2024-03-01", ""),
                    ("Hà Văn Dũng", "GK", "2024-03-01", ""),
                ])
            let lines = try await Self.entries(seed, HonorList.Request(period: Period("2024")!))
            #expect(
                lines.map { "\($0.awardCode) \($0.name)" } == [
                    "CSTD_CS Trần Văn An", "GK Lê Văn Bình", "GK Hà Văn Dũng", "LDTT Ngô Văn Cường", "TTLDTT Tổ văn phòng mới",
                ])
            #expect(lines.map(\.section) == [.individuals, .individuals, .individuals, .individuals, .collectives])
        }
    }

    @Test("Revoked commendations are left out, or included with their reason when asked")
    func revoked() async throws {
        try await TestDatabase.with { database, client in
            let seed = Seed(client: client, logger: database.logger)
            let f = try await RegistryFixture.make(seed)
            try await f.signs(["CSTD_CS", "TTLDTT"], seed)
            try await Self.commend(seed, f, [("Lê Văn An", "LDTT", "2024-05-20", ""), ("Trần Văn Bình", "LDTT", "2024-05-20", "")])
            let commendations = CommendationRepository(client: client)
            let revoked = try #require(try await commendations.list(.init(), page: try PageRequest(), logger: database.logger).items.last)
            _ = try await commendations.revoke(
                revoked.id, reason: "Vi phạm kỷ luật", decisionNumber: "9/QĐ-THAP", by: f.headmasterAccount, logger: database.logger)
            #expect(try await Self.names(seed, HonorList.Request(period: Period("2024")!)) == ["Lê Văn An"])
            let with = try await Self.entries(seed, HonorList.Request(period: Period("2024")!, includeRevoked: true))
            #expect(with.map(\.name) == ["Lê Văn An", "Trần Văn Bình"])
            #expect(with.map(\.revocation) == [nil, "Vi phạm kỷ luật"])
        }
    }

    @Test("A school year runs 1 September to 31 August")
    func schoolYearBoundaries() async throws {
        try await TestDatabase.with { database, client in
            let seed = Seed(client: client, logger: database.logger)
            let f = try await RegistryFixture.make(seed)
            try await f.signs(["CSTD_CS", "TTLDTT"], seed)
            try await Self.commend(
                seed, f,
                [
                    ("Lê Văn An", "LDTT", "2023-08-31", ""), ("Trần Văn Bình", "LDTT", "2023-09-01", ""),
                    ("Ngô Văn Cường", "LDTT", "2024-08-31", ""), ("Hà Văn Dũng", "LDTT", "2024-09-01", ""),
                ])
            #expect(try await Self.names(seed, HonorList.Request(period: Period("2023-2024")!)) == ["Trần Văn Bình", "Ngô Văn Cường"])
        }
    }

    @Test("Achievements come back as stored: commas, quotes and line breaks intact")
    func achievementsKept() async throws {
        try await TestDatabase.with { database, client in
            let seed = Seed(client: client, logger: database.logger)
            let f = try await RegistryFixture.make(seed)
            try await f.signs(["CSTD_CS", "TTLDTT"], seed)
            let achievements = "Dạy giỏi, chủ nhiệm tốt;\nmô hình \"Dân vận khéo\""
            try await Self.commend(seed, f, [("Lê Văn An", "LDTT", "2024-05-20", achievements)])
            let lines = try await Self.entries(seed, HonorList.Request(period: Period("2024")!))
            #expect(lines.map(\.achievements) == [achievements])
        }
    }

    @Test("An empty period yields no lines; the issuer is still the school")
    func emptyPeriod() async throws {
        try await TestDatabase.with { database, client in
            let seed = Seed(client: client, logger: database.logger)
            let f = try await RegistryFixture.make(seed)
            try await f.signs(["CSTD_CS", "TTLDTT"], seed)
            let request = HonorList.Request(period: Period("2019")!)
            #expect(try await Self.entries(seed, request).isEmpty)
            #expect(try await HonorListRepository(client: client).issuer(for: request, logger: database.logger).unitName == f.school.name)
        }
    }
}
