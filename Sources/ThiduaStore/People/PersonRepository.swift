import Foundation
import Logging
import PostgresNIO
import ThiduaCore

/// People: staff with their split names, listed in Vietnamese order and found with or without diacritics.
public struct PersonRepository: Sendable {
    let client: DatabaseClient

    public init(client: DatabaseClient) { self.client = client }

    static let columns = "id, unit_id, code, full_name, family_name, middle_name, given_name, position, category, version"

    /// Filters for a list of people.
    public struct Filter: Sendable {
        public var query: String?
        public var unitId: ID<OrgUnit>?
        /// Only people of these units and the units below (an account's scope; nil: every unit).
        public var units: [ID<OrgUnit>]?
        public init(query: String? = nil, unitId: ID<OrgUnit>? = nil, units: [ID<OrgUnit>]? = nil) {
            self.query = query
            self.unitId = unitId
            self.units = units
        }
    }

    /// People sorted by given name, middle name, family name (Vietnamese collation), one keyset page at a time.
    /// Each word of `query` must begin a word of the name, ignoring case and diacritics: "han" and "ngoc han" find
    /// "Nguyễn Thị Ngọc Hân", but "han" does not find "Phan".
    public func list(_ filter: Filter, page: PageRequest, logger: Logger) async throws -> Page<Person> {
        let after = try page.cursor.map { try Cursor(decoding: $0, shapes: [.text, .text, .text, .uuid]) }
        let words = filter.query.map { VietnameseText.searchKey($0).split(separator: " ").map { Self.escapeLike(String($0)) } } ?? []
        // With a word of three letters or more, its matches are found first through the trigram index (sql/0018) and only
        // they are sorted; otherwise the name-order index is read in order until enough names match.
        let longest = words.max { $0.count < $1.count }.flatMap { $0.count >= 3 ? "% \($0)%" : nil }
        let from = (
            given: after?.values[0] ?? "", middle: after?.values[1] ?? "", family: after?.values[2] ?? "",
            id: after?.values[3] ?? "00000000-0000-0000-0000-000000000000"
        )
        let rows: [PostgresRow]
        if let longest {
            rows = try await client.rows(
                """
                WITH candidates AS MATERIALIZED (
                    SELECT \(unescaped: Self.columns), search_key FROM people WHERE search_key LIKE \(longest))
                SELECT \(unescaped: Self.columns) FROM candidates
                WHERE (SELECT bool_and(search_key LIKE '% ' || word || '%') FROM unnest(\(words)::text[]) AS word)
                  AND (\(filter.unitId)::uuid IS NULL OR unit_id = \(filter.unitId))
                  AND (\(filter.units)::uuid[] IS NULL OR unit_id IN (SELECT unnest(unit_subtree(\(filter.units)::uuid[]))))
                  AND (\(after == nil) OR (given_name, middle_name, family_name, id) >
                       (\(from.given)::text, \(from.middle)::text, \(from.family)::text, \(from.id)::uuid))
                ORDER BY given_name, middle_name, family_name, id
                LIMIT \(page.limit + 1)
                """, logger: logger)
        } else {
            rows = try await client.rows(
                """
                SELECT \(unescaped: Self.columns) FROM people
                WHERE (SELECT coalesce(bool_and(search_key LIKE '% ' || word || '%'), true) FROM unnest(\(words)::text[]) AS word)
                  AND (\(filter.unitId)::uuid IS NULL OR unit_id = \(filter.unitId))
                  AND (\(filter.units)::uuid[] IS NULL OR unit_id IN (SELECT unnest(unit_subtree(\(filter.units)::uuid[]))))
                  AND (\(after == nil) OR (given_name, middle_name, family_name, id) >
                       (\(from.given)::text, \(from.middle)::text, \(from.family)::text, \(from.id)::uuid))
                ORDER BY given_name, middle_name, family_name, id
                LIMIT \(page.limit + 1)
                """, logger: logger)
        }
        var people: [Person] = []
        for row in rows { people.append(try Self.person(row)) }
        let last = people.count > page.limit ? people[page.limit - 1] : nil
        let cursor = last.map { Cursor([$0.name.given, $0.name.middle, $0.name.family, $0.id.description]).encoded }
        return Page(items: Array(people.prefix(page.limit)), nextCursor: cursor)
    }

    public func find(_ id: ID<Person>, logger: Logger) async throws -> Person {
        let rows = try await client.rows("SELECT \(unescaped: Self.columns) FROM people WHERE id = \(id)", logger: logger)
        for row in rows { return try Self.person(row) }
        throw DomainError.notFound(Person.noun)
    }

    public func create(_ draft: PersonDraft, unitId: ID<OrgUnit>, by actor: Actor, logger: Logger) async throws -> Person {
        try await client.transaction(logger: logger) { connection in
            try await Self.insert(draft, unitId: unitId, on: connection, by: actor, logger: logger)
        }
    }

    /// Applies a partial change. With `expectedVersion`, a stale version is refused (412) and nothing changes.
    public func update(
        _ id: ID<Person>, _ patch: PersonPatch, unitId: ID<OrgUnit>?, expectedVersion: Int?, by actor: Actor, logger: Logger
    ) async throws -> Person {
        try await client.transaction(logger: logger) { connection in
            let rows = try await connection.rows(
                "SELECT \(unescaped: Self.columns) FROM people WHERE id = \(id) FOR UPDATE", logger: logger)
            guard let row = rows.first else { throw DomainError.notFound(Person.noun) }
            let current = try Self.person(row)
            if let expectedVersion, expectedVersion != current.version {
                throw DomainError(
                    .preconditionFailed, "Hồ sơ đã được người khác sửa (phiên bản hiện tại \(current.version)); hãy tải lại rồi sửa tiếp.")
            }
            let draft = try patch.applied(to: current).get()
            return try await Self.update(current, to: draft, unitId: unitId ?? current.unitId, on: connection, by: actor, logger: logger)
        }
    }

    static func insert(_ draft: PersonDraft, unitId: ID<OrgUnit>, on connection: PostgresConnection, by actor: Actor, logger: Logger)
        async throws -> Person
    {
        let rows = try await connection.rows(
            """
            INSERT INTO people (unit_id, code, full_name, family_name, middle_name, given_name, position, category, search_key)
            VALUES (\(unitId), \(draft.code), \(draft.name.full), \(draft.name.family), \(draft.name.middle),
                    \(draft.name.given), \(draft.position), \(draft.category), \(searchKey(draft.name)))
            RETURNING \(unescaped: columns)
            """, logger: logger)
        guard let row = rows.first else { throw DomainError.notFound("cá nhân vừa tạo") }
        let person = try person(row)
        try await AuditLog.record(
            on: connection, by: actor, action: "person.create", entity: "person", id: person.id.description,
            before: Person?.none, after: person, logger: logger)
        return person
    }

    static func update(
        _ current: Person, to draft: PersonDraft, unitId: ID<OrgUnit>, on connection: PostgresConnection, by actor: Actor, logger: Logger
    ) async throws -> Person {
        let rows = try await connection.rows(
            """
            UPDATE people SET unit_id = \(unitId), code = \(draft.code), full_name = \(draft.name.full),
                family_name = \(draft.name.family), middle_name = \(draft.name.middle), given_name = \(draft.name.given),
                position = \(draft.position), category = \(draft.category),
                search_key = \(searchKey(draft.name)), version = version + 1, updated_at = now()
            WHERE id = \(current.id)
            RETURNING \(unescaped: columns)
            """, logger: logger)
        guard let row = rows.first else { throw DomainError.notFound(Person.noun) }
        let updated = try person(row)
        try await AuditLog.record(
            on: connection, by: actor, action: "person.update", entity: "person", id: updated.id.description,
            before: current, after: updated, logger: logger)
        return updated
    }

    static func person(_ row: PostgresRow) throws -> Person {
        let (id, unitId, code, fullName, family, middle, given, position, category, version) =
            try row.decode((UUID, UUID, String?, String, String, String, String, String, String, Int).self)
        guard let category = StaffCategory(rawValue: category) else { throw DomainError(.conflict, "Loại nhân sự không rõ: \(category)") }
        // The database guarantees the parts spell the full name (people_name_parts_match).
        guard let name = PersonName(family: family, middle: middle, given: given, fullName: fullName) else {
            throw DomainError(.conflict, "Tên lưu trữ không khớp: \(fullName)")
        }
        return Person(id: ID(id), unitId: ID(unitId), code: code, name: name, position: position, category: category, version: version)
    }

    /// The stored search key starts with a space so every word, the first included, follows one.
    static func searchKey(_ name: PersonName) -> String { " " + VietnameseText.searchKey(name.full) }

    /// Escapes LIKE's wildcards so a user's `%` or `_` matches itself.
    static func escapeLike(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(
            of: "_", with: "\\_")
    }
}

extension PersonRepository {
    /// The person with a staff code (mã nhân sự), if any.
    public func find(code: String, logger: Logger) async throws -> Person? {
        let rows = try await client.rows("SELECT \(unescaped: Self.columns) FROM people WHERE code = \(code)", logger: logger)
        return try rows.first.map(Self.person)
    }
}
