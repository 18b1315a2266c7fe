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
        /// The reward money the commendation is (or would be) issued with, in đồng.
        public var rewardAmount: Int? = nil
    }

    /// The headmaster approves a recommended nomination under a decision (number and date): the commendation is created
    /// in the same transaction. Two approvals at once give one commendation: the row lock makes the second see `approved`.
    public func approve(_ id: ID<Nomination>, decision: DecisionReference, expectedVersion: Int?, by signer: Account, logger: Logger)
        async throws -> Commendation
    {
        try await client.transaction(logger: logger) { connection in
            let decisionId = try await DecisionRepository.findOrCreate(decision, signer: signer, on: connection, logger: logger)
            return try await Self.approve(
                id, decisionId: decisionId, decisionDate: decision.date, expectedVersion: expectedVersion, on: connection, by: signer,
                logger: logger)
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
        do {
            // First without a savepoint per nomination (500 subtransactions cost PostgreSQL more than the work itself);
            // the first refusal undoes that attempt, and the decision is run again item by item to say every refusal.
            do {
                return try await attempt(ids, decision: decision, dryRun: dryRun, itemByItem: false, by: signer, logger: logger)
            } catch is RefusedItem {
                return try await attempt(ids, decision: decision, dryRun: dryRun, itemByItem: true, by: signer, logger: logger)
            }
        } catch let undone as Undone {
            guard dryRun else {
                let problems = undone.outcomes.filter { $0.problem != nil }.map { "\($0.nominationId): \($0.problem ?? "")" }
                throw DomainError(
                    .conflict, "Không ký được quyết định: \(problems.count) đề nghị không thể duyệt. " + problems.joined(separator: " "))
            }
            return undone.outcomes.map {
                .init(
                    nominationId: $0.nominationId, outcome: $0.problem == nil ? "would-approve" : "refused", commendationId: nil,
                    problem: $0.problem, rewardAmount: $0.rewardAmount)
            }
        }
    }

    /// One attempt at the decision in one transaction. `itemByItem`: each nomination in its own savepoint, so every
    /// refusal is collected; otherwise the first refusal throws `RefusedItem`.
    private func attempt(
        _ ids: [ID<Nomination>], decision: DecisionReference, dryRun: Bool, itemByItem: Bool, by signer: Account, logger: Logger
    ) async throws -> [DecisionOutcome] {
        try await client.transaction(logger: logger) { connection in
            let decisionId = try await DecisionRepository.findOrCreate(decision, signer: signer, on: connection, logger: logger)
            var outcomes: [DecisionOutcome] = []
            let memo = try await DecisionMemo.prepared(for: ids, on: connection, logger: logger)
            for (index, id) in ids.enumerated() {
                let approve = {
                    try await Self.approve(
                        id, decisionId: decisionId, decisionDate: decision.date, expectedVersion: nil, on: connection, by: signer,
                        memo: memo, logger: logger)
                }
                let result: Result<Commendation, DomainError>
                if itemByItem {
                    result = try await connection.savepoint("item\(index)", logger: logger, approve)
                } else {
                    do { result = .success(try await approve()) } catch is DomainError { throw RefusedItem() }
                }
                switch result {
                case .success(let commendation):
                    outcomes.append(
                        .init(
                            nominationId: id.description, outcome: "approved", commendationId: commendation.id.description,
                            problem: nil,
                            rewardAmount: commendation.money?.rewardAmount))
                case .failure(let refusal):
                    outcomes.append(
                        .init(nominationId: id.description, outcome: "refused", commendationId: nil, problem: refusal.message))
                }
            }
            // A dry run, or a decision with a refused item, leaves nothing behind: undo the whole transaction.
            if dryRun || outcomes.contains(where: { $0.problem != nil }) { throw Undone(outcomes: outcomes) }
            try await memo.journal.flush(on: connection, logger: logger)
            return outcomes
        }
    }

    /// Thrown to undo an attempt without savepoints at its first refusal.
    private struct RefusedItem: Error {}

    /// Thrown to roll back a batch decision that must leave nothing behind, carrying what each item would have done.
    private struct Undone: Error {
        let outcomes: [DecisionOutcome]
    }

    static func approve(
        _ id: ID<Nomination>, decisionId: UUID, decisionDate: LocalDate, expectedVersion: Int?, on connection: PostgresConnection,
        by signer: Account, memo: DecisionMemo? = nil, logger: Logger
    ) async throws -> Commendation {
        let current: Nomination
        if let locked = memo?.locked.removeValue(forKey: id) {
            current = locked
        } else {
            current = try await find(id, on: connection, lock: true, logger: logger)
        }
        if current.status == .forwarded {
            throw current.status.refusal(
                "Đề nghị đã trình \(current.submission?.authorityName ?? "cấp trên"); hãy ghi quyết định của cấp trên (external-decision).")
        }
        let authority = try await Self.authority(for: current, on: decisionDate, memo: memo, connection: connection, logger: logger)
        if !authority.grants {
            throw DomainError(
                .conflict,
                "\"\(authority.awardName)\" không thuộc danh sách khen thưởng \(authority.unitName) tự quyết định; "
                    + "khen thưởng này do \(authority.required.name) quyết định. "
                    + "Hãy trình cấp trên bằng tờ trình (số và ngày tờ trình).",
                violations: [.init(field: "submissionNumber", message: "Khen thưởng này phải trình cấp có thẩm quyền.")])
        }
        let nomination = try await move(
            id, to: .approved, expectedVersion: expectedVersion, current: current, on: connection, by: Actor(account: signer),
            journal: memo?.journal, logger: logger)
        try await checkCaps(nomination, period: authority.period, memo: memo, on: connection, logger: logger)
        return try await issue(
            nomination, decisionId: decisionId, date: decisionDate, on: connection, by: Actor(account: signer), memo: memo,
            logger: logger)
    }

    /// The higher authority's decision granting a forwarded nomination as proposed: its answer "approved" (sql/0032), the
    /// commendation issued with the money in force on that date.
    public func recordExternalDecision(
        _ id: ID<Nomination>, issuer: String, decision reference: DecisionReference, by account: Account, logger: Logger
    ) async throws -> Commendation {
        let draft = try AnswerDraft.validate(
            outcome: AnswerOutcome.approved.rawValue, issuer: issuer, number: reference.number, date: reference.date.description,
            award: nil, reason: nil)
        let answer = try await SubmissionRepository(client: client).answer(id, draft, by: account, logger: logger)
        guard let commendation = answer.commendationId.flatMap({ ID<Commendation>($0) }) else { throw DomainError.notFound("khen thưởng") }
        return try await CommendationRepository(client: client).find(commendation, logger: logger)
    }

    /// Creates the commendation with the coefficient, base salary and amount in force on the decision date.
    static func issue(
        _ nomination: Nomination, decisionId: UUID, date: LocalDate, on connection: PostgresConnection, by actor: Actor,
        memo: DecisionMemo? = nil, logger: Logger
    ) async throws -> Commendation {
        let collective = nomination.nominee.unitId != nil
        let key = "\(nomination.awardCode)|\(date)|\(collective)"
        let quote: RewardQuote
        if let known = memo?.quotes[key] {
            quote = known
        } else {
            quote = try await CatalogueRepository.quote(
                award: nomination.awardCode, date: date, collective: collective, on: connection, logger: logger)
            memo?.quotes[key] = quote
        }
        try await refuseSecondTitle(nomination, memo: memo, on: connection, logger: logger)
        // The new row comes back with its decision in the same statement.
        let rows = try await connection.rows(
            """
            WITH c AS (
                INSERT INTO commendations (nomination_id, decision_id, award_code, movement_id, nominee_person_id, nominee_unit_id,
                                           coefficient, collective_factor, base_salary, reward_amount)
                VALUES (\(nomination.id), \(decisionId), \(nomination.awardCode), \(nomination.movementId),
                        \(nomination.nominee.personId), \(nomination.nominee.unitId),
                        \(quote.coefficient.description)::numeric, \(quote.collectiveFactor), \(quote.baseSalary), \(quote.rewardAmount))
                RETURNING *)
            SELECT \(unescaped: CommendationRepository.columns) FROM c \(unescaped: CommendationRepository.joins)
            """, logger: logger)
        let commendation = try CommendationRepository.commendation(try rows.required("khen thưởng")).item
        try await AuditLog.record(
            on: connection, by: actor, action: "commendation.create", entity: "commendation",
            id: commendation.id.description, before: String?.none, after: CommendationSnapshot(commendation), journal: memo?.journal,
            logger: logger)
        return commendation
    }

    /// A title the nominee already holds for an overlapping period (sql/0021 refuses it in any case): said with the
    /// commendation that holds it, so the headmaster knows which decision to look at.
    static func refuseSecondTitle(_ nomination: Nomination, memo: DecisionMemo? = nil, on connection: PostgresConnection, logger: Logger)
        async throws
    {
        if let memo, !memo.mayHoldTitle(nomination) { return }
        let rows = try await connection.rows(
            """
            SELECT a.name, m.period_kind, m.period_year, d.number, d.decision_date
            FROM title_periods t JOIN commendations c ON c.id = t.commendation_id JOIN awards a ON a.code = t.award_code
            JOIN movements m ON m.id = c.movement_id JOIN decisions d ON d.id = c.decision_id
            WHERE t.nominee_id = \(nomination.nominee.personId?.rawValue ?? nomination.nominee.unitId?.rawValue)
              AND t.award_code = \(nomination.awardCode)
              AND t.period && (SELECT daterange(starts_on, ends_on, '[]') FROM movements WHERE id = \(nomination.movementId))
            LIMIT 1
            """, logger: logger)
        guard let row = rows.first else { return }
        let (award, kind, year, number, date) = try row.decode((String, String, Int, String, LocalDate).self)
        let period = Period(kindCode: kind, year: year)?.vietnamese ?? String(year)
        throw DomainError(
            .conflict,
            "Đã có danh hiệu \"\(award)\" \(period) (Quyết định số \(number) ngày \(date.vietnamese)) trùng thời gian với đề nghị này; "
                + "một thành tích chỉ được khen thưởng một lần.",
            violations: [.init(field: "award", message: "Đã có danh hiệu này trong cùng thời gian.")])
    }
}
