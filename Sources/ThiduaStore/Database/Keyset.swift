import Foundation
import ThiduaCore

/// Keyset pagination over (created_at, id): rows come back one beyond the limit to know whether a next page exists.
enum Keyset {
    /// The `(created_at, id) >` bound of a cursor, or values that let every row through.
    static func bound(_ cursor: String?) throws -> (createdAt: String, id: String, isFirstPage: Bool) {
        guard let cursor else { return ("-infinity", "00000000-0000-0000-0000-000000000000", true) }
        let values = try Cursor(decoding: cursor, shapes: [.timestamp, .uuid]).values
        return (values[0], values[1], false)
    }

    static func page<Item: Sendable>(_ rows: [(item: Item, createdAt: String, id: String)], limit: Int) -> Page<Item> {
        let next = rows.count > limit ? Cursor([rows[limit - 1].createdAt, rows[limit - 1].id]).encoded : nil
        return Page(items: rows.prefix(limit).map(\.item), nextCursor: next)
    }
}
