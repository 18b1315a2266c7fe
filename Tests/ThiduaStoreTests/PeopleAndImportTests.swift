import Foundation
import PostgresNIO
import Testing
import ThiduaCore
import ThiduaTestSupport
@testable import ThiduaStore

@Suite("People, search and imports")
struct PeopleAndImportTests {
    static let units = """
        code,name,parent,kind
        THAP-K1,Tổ chuyên môn khối 1,THAP,collective
        THAP,Trường Tiểu học An Phước,DT-TH,school
        DT-TH,Huyện Tân Hồng,,district
        """

    static let people = """
        full_name,unit,position,category
        Đặng Văn Đức,THAP-K1,Giáo viên,VC
        Nguyễn Thị Ngọc Hân,THAP,Phó Hiệu trưởng,CBQL
        Phan Văn Bình,THAP-K1,Giáo viên,VC
        Huỳnh Ngọc Ánh,THAP-K1,Giáo viên,VC
        Bùi Thị Ân,THAP-K1,Giáo viên,VC
        Đặng Văn An,THAP-K1,Giáo viên,VC
        Hồ Thị Ẩn,THAP-K1,Giáo viên,VC
        Nguyễn Văn Dũng,THAP-K1,Tổ trưởng,VC
        Lê Văn An,THAP-K1,Bảo vệ,NLD
        """

    static func load(_ client: DatabaseClient, _ database: TestDatabase) async throws {
        let actor = Actor.commandLine(user: "test")
        _ = try await UnitRepository(client: client).importUnits(try UnitImport.parse(units), by: actor, logger: database.logger)
        _ = try await PersonRepository(client: client).importPeople(try PersonImport.parse(people), by: actor, logger: database.logger)
    }

    @Test("A units file may list children before their parents")
    func unitsInAnyOrder() async throws {
        try await TestDatabase.with { database, client in
            let summary = try await UnitRepository(client: client).importUnits(
                try UnitImport.parse(Self.units), by: .commandLine(user: "test"), logger: database.logger)
            #expect(summary == ImportSummary(created: 3))
            let units = try await UnitRepository(client: client).list(try PageRequest(), logger: database.logger).items
            let byCode = Dictionary(uniqueKeysWithValues: units.map { ($0.code, $0) })
            #expect(byCode["THAP-K1"]?.parentId == byCode["THAP"]?.id)
            #expect(byCode["THAP"]?.parentId == byCode["DT-TH"]?.id)
        }
    }

    @Test("People are listed by given name in Vietnamese order, page after page")
    func vietnameseOrderAcrossPages() async throws {
        try await TestDatabase.with { database, client in
            try await Self.load(client, database)
            let repository = PersonRepository(client: client)
            var names: [String] = []
            var cursor: String?
            repeat {
                let page = try await repository.list(.init(), page: try PageRequest(limit: 2, cursor: cursor), logger: database.logger)
                names += page.items.map(\.name.full)
                cursor = page.nextCursor
            } while cursor != nil
            #expect(
                names == [
                    "Đặng Văn An", "Lê Văn An", "Huỳnh Ngọc Ánh", "Bùi Thị Ân", "Hồ Thị Ẩn",
                    "Phan Văn Bình", "Nguyễn Văn Dũng", "Đặng Văn Đức", "Nguyễn Thị Ngọc Hân",
                ])
        }
    }

    @Test(
        "Search matches the start of name words with or without diacritics",
        arguments: [
            ("han", ["Nguyễn Thị Ngọc Hân"]),
            ("Hân", ["Nguyễn Thị Ngọc Hân"]),
            ("ngoc han", ["Nguyễn Thị Ngọc Hân"]),
            ("duc", ["Đặng Văn Đức"]),
            ("dang", ["Đặng Văn An", "Đặng Văn Đức"]),
            ("AN", ["Đặng Văn An", "Lê Văn An", "Huỳnh Ngọc Ánh", "Bùi Thị Ân", "Hồ Thị Ẩn"]),
            ("100%", []),
        ])
    func searchIgnoresDiacritics(query: String, expected: [String]) async throws {
        try await TestDatabase.with { database, client in
            try await Self.load(client, database)
            let page = try await PersonRepository(client: client).list(
                .init(query: query), page: try PageRequest(), logger: database.logger)
            #expect(page.items.map(\.name.full) == expected)
        }
    }

    @Test("A search pages through its matches in name order, the same with a word of three letters or more and without")
    func searchPages() async throws {
        try await TestDatabase.with { database, client in
            try await Self.load(client, database)
            let repository = PersonRepository(client: client)
            for query in ["van", "va"] {
                var names: [String] = []
                var cursor: String?
                repeat {
                    let page = try await repository.list(
                        .init(query: query), page: try PageRequest(limit: 2, cursor: cursor), logger: database.logger)
                    names += page.items.map(\.name.full)
                    cursor = page.nextCursor
                } while cursor != nil
                #expect(names == ["Đặng Văn An", "Lê Văn An", "Phan Văn Bình", "Nguyễn Văn Dũng", "Đặng Văn Đức"], "\(query)")
            }
        }
    }

    @Test("Re-importing the same files changes nothing and writes no audit rows")
    func reimportIsIdempotent() async throws {
        try await TestDatabase.with { database, client in
            try await Self.load(client, database)
            let seed = Seed(client: client, logger: database.logger)
            let auditRows = try await seed.count("audit_log")
            let actor = Actor.commandLine(user: "test")
            let units = try await UnitRepository(client: client).importUnits(
                try UnitImport.parse(Self.units), by: actor, logger: database.logger)
            let people = try await PersonRepository(client: client).importPeople(
                try PersonImport.parse(Self.people), by: actor, logger: database.logger)
            #expect(units == ImportSummary(unchanged: 3))
            #expect(people == ImportSummary(unchanged: 9))
            #expect(try await seed.count("audit_log") == auditRows)
        }
    }

    @Test("A file with one bad row imports nothing, and says which line and why")
    func badFileImportsNothing() async throws {
        try await TestDatabase.with { database, client in
            try await Self.load(client, database)
            let seed = Seed(client: client, logger: database.logger)
            let before = (try await seed.count("people"), try await seed.count("audit_log"))
            let file = """
                full_name,unit,position,category
                Trương Thị Mỹ Duyên,THAP-K1,Giáo viên,VC
                Lý Thị Thu Hà,KHONG-CO,Giáo viên,VC
                Nguyễn Thị Ngọc Hân,THAP,Hiệu trưởng,CBQL
                """
            do {
                _ = try await PersonRepository(client: client).importPeople(
                    try PersonImport.parse(file), by: .commandLine(user: "test"), logger: database.logger)
                Issue.record("expected the import to be refused")
            } catch let error as ImportFailed {
                #expect(error.issues.map(\.line) == [3])
                #expect(error.description.contains("KHONG-CO"))
            }
            #expect((try await seed.count("people"), try await seed.count("audit_log")) == before)
            let han = try await PersonRepository(client: client).list(.init(query: "han"), page: try PageRequest(), logger: database.logger)
                .items
            #expect(han.first?.position == "Phó Hiệu trưởng")
        }
    }

    @Test("A stale version is refused and the person is unchanged")
    func staleVersionRefused() async throws {
        try await TestDatabase.with { database, client in
            let seed = Seed(client: client, logger: database.logger)
            let person = try await seed.person("Lê Văn An", unit: try await seed.unit().id)
            let repository = PersonRepository(client: client)
            _ = try await repository.update(
                person.id, PersonPatch(position: "Tổ trưởng"), unitId: nil, expectedVersion: 1, by: seed.actor, logger: database.logger)
            await #expect(throws: DomainError.self) {
                try await repository.update(
                    person.id, PersonPatch(position: "Bảo vệ"), unitId: nil, expectedVersion: 1, by: seed.actor, logger: database.logger)
            }
            #expect(try await repository.find(person.id, logger: database.logger).position == "Tổ trưởng")
        }
    }
}
