import Foundation
import Logging
import PostgresNIO
import ThiduaCore

/// Legal documents (văn bản căn cứ), unique per number and issuer.
public struct DocumentRepository: Sendable {
    let client: DatabaseClient

    public init(client: DatabaseClient) { self.client = client }

    static let columns = "id, number, issued_on, issuer, title, version, created_at::text"

    public func create(number: String, date: LocalDate, issuer: String, title: String, by actor: Actor, logger: Logger) async throws
        -> LegalDocument
    {
        try await client.transaction(logger: logger) { connection in
            let rows = try await connection.rows(
                """
                INSERT INTO legal_documents (number, issued_on, issuer, title)
                VALUES (\(number), \(date), \(issuer), \(title))
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

    static func document(_ row: PostgresRow) throws -> (item: LegalDocument, createdAt: String, id: String) {
        let (id, number, date, issuer, title, version, createdAt) = try row.decode(
            (ID<LegalDocument>, String, LocalDate, String, String, Int, String).self)
        let document = LegalDocument(
            id: id, number: number, date: date, issuer: issuer, title: title, version: version)
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
