import Foundation
import Logging
import PostgresNIO
import ThiduaCore

/// What one decision of many nominations reads or writes once instead of once a nomination (issue "Performance": the
/// batch of 500): the nominations, locked together; the authority per award, movement and date; the money per award,
/// date and kind of nominee; which nominees already hold the title; the audit entries, written together at the end.
/// Lives for one transaction, in which nothing it has read can change but what the decision itself does.
final class DecisionMemo {
    var authorities: [String: SigningAuthority] = [:]
    var quotes: [String: RewardQuote] = [:]
    /// Awards with no enabled cap anywhere: their approvals skip the cap check.
    var uncapped: Set<String> = []
    /// The decision's nominations as locked at its start; each is taken out when its turn comes.
    var locked: [ID<Nomination>: Nomination] = [:]
    /// Nominations whose nominee held the title for an overlapping period when the decision started.
    private var holders: Set<ID<Nomination>> = []
    /// Nominee and award of each title this decision has issued so far.
    private var issued: Set<String> = []
    let journal = AuditJournal()

    /// Locks the nominations in one statement (in id order, as any other decision would) and finds the nominees who
    /// already hold the title in one more.
    static func prepared(for ids: [ID<Nomination>], on connection: PostgresConnection, logger: Logger) async throws -> DecisionMemo {
        let memo = DecisionMemo()
        let keys = ids.map(\.rawValue)
        let rows = try await connection.rows(
            """
            SELECT \(unescaped: NominationRepository.columns) FROM nominations n \(unescaped: NominationRepository.submissionJoin)
            WHERE n.id = ANY(\(keys)::uuid[]) ORDER BY n.id FOR UPDATE OF n
            """, logger: logger)
        for row in rows {
            let nomination = try NominationRepository.nomination(row).item
            memo.locked[nomination.id] = nomination
        }
        let holders = try await connection.rows(
            """
            SELECT n.id FROM nominations n JOIN movements m ON m.id = n.movement_id
            WHERE n.id = ANY(\(keys)::uuid[])
              AND EXISTS (SELECT 1 FROM title_periods t
                          WHERE t.nominee_id = coalesce(n.nominee_person_id, n.nominee_unit_id) AND t.award_code = n.award_code
                            AND t.period && daterange(m.starts_on, m.ends_on, '[]'))
            """, logger: logger)
        for row in holders { memo.holders.insert(ID(try row.decode(UUID.self))) }
        return memo
    }

    /// Whether the nominee may already hold the nomination's title: held before the decision, or issued by it to the
    /// same nominee earlier in the batch. Only then is it looked up (and the title's decision named). Records the issue.
    func mayHoldTitle(_ nomination: Nomination) -> Bool {
        let nominee = nomination.nominee.personId?.rawValue ?? nomination.nominee.unitId?.rawValue
        let key = "\(nominee?.uuidString ?? "")|\(nomination.awardCode)"
        let (inserted, _) = issued.insert(key)
        return holders.contains(nomination.id) || !inserted
    }
}
