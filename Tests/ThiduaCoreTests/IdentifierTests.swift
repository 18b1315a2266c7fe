import Foundation
import Testing
@testable import ThiduaCore

@Suite("Identifiers")
struct IdentifierTests {
    @Test("An id is printed as PostgreSQL prints a uuid, and read back the same")
    func printedLikePostgreSQL() throws {
        let edges = [
            UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)),
            UUID(uuid: (255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255)),
            try #require(UUID(uuidString: "0A1B2C3D-4E5F-6071-8293-A4B5C6D7E8F9")),
        ]
        for uuid in edges + (0..<500).map({ _ in UUID() }) {
            #expect(uuid.lowercasedString == uuid.uuidString.lowercased())
            let id = ID<Person>(uuid)
            #expect(ID<Person>(id.description) == id)
        }
        #expect(edges[2].lowercasedString == "0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9")
    }
}
