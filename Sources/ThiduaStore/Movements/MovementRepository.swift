import Foundation
import Logging
import PostgresNIO
import ThiduaCore

/// Movements with their legal bases and criteria; status changes follow `MovementStatus`.
public struct MovementRepository: Sendable {
    let client: DatabaseClient

    public init(client: DatabaseClient) { self.client = client }

    /// A movement with its legal bases and criteria in one row (arrays in position order), so a list is one query.
    static let columns = """
        m.id, m.name, m.unit_id, m.period_kind, m.period_year, m.registration_deadline, m.nomination_deadline, m.status, m.version,
        m.created_at::text,
        ARRAY(SELECT b.document_id FROM movement_legal_bases b WHERE b.movement_id = m.id ORDER BY b.position),
        ARRAY(SELECT c.code FROM movement_criteria c WHERE c.movement_id = m.id ORDER BY c.position),
        ARRAY(SELECT c.title FROM movement_criteria c WHERE c.movement_id = m.id ORDER BY c.position),
        ARRAY(SELECT c.max_points::bigint FROM movement_criteria c WHERE c.movement_id = m.id ORDER BY c.position)
        """

    public func create(_ draft: MovementDraft, by actor: Actor, logger: Logger) async throws -> Movement {
        try await client.transaction(logger: logger) { connection in
            let rows = try await connection.rows(
                """
                INSERT INTO movements (name, unit_id, period_kind, period_year, starts_on, ends_on, registration_deadline, nomination_deadline)
                VALUES (\(draft.name), \(draft.unitId), \(draft.period.kind), \(draft.period.year),
                        \(draft.period.startsOn), \(draft.period.endsOn),
                        \(draft.registrationDeadline), \(draft.nominationDeadline))
                RETURNING id
                """, logger: logger)
            let id = ID<Movement>(try rows.required("phong trào").decode(UUID.self))
            for (position, document) in draft.legalBases.enumerated() {
                try await connection.rows(
                    "INSERT INTO movement_legal_bases (movement_id, document_id, position) VALUES (\(id), \(document), \(position))",
                    logger: logger)
            }
            for (position, criterion) in draft.criteria.enumerated() {
                try await connection.rows(
                    """
                    INSERT INTO movement_criteria (movement_id, code, title, max_points, position)
                    VALUES (\(id), \(criterion.code), \(criterion.title), \(criterion.maxPoints), \(position))
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

    /// Movements by creation; with `units`, only those run by these units or units below them.
    public func list(status: MovementStatus?, units: [ID<OrgUnit>]? = nil, page: PageRequest, logger: Logger) async throws
        -> Page<Movement>
    {
        let bound = try Keyset.bound(page.cursor)
        return try await client.withConnection { connection in
            let rows = try await connection.rows(
                """
                SELECT \(unescaped: Self.columns) FROM movements m
                WHERE (m.created_at, m.id) > (\(bound.createdAt)::timestamptz, \(bound.id)::uuid)
                  AND (\(status)::text IS NULL OR m.status = \(status))
                  AND (\(units)::uuid[] IS NULL OR m.unit_id IN (SELECT unnest(unit_subtree(\(units)::uuid[]))))
                ORDER BY m.created_at, m.id LIMIT \(page.limit + 1)
                """, logger: logger)
            let items = try rows.map(Self.movement)
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
                    registration_deadline = COALESCE(\(registrationDeadline), registration_deadline),
                    nomination_deadline = COALESCE(\(nominationDeadline), nomination_deadline),
                    version = version + 1, updated_at = now()
                WHERE id = \(id)
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
                "UPDATE movements SET status = \(next), version = version + 1, updated_at = now() WHERE id = \(id)",
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
            "SELECT \(unescaped: columns) FROM movements m WHERE m.id = \(id) \(unescaped: lock ? "FOR UPDATE OF m" : "")", logger: logger)
        return try movement(try rows.required(Movement.noun)).item
    }

    static func movement(_ row: PostgresRow) throws -> (item: Movement, createdAt: String, id: String) {
        let (id, name, unitId, kind, year, registration, nomination, status, version, createdAt, bases, codes, titles, points) =
            try row.decode(
                (
                    ID<Movement>, String, ID<OrgUnit>, String, Int, LocalDate?, LocalDate?, MovementStatus, Int, String, [UUID], [String],
                    [String], [Int]
                ).self)
        guard let kind = Period.Kind(rawValue: kind) else { throw DomainError(.conflict, "Loại kỳ không rõ: \(kind)") }
        let criteria = zip(codes, zip(titles, points)).map { Criterion(code: $0, title: $1.0, maxPoints: $1.1) }
        let movement = Movement(
            id: id, name: name, unitId: unitId, period: Period(kind: kind, year: year), registrationDeadline: registration,
            nominationDeadline: nomination, status: status, legalBases: bases.map(ID.init), criteria: criteria, version: version)
        return (movement, createdAt, id.rawValue.uuidString)
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
