import Foundation
import Logging
import PostgresNIO
import ThiduaCore

/// Units: the tree of province, district, school and collectives.
public struct UnitRepository: Sendable {
    let client: DatabaseClient

    public init(client: DatabaseClient) { self.client = client }

    static let columns = "id, code, name, kind, parent_id, version"

    /// Units in name order (Vietnamese collation), one keyset page at a time.
    /// Units by name; with `within`, only those units and the units below them (an account's scope).
    public func list(_ page: PageRequest, within: [ID<OrgUnit>]? = nil, logger: Logger) async throws -> Page<OrgUnit> {
        let after = try page.cursor.map { try Cursor(decoding: $0, shapes: [.text, .uuid]) }
        let rows = try await client.rows(
            """
            SELECT id, code, name, kind, parent_id, version FROM units
            WHERE (\(after == nil) OR (name, id) > (\(after?.values[0] ?? "")::text COLLATE "vi-x-icu", \(after?.values[1] ?? "00000000-0000-0000-0000-000000000000")::uuid))
              AND (\(within)::uuid[] IS NULL OR id IN (SELECT unnest(unit_subtree(\(within)::uuid[]))))
            ORDER BY name, id LIMIT \(page.limit + 1)
            """, logger: logger)
        var units: [OrgUnit] = []
        for row in rows { units.append(try Self.unit(row)) }
        let next = units.count > page.limit ? units[page.limit - 1] : nil
        return Page(items: Array(units.prefix(page.limit)), nextCursor: next.map { Cursor([$0.name, $0.id.description]).encoded })
    }

    public func find(_ id: ID<OrgUnit>, logger: Logger) async throws -> OrgUnit {
        let rows = try await client.rows(
            "SELECT id, code, name, kind, parent_id, version FROM units WHERE id = \(id)", logger: logger)
        for row in rows { return try Self.unit(row) }
        throw DomainError.notFound(OrgUnit.noun)
    }

    /// Renames a unit, changes its kind or moves it under another parent; its code stays (imports match on it). With
    /// `expectedVersion`, a stale version is refused (412) and nothing changes.
    public func update(
        _ id: ID<OrgUnit>, name: String, kind: UnitKind, parentId: ID<OrgUnit>?, expectedVersion: Int?, by actor: Actor, logger: Logger
    ) async throws -> OrgUnit {
        try await client.transaction(logger: logger) { connection in
            let rows = try await connection.rows(
                "SELECT \(unescaped: Self.columns) FROM units WHERE id = \(id) FOR UPDATE", logger: logger)
            guard let row = rows.first else { throw DomainError.notFound(OrgUnit.noun) }
            let current = try Self.unit(row)
            try checkVersion(current.version, expected: expectedVersion)
            return try await Self.update(
                current, to: UnitDraft(code: current.code, name: name, kind: kind), parentId: parentId, on: connection, by: actor,
                logger: logger)
        }
    }

    public func create(_ draft: UnitDraft, parentId: ID<OrgUnit>?, by actor: Actor, logger: Logger) async throws -> OrgUnit {
        try await client.transaction(logger: logger) { connection in
            try await Self.insert(draft, parentId: parentId, on: connection, by: actor, logger: logger)
        }
    }

    static func insert(
        _ draft: UnitDraft, parentId: ID<OrgUnit>?, on connection: PostgresConnection, by actor: Actor, logger: Logger
    ) async throws -> OrgUnit {
        let rows = try await connection.rows(
            """
            INSERT INTO units (code, name, kind, parent_id)
            VALUES (\(draft.code), \(draft.name), \(draft.kind), \(parentId))
            RETURNING id, code, name, kind, parent_id, version
            """, logger: logger)
        guard let row = rows.first else { throw DomainError.notFound("đơn vị vừa tạo") }
        let unit = try unit(row)
        try await AuditLog.record(
            on: connection, by: actor, action: "unit.create", entity: "unit", id: unit.id.description,
            before: OrgUnit?.none, after: unit, logger: logger)
        return unit
    }

    /// The unit and every unit under it, as a report's unit filter reads it; nil without a filter (every unit).
    static func subtree(_ unit: ID<OrgUnit>?, on connection: PostgresConnection, logger: Logger) async throws -> [UUID]? {
        guard let unit else { return nil }
        return try await connection.rows(
            """
            WITH RECURSIVE scope(id) AS (
                SELECT id FROM units WHERE id = \(unit) UNION SELECT u.id FROM units u JOIN scope s ON u.parent_id = s.id)
            SELECT id FROM scope
            """, logger: logger
        ).map { try $0.decode(UUID.self) }
    }

    static func unit(_ row: PostgresRow) throws -> OrgUnit {
        let (id, code, name, kind, parent, version) = try row.decode((UUID, String, String, String, UUID?, Int).self)
        guard let kind = UnitKind(rawValue: kind) else { throw DomainError(.conflict, "Loại đơn vị không rõ: \(kind)") }
        return OrgUnit(id: ID(id), code: code, name: name, kind: kind, parentId: parent.map(ID.init), version: version)
    }
}

extension UnitRepository {
    /// The unit with this code; not-found names the code.
    public func find(code: String, logger: Logger) async throws -> OrgUnit {
        let rows = try await client.rows("SELECT \(unescaped: Self.columns) FROM units WHERE code = \(code)", logger: logger)
        guard let row = rows.first else { throw DomainError.notFound("đơn vị mã \"\(code)\"") }
        return try Self.unit(row)
    }
}
