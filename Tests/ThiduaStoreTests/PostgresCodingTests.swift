import Foundation
import PostgresNIO
import Testing
import ThiduaCore
import ThiduaTestSupport
@testable import ThiduaStore

/// thidua's own types in PostgreSQL's binary protocol: what goes in comes back, and what PostgreSQL computes from it
/// agrees with the calendar.
@Suite("PostgreSQL coding of ids, dates and statuses")
struct PostgresCodingTests {
    static let dates = [
        LocalDate(1900, 3, 1), LocalDate(1970, 1, 1), LocalDate(1999, 12, 31), LocalDate(2000, 1, 1), LocalDate(2000, 2, 29),
        LocalDate(2023, 8, 31), LocalDate(2023, 9, 1), LocalDate(2024, 2, 29), LocalDate(2025, 7, 1), LocalDate(2100, 12, 31),
    ]

    @Test("A date binds as a date and reads back the same; PostgreSQL's own text for it is the same YYYY-MM-DD")
    func datesRoundTrip() async throws {
        try await TestDatabase.with { database, client in
            for date in Self.dates {
                let rows = try await client.query("SELECT \(date), \(date)::text, \(date) + 1", logger: database.logger).collect()
                let (back, text, next) = try #require(rows.first).decode((LocalDate, String, LocalDate).self)
                #expect(back == date)
                #expect(text == date.description)
                #expect(next > date)
            }
        }
    }

    @Test("The database's day is Vietnam's: 18:00 UTC is already the next day, and current_date is LocalDate.today at any hour")
    func vietnameseDay() async throws {
        try await TestDatabase.with { database, client in
            // Deadlines and "no day in the future" rules compare with current_date; a clerk at 06:00 in Hà Nội (23:00
            // UTC the day before) must be on the same day as the API's LocalDate.today.
            let rows = try await client.query(
                "SELECT current_setting('TimeZone'), (timestamptz '2026-12-03 18:00:00+00')::date, current_date", logger: database.logger
            ).collect()
            let (zone, evening, today) = try #require(rows.first).decode((String, LocalDate, LocalDate).self)
            #expect(zone == "Asia/Ho_Chi_Minh")
            #expect(evening == LocalDate(2026, 12, 4))
            #expect(today == LocalDate.today)
        }
    }

    @Test("An id binds as a uuid; a status reads back as itself; an unknown status fails the read instead of a default")
    func idsAndStatuses() async throws {
        try await TestDatabase.with { database, client in
            let id = ID<Nomination>(UUID())
            let rows = try await client.query(
                "SELECT \(id), \(NominationStatus.inReview), 'not_a_status'::text", logger: database.logger
            ).collect()
            let row = try #require(rows.first)
            let (back, status, _) = try row.decode((ID<Nomination>, NominationStatus, String).self)
            #expect(back == id)
            #expect(status == .inReview)
            #expect(throws: (any Error).self) { try row.decode((ID<Nomination>, NominationStatus, NominationStatus).self) }
        }
    }

    @Test("A created_at read in binary prints the cursor text PostgreSQL reads back to the same microsecond, before 2000 too")
    func instantsRoundTrip() async throws {
        try await TestDatabase.with { database, client in
            let values = [
                "1999-12-31 23:59:59.999999+00", "2000-01-01 00:00:00+00", "2024-02-29 16:59:59.000001+07", "2026-12-04 07:05:03.5+00",
                "1969-07-20 20:17:40.123456+00",
            ]
            for value in values {
                let rows = try await client.query("SELECT \(value)::timestamptz", logger: database.logger).collect()
                let instant = try #require(rows.first).decode(Keyset.Instant.self)
                let back = try await client.query(
                    "SELECT \(instant.text)::timestamptz = \(value)::timestamptz", logger: database.logger
                ).collect()
                #expect(try #require(back.first).decode(Bool.self), "\(value) printed as \(instant.text)")
            }
            #expect(Keyset.Instant(microseconds: 0).text == "2000-01-01 00:00:00.000000+00")
            #expect(Keyset.Instant(microseconds: -1).text == "1999-12-31 23:59:59.999999+00")
        }
    }
}
