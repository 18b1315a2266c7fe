import Foundation
import Logging
import PostgresNIO
import ThiduaCore

/// Reads what the movement report shows, in registration order.
public struct MovementReportRepository: Sendable {
    let client: DatabaseClient

    public init(client: DatabaseClient) { self.client = client }

    public func report(_ id: ID<Movement>, logger: Logger) async throws -> MovementReport {
        let movement = try await MovementRepository(client: client).find(id, logger: logger)
        let unitName =
            try await client.rows("SELECT name FROM units WHERE id = \(movement.unitId)", logger: logger).first?.decode(
                String.self) ?? ""
        let rows = try await client.rows(
            """
            SELECT m.title, f.name, coalesce(p.full_name, u.name), m.status,
                   (SELECT count(*) FROM evidence e WHERE e.model_id = m.id AND e.retracted_at IS NULL)::bigint,
                   (SELECT count(*) FROM reviews r WHERE r.model_id = m.id AND r.superseded_at IS NULL)::bigint,
                   (SELECT avg(t.total)::float8 FROM (
                        SELECT sum(s.points) AS total FROM reviews r JOIN review_scores s ON s.review_id = r.id
                        WHERE r.model_id = m.id AND r.superseded_at IS NULL GROUP BY r.id) t),
                   m.recognition_level, m.recognition_decision, m.recognized_on
            FROM model_initiatives m
            JOIN model_fields f ON f.code = m.field_code
            LEFT JOIN people p ON p.id = m.owner_person_id
            LEFT JOIN units u ON u.id = m.owner_unit_id
            WHERE m.movement_id = \(id)
            ORDER BY m.created_at, m.id
            """, logger: logger)
        let lines = try rows.map { row in
            let (title, field, owner, status, evidence, reviews, average, level, decision, date) =
                try row.decode((String, String, String, ModelStatus, Int, Int, Double?, String?, String?, LocalDate?).self)
            let recognition: ModelInitiative.Recognition? =
                if let level, let decision, let date {
                    .init(level: level, decision: decision, date: date)
                } else { nil }
            return MovementReport.Line(
                title: title, field: field, owner: owner, status: status, evidence: evidence,
                reviews: reviews, averageScore: average, recognition: recognition)
        }
        let settings = try await client.withConnection {
            try await DocumentSettingsRepository.settings(of: movement.unitId.rawValue, on: $0, logger: logger).0
        }
        return MovementReport(
            name: movement.name, period: movement.period, status: movement.status, unitName: unitName,
            maxPoints: movement.criteria.map(\.maxPoints).reduce(0, +), lines: lines,
            issuer: HonorList.Issuer(unitName: unitName, settings: settings))
    }
}
