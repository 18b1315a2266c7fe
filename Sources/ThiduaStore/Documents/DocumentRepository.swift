import Foundation
import Logging
import PostgresNIO
import ThiduaCore

/// Legal documents (văn bản căn cứ), unique per number and issuer.
public struct DocumentRepository: Sendable {
    let client: DatabaseClient

    public init(client: DatabaseClient) { self.client = client }

    private static let columnNames = ["id", "number", "issued_on", "issuer", "title", "version", "created_at::text", "kind"]
    static let columns = columnNames.joined(separator: ", ")
    /// The same columns of `legal_documents d` in a join.
    static let qualifiedColumns = columnNames.map { "d.\($0)" }.joined(separator: ", ")

    public func create(
        number: String, date: LocalDate, issuer: String, title: String, kind: DocumentKind? = nil, by actor: Actor, logger: Logger
    ) async throws -> LegalDocument {
        try await client.transaction(logger: logger) { connection in
            let rows = try await connection.rows(
                """
                INSERT INTO legal_documents (number, issued_on, issuer, title, kind)
                VALUES (\(number), \(date), \(issuer), \(title), \(kind))
                RETURNING \(unescaped: Self.columns)
                """, logger: logger)
            let document = try Self.document(try rows.required("văn bản")).item
            try await AuditLog.record(
                on: connection, by: actor, action: "document.create", entity: "document", id: document.id.description,
                before: LegalDocument?.none, after: document, logger: logger)
            return document
        }
    }

    public func list(_ page: PageRequest, logger: Logger) async throws -> Page<LegalDocument> {
        let bound = try Keyset.bound(page.cursor)
        let rows = try await client.rows(
            """
            SELECT \(unescaped: Self.columns) FROM legal_documents
            WHERE (created_at, id) > (\(bound.createdAt)::timestamptz, \(bound.id)::uuid)
            ORDER BY created_at, id LIMIT \(page.limit + 1)
            """, logger: logger)
        return Keyset.page(try rows.map(Self.document), limit: page.limit)
    }

    /// The one recorded document with this number (or id); several issuers' documents of one number are listed.
    public func find(number: String, logger: Logger) async throws -> LegalDocument {
        let found = try await client.rows(
            """
            SELECT \(unescaped: Self.columns) FROM legal_documents WHERE number = \(number) OR id::text = \(number.lowercased())
            ORDER BY issuer
            """, logger: logger
        ).map { try Self.document($0).item }
        guard let first = found.first else { throw DomainError.notFound("văn bản số \(number)") }
        guard found.count == 1 else {
            throw DomainError(
                .conflict,
                "Có \(found.count) văn bản số \(number): " + found.map(\.issuer).joined(separator: "; ") + ". Hãy dùng mã văn bản (id).")
        }
        return first
    }

    static func document(_ row: PostgresRow) throws -> (item: LegalDocument, createdAt: String, id: String) {
        let (id, number, date, issuer, title, version, createdAt, kind) = try row.decode(
            (ID<LegalDocument>, String, LocalDate, String, String, Int, String, DocumentKind?).self)
        var document = LegalDocument(
            id: id, number: number, date: date, issuer: issuer, title: title, version: version)
        document.kind = kind
        return (document, createdAt, id.rawValue.uuidString)
    }
}

extension Array where Element == PostgresRow {
    /// The first row, or `not-found` naming what was looked for.
    func required(_ what: String) throws -> PostgresRow {
        guard let row = first else { throw DomainError.notFound(what) }
        return row
    }
}
