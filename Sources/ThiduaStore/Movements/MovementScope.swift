import Foundation
import Logging
import PostgresNIO
import ThiduaCore

extension DatabaseClient {
    /// The movements run by these units or units below them (an account's scope), read before a list page so that
    /// PostgreSQL plans the page knowing how many there are: a school's few are found through the index by movement
    /// (sql/0042) and sorted, a district's thousands read in list order. Asked inside the page's statement, the planner
    /// guessed, and a school's head waited 5.4 s for a page of commendations among 700 schools and 165 ms for
    /// nominations (issue "One thidua for a whole district", `DISTRICT=700 scripts/bench-pages`).
    func movements(runBy units: [ID<OrgUnit>], logger: Logger) async throws -> [UUID] {
        // The subtree in a subquery is computed once; as `= ANY (unit_subtree(…))` it was computed again for every
        // movement (383 ms among 4,904 movements, against 2 ms).
        let rows = try await query(
            "SELECT m.id FROM movements m WHERE m.unit_id IN (SELECT unnest(unit_subtree(\(units)::uuid[])))", logger: logger)
        var ids: [UUID] = []
        for try await id in rows.decode(UUID.self) { ids.append(id) }
        return ids
    }
}
