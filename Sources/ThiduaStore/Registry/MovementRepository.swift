import Foundation
import Logging
import PostgresNIO
import ThiduaCore

/// Movements with their legal bases and criteria; status changes follow `MovementStatus`.
public struct MovementRepository: Sendable {
    let client: PostgresClient

    public init(client: PostgresClient) { self.client = client }

    static let columns = """
        id, name, unit_id, period_kind, period_year, registration_deadline::text, nomination_deadline::text, status, version, created_at::text
        """

    public func create(_ draft: MovementDraft, by actor: Actor, logger: Logger) async throws -> Movement {
        try await client.transaction(logger: logger) { connection in
            let rows = try await connection.rows(
                """
                INSERT INTO movements (name, unit_id, period_kind, period_year, starts_on, ends_on, registration_deadline, nomination_deadline)
                VALUES (\(draft.name), \(draft.unitId.rawValue), \(draft.period.kind.rawValue), \(draft.period.year),
                        \(draft.period.startsOn.description)::date, \(draft.period.endsOn.description)::date,
                        \(draft.registrationDeadline?.description)::date, \(draft.nominationDeadline?.description)::date)
                RETURNING id
                """, logger: logger)
            let id = ID<Movement>(try rows.required("phong trào").decode(UUID.self))
            for (position, document) in draft.legalBases.enumerated() {
                try await connection.rows(
                    "INSERT INTO movement_legal_bases (movement_id, document_id, position) VALUES (\(id.rawValue), \(document.rawValue), \(position))",
                    logger: logger)
            }
            for (position, criterion) in draft.criteria.enumerated() {
                try await connection.rows(
                    """
                    INSERT INTO movement_criteria (movement_id, code, title, max_points, position)
                    VALUES (\(id.rawValue), \(criterion.code), \(criterion.title), \(criterion.maxPoints), \(position))
                    """, logger: logger)
            }
            let movement = try await Self.find(id, on: connection, lock: false, logger: logger)
            try await AuditLog.record(
                on: connection, by: actor, action: "movement.create", entity: "movement", id: id.description,
                before: MovementSnapshot?.none, after: MovementSnapshot(movement), logger: logger)
            return movement
        }
    }

    public func find(_ id: ID<Movement>, logger: Logger) async throws -> Movement {
        try await client.withConnection { try await Self.find(id, on: $0, lock: false, logger: logger) }
    }

    public func list(status: MovementStatus?, page: PageRequest, logger: Logger) async throws -> Page<Movement> {
        let bound = try Keyset.bound(page.cursor)
        return try await client.withConnection { connection in
            let rows = try await connection.rows(
                """
                SELECT id, created_at::text FROM movements
                WHERE (created_at, id) > (\(bound.createdAt)::timestamptz, \(bound.id)::uuid)
                  AND (\(status?.rawValue)::text IS NULL OR status = \(status?.rawValue))
                ORDER BY created_at, id LIMIT \(page.limit + 1)
                """, logger: logger)
            var items: [(item: Movement, createdAt: String, id: String)] = []
            for row in rows {
                let (id, createdAt) = try row.decode((UUID, String).self)
                items.append((try await Self.find(ID(id), on: connection, lock: false, logger: logger), createdAt, id.uuidString))
            }
            return Keyset.page(items, limit: page.limit)
        }
    }

    /// Renames or moves deadlines (dates checked against the period by the database).
    public func update(
        _ id: ID<Movement>, name: String?, registrationDeadline: LocalDate?, nominationDeadline: LocalDate?,
        expectedVersion: Int?, by actor: Actor, logger: Logger
    ) async throws -> Movement {
        try await client.transaction(logger: logger) { connection in
            let current = try await Self.find(id, on: connection, lock: true, logger: logger)
            try checkVersion(current.version, expected: expectedVersion)
            try await connection.rows(
                """
                UPDATE movements SET name = COALESCE(\(name), name),
                    registration_deadline = COALESCE(\(registrationDeadline?.description)::date, registration_deadline),
                    nomination_deadline = COALESCE(\(nominationDeadline?.description)::date, nomination_deadline),
                    version = version + 1, updated_at = now()
                WHERE id = \(id.rawValue)
                """, logger: logger)
            let updated = try await Self.find(id, on: connection, lock: false, logger: logger)
            try await AuditLog.record(
                on: connection, by: actor, action: "movement.update", entity: "movement", id: id.description,
                before: MovementSnapshot(current), after: MovementSnapshot(updated), logger: logger)
            return updated
        }
    }

    /// open, close, archive: one transaction, the row locked, the move checked here and again by the database.
    public func transition(_ id: ID<Movement>, to next: MovementStatus, expectedVersion: Int?, by actor: Actor, logger: Logger) async throws
        -> Movement
    {
        try await client.transaction(logger: logger) { connection in
            let current = try await Self.find(id, on: connection, lock: true, logger: logger)
            try checkVersion(current.version, expected: expectedVersion)
            try current.status.check(next)
            try await connection.rows(
                "UPDATE movements SET status = \(next.rawValue), version = version + 1, updated_at = now() WHERE id = \(id.rawValue)",
                logger: logger)
            let updated = try await Self.find(id, on: connection, lock: false, logger: logger)
            try await AuditLog.record(
                on: connection, by: actor, action: "movement.\(next.rawValue)", entity: "movement", id: id.description,
                before: MovementSnapshot(current), after: MovementSnapshot(updated), logger: logger)
            return updated
        }
    }

    static func find(_ id: ID<Movement>, on connection: PostgresConnection, lock: Bool, logger: Logger) async throws -> Movement {
        let rows = try await connection.rows(
            "SELECT \(unescaped: columns) FROM movements WHERE id = \(id.rawValue) \(unescaped: lock ? "FOR UPDATE" : "")", logger: logger)
        let (rawId, name, unitId, kind, year, registration, nomination, status, version, _) =
            try rows.required("phong trào").decode((UUID, String, UUID, String, Int, String?, String?, String, Int, String).self)
        var bases: [ID<LegalDocument>] = []
        for row in try await connection.rows(
            "SELECT document_id FROM movement_legal_bases WHERE movement_id = \(id.rawValue) ORDER BY position", logger: logger)
        {
            bases.append(ID(try row.decode(UUID.self)))
        }
        var criteria: [Criterion] = []
        for row in try await connection.rows(
            "SELECT code, title, max_points FROM movement_criteria WHERE movement_id = \(id.rawValue) ORDER BY position", logger: logger)
        {
            let (code, title, points) = try row.decode((String, String, Int).self)
            criteria.append(Criterion(code: code, title: title, maxPoints: points))
        }
        return Movement(
            id: ID(rawId), name: name, unitId: ID(unitId), period: Period(kind: Period.Kind(rawValue: kind) ?? .calendarYear, year: year),
            registrationDeadline: registration.flatMap(LocalDate.init), nominationDeadline: nomination.flatMap(LocalDate.init),
            status: MovementStatus(rawValue: status) ?? .draft, legalBases: bases, criteria: criteria, version: version)
    }
}

/// A stale `If-Match` is refused before anything changes.
func checkVersion(_ current: Int, expected: Int?) throws(DomainError) {
    if let expected, expected != current {
        throw DomainError(
            .preconditionFailed, "Hồ sơ đã được người khác thay đổi (phiên bản hiện tại \(current)); hãy tải lại rồi thao tác tiếp.")
    }
}

/// What the audit log stores of a movement.
struct MovementSnapshot: Encodable, Sendable {
    let name: String
    let status: String
    let period: String
    let registrationDeadline: String?
    let nominationDeadline: String?
    let version: Int

    init(_ movement: Movement) {
        self.name = movement.name
        self.status = movement.status.rawValue
        self.period = movement.period.label
        self.registrationDeadline = movement.registrationDeadline?.description
        self.nominationDeadline = movement.nominationDeadline?.description
        self.version = movement.version
    }
}
