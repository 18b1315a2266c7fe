import Foundation
import Logging
import PostgresNIO
import ThiduaCore

extension DecisionRepository {
    /// A revocation's date: its decision's, or for one recorded before decisions were dated (sql/0026) the day it was
    /// recorded in Vietnam.
    static let revocationDate = "coalesce(r.decision_date, (r.revoked_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date)"

    /// The revocation decision with this number (e.g. "03/QĐ-THAP"): every commendation revoked under it in its year, the
    /// decision they came from, the money to recover, the unit's document settings. With several years of the same number,
    /// `year` picks one.
    public func revocation(_ number: String, year: Int? = nil, logger: Logger) async throws -> RevocationDocument {
        let rows = try await client.rows(
            """
            SELECT c.id, r.decision_number, \(unescaped: Self.revocationDate), acc.display_name, m.unit_id, mu.name,
                   d.number, d.decision_date, d.issuer
            FROM commendation_revocations r
            JOIN commendations c ON c.id = r.commendation_id
            JOIN decisions d ON d.id = c.decision_id
            JOIN accounts acc ON acc.id = r.revoked_by
            JOIN movements m ON m.id = c.movement_id
            JOIN units mu ON mu.id = m.unit_id
            WHERE r.decision_number = \(number)
              AND (\(year)::int IS NULL OR extract(year FROM \(unescaped: Self.revocationDate)) = \(year))
            ORDER BY r.revoked_at
            """, logger: logger)
        typealias Row = (UUID, String, LocalDate, String, UUID, String, String, LocalDate, String?)
        let decoded = try rows.map { try $0.decode(Row.self) }
        guard let first = decoded.first else {
            throw DomainError.notFound("quyết định thu hồi \"\(number)\"" + (year.map { " năm \($0)" } ?? ""))
        }
        let years = Set(decoded.map(\.2.year))
        guard years.count == 1 else {
            throw DomainError(
                .conflict,
                "Có quyết định thu hồi số \(number) trong các năm \(years.sorted().map(String.init).joined(separator: ", ")). "
                    + "Chọn năm (--year) để in đúng quyết định.",
                violations: [.rule(field: "year", message: "Chọn năm của quyết định.")])
        }
        // The revoked lines as the decision's annex and the honor list print them: name, position, unit, award, money.
        let lines = try await client.rows(
            """
            \(unescaped: HonorListRepository.lineSelect) WHERE c.id = ANY(\(decoded.map(\.0))::uuid[])
            ORDER BY \(unescaped: HonorListRepository.lineOrder)
            """, logger: logger
        ).map(HonorListRepository.line)
        let settings = try await client.withConnection {
            try await DocumentSettingsRepository.settings(of: first.4, on: $0, logger: logger).0
        }
        return RevocationDocument(
            number: first.1, date: first.2, signer: first.3,
            issuer: HonorList.Issuer(unitName: first.5, settings: settings), settings: settings,
            originalNumber: first.6, originalDate: first.7, originalIssuer: first.8, lines: lines)
    }

    /// The revocation decision that revoked this commendation, whole.
    public func revocation(of commendation: ID<Commendation>, logger: Logger) async throws -> RevocationDocument {
        let rows = try await client.rows(
            """
            SELECT r.decision_number, extract(year FROM \(unescaped: Self.revocationDate))::int
            FROM commendation_revocations r WHERE r.commendation_id = \(commendation)
            """, logger: logger)
        guard let row = rows.first else { throw DomainError.notFound("quyết định thu hồi của khen thưởng này") }
        let (number, year) = try row.decode((String, Int).self)
        return try await revocation(number, year: year, logger: logger)
    }
}
