import Foundation
import Logging
import PostgresNIO
import ThiduaCore

/// The báo cáo thành tích of a nomination (sql/0033): the written sections, saved with a version until the nomination is
/// decided, and the printed report filled from the registry.
public struct AchievementReportRepository: Sendable {
    let client: DatabaseClient

    public init(client: DatabaseClient) { self.client = client }

    /// The written sections (all empty, version 0, before anything was saved), and whether the award needs a report.
    public func find(_ id: ID<Nomination>, logger: Logger) async throws -> (report: AchievementReport, needed: Bool) {
        try await client.withConnection { connection in
            let needed = try await connection.rows(
                "SELECT a.needs_achievement_report FROM nominations n JOIN awards a ON a.code = n.award_code WHERE n.id = \(id)",
                logger: logger
            ).required(Nomination.noun).decode(Bool.self)
            return (try await Self.find(id, on: connection, logger: logger), needed)
        }
    }

    static func find(_ id: ID<Nomination>, on connection: PostgresConnection, logger: Logger) async throws -> AchievementReport {
        let rows = try await connection.rows(
            "SELECT profile, duties, achievements, measures, version FROM achievement_reports WHERE nomination_id = \(id)", logger: logger)
        guard let row = rows.first else { return AchievementReport() }
        let (profile, duties, achievements, measures, version) = try row.decode((String, String, String, String, Int).self)
        return AchievementReport(profile: profile, duties: duties, achievements: achievements, measures: measures, version: version)
    }

    /// Saves the sections (the version the writer saw, if given, must still be the stored one); refused once the nomination
    /// is decided (sql/0033, `achievement_reports_open`).
    public func save(
        _ id: ID<Nomination>, _ report: AchievementReport, expectedVersion: Int?, by actor: Actor, logger: Logger
    ) async throws -> AchievementReport {
        try await client.transaction(logger: logger) { connection in
            _ = try await NominationRepository.find(id, on: connection, lock: true, logger: logger)
            let before = try await Self.find(id, on: connection, logger: logger)
            try checkVersion(before.version, expected: expectedVersion)
            let rows = try await connection.rows(
                """
                INSERT INTO achievement_reports (nomination_id, profile, duties, achievements, measures, updated_by)
                VALUES (\(id), \(report.profile), \(report.duties), \(report.achievements), \(report.measures), \(actor.accountId))
                ON CONFLICT (nomination_id) DO UPDATE SET
                    profile = excluded.profile, duties = excluded.duties, achievements = excluded.achievements,
                    measures = excluded.measures, updated_by = excluded.updated_by, updated_at = now(),
                    version = achievement_reports.version + 1
                RETURNING version
                """, logger: logger)
            var saved = report
            saved.version = try rows.required("báo cáo thành tích").decode(Int.self)
            try await AuditLog.record(
                on: connection, by: actor, action: "achievement_report.save", entity: "nomination", id: id.description,
                before: before.version == 0 ? nil : before, after: saved, logger: logger)
            return saved
        }
    }

    /// Sending a nomination whose award needs a report: refused while a required section is empty.
    static func checkBeforeSubmission(_ nomination: Nomination, on connection: PostgresConnection, logger: Logger) async throws {
        let rows = try await connection.rows(
            "SELECT name, needs_achievement_report FROM awards WHERE code = \(nomination.awardCode)", logger: logger)
        guard let (award, needed) = try rows.first?.decode((String, Bool).self), needed else { return }
        let missing = try await find(nomination.id, on: connection, logger: logger).missing
        guard !missing.isEmpty else { return }
        throw AchievementReport.refusal(missing: missing, collective: nomination.nominee.unitId != nil, award: award)
    }
}
