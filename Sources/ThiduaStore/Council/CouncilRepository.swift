import Foundation
import Logging
import PostgresNIO
import ThiduaCore

/// The council set up for a period (members from the head's decision), its meeting on a movement, the secret ballots'
/// totals, and the biên bản drawn from them (issue 14, item 2).
public struct CouncilRepository: Sendable {
    let client: DatabaseClient

    public init(client: DatabaseClient) { self.client = client }

    /// Records the council of a unit (by default the registry's one school) for a period; one a period.
    public func create(_ draft: CouncilDraft, unit: ID<OrgUnit>?, by actor: Actor, logger: Logger) async throws -> Council {
        try await client.transaction(logger: logger) { connection in
            let unitId = try await Self.school(unit, on: connection, logger: logger)
            let rows = try await connection.rows(
                """
                INSERT INTO councils (unit_id, period_kind, period_year, decision_number, decision_date)
                VALUES (\(unitId), \(draft.period.kind.rawValue), \(draft.period.year), \(draft.decisionNumber), \(draft.decisionDate))
                RETURNING id
                """, logger: logger)
            let id = ID<Council>(try rows.required(Council.noun).decode(UUID.self))
            for (index, member) in draft.members.enumerated() {
                try await connection.rows(
                    """
                    INSERT INTO council_members (council_id, person_id, duty, ordinal)
                    VALUES (\(id), \(member.personId), \(member.duty.rawValue), \(index + 1))
                    """, logger: logger)
            }
            let council = try await Self.find(id, on: connection, logger: logger)
            try await AuditLog.record(
                on: connection, by: actor, action: "council.create", entity: "council", id: id.description, before: String?.none,
                after: CouncilSnapshot(council), logger: logger)
            return council
        }
    }

    /// The council of a unit for a period, if the decision setting it up was recorded.
    public func find(unit: ID<OrgUnit>?, period: Period, logger: Logger) async throws -> Council? {
        try await client.withConnection { connection in
            let unitId = try await Self.school(unit, on: connection, logger: logger)
            guard let id = try await Self.councilId(unit: unitId, period: period, on: connection, logger: logger) else { return nil }
            return try await Self.find(id, on: connection, logger: logger)
        }
    }

    static func councilId(unit: UUID, period: Period, on connection: PostgresConnection, logger: Logger) async throws -> ID<Council>? {
        try await connection.rows(
            """
            SELECT id FROM councils WHERE unit_id = \(unit) AND period_kind = \(period.kind.rawValue) AND period_year = \(period.year)
            """, logger: logger
        ).first?.decode(ID<Council>.self)
    }

    /// The unit given, or else the one school in the registry (a district's registry holds several: then it must be named).
    static func school(_ unit: ID<OrgUnit>?, on connection: PostgresConnection, logger: Logger) async throws -> UUID {
        if let unit { return unit.rawValue }
        let rows = try await connection.rows("SELECT id FROM units WHERE kind = 'school' ORDER BY created_at LIMIT 2", logger: logger)
        guard rows.count == 1 else {
            throw DomainError.validation([
                .rule(
                    field: "unitId",
                    message: rows.isEmpty
                        ? "Chưa có đơn vị trường học; hãy chọn đơn vị của Hội đồng." : "Có nhiều trường; hãy chọn đơn vị của Hội đồng.")
            ])
        }
        return try rows[0].decode(UUID.self)
    }

    static func find(_ id: ID<Council>, on connection: PostgresConnection, logger: Logger) async throws -> Council {
        let head = try await connection.rows(
            "SELECT unit_id, period_kind, period_year, decision_number, decision_date FROM councils WHERE id = \(id)", logger: logger)
        let (unit, kind, year, number, date) = try head.required(Council.noun).decode((ID<OrgUnit>, String, Int, String, LocalDate).self)
        let members = try await connection.rows(
            """
            SELECT m.person_id, p.full_name, p.position, m.duty FROM council_members m JOIN people p ON p.id = m.person_id
            WHERE m.council_id = \(id) ORDER BY m.ordinal
            """, logger: logger
        ).map { row in
            let (person, name, position, duty) = try row.decode((ID<Person>, String, String, String).self)
            return Council.Member(personId: person, name: name, position: position, duty: Council.Duty(rawValue: duty) ?? .member)
        }
        return Council(
            id: id, unitId: unit, period: Period(kindCode: kind, year: year) ?? Period(kind: .schoolYear, year: year),
            decisionNumber: number, decisionDate: date, members: members)
    }

    /// How many members the council of a movement's unit and period has, nil while its decision is not recorded.
    static func memberCount(movement id: ID<Movement>, on connection: PostgresConnection, logger: Logger) async throws -> Int? {
        let rows = try await connection.rows(
            """
            SELECT (SELECT count(*) FROM council_members cm WHERE cm.council_id = c.id)::bigint
            FROM movements m JOIN councils c
              ON c.unit_id = m.unit_id AND c.period_kind = m.period_kind AND c.period_year = m.period_year
            WHERE m.id = \(id)
            """, logger: logger)
        return try rows.first?.decode(Int.self)
    }

    /// The council of a movement's unit and period; refused in plain words when its decision was not recorded.
    static func council(of movement: Movement, on connection: PostgresConnection, logger: Logger) async throws -> Council {
        guard let id = try await councilId(unit: movement.unitId.rawValue, period: movement.period, on: connection, logger: logger) else {
            throw DomainError(
                .conflict,
                "Chưa ghi quyết định thành lập Hội đồng Thi đua – Khen thưởng \(movement.period.vietnamese); "
                    + "hãy ghi Hội đồng trước (thidua council create).")
        }
        return try await find(id, on: connection, logger: logger)
    }
}

/// What the audit log keeps of a council.
struct CouncilSnapshot: Encodable, Sendable {
    let period: String
    let decision: String
    let members: [String]

    init(_ council: Council) {
        period = council.period.label
        decision = "\(council.decisionNumber) \(council.decisionDate)"
        members = council.members.map { "\($0.name) (\($0.duty.rawValue))" }
    }
}
