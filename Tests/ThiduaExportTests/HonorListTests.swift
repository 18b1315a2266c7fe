import Foundation
import PostgresNIO
import Testing
import ThiduaCore
import ThiduaExport
import ThiduaStore
import ThiduaTestSupport

@Suite("Honor list")
struct HonorListTests {
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

    static func render(_ seed: Seed, _ request: HonorList.Request, _ format: HonorListFormat) async throws -> String {
        String(
            decoding: try await HonorListReport.render(
                request, format: format, repository: HonorListRepository(client: seed.client), logger: seed.logger
            ).data, as: UTF8.self)
    }

    static func names(_ json: String) throws -> [[String]] {
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let sections = object?["sections"] as? [[String: Any]] ?? []
        return sections.flatMap {
            ($0["groups"] as? [[String: Any]] ?? []).map { ($0["entries"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String } }
        }
    }

    @Test("Names sort in Vietnamese order by given name, then middle and family name, within each award")
    func vietnameseOrder() async throws {
        try await TestDatabase.with { database, client in
            let seed = Seed(client: client, logger: database.logger)
            let f = try await RegistryFixture.make(seed)
            let people = [
                "Đỗ Minh Đức", "Trần Văn Dũng", "Lê Thị Ẩn", "Phạm Văn Bình", "Ngô Thị Ân", "Vũ Ngọc Ánh", "Hồ Văn An", "Bùi Văn An",
                "Bùi Thị An",
            ]
            try await Self.commend(seed, f, people.map { ($0, "LDTT", "2024-05-20", "") })
            let json = try await Self.render(seed, HonorList.Request(period: Period("2024")!), .json)
            #expect(
                try Self.names(json) == [
                    [
                        "Bùi Thị An", "Bùi Văn An", "Hồ Văn An", "Vũ Ngọc Ánh", "Ngô Thị Ân", "Lê Thị Ẩn", "Phạm Văn Bình", "Trần Văn Dũng",
                        "Đỗ Minh Đức",
                    ]
                ])
        }
    }

    @Test("Groups follow award precedence; individuals come before collectives; STT restarts in each group")
    func groupingAndPrecedence() async throws {
        try await TestDatabase.with { database, client in
            let seed = Seed(client: client, logger: database.logger)
            let f = try await RegistryFixture.make(seed)
            try await Self.commend(
                seed, f,
                [
                    ("Lê Văn Bình", "GK", "2024-03-01", ""), ("Tổ văn phòng mới", "TTLDTT", "2024-03-01", ""),
                    ("Trần Văn An", "CSTD_CS", "2024-03-01", ""), ("Ngô Văn Cường", "LDTT", "2024-03-01", ""),
                    ("Hà Văn Dũng", "GK", "2024-03-01", ""),
                ])
            let md = try await Self.render(seed, HonorList.Request(period: Period("2024")!), .md)
            let headings = md.split(separator: "\n").filter { $0.hasPrefix("## ") || $0.hasPrefix("### ") }.map(String.init)
            #expect(
                headings == [
                    "## I. Cá nhân", "### Chiến sĩ thi đua cơ sở", "### Giấy khen", "### Lao động tiên tiến", "## II. Tập thể",
                    "### Tập thể lao động tiên tiến",
                ])
            #expect(md.contains("| 1 | Lê Văn Bình |"))
            #expect(md.contains("| 2 | Hà Văn Dũng |"))
            #expect(md.contains("**Tổng cộng: 5**"))
            let json = try await Self.render(seed, HonorList.Request(period: Period("2024")!), .json)
            #expect(try Self.names(json) == [["Trần Văn An"], ["Lê Văn Bình", "Hà Văn Dũng"], ["Ngô Văn Cường"], ["Tổ văn phòng mới"]])
        }
    }

    @Test("Revoked commendations are left out, or listed and marked with --include-revoked")
    func revoked() async throws {
        try await TestDatabase.with { database, client in
            let seed = Seed(client: client, logger: database.logger)
            let f = try await RegistryFixture.make(seed)
            try await Self.commend(seed, f, [("Lê Văn An", "LDTT", "2024-05-20", ""), ("Trần Văn Bình", "LDTT", "2024-05-20", "")])
            let commendations = CommendationRepository(client: client)
            let revoked = try #require(try await commendations.list(.init(), page: try PageRequest(), logger: database.logger).items.last)
            _ = try await commendations.revoke(
                revoked.id, reason: "Vi phạm kỷ luật", decisionNumber: "9/QĐ-THAP", by: f.headmasterAccount, logger: database.logger)
            let without = try await Self.render(seed, HonorList.Request(period: Period("2024")!), .md)
            #expect(!without.contains("Trần Văn Bình"))
            #expect(without.contains("**Tổng cộng: 1**"))
            let with = try await Self.render(seed, HonorList.Request(period: Period("2024")!, includeRevoked: true), .md)
            #expect(with.contains("Trần Văn Bình"))
            #expect(with.contains("[ĐÃ THU HỒI: Vi phạm kỷ luật]"))
            #expect(with.contains("**Tổng cộng: 1**"))
        }
    }

    @Test("A school year runs 1 September to 31 August")
    func schoolYearBoundaries() async throws {
        try await TestDatabase.with { database, client in
            let seed = Seed(client: client, logger: database.logger)
            let f = try await RegistryFixture.make(seed)
            try await Self.commend(
                seed, f,
                [
                    ("Lê Văn An", "LDTT", "2023-08-31", ""), ("Trần Văn Bình", "LDTT", "2023-09-01", ""),
                    ("Ngô Văn Cường", "LDTT", "2024-08-31", ""), ("Hà Văn Dũng", "LDTT", "2024-09-01", ""),
                ])
            let json = try await Self.render(seed, HonorList.Request(period: Period("2023-2024")!), .json)
            #expect(try Self.names(json) == [["Trần Văn Bình", "Ngô Văn Cường"]])
        }
    }

    @Test("CSV keeps achievements with commas, quotes and line breaks in one cell")
    func csvQuoting() async throws {
        try await TestDatabase.with { database, client in
            let seed = Seed(client: client, logger: database.logger)
            let f = try await RegistryFixture.make(seed)
            let achievements = "Dạy giỏi, chủ nhiệm tốt;\nmô hình \"Dân vận khéo\""
            try await Self.commend(seed, f, [("Lê Văn An", "LDTT", "2024-05-20", achievements)])
            let data = try await HonorListReport.render(
                HonorList.Request(period: Period("2024")!), format: .csv, repository: HonorListRepository(client: client),
                logger: database.logger
            ).data
            #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF])
            let records = try CSVReader.records(try CSVReader.decode(data))
            let row = try #require(records.first { $0.fields.count > 1 && $0.fields[1] == "Lê Văn An" })
            #expect(row.fields[4] == achievements)
            #expect(row.fields.count == HonorList.columns.count)
        }
    }

    @Test("An empty period gives a valid file with headings and a zero total")
    func emptyPeriod() async throws {
        try await TestDatabase.with { database, client in
            let seed = Seed(client: client, logger: database.logger)
            _ = try await RegistryFixture.make(seed)
            let json = try await Self.render(seed, HonorList.Request(period: Period("2019")!), .json)
            let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
            #expect(object?["count"] as? Int == 0)
            let md = try await Self.render(seed, HonorList.Request(period: Period("2019")!), .md)
            #expect(md.contains("Không có khen thưởng nào"))
            let html = try await Self.render(seed, HonorList.Request(period: Period("2019")!), .html)
            #expect(html.hasSuffix("</html>\n"))
        }
    }
}
