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
            SELECT r.decision_number, \(unescaped: Self.revocationDate), acc.display_name, m.unit_id, mu.name,
                   d.number, d.decision_date, coalesce(p.full_name, nu.name), coalesce(p.position, ''),
                   coalesce(pu.name, nup.name, ''), a.name, c.reward_amount, r.reason, d.issuer
            FROM commendation_revocations r
            JOIN commendations c ON c.id = r.commendation_id
            JOIN decisions d ON d.id = c.decision_id
            JOIN accounts acc ON acc.id = r.revoked_by
            JOIN awards a ON a.code = c.award_code
            JOIN movements m ON m.id = c.movement_id
            JOIN units mu ON mu.id = m.unit_id
            LEFT JOIN people p ON p.id = c.nominee_person_id
            LEFT JOIN units pu ON pu.id = p.unit_id
            LEFT JOIN units nu ON nu.id = c.nominee_unit_id
            LEFT JOIN units nup ON nup.id = nu.parent_id
            WHERE r.decision_number = \(number)
              AND (\(year)::int IS NULL
                   OR extract(year FROM \(unescaped: Self.revocationDate)) = \(year))
            ORDER BY r.revoked_at, c.nominee_person_id IS NULL, p.given_name, p.family_name, nu.name
            """, logger: logger)
        typealias Row = (String, LocalDate, String, UUID, String, String, LocalDate, String, String, String, String, Int?, String, String?)
        let decoded = try rows.map { try $0.decode(Row.self) }
        guard let first = decoded.first else {
            throw DomainError.notFound("quyết định thu hồi \"\(number)\"" + (year.map { " năm \($0)" } ?? ""))
        }
        let years = Set(decoded.map(\.1.year))
        guard years.count == 1 else {
            throw DomainError(
                .conflict,
                "Có quyết định thu hồi số \(number) trong các năm \(years.sorted().map(String.init).joined(separator: ", ")). "
                    + "Chọn năm (--year) để in đúng quyết định.",
                violations: [.rule(field: "year", message: "Chọn năm của quyết định.")])
        }
        let settings = try await client.withConnection {
            try await DocumentSettingsRepository.settings(of: first.3, on: $0, logger: logger).0
        }
        return RevocationDocument(
            number: first.0, date: first.1, signer: first.2,
            issuer: HonorList.Issuer(unitName: first.4, parentName: settings.managingAgency, place: settings.place), settings: settings,
            originalNumber: first.5, originalDate: first.6, originalIssuer: first.13,
            lines: decoded.map {
                RevocationDocument.Line(name: $0.7, position: $0.8, unit: $0.9, awardName: $0.10, amount: $0.11, reason: $0.12)
            })
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
