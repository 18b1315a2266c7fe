import Foundation
import Logging
import PostgresNIO
import ThiduaCore

/// The file sent upward (sql/0032): the nominations forwarded with one tờ trình, each nominee's papers, and the higher
/// level's answer on each.
public struct SubmissionRepository: Sendable {
    let client: DatabaseClient

    public init(client: DatabaseClient) {
        self.client = client
    }

    /// The higher level's answer on a forwarded nomination: approved or reduced issues the commendation of the award granted
    /// (with the money in force on the answer's date, under the answering authority's decision); refused declines the
    /// nomination with the reason. Recorded once. Forwarded to a unit whose council reviews it (sql/0041), a grant needs
    /// that council's agreeing votes as the award's threshold asks, as the school's recommendation needed its own.
    public func answer(_ id: ID<Nomination>, _ draft: AnswerDraft, by account: Account, logger: Logger) async throws -> SubmissionAnswer {
        try await client.transaction(logger: logger) { connection in
            let current = try await NominationRepository.find(id, on: connection, lock: true, logger: logger)
            guard current.status == .forwarded, let submission = current.submission else {
                throw current.status.refusal(
                    "Đề nghị đang \"\(current.status.vietnameseName)\"; chỉ ghi kết quả của cấp trên cho đề nghị đã trình cấp trên.")
            }
            guard draft.reference.date >= submission.date else {
                throw DomainError.rule(
                    field: "decisionDate", "Văn bản trả lời không thể trước ngày tờ trình (\(submission.date.vietnamese)).")
            }
            let granted = draft.outcome == .refused ? nil : (draft.award ?? current.awardCode)
            if let granted, draft.outcome == .reduced {
                try await Self.checkReducedAward(granted, proposed: current, on: connection, logger: logger)
            }
            if let granted { try await Self.checkReceivingCouncil(id, award: granted, on: connection, logger: logger) }
            var commendationId: String?
            let actor = Actor(account: account)
            if let granted {
                let decision = try await DecisionRepository.findOrCreate(
                    draft.reference, signer: account, issuer: draft.issuer, on: connection, logger: logger)
                var nomination = try await NominationRepository.move(
                    id, to: .approved, expectedVersion: nil, current: current, on: connection, by: actor, logger: logger)
                nomination.awardCode = granted
                commendationId = try await NominationRepository.issue(
                    nomination, decisionId: decision, date: draft.reference.date, on: connection, by: actor, logger: logger
                ).id.description
            } else {
                let reason =
                    "\(draft.issuer) không duyệt (văn bản số \(draft.reference.number) ngày \(draft.reference.date.vietnamese)): "
                    + (draft.reason ?? "")
                _ = try await NominationRepository.move(
                    id, to: .declined, reason: reason, expectedVersion: nil, current: current, on: connection, by: actor, logger: logger)
            }
            let rows = try await connection.rows(
                """
                WITH s AS (
                    INSERT INTO submission_answers (nomination_id, outcome, issuer, number, answered_on, award_code, commendation_id,
                                                    reason, recorded_by)
                    VALUES (\(id), \(draft.outcome.rawValue), \(draft.issuer), \(draft.reference.number), \(draft.reference.date),
                            \(granted), \(commendationId.flatMap(UUID.init(uuidString:))), \(draft.reason), \(account.id))
                    RETURNING award_code)
                SELECT a.name FROM s LEFT JOIN awards a ON a.code = s.award_code
                """, logger: logger)
            let awardName = try rows.required("kết quả của cấp trên").decode(String?.self)
            let answer = SubmissionAnswer(
                outcome: draft.outcome, issuer: draft.issuer, number: draft.reference.number, date: draft.reference.date,
                awardCode: granted, awardName: awardName, reason: draft.reason, commendationId: commendationId)
            try await AuditLog.record(
                on: connection, by: actor, action: "nomination.answer", entity: "nomination", id: id.description, before: String?.none,
                after: answer, logger: logger)
            return answer
        }
    }

    /// A nomination forwarded to a unit whose council reviews it (sql/0041) is granted or sent on only with that council's
    /// agreeing votes, as the award's threshold asks (the titles: 2/3 of the members).
    static func checkReceivingCouncil(_ id: ID<Nomination>, award code: String, on connection: PostgresConnection, logger: Logger)
        async throws
    {
        guard let round = try await ReviewRepository.reviewingCouncil(id, on: connection, logger: logger) else { return }
        let tally = try await ReviewRepository.tally(.nomination(id), round: round, on: connection, logger: logger)
        let award = try await CatalogueRepository.award(code, on: connection, logger: logger)
        if let refusal = award.rule(on: LocalDate.today)?.voteThreshold?.receivingCouncilRefusal(tally, awardName: award.name) {
            throw refusal
        }
    }

    /// Another award than proposed must exist, differ, and suit the nominee (a person's award for a person).
    static func checkReducedAward(_ code: String, proposed: Nomination, on connection: PostgresConnection, logger: Logger) async throws {
        guard code != proposed.awardCode else {
            throw DomainError.rule(field: "award", "Hình thức này là hình thức đã đề nghị; hãy ghi kết quả approved (được duyệt).")
        }
        let rows = try await connection.rows("SELECT recipient FROM awards WHERE code = \(code)", logger: logger)
        guard let recipient = try rows.first?.decode(String.self) else {
            throw DomainError.rule(field: "award", "Không có hình thức khen thưởng mã \(code) trong danh mục.")
        }
        let collective = proposed.nominee.unitId != nil
        guard recipient == "both" || recipient == (collective ? "collective" : "individual") else {
            throw DomainError.rule(
                field: "award", "Hình thức \(code) không dành cho \(collective ? "tập thể" : "cá nhân").")
        }
    }
}
