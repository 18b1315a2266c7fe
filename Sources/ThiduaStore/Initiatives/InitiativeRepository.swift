import Foundation
import Logging
import PostgresNIO
import ThiduaCore

/// The sáng kiến register (sql/0036): registered, applied for, scored by the initiative council, recognised by the head
/// (cơ sở) and, from the higher level's decision, at a wider scope. Each step checks where the initiative stands (Core)
/// under a row lock; the database checks the order, the dates and what each step leaves behind. Every step is audited.
public struct InitiativeRepository: Sendable {
    let client: DatabaseClient

    public init(client: DatabaseClient) { self.client = client }

    static let select = """
        SELECT i.id, i.person_id, p.full_name, coalesce(u.name, ''), i.title, i.period_kind, i.period_year, i.registered_on, i.status,
               i.description, i.applied_on, i.score, i.passed, i.scored_on, i.version
        FROM initiatives i JOIN people p ON p.id = i.person_id LEFT JOIN units u ON u.id = p.unit_id
        """

    /// Authors in Vietnamese name order, then titles.
    static let order = "p.given_name, p.middle_name, p.family_name, i.title, i.id"

    public func register(_ draft: InitiativeDraft, by actor: Actor, logger: Logger) async throws -> Initiative {
        try await client.transaction(logger: logger) { connection in
            let rows = try await connection.rows(
                """
                INSERT INTO initiatives (person_id, title, period_kind, period_year, registered_on, created_by)
                VALUES (\(draft.personId), \(draft.title), \(draft.period.kind), \(draft.period.year),
                        coalesce(\(draft.registeredOn)::date, current_date), \(actor.accountId))
                RETURNING id
                """, logger: logger)
            let id = ID<Initiative>(try rows.required(Initiative.noun).decode(UUID.self))
            return try await Self.audited("initiative.register", id, before: nil, by: actor, on: connection, logger: logger)
        }
    }

    /// The application for recognition, dated today unless given.
    public func apply(_ id: ID<Initiative>, _ application: InitiativeApplication, by actor: Actor, logger: Logger) async throws
        -> Initiative
    {
        try await step(id, .apply, by: actor, logger: logger) { connection in
            try await connection.rows(
                """
                UPDATE initiatives SET status = 'applied', description = \(application.description),
                       applied_on = coalesce(\(application.appliedOn)::date, current_date), version = version + 1, updated_at = now()
                WHERE id = \(id)
                """, logger: logger)
        }
    }

    /// The initiative council's points and conclusion; "không đạt" ends the initiative as not recognised.
    public func score(_ id: ID<Initiative>, _ score: InitiativeScore, by actor: Actor, logger: Logger) async throws -> Initiative {
        try await step(id, .score, by: actor, logger: logger) { connection in
            try await connection.rows(
                """
                UPDATE initiatives SET status = 'scored', score = \(score.score), passed = \(score.passed),
                       scored_on = coalesce(\(score.scoredOn)::date, current_date), version = version + 1, updated_at = now()
                WHERE id = \(id)
                """, logger: logger)
            if !score.passed {
                try await connection.rows(
                    "UPDATE initiatives SET status = 'not_recognized', updated_at = now() WHERE id = \(id)", logger: logger)
            }
        }
    }

    /// A recognition from its decision: the school's own (the issuer defaults to the head of the author's school), or a
    /// wider scope above the one before it.
    public func recognize(_ id: ID<Initiative>, _ draft: InitiativeRecognitionDraft, by actor: Actor, logger: Logger) async throws
        -> Initiative
    {
        try await step(id, .recognize(draft.scope), by: actor, logger: logger) { connection in
            try await connection.rows(
                """
                WITH RECURSIVE up(id, parent_id, kind, name) AS (
                    SELECT u.id, u.parent_id, u.kind, u.name FROM initiatives i JOIN people p ON p.id = i.person_id
                    JOIN units u ON u.id = p.unit_id WHERE i.id = \(id)
                    UNION ALL SELECT u.id, u.parent_id, u.kind, u.name FROM units u JOIN up ON u.id = up.parent_id)
                INSERT INTO initiative_recognitions (initiative_id, scope, decision_number, decision_date, issuer, recorded_by)
                VALUES (\(id), \(draft.scope.rawValue), \(draft.decisionNumber), \(draft.decisionDate),
                        coalesce(\(draft.issuer), 'Hiệu trưởng ' || (SELECT name FROM up WHERE kind = 'school' LIMIT 1), 'Hiệu trưởng'),
                        \(actor.accountId))
                """, logger: logger)
        }
    }

    public func withdraw(_ id: ID<Initiative>, by actor: Actor, logger: Logger) async throws -> Initiative {
        try await step(id, .withdraw, by: actor, logger: logger) { connection in
            try await connection.rows(
                "UPDATE initiatives SET status = 'withdrawn', version = version + 1, updated_at = now() WHERE id = \(id)", logger: logger)
        }
    }

    public func find(_ id: ID<Initiative>, logger: Logger) async throws -> Initiative {
        try await client.withConnection { try await Self.find(id, on: $0, logger: logger) }
    }

    /// A period's initiatives (every period when nil), withdrawn ones left out; with `units`, only authors of those units
    /// and the units below (an account's scope).
    public func list(period: Period?, units: [ID<OrgUnit>]? = nil, logger: Logger) async throws -> [Initiative] {
        try await client.withConnection { connection in
            let rows = try await connection.rows(
                """
                \(unescaped: Self.select)
                WHERE i.status <> 'withdrawn'
                  AND (\(period?.kind)::text IS NULL OR (i.period_kind = \(period?.kind) AND i.period_year = \(period?.year)))
                  AND (\(units)::uuid[] IS NULL OR p.unit_id IN (SELECT unnest(unit_subtree(\(units)::uuid[]))))
                ORDER BY \(unescaped: Self.order)
                """, logger: logger)
            let recognitions = try await Self.recognitions(nil, on: connection, logger: logger)
            return try rows.map { try Self.initiative($0, recognitions: recognitions) }
        }
    }

    // MARK: on a connection

    /// Locks the row, checks the step against where the initiative stands, runs it and audits before and after.
    private func step(
        _ id: ID<Initiative>, _ step: Initiative.Step, by actor: Actor, logger: Logger,
        _ change: @escaping @Sendable (PostgresConnection) async throws -> Void
    ) async throws -> Initiative {
        try await client.transaction(logger: logger) { connection in
            _ = try await connection.rows("SELECT 1 FROM initiatives WHERE id = \(id) FOR UPDATE", logger: logger)
            let before = try await Self.find(id, on: connection, logger: logger)
            try before.check(step)
            try await change(connection)
            let action =
                switch step {
                case .apply: "initiative.apply"
                case .score: "initiative.score"
                case .recognize: "initiative.recognize"
                case .withdraw: "initiative.withdraw"
                }
            return try await Self.audited(action, id, before: before, by: actor, on: connection, logger: logger)
        }
    }

    static func audited(
        _ action: String, _ id: ID<Initiative>, before: Initiative?, by actor: Actor, on connection: PostgresConnection, logger: Logger
    ) async throws -> Initiative {
        let after = try await find(id, on: connection, logger: logger)
        try await AuditLog.record(
            on: connection, by: actor, action: action, entity: "initiative", id: id.description,
            before: before.map(InitiativeSnapshot.init), after: InitiativeSnapshot(after), logger: logger)
        return after
    }

    static func find(_ id: ID<Initiative>, on connection: PostgresConnection, logger: Logger) async throws -> Initiative {
        let row = try await connection.rows("\(unescaped: select) WHERE i.id = \(id)", logger: logger).required(Initiative.noun)
        return try initiative(row, recognitions: try await recognitions(id, on: connection, logger: logger))
    }

    static func recognitions(_ id: ID<Initiative>?, on connection: PostgresConnection, logger: Logger) async throws
        -> [UUID: [Initiative.Recognition]]
    {
        var found: [UUID: [Initiative.Recognition]] = [:]
        for row in try await connection.rows(
            """
            SELECT initiative_id, scope, decision_number, decision_date, issuer FROM initiative_recognitions
            WHERE \(id)::uuid IS NULL OR initiative_id = \(id) ORDER BY decision_date, array_position(ARRAY['unit', 'district', 'province'], scope)
            """, logger: logger)
        {
            let (initiative, scope, number, date, issuer) = try row.decode((UUID, String, String, LocalDate, String).self)
            guard let scope = Initiative.Scope(rawValue: scope) else { continue }
            found[initiative, default: []].append(.init(scope: scope, decisionNumber: number, decisionDate: date, issuer: issuer))
        }
        return found
    }

    static func initiative(_ row: PostgresRow, recognitions: [UUID: [Initiative.Recognition]]) throws -> Initiative {
        let (id, person, author, unit, title, kind, year, registered, status, description, applied, score, passed, scored, version) =
            try row.decode(
                (
                    UUID, ID<Person>, String, String, String, Period.Kind, Int, LocalDate, String, String?, LocalDate?, Int?, Bool?,
                    LocalDate?, Int
                ).self)
        return Initiative(
            id: ID(id), personId: person, authorName: author, unitName: unit, title: title, period: Period(kind: kind, year: year),
            registeredOn: registered, status: Initiative.Status(rawValue: status) ?? .registered, description: description,
            appliedOn: applied, score: score, passed: passed, scoredOn: scored, recognitions: recognitions[id] ?? [], version: version)
    }
}

/// What the audit log keeps of an initiative.
struct InitiativeSnapshot: Encodable, Sendable {
    let person: String
    let title: String
    let period: String
    let status: String
    let score: Int?
    let passed: Bool?
    let scopes: [String]

    init(_ initiative: Initiative) {
        person = initiative.personId.description
        title = initiative.title
        period = initiative.period.label
        status = initiative.status.rawValue
        score = initiative.score
        passed = initiative.passed
        scopes = initiative.recognitions.map { "\($0.scope.rawValue) \($0.decisionNumber) \($0.decisionDate)" }
    }
}
