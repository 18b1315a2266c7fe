import Foundation
import Logging
import PostgresNIO
import ThiduaCore

extension NominationRepository {
    /// One line of a decision: what would happen (dry run) or what happened to one nomination.
    public struct DecisionOutcome: Sendable, Codable, Equatable {
        public let nominationId: String
        public let outcome: String
        public let commendationId: String?
        public let problem: String?
    }

    /// The headmaster approves a recommended nomination under a decision (number and date): the commendation is created
    /// in the same transaction. Two approvals at once give one commendation: the row lock makes the second see `approved`.
    public func approve(_ id: ID<Nomination>, decision: DecisionReference, expectedVersion: Int?, by signer: Account, logger: Logger)
        async throws -> Commendation
    {
        try await client.transaction(logger: logger) { connection in
            let decisionId = try await Self.decision(decision, signer: signer, on: connection, logger: logger)
            return try await Self.approve(
                id, decisionId: decisionId, expectedVersion: expectedVersion, on: connection, by: signer, logger: logger)
        }
    }

    /// Approves several nominations under one decision, all or nothing. With `dryRun` the same work is done and rolled back,
    /// so the answer is exactly what signing would do.
    public func approveAll(_ ids: [ID<Nomination>], decision: DecisionReference, dryRun: Bool, by signer: Account, logger: Logger)
        async throws -> [DecisionOutcome]
    {
        guard !ids.isEmpty else { throw DomainError.validation([.init(field: "nominationIds", message: "Cần ít nhất một đề nghị.")]) }
        guard Set(ids).count == ids.count else {
            throw DomainError.validation([.init(field: "nominationIds", message: "Một đề nghị được liệt kê hai lần.")])
        }
        return try await client.withConnection { connection in
            try await connection.query("BEGIN", logger: logger)
            var outcomes: [DecisionOutcome] = []
            do {
                let decisionId = try await Self.decision(decision, signer: signer, on: connection, logger: logger)
                var failed = false
                for (index, id) in ids.enumerated() {
                    try await connection.query("SAVEPOINT item\(unescaped: String(index))", logger: logger)
                    do {
                        let commendation = try await Self.approve(
                            id, decisionId: decisionId, expectedVersion: nil, on: connection, by: signer, logger: logger)
                        outcomes.append(
                            .init(
                                nominationId: id.description, outcome: "approved", commendationId: commendation.id.description, problem: nil
                            ))
                    } catch let error as DomainError {
                        try await connection.query("ROLLBACK TO SAVEPOINT item\(unescaped: String(index))", logger: logger)
                        failed = true
                        outcomes.append(
                            .init(nominationId: id.description, outcome: "refused", commendationId: nil, problem: error.message))
                    }
                }
                if dryRun || failed {
                    try await connection.query("ROLLBACK", logger: logger)
                    if failed && !dryRun {
                        let problems = outcomes.filter { $0.problem != nil }.map { "\($0.nominationId): \($0.problem ?? "")" }
                        throw DomainError(
                            .conflict,
                            "Không ký được quyết định: \(problems.count) đề nghị không thể duyệt. " + problems.joined(separator: " "))
                    }
                    return dryRun
                        ? outcomes.map {
                            .init(
                                nominationId: $0.nominationId, outcome: $0.problem == nil ? "would-approve" : "refused",
                                commendationId: nil, problem: $0.problem)
                        } : outcomes
                }
                try await connection.query("COMMIT", logger: logger)
                return outcomes
            } catch {
                _ = try? await connection.query("ROLLBACK", logger: logger)
                throw StoreErrorMapping.map(error)
            }
        }
    }

    static func approve(
        _ id: ID<Nomination>, decisionId: UUID, expectedVersion: Int?, on connection: PostgresConnection, by signer: Account, logger: Logger
    ) async throws -> Commendation {
        let nomination = try await move(
            id, to: .approved, expectedVersion: expectedVersion, on: connection, by: Actor(account: signer), logger: logger)
        let rows = try await connection.rows(
            """
            INSERT INTO commendations (nomination_id, decision_id, award_code, movement_id, nominee_person_id, nominee_unit_id)
            VALUES (\(id.rawValue), \(decisionId), \(nomination.awardCode), \(nomination.movementId.rawValue),
                    \(nomination.nominee.personId?.rawValue), \(nomination.nominee.unitId?.rawValue))
            RETURNING id
            """, logger: logger)
        let commendationId = ID<Commendation>(try rows.required("khen thưởng").decode(UUID.self))
        let commendation = try await CommendationRepository.find(commendationId, on: connection, logger: logger)
        try await AuditLog.record(
            on: connection, by: Actor(account: signer), action: "commendation.create", entity: "commendation",
            id: commendationId.description, before: String?.none, after: CommendationSnapshot(commendation), logger: logger)
        return commendation
    }

    /// The decision with this number, created if new; the same number with another date is a conflict.
    static func decision(_ reference: DecisionReference, signer: Account, on connection: PostgresConnection, logger: Logger) async throws
        -> UUID
    {
        let existing = try await connection.rows(
            "SELECT id, decision_date::text FROM decisions WHERE number = \(reference.number)", logger: logger)
        if let row = existing.first {
            let (id, date) = try row.decode((UUID, String).self)
            guard date == reference.date.description else {
                throw DomainError(
                    .conflict,
                    "Quyết định số \(reference.number) đã có, ngày \(date); không thể dùng lại số này với ngày \(reference.date).",
                    violations: [.init(field: "decisionNumber", message: "Số quyết định đã được dùng với ngày khác.")])
            }
            return id
        }
        let rows = try await connection.rows(
            """
            INSERT INTO decisions (number, decision_date, signer_id, signer_name)
            VALUES (\(reference.number), \(reference.date.description)::date, \(signer.id.rawValue), \(signer.displayName))
            ON CONFLICT (number) DO NOTHING
            RETURNING id
            """, logger: logger)
        if let row = rows.first { return try row.decode(UUID.self) }
        // Signed at the same moment by another request: use theirs if the date matches.
        return try await decision(reference, signer: signer, on: connection, logger: logger)
    }
}
