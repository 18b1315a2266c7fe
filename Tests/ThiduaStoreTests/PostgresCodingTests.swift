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
}
