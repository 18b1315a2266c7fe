import Foundation
import Logging
import PostgresNIO
import ThiduaCore

/// Model initiatives registered in a movement; status changes follow `ModelStatus`.
public struct ModelInitiativeRepository: Sendable {
    let client: DatabaseClient

    public init(client: DatabaseClient) { self.client = client }

    static let columns = """
        id, movement_id, title, field_code, owner_person_id, owner_unit_id, goals, starts_on, ends_on, status,
        recognition_level, recognition_decision, recognized_on, version, created_at::text
        """

    /// Registers a model while the movement is open and before its registration deadline (the database checks both too).
    public func register(
        movementId: ID<Movement>, title: String, field: String, owner: Owner, goals: String, startsOn: LocalDate?, endsOn: LocalDate?,
        by actor: Actor, logger: Logger
    ) async throws -> ModelInitiative {
        try await client.transaction(logger: logger) { connection in
            let movement = try await MovementRepository.find(movementId, on: connection, lock: false, logger: logger)
            guard movement.status == .open else {
                throw DomainError(
                    .conflict, "Phong trào đang \"\(movement.status.vietnameseName)\"; chỉ đăng ký mô hình khi phong trào đang phát động.")
            }
            if let deadline = movement.registrationDeadline, LocalDate.today > deadline {
                throw DomainError(.conflict, "Đã quá hạn đăng ký mô hình của phong trào (\(deadline)).")
            }
            let starts = startsOn ?? movement.period.startsOn
            let ends = endsOn ?? movement.period.endsOn
            guard movement.period.contains(starts), movement.period.contains(ends), starts <= ends else {
                throw DomainError.validation([
                    .init(
                        field: "startsOn",
                        message:
                            "Thời gian thực hiện phải nằm trong kỳ \(movement.period.label) (\(movement.period.startsOn) – \(movement.period.endsOn))."
                    )
                ])
            }
            let rows = try await connection.rows(
                """
                INSERT INTO model_initiatives (movement_id, title, field_code, owner_person_id, owner_unit_id, goals, starts_on, ends_on)
                VALUES (\(movementId), \(title), \(field), \(owner.personId), \(owner.unitId), \(goals),
                        \(starts), \(ends))
                RETURNING \(unescaped: Self.columns)
                """, logger: logger)
            let model = try Self.model(try rows.required("mô hình")).item
            try await AuditLog.record(
                on: connection, by: actor, action: "model.register", entity: "model", id: model.id.description,
                before: ModelInitiativeSnapshot?.none, after: ModelInitiativeSnapshot(model), logger: logger)
            return model
        }
    }

    public func find(_ id: ID<ModelInitiative>, logger: Logger) async throws -> ModelInitiative {
        try await client.withConnection { try await Self.find(id, on: $0, lock: false, logger: logger) }
    }

    public func list(movementId: ID<Movement>, status: ModelStatus?, ownedBy person: ID<Person>? = nil, page: PageRequest, logger: Logger)
        async throws -> Page<ModelInitiative>
    {
        let bound = try Keyset.bound(page.cursor)
        let rows = try await client.rows(
            """
            SELECT \(unescaped: Self.columns) FROM model_initiatives
            WHERE movement_id = \(movementId) AND (created_at, id) > (\(bound.createdAt)::timestamptz, \(bound.id)::uuid)
              AND (\(status)::text IS NULL OR status = \(status))
              AND (\(person)::uuid IS NULL OR owner_person_id = \(person))
            ORDER BY created_at, id LIMIT \(page.limit + 1)
            """, logger: logger)
        return Keyset.page(try rows.map(Self.model), limit: page.limit)
    }

    /// Edits title, field or goals before an outcome.
    public func update(
        _ id: ID<ModelInitiative>, title: String?, field: String?, goals: String?, expectedVersion: Int?, by actor: Actor, logger: Logger
    ) async throws -> ModelInitiative {
        try await client.transaction(logger: logger) { connection in
            let current = try await Self.find(id, on: connection, lock: true, logger: logger)
            try checkVersion(current.version, expected: expectedVersion)
            guard [.registered, .inProgress].contains(current.status) else {
                throw current.status.refusal("Mô hình đang \"\(current.status.vietnameseName)\"; không sửa được nữa.")
            }
            let rows = try await connection.rows(
                """
                UPDATE model_initiatives SET title = COALESCE(\(title), title), field_code = COALESCE(\(field), field_code),
                    goals = COALESCE(\(goals), goals), version = version + 1, updated_at = now()
                WHERE id = \(id) RETURNING \(unescaped: Self.columns)
                """, logger: logger)
            let updated = try Self.model(try rows.required("mô hình")).item
            try await AuditLog.record(
                on: connection, by: actor, action: "model.update", entity: "model", id: id.description,
                before: ModelInitiativeSnapshot(current), after: ModelInitiativeSnapshot(updated), logger: logger)
            return updated
        }
    }

    /// Moves a model to `next`; recognition needs its level and decision.
    public func transition(
        _ id: ID<ModelInitiative>, to next: ModelStatus, recognition: ModelInitiative.Recognition?, expectedVersion: Int?, by actor: Actor,
        logger: Logger
    ) async throws -> ModelInitiative {
        try await client.transaction(logger: logger) { connection in
            let current = try await Self.find(id, on: connection, lock: true, logger: logger)
            try checkVersion(current.version, expected: expectedVersion)
            try current.status.check(next)
            if next == .recognized, recognition == nil {
                throw DomainError.validation([
                    .init(field: "recognition", message: "Công nhận cần cấp công nhận (school, district, province) và số quyết định.")
                ])
            }
            let recognition = next == .recognized ? recognition : nil
            let rows = try await connection.rows(
                """
                UPDATE model_initiatives SET status = \(next), recognition_level = \(recognition?.level),
                    recognition_decision = \(recognition?.decision), recognized_on = \(recognition?.date),
                    version = version + 1, updated_at = now()
                WHERE id = \(id) RETURNING \(unescaped: Self.columns)
                """, logger: logger)
            let updated = try Self.model(try rows.required("mô hình")).item
            try await AuditLog.record(
                on: connection, by: actor, action: "model.\(next.rawValue)", entity: "model", id: id.description,
                before: ModelInitiativeSnapshot(current), after: ModelInitiativeSnapshot(updated), logger: logger)
            return updated
        }
    }

    static func find(_ id: ID<ModelInitiative>, on connection: PostgresConnection, lock: Bool, logger: Logger) async throws
        -> ModelInitiative
    {
        let rows = try await connection.rows(
            "SELECT \(unescaped: columns) FROM model_initiatives WHERE id = \(id) \(unescaped: lock ? "FOR UPDATE" : "")",
            logger: logger)
        return try model(try rows.required("mô hình")).item
    }

    static func model(_ row: PostgresRow) throws -> (item: ModelInitiative, createdAt: String, id: String) {
        let (id, movement, title, field, person, unit, goals, starts, ends, status, level, decision, recognizedOn, version, createdAt) =
            try row.decode(
                (
                    ID<ModelInitiative>, ID<Movement>, String, String, UUID?, UUID?, String, LocalDate, LocalDate, ModelStatus, String?,
                    String?, LocalDate?, Int, String
                ).self)
        let recognition: ModelInitiative.Recognition? =
            if let level, let decision, let date = recognizedOn {
                .init(level: level, decision: decision, date: date)
            } else { nil }
        let model = ModelInitiative(
            id: id, movementId: movement, title: title, field: field,
            owner: try Owner.stored(person: person, unit: unit), goals: goals,
            startsOn: starts, endsOn: ends, status: status, recognition: recognition, version: version)
        return (model, createdAt, id.rawValue.uuidString)
    }
}

/// What the audit log stores of a model initiative.
struct ModelInitiativeSnapshot: Encodable, Sendable {
    let title: String
    let field: String
    let goals: String
    let status: String
    let recognition: ModelInitiative.Recognition?
    let version: Int

    init(_ model: ModelInitiative) {
        self.title = model.title
        self.field = model.field
        self.goals = model.goals
        self.status = model.status.rawValue
        self.recognition = model.recognition
        self.version = model.version
    }
}
