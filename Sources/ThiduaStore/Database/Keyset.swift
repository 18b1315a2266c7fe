import Foundation
import NIOCore
import PostgresNIO
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

    /// The same for rows read with `created_at` in binary: only the last row's key is printed, for the cursor.
    static func page<Item: Sendable>(_ rows: [(item: Item, createdAt: Instant)], limit: Int, id: (Item) -> String) -> Page<Item> {
        let next = rows.count > limit ? Cursor([rows[limit - 1].createdAt.text, id(rows[limit - 1].item)]).encoded : nil
        return Page(items: rows.prefix(limit).map(\.item), nextCursor: next)
    }

    /// A `timestamptz` as PostgreSQL sends it in binary, microseconds since 2000-01-01 UTC: a page of 50 read
    /// `created_at::text` for every row to print one cursor (issue "Performance").
    struct Instant: PostgresDecodable, Sendable, Equatable {
        let microseconds: Int64

        init(microseconds: Int64) { self.microseconds = microseconds }

        init<JSONDecoder: PostgresJSONDecoder>(
            from buffer: inout ByteBuffer, type: PostgresDataType, format: PostgresFormat, context: PostgresDecodingContext<JSONDecoder>
        ) throws {
            guard type == .timestamptz, format == .binary else { throw PostgresDecodingError.Code.typeMismatch }
            guard buffer.readableBytes == 8, let value = buffer.readInteger(as: Int64.self) else {
                throw PostgresDecodingError.Code.failure
            }
            microseconds = value
        }

        /// "2024-05-01 08:00:00.123456+00", which `::timestamptz` reads back to the same microsecond.
        var text: String {
            let perDay: Int64 = 86_400_000_000
            let (days, within) = (microseconds.quotientAndRemainder(dividingBy: perDay))
            let (day, time) = within < 0 ? (days - 1, within + perDay) : (days, within)
            let (year, month, dayOfMonth) = LocalDate.civil(fromDaysSince1970: Int(day) + LocalDate.days1970To2000)
            let seconds = time / 1_000_000
            func digits(_ value: Int64, _ width: Int) -> String {
                let text = String(value)
                return String(repeating: "0", count: max(0, width - text.count)) + text
            }
            return "\(digits(Int64(year), 4))-\(digits(Int64(month), 2))-\(digits(Int64(dayOfMonth), 2)) "
                + "\(digits(seconds / 3600, 2)):\(digits(seconds / 60 % 60, 2)):\(digits(seconds % 60, 2)).\(digits(time % 1_000_000, 6))+00"
        }
    }
}
