import Foundation
import Logging
import PostgresNIO
import ThiduaCore

extension AuditLog {
    /// What a person calls the records these entries are about — a movement's or a unit's name, a model's title, a
    /// person's full name, a nomination's nominee and award — in one query, keyed "entity:id". Kinds without a name (an
    /// account, a login) and records no longer found are left out.
    public func names(of entries: [Entry], logger: Logger) async throws -> [String: String] {
        func ids(_ entity: String) -> [UUID] { entries.filter { $0.entity == entity }.compactMap { UUID(uuidString: $0.entityId) } }
        let (movements, models, people, units, nominations) = (
            ids("movement"), ids("model"), ids("person"), ids("unit"), ids("nomination")
        )
        guard !(movements + models + people + units + nominations).isEmpty else { return [:] }
        let rows = try await client.rows(
            """
            SELECT 'movement', id, name FROM movements WHERE id = ANY(\(movements))
            UNION ALL SELECT 'model', id, title FROM model_initiatives WHERE id = ANY(\(models))
            UNION ALL SELECT 'person', id, full_name FROM people WHERE id = ANY(\(people))
            UNION ALL SELECT 'unit', id, name FROM units WHERE id = ANY(\(units))
            UNION ALL SELECT 'nomination', n.id, coalesce(p.full_name, u.name) || ' – ' || a.name
                FROM nominations n JOIN awards a ON a.code = n.award_code
                LEFT JOIN people p ON p.id = n.nominee_person_id LEFT JOIN units u ON u.id = n.nominee_unit_id
                WHERE n.id = ANY(\(nominations))
            """, logger: logger)
        var names: [String: String] = [:]
        for row in rows {
            let (entity, id, name) = try row.decode((String, UUID, String).self)
            names["\(entity):\(id.uuidString.lowercased())"] = name
        }
        return names
    }
}
