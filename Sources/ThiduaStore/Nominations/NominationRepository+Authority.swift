import Foundation
import Logging
import PostgresNIO
import ThiduaCore

/// Who signs an award in a movement on a date: the level that grants it, the level of the unit running the movement,
/// and whether that unit's list holds it.
typealias SigningAuthority = (
    required: AuthorityLevel, unit: AuthorityLevel, awardName: String, period: Period, grants: Bool, unitName: String
)

// Who may sign a nomination's award (the unit's authority level) and the unit's caps on awards, read at approval.
extension NominationRepository {
    /// The authority for a nomination, read once per award, movement and date when a memo is given.
    static func authority(
        for nomination: Nomination, on date: LocalDate, memo: DecisionMemo?, connection: PostgresConnection, logger: Logger
    ) async throws -> SigningAuthority {
        let key = "\(nomination.awardCode)|\(nomination.movementId)|\(date)"
        if let known = memo?.authorities[key] { return known }
        let found = try await authority(for: nomination, on: date, connection: connection, logger: logger)
        memo?.authorities[key] = found
        return found
    }

    /// The level that grants the nomination's award on a date, and the level of the unit that runs its movement.
    static func authority(for nomination: Nomination, on date: LocalDate, connection: PostgresConnection, logger: Logger) async throws
        -> SigningAuthority
    {
        let award = try await CatalogueRepository.award(nomination.awardCode, on: connection, logger: logger)
        guard let rule = award.rule(on: date) else {
            throw DomainError(
                .ruleViolated, "Danh mục chưa có quy định cho \"\(award.name)\" vào ngày \(date.vietnamese).",
                violations: [.init(field: "decisionDate", message: "Không có quy định có hiệu lực vào ngày này.")])
        }
        let movement = try await MovementRepository.find(nomination.movementId, on: connection, lock: false, logger: logger)
        // The unit that runs the movement signs what its list holds (sql/0024): its level's list, as the unit changed it.
        let signs = try await connection.rows(
            "SELECT unit_grants(id, \(nomination.awardCode)), name FROM units WHERE id = \(movement.unitId)", logger: logger)
        let (grants, unitName) = try signs.required("đơn vị").decode((Bool, String).self)
        return (
            try await CatalogueRepository.level(rule.authorityLevel, on: connection, logger: logger),
            try await CatalogueRepository.authority(ofUnit: movement.unitId.rawValue, on: connection, logger: logger), award.name,
            movement.period, grants, unitName
        )
    }

    /// Unit-wide caps on this award (off unless enabled): the cap row is locked first, so approvals running at the same
    /// moment count one another.
    static func checkCaps(
        _ nomination: Nomination, period: Period, memo: DecisionMemo? = nil, on connection: PostgresConnection, logger: Logger
    ) async throws {
        if let memo {
            if memo.uncapped.contains(nomination.awardCode) { return }
            let any = try await connection.rows(
                "SELECT EXISTS (SELECT 1 FROM unit_caps WHERE award_code = \(nomination.awardCode) AND enabled)", logger: logger)
            if try !any.required("hạn mức").decode(Bool.self) {
                memo.uncapped.insert(nomination.awardCode)
                return
            }
        }
        let caps = try await connection.rows(
            """
            WITH RECURSIVE ancestry(id, parent_id) AS (
                SELECT id, parent_id FROM units
                WHERE id = coalesce(\(nomination.nominee.unitId)::uuid,
                                    (SELECT unit_id FROM people WHERE id = \(nomination.nominee.personId)))
                UNION SELECT u.id, u.parent_id FROM units u JOIN ancestry a ON u.id = a.parent_id)
            SELECT c.unit_id, u.name, c.base_award_code, c.percent::text, a.name, b.name
            FROM unit_caps c JOIN units u ON u.id = c.unit_id JOIN awards a ON a.code = c.award_code
            JOIN awards b ON b.code = c.base_award_code
            WHERE c.award_code = \(nomination.awardCode) AND c.enabled AND c.unit_id IN (SELECT id FROM ancestry)
            ORDER BY c.unit_id
            FOR UPDATE OF c
            """, logger: logger)
        for cap in caps {
            let (unit, unitName, baseAward, percentText, awardName, baseName) =
                try cap.decode((UUID, String, String, String, String, String).self)
            let counts = try await connection.rows(
                """
                WITH RECURSIVE scope(id) AS (SELECT \(unit)::uuid UNION SELECT u.id FROM units u JOIN scope s ON u.parent_id = s.id),
                issued AS (
                    SELECT c.award_code FROM commendations c
                    JOIN movements m ON m.id = c.movement_id
                    LEFT JOIN people p ON p.id = c.nominee_person_id
                    LEFT JOIN commendation_revocations r ON r.commendation_id = c.id
                    WHERE r.commendation_id IS NULL AND m.period_kind = \(period.kind) AND m.period_year = \(period.year)
                      AND coalesce(p.unit_id, c.nominee_unit_id) IN (SELECT id FROM scope))
                SELECT (SELECT count(*) FROM issued WHERE award_code = \(nomination.awardCode))::bigint,
                       (SELECT count(*) FROM issued WHERE award_code = \(baseAward))::bigint
                """, logger: logger)
            let (already, base) = try counts.required("giới hạn").decode((Int, Int).self)
            let cap = UnitPolicy.Cap(
                award: nomination.awardCode, ofAward: baseAward, percent: Coefficient(percentText) ?? Coefficient(hundredths: 0),
                enabled: true)
            if let refusal = cap.refusal(
                issued: already, base: base, unitName: unitName, awardName: awardName, baseName: baseName, period: period)
            {
                throw refusal
            }
        }
    }
}
