import Foundation
import Logging
import PostgresNIO
import ThiduaCore

/// Commendations of the union and the sector (sql/0035): recorded one by one from the issuer's decision into
/// past_commendations beside the imported history, with the catalogue's fixed amount. The list shows every row of a
/// non-state award, recorded or imported; the state's past commendations stay in the person's record only.
public struct OutsideCommendationRepository: Sendable {
    let client: DatabaseClient

    public init(client: DatabaseClient) { self.client = client }

    static let select = """
        SELECT pc.id, pc.person_id, pc.unit_id, coalesce(p.full_name, u.name), coalesce(pu.name, up.name, ''), pc.award_code, a.name,
               a.issuer, pc.issuer, pc.period_kind, pc.period_year,
               coalesce(pc.kind, CASE WHEN a.for_service THEN 'length_of_service' ELSE 'regular' END),
               pc.decision_number, pc.decision_date, coalesce(pc.reward_amount, 0)
        FROM past_commendations pc
        JOIN awards a ON a.code = pc.award_code
        LEFT JOIN people p ON p.id = pc.person_id
        LEFT JOIN units pu ON pu.id = p.unit_id
        LEFT JOIN units u ON u.id = pc.unit_id
        LEFT JOIN units up ON up.id = u.parent_id
        WHERE a.issuer <> 'state'
        """

    /// By the award's place in the catalogue, then individuals in Vietnamese name order, then collectives by name.
    static let order = "a.precedence, pc.person_id IS NULL, p.given_name, p.middle_name, p.family_name, u.name, pc.id"

    /// Records one commendation from its decision with the money the catalogue fixes on the decision's date. Who may
    /// record it is checked before (`OutsideCommendation.checkRecording`); the database refuses a state award, the wrong
    /// kind of nominee or commendation, a future date and a second row for the nominee, award and period.
    public func record(_ draft: OutsideCommendationDraft, award: Award, by actor: Actor, logger: Logger) async throws
        -> OutsideCommendation
    {
        try OutsideCommendation.checkIssuer(award)
        let amount = try OutsideCommendation.amount(of: award, on: draft.decisionDate, collective: draft.nominee.unitId != nil)
        return try await client.transaction(logger: logger) { connection in
            let rows = try await connection.rows(
                """
                INSERT INTO past_commendations (person_id, unit_id, award_code, period_kind, period_year, decision_number,
                                                decision_date, issuer, reward_amount, kind, recorded_by, recorded_at)
                VALUES (\(draft.nominee.personId), \(draft.nominee.unitId), \(award.code), \(draft.period.kind), \(draft.period.year),
                        \(draft.decisionNumber), \(draft.decisionDate), \(draft.issuerName ?? award.issuerName), \(amount),
                        \(draft.kind(for: award).rawValue), \(actor.accountId), now())
                RETURNING id
                """, logger: logger)
            let id = ID<OutsideCommendation>(try rows.required(OutsideCommendation.noun).decode(UUID.self))
            let recorded = try await Self.find(id, on: connection, logger: logger)
            try await AuditLog.record(
                on: connection, by: actor, action: "outside-commendation.create", entity: "outside_commendation",
                id: id.description, before: String?.none, after: OutsideCommendationSnapshot(recorded), logger: logger)
            return recorded
        }
    }

    public func find(_ id: ID<OutsideCommendation>, logger: Logger) async throws -> OutsideCommendation {
        try await client.withConnection { try await Self.find(id, on: $0, logger: logger) }
    }

    /// The union's and the sector's commendations of a period (all periods when nil), in print order; with `units`, only
    /// those of people and collectives in those units and the units below (an account's scope).
    public func list(period: Period?, units: [ID<OrgUnit>]? = nil, logger: Logger) async throws -> [OutsideCommendation] {
        try await client.rows(
            """
            \(unescaped: Self.select)
              AND (\(period?.kind)::text IS NULL OR (pc.period_kind = \(period?.kind) AND pc.period_year = \(period?.year)))
              AND (\(units)::uuid[] IS NULL OR coalesce(p.unit_id, pc.unit_id) IN (SELECT unnest(unit_subtree(\(units)::uuid[]))))
            ORDER BY \(unescaped: Self.order)
            """, logger: logger
        ).map(Self.outside)
    }

    static func find(_ id: ID<OutsideCommendation>, on connection: PostgresConnection, logger: Logger) async throws
        -> OutsideCommendation
    {
        try outside(try await connection.rows("\(unescaped: select) AND pc.id = \(id)", logger: logger).required(OutsideCommendation.noun))
    }

    static func outside(_ row: PostgresRow) throws -> OutsideCommendation {
        let (id, person, unit, name, unitName, award, awardName, issuer, issuerName, periodKind, year, kind, number, date, amount) =
            try row.decode(
                (
                    ID<OutsideCommendation>, UUID?, UUID?, String, String, String, String, String, String, Period.Kind, Int, String,
                    String, LocalDate, Int
                ).self)
        return OutsideCommendation(
            id: id, nominee: try Owner.stored(person: person, unit: unit), nomineeName: name, unitName: unitName, awardCode: award,
            awardName: awardName, issuer: Award.Issuer(rawValue: issuer) ?? .union, issuerName: issuerName,
            period: Period(kind: periodKind, year: year), kind: CommendationKind(rawValue: kind) ?? .regular, decisionNumber: number,
            decisionDate: date, rewardAmount: amount)
    }
}

/// What the audit log keeps of a recorded commendation.
struct OutsideCommendationSnapshot: Encodable, Sendable {
    let nominee: String
    let award: String
    let issuer: String
    let period: String
    let kind: String
    let decisionNumber: String
    let decisionDate: String
    let rewardAmount: Int

    init(_ recorded: OutsideCommendation) {
        nominee = recorded.nomineeName
        award = recorded.awardCode
        issuer = recorded.issuerName
        period = recorded.period.label
        kind = recorded.kind.rawValue
        decisionNumber = recorded.decisionNumber
        decisionDate = recorded.decisionDate.description
        rewardAmount = recorded.rewardAmount
    }
}
