import Foundation
import Logging
import PostgresNIO
import ThiduaCore

extension SubmissionRepository {
    /// The unit a forwarded nomination waits at sends it on to the next unit up in thidua (sql/0043: the district to the
    /// province), with a tờ trình of its own. Its council's agreeing votes come first when it has one, as for a grant.
    /// The database checks the rest: the nomination waits at the sender, unanswered; the account heads that unit; a unit
    /// above, up to the award's level, is in thidua; the date is not before the tờ trình it came with.
    public func sendOn(_ id: ID<Nomination>, submission reference: DecisionReference, by account: Account, logger: Logger)
        async throws -> Nomination
    {
        try await client.transaction(logger: logger) { connection in
            try await Self.sendOn(id, submission: reference, by: account, on: connection, logger: logger)
        }
    }

    /// Several nominations waiting at the unit sent on with one tờ trình of its own (its number and date shared), all or
    /// none: the first that cannot go is named (`RefusedNomination`) and nothing is stored.
    public func sendOnAll(_ ids: [ID<Nomination>], submission reference: DecisionReference, by account: Account, logger: Logger)
        async throws -> [Nomination]
    {
        try NominationRepository.checkChosen(ids)
        return try await client.transaction(logger: logger) { connection in
            var sent: [Nomination] = []
            for id in ids {
                do {
                    sent.append(try await Self.sendOn(id, submission: reference, by: account, on: connection, logger: logger))
                } catch let error as DomainError {
                    throw RefusedNomination(id: id, error: error)
                }
            }
            return sent
        }
    }

    static func sendOn(
        _ id: ID<Nomination>, submission reference: DecisionReference, by account: Account, on connection: PostgresConnection,
        logger: Logger
    ) async throws -> Nomination {
        let current = try await NominationRepository.find(id, on: connection, lock: true, logger: logger)
        guard current.status == .forwarded, let submission = current.submission, let from = submission.receivingUnitId else {
            throw current.status.refusal(
                "Đề nghị đang \"\(current.status.vietnameseName)\"; chỉ trình tiếp đề nghị đang chờ đơn vị trên thidua xem xét.")
        }
        guard let next = submission.onwardUnit else {
            throw DomainError(
                .conflict,
                "Không có đơn vị cấp trên nào dùng thidua để trình tiếp; \(submission.receivingUnit ?? "đơn vị") ghi kết quả của "
                    + "\(submission.authorityName) khi nhận được văn bản.",
                violations: [.init(field: "submissionNumber", message: "Cấp có thẩm quyền không dùng thidua.")])
        }
        let latest = submission.onward.last?.date ?? submission.date
        guard reference.date >= latest else {
            throw DomainError.rule(field: "submissionDate", "Tờ trình không thể trước ngày tờ trình gửi lên (\(latest.vietnamese)).")
        }
        try await Self.checkReceivingCouncil(id, award: current.awardCode, on: connection, logger: logger)
        try await connection.rows(
            """
            INSERT INTO onward_submissions (nomination_id, from_unit_id, number, submitted_on, submitted_by)
            VALUES (\(id), \(from), \(reference.number), \(reference.date), \(account.id))
            """, logger: logger)
        let hop = OnwardSubmission(fromUnit: submission.receivingUnit ?? "", number: reference.number, date: reference.date)
        try await AuditLog.record(
            on: connection, by: Actor(account: account), action: "nomination.send_on", entity: "nomination", id: id.description,
            before: String?.none, after: OnwardAudit(hop: hop, to: next), logger: logger)
        return try await NominationRepository.find(id, on: connection, lock: false, logger: logger)
    }

    /// What the audit log keeps of a hop: the tờ trình and the unit it went to.
    struct OnwardAudit: Encodable, Sendable {
        let hop: OnwardSubmission
        let to: String
    }
}
