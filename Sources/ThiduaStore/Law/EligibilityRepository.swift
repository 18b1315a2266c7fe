import Foundation
import Logging
import PostgresNIO
import ThiduaCore

/// Loads what the eligibility rules read, and evaluates nominations; ThiduaCore's `Eligibility` decides.
public struct EligibilityRepository: Sendable {
    let client: DatabaseClient

    public init(client: DatabaseClient) { self.client = client }

    /// `GET /v1/nominations/{id}/eligibility`: every rule of the award in force today, with the facts it read.
    public func evaluate(_ id: ID<Nomination>, logger: Logger) async throws -> EligibilityReport {
        try await client.withConnection { connection in
            let nomination = try await NominationRepository.find(id, on: connection, lock: false, logger: logger)
            return try await Self.evaluate(nomination, on: LocalDate.today, connection: connection, logger: logger)
        }
    }

    /// `thidua rules explain`: the same evaluation for a person or collective, an award and a period.
    public func explain(award code: String, for owner: Owner, in period: Period, logger: Logger) async throws -> EligibilityReport {
        try await client.withConnection { connection in
            let award = try await CatalogueRepository.award(code, on: connection, logger: logger)
            let date = min(LocalDate.today, period.endsOn)
            let rule = award.rule(on: date)
            let subject = try await Self.subject(owner, excluding: nil, on: connection, logger: logger)
            return EligibilityReport(
                award: code, awardName: award.name, subject: subject, period: period, rulesFrom: rule?.effectiveFrom,
                results: Eligibility.evaluate(rule?.eligibility ?? [], for: subject, in: period))
        }
    }

    /// The lifetime record of a person or collective.
    public func record(of owner: Owner, logger: Logger) async throws -> LifetimeRecord {
        try await client.withConnection { connection in
            switch try await Self.subject(owner, excluding: nil, membersToo: false, on: connection, logger: logger) {
            case .person(let facts): LifetimeRecord(person: facts)
            case .collective(let facts): LifetimeRecord(collective: facts)
            }
        }
    }

    /// The headmaster lets a nomination pass a failed rule, with a written reason. Audited; printed on the decision.
    public func override(_ id: ID<Nomination>, rule: EligibilityRule, reason: String, by account: Account, logger: Logger) async throws
        -> EligibilityReport
    {
        try await client.transaction(logger: logger) { connection in
            let nomination = try await NominationRepository.find(id, on: connection, lock: true, logger: logger)
            guard [.draft, .returned, .submitted, .inReview, .recommended].contains(nomination.status) else {
                throw nomination.status.refusal("Đề nghị đã \"\(nomination.status.vietnameseName)\"; không còn xét điều kiện.")
            }
            let before = try await Self.evaluate(nomination, on: LocalDate.today, connection: connection, logger: logger)
            guard let result = before.results.first(where: { $0.rule == rule }) else {
                throw DomainError.validation([
                    .init(field: "rule", message: "Khen thưởng \"\(before.awardName)\" không có tiêu chuẩn \"\(rule.rawValue)\".")
                ])
            }
            guard result.outcome == .failed, result.override == nil else {
                throw DomainError(
                    .conflict,
                    "Tiêu chuẩn \"\(result.title)\" đang \(result.override != nil ? "đã được cho vượt" : "không ở trạng thái không đạt"); không cần cho vượt."
                )
            }
            try await connection.rows(
                """
                INSERT INTO eligibility_overrides (nomination_id, rule, reason, decided_by)
                VALUES (\(id), \(rule), \(reason), \(account.id))
                """, logger: logger)
            try await AuditLog.record(
                on: connection, by: Actor(account: account), action: "nomination.eligibility-override", entity: "nomination",
                id: id.description, before: String?.none,
                after: OverrideSnapshot(rule: rule.rawValue, facts: result.facts, reason: reason), logger: logger)
            return try await Self.evaluate(nomination, on: LocalDate.today, connection: connection, logger: logger)
        }
    }

    // MARK: on a connection

    static func evaluate(_ nomination: Nomination, on date: LocalDate, connection: PostgresConnection, logger: Logger) async throws
        -> EligibilityReport
    {
        let award = try await CatalogueRepository.award(nomination.awardCode, on: connection, logger: logger)
        let movement = try await MovementRepository.find(nomination.movementId, on: connection, lock: false, logger: logger)
        let period = movement.period
        let rule = award.rule(on: date)
        let subject = try await subject(nomination.nominee, excluding: nomination.id, on: connection, logger: logger)
        let overrides = try await connection.rows(
            """
            SELECT o.rule, o.reason, a.display_name FROM eligibility_overrides o JOIN accounts a ON a.id = o.decided_by
            WHERE o.nomination_id = \(nomination.id)
            """, logger: logger
        ).reduce(into: [String: RuleResult.Override]()) { map, row in
            if let (rule, reason, by) = try? row.decode((String, String, String).self) { map[rule] = .init(reason: reason, by: by) }
        }
        let results = Eligibility.evaluate(rule?.eligibility ?? [], for: subject, in: period, kind: nomination.kind).map { result in
            var result = result
            if result.outcome == .failed { result.override = overrides[result.rule.rawValue] }
            return result
        }
        return EligibilityReport(
            award: award.code, awardName: award.name, subject: subject, period: period, rulesFrom: rule?.effectiveFrom,
            results: results)
    }

    static func subject(
        _ owner: Owner, excluding nomination: ID<Nomination>?, membersToo: Bool = true, on connection: PostgresConnection, logger: Logger
    ) async throws -> EligibilitySubject {
        switch owner {
        case .person(let id):
            let facts = try await people([id.rawValue], excluding: nomination, on: connection, logger: logger)
            guard let person = facts[id.rawValue] else { throw DomainError.notFound(Person.noun) }
            return .person(person)
        case .unit(let id):
            let rows = try await connection.rows("SELECT name FROM units WHERE id = \(id)", logger: logger)
            var collective = CollectiveFacts(name: try rows.required("tập thể").decode(String.self))
            for row in try await connection.rows(
                "SELECT period_kind, period_year, rating FROM unit_ratings WHERE unit_id = \(id)", logger: logger)
            {
                let (kind, year, rating) = try row.decode((String, Int, String).self)
                if let period = Period(kindCode: kind, year: year), let rating = Rating(rawValue: rating) {
                    collective.ratings[period] = rating
                }
            }
            collective.titles = try await titles(column: "unit", ids: [id.rawValue], excluding: nomination, on: connection, logger: logger)
                .map(\.1)
            collective.registrations = try await registrations(column: "unit", ids: [id.rawValue], on: connection, logger: logger).map(\.1)
            if membersToo {
                let members = try await connection.rows(
                    """
                    WITH RECURSIVE scope(id) AS (SELECT \(id)::uuid UNION SELECT u.id FROM units u JOIN scope s ON u.parent_id = s.id)
                    SELECT p.id FROM people p WHERE p.unit_id IN (SELECT id FROM scope)
                    ORDER BY p.given_name, p.middle_name, p.family_name, p.id
                    """, logger: logger
                ).map { try $0.decode(UUID.self) }
                let facts = try await people(members, excluding: nomination, on: connection, logger: logger)
                collective.members = members.compactMap { facts[$0] }
            }
            return .collective(collective)
        }
    }

    /// The facts of several people at once: a query per kind of fact, whatever their number.
    static func people(_ ids: [UUID], excluding nomination: ID<Nomination>?, on connection: PostgresConnection, logger: Logger)
        async throws -> [UUID: PersonFacts]
    {
        guard !ids.isEmpty else { return [:] }
        var facts: [UUID: PersonFacts] = [:]
        for row in try await connection.rows("SELECT id, full_name FROM people WHERE id = ANY(\(ids))", logger: logger) {
            let (id, name) = try row.decode((UUID, String).self)
            facts[id] = PersonFacts(name: name)
        }
        for row in try await connection.rows(
            """
            SELECT person_id, period_kind, period_year, rating, months_worked, initiatives, recruited_on, maternity_months
            FROM performance_ratings WHERE person_id = ANY(\(ids)) ORDER BY period_year
            """, logger: logger)
        {
            let (id, kind, year, rating, months, initiatives, recruited, maternity) = try row.decode(
                (UUID, String, Int, String, Int?, Int, LocalDate?, Int).self)
            guard let period = Period(kindCode: kind, year: year), let rating = Rating(rawValue: rating) else { continue }
            facts[id]?.ratings.append(
                .init(
                    period: period, rating: rating, monthsWorked: months, initiatives: initiatives, recruitedOn: recruited,
                    maternityMonths: maternity))
        }
        for row in try await connection.rows(
            "SELECT person_id, measure, decided_on, decision_number FROM disciplines WHERE person_id = ANY(\(ids)) ORDER BY decided_on",
            logger: logger)
        {
            let (id, measure, date, number) = try row.decode((UUID, String, LocalDate, String).self)
            guard let measure = DisciplineMeasure(rawValue: measure) else { continue }
            facts[id]?.disciplines.append(.init(measure: measure, date: date, decisionNumber: number))
        }
        for (id, title) in try await titles(column: "person", ids: ids, excluding: nomination, on: connection, logger: logger) {
            facts[id]?.titles.append(title)
        }
        for (id, registration) in try await registrations(column: "person", ids: ids, on: connection, logger: logger) {
            facts[id]?.registrations.append(registration)
        }
        for row in try await connection.rows(
            """
            SELECT owner_person_id, title, recognized_on FROM model_initiatives
            WHERE owner_person_id = ANY(\(ids)) AND status = 'recognized' ORDER BY recognized_on
            """, logger: logger)
        {
            let (id, title, date) = try row.decode((UUID, String, LocalDate).self)
            facts[id]?.models.append(.init(title: title, recognizedOn: date))
        }
        for row in try await connection.rows(
            """
            SELECT i.person_id, i.title, i.period_kind, i.period_year, r.scope, r.decision_date
            FROM initiatives i
            JOIN LATERAL (SELECT x.scope, x.decision_date FROM initiative_recognitions x WHERE x.initiative_id = i.id
                          ORDER BY array_position(ARRAY['unit', 'district', 'province'], x.scope) DESC LIMIT 1) r ON true
            WHERE i.person_id = ANY(\(ids)) AND i.status = 'recognized' ORDER BY r.decision_date
            """, logger: logger)
        {
            let (id, title, kind, year, scope, date) = try row.decode((UUID, String, String, Int, String, LocalDate).self)
            guard let period = Period(kindCode: kind, year: year), let scope = Initiative.Scope(rawValue: scope) else { continue }
            facts[id]?.initiatives.append(.init(title: title, period: period, scope: scope, scopeRecognizedOn: date))
        }
        return facts
    }

    /// Registrations (đăng ký thi đua) by the period of their movement.
    static func registrations(column: String, ids: [UUID], on connection: PostgresConnection, logger: Logger) async throws
        -> [(UUID, RegistrationFact)]
    {
        let person = column == "person"
        return try await connection.rows(
            """
            SELECT coalesce(r.nominee_person_id, r.nominee_unit_id), m.period_kind, m.period_year, t.name, r.registered_on
            FROM registrations r JOIN movements m ON m.id = r.movement_id JOIN awards t ON t.code = r.title_code
            WHERE (CASE WHEN \(person) THEN r.nominee_person_id ELSE r.nominee_unit_id END) = ANY(\(ids))
            ORDER BY r.registered_on
            """, logger: logger
        ).compactMap { row in
            let (id, kind, year, title, date) = try row.decode((UUID, String, Int, String, LocalDate).self)
            guard let period = Period(kindCode: kind, year: year) else { return nil }
            return (id, RegistrationFact(period: period, titleName: title, registeredOn: date))
        }
    }

    /// Titles and commendations: issued in thidua (not revoked), imported from before it, and nominations still open
    /// (except the one being judged).
    static func titles(
        column: String, ids: [UUID], excluding nomination: ID<Nomination>?, on connection: PostgresConnection, logger: Logger
    ) async throws -> [(UUID, PersonFacts.TitleFact)] {
        let person = column == "person"
        let rows = try await connection.rows(
            """
            SELECT coalesce(c.nominee_person_id, c.nominee_unit_id), c.award_code, a.name, m.period_kind, m.period_year, 'issued',
                   'QĐ số ' || d.number || ' ngày ' || to_char(d.decision_date, 'DD/MM/YYYY') || coalesce(' (' || d.issuer || ')', ''),
                   c.reward_amount
            FROM commendations c JOIN decisions d ON d.id = c.decision_id JOIN movements m ON m.id = c.movement_id
            JOIN awards a ON a.code = c.award_code
            LEFT JOIN commendation_revocations r ON r.commendation_id = c.id
            WHERE r.commendation_id IS NULL
              AND (CASE WHEN \(person) THEN c.nominee_person_id ELSE c.nominee_unit_id END) = ANY(\(ids))
            UNION ALL
            SELECT coalesce(pc.person_id, pc.unit_id), pc.award_code, a.name, pc.period_kind, pc.period_year, 'issued',
                   'QĐ số ' || pc.decision_number || ' ngày ' || to_char(pc.decision_date, 'DD/MM/YYYY') || ' (' || pc.issuer || ')',
                   pc.reward_amount
            FROM past_commendations pc JOIN awards a ON a.code = pc.award_code
            WHERE (CASE WHEN \(person) THEN pc.person_id ELSE pc.unit_id END) = ANY(\(ids))
            UNION ALL
            SELECT coalesce(n.nominee_person_id, n.nominee_unit_id), n.award_code, a.name, m.period_kind, m.period_year, 'pending',
                   n.status, NULL::bigint
            FROM nominations n JOIN movements m ON m.id = n.movement_id JOIN awards a ON a.code = n.award_code
            WHERE n.status IN ('draft', 'submitted', 'in_review', 'returned', 'recommended', 'forwarded')
              AND n.id IS DISTINCT FROM \(nomination)
              AND (CASE WHEN \(person) THEN n.nominee_person_id ELSE n.nominee_unit_id END) = ANY(\(ids))
            ORDER BY 5, 2
            """, logger: logger)
        return try rows.compactMap { row in
            let (id, code, name, kind, year, status, source, amount) =
                try row.decode((UUID, String, String, String, Int, String, String, Int?).self)
            guard let period = Period(kindCode: kind, year: year), let status = PersonFacts.TitleFact.Status(rawValue: status) else {
                return nil
            }
            // A pending title's source is its nomination's status, named as the clerk knows it.
            let described =
                status == .pending
                ? "đề nghị đang ở bước \"\(NominationStatus(rawValue: source)?.vietnameseName ?? source)\"" : source
            return (id, .init(awardCode: code, awardName: name, period: period, status: status, source: described, rewardAmount: amount))
        }
    }

}

struct OverrideSnapshot: Encodable, Sendable {
    let rule: String
    let facts: [String]
    let reason: String
}
