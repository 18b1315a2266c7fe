import Foundation
import PostgresNIO
import Testing
import ThiduaCore
import ThiduaTestSupport
@testable import ThiduaStore

@Suite("Database constraints")
struct ConstraintTests {
    @Test("Raw SQL cannot store a name that is not NFC")
    func nfcEnforced() async throws {
        try await TestDatabase.with { database, client in
            let decomposed = "Trường Tiểu học".decomposedStringWithCanonicalMapping
            await expectConstraint("units_name_text") {
                try await client.query(
                    "INSERT INTO units (code, name, kind) VALUES ('X', \(decomposed), 'school')", logger: database.logger)
            }
        }
    }

    @Test("Raw SQL cannot store name parts that do not spell the full name")
    func namePartsEnforced() async throws {
        try await TestDatabase.with { database, client in
            let seed = Seed(client: client, logger: database.logger)
            let unit = try await seed.unit()
            await expectConstraint("people_name_parts_match") {
                try await client.query(
                    """
                    INSERT INTO people (unit_id, full_name, family_name, middle_name, given_name, category, search_key)
                    VALUES (\(unit.id.rawValue), 'Tôn Nữ Minh Thư', 'Tôn', 'Minh', 'Thư', 'VC', ' ton nu minh thu')
                    """, logger: database.logger)
            }
        }
    }

    @Test("The audit log refuses UPDATE, DELETE and TRUNCATE")
    func auditAppendOnly() async throws {
        try await TestDatabase.with { database, client in
            _ = try await Seed(client: client, logger: database.logger).unit()
            for statement in ["UPDATE audit_log SET actor = 'x'", "DELETE FROM audit_log", "TRUNCATE audit_log"] {
                await expectConstraint("audit_log_append_only") {
                    try await client.query(PostgresQuery(unsafeSQL: statement), logger: database.logger)
                }
            }
            #expect(try await Seed(client: client, logger: database.logger).count("audit_log") == 1)
        }
    }

    @Test("A unit cannot become its own ancestor")
    func unitCycleRefused() async throws {
        try await TestDatabase.with { database, client in
            let seed = Seed(client: client, logger: database.logger)
            let district = try await seed.unit("D", name: "Huyện", kind: .district)
            let school = try await seed.unit("S", name: "Trường", kind: .school, parent: district.id)
            await expectConstraint("units_parent_cycle") {
                try await client.query(
                    "UPDATE units SET parent_id = \(school.id.rawValue) WHERE id = \(district.id.rawValue)", logger: database.logger)
            }
        }
    }

    @Test("An unknown role cannot be stored")
    func rolesChecked() async throws {
        try await TestDatabase.with { database, client in
            await expectConstraint("accounts_roles_check") {
                try await client.query("INSERT INTO accounts (display_name, roles) VALUES ('x', ARRAY['root'])", logger: database.logger)
            }
        }
    }
}
