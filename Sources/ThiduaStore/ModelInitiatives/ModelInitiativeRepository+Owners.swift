import Foundation
import Logging
import PostgresNIO
import ThiduaCore

extension ModelInitiativeRepository {
    /// The names of these owners (a person's full name, a unit's name) in one query, for a list of models.
    public func names(of owners: [Owner], logger: Logger) async throws -> [Owner: String] {
        let people = owners.compactMap(\.personId?.rawValue)
        let units = owners.compactMap(\.unitId?.rawValue)
        guard !people.isEmpty || !units.isEmpty else { return [:] }
        let rows = try await client.rows(
            """
            SELECT id, full_name, true FROM people WHERE id = ANY(\(people))
            UNION ALL SELECT id, name, false FROM units WHERE id = ANY(\(units))
            """, logger: logger)
        var names: [Owner: String] = [:]
        for row in rows {
            let (id, name, isPerson) = try row.decode((UUID, String, Bool).self)
            names[isPerson ? .person(ID(id)) : .unit(ID(id))] = name
        }
        return names
    }
}
