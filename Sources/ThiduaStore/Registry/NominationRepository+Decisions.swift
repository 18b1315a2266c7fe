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
                            id, decisionId: decisionId, decisionDate: decision.date, expectedVersion: nil, on: connection, by: signer,
                            logger: logger)
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
        _ id: ID<Nomination>, decisionId: UUID, decisionDate: LocalDate, expectedVersion: Int?, on connection: PostgresConnection,
        by signer: Account, logger: Logger
    ) async throws -> Commendation {
        let current = try await find(id, on: connection, lock: true, logger: logger)
        if current.status == .forwarded {
            throw current.status.refusal(
                "Đề nghị đã trình \(current.submission?.authorityName ?? "cấp trên"); hãy ghi quyết định của cấp trên (external-decision).")
        }
        let authority = try await Self.authority(for: current, on: decisionDate, connection: connection, logger: logger)
        if authority.required.rank > authority.unit.rank {
            throw DomainError(
                .conflict,
                "\"\(authority.awardName)\" do \(authority.required.name) quyết định, vượt thẩm quyền của \(authority.unit.name). "
                    + "Hãy trình cấp trên: gửi số và ngày tờ trình (submissionNumber, submissionDate).",
                violations: [.init(field: "submissionNumber", message: "Khen thưởng này phải trình cấp có thẩm quyền.")])
        }
        let nomination = try await move(
            id, to: .approved, expectedVersion: expectedVersion, on: connection, by: Actor(account: signer), logger: logger)
        try await checkCaps(nomination, period: authority.period, on: connection, logger: logger)
        return try await issue(
            nomination, decisionId: decisionId, date: decisionDate, on: connection, by: Actor(account: signer), logger: logger)
    }

    /// An award above the unit's authority: the headmaster's approval forwards it with a submission (tờ trình).
    public func forward(
        _ id: ID<Nomination>, submission reference: DecisionReference, expectedVersion: Int?, by signer: Account, logger: Logger
    ) async throws -> Nomination {
        try await client.transaction(logger: logger) { connection in
            let current = try await Self.find(id, on: connection, lock: true, logger: logger)
            let authority = try await Self.authority(for: current, on: reference.date, connection: connection, logger: logger)
            guard authority.required.rank > authority.unit.rank else {
                throw DomainError(
                    .conflict,
                    "\"\(authority.awardName)\" thuộc thẩm quyền của \(authority.unit.name); hãy duyệt bằng số và ngày quyết định "
                        + "(decisionNumber, decisionDate), không cần tờ trình.",
                    violations: [.init(field: "decisionNumber", message: "Khen thưởng này do đơn vị tự quyết định.")])
            }
            let reason = "Tờ trình số \(reference.number) ngày \(reference.date.vietnamese) gửi \(authority.required.name)"
            try await Self.move(
                id, to: .forwarded, reason: reason, expectedVersion: expectedVersion, on: connection, by: Actor(account: signer),
                logger: logger)
            try await connection.rows(
                """
                INSERT INTO submissions (nomination_id, number, submitted_on, authority_level, submitted_by)
                VALUES (\(id.rawValue), \(reference.number), \(reference.date.description)::date, \(authority.required.code),
                        \(signer.id.rawValue))
                """, logger: logger)
            return try await Self.find(id, on: connection, lock: false, logger: logger)
        }
    }

    /// The higher authority's decision on a forwarded nomination: recorded with its issuer, number and date, and the
    /// commendation issued with the money in force on that date.
    public func recordExternalDecision(
        _ id: ID<Nomination>, issuer: String, decision reference: DecisionReference, by account: Account, logger: Logger
    ) async throws -> Commendation {
        let issuer = VietnameseText.normalized(issuer)
        guard !issuer.isEmpty else {
            throw DomainError.validation([.init(field: "issuer", message: "Cần cơ quan ban hành quyết định, ví dụ UBND tỉnh Đồng Tháp.")])
        }
        return try await client.transaction(logger: logger) { connection in
            let current = try await Self.find(id, on: connection, lock: true, logger: logger)
            guard current.status == .forwarded else {
                throw current.status.refusal(
                    "Đề nghị đang \"\(current.status.vietnameseName)\"; chỉ ghi quyết định của cấp trên cho đề nghị đã trình cấp trên.")
            }
            let decisionId = try await Self.decision(reference, signer: account, issuer: issuer, on: connection, logger: logger)
            let nomination = try await Self.move(
                id, to: .approved, expectedVersion: nil, on: connection, by: Actor(account: account), logger: logger)
            return try await Self.issue(
                nomination, decisionId: decisionId, date: reference.date, on: connection, by: Actor(account: account), logger: logger)
        }
    }

    /// Creates the commendation with the coefficient, base salary and amount in force on the decision date.
    static func issue(
        _ nomination: Nomination, decisionId: UUID, date: LocalDate, on connection: PostgresConnection, by actor: Actor, logger: Logger
    ) async throws -> Commendation {
        let quote = try await CatalogueRepository.quote(
            award: nomination.awardCode, date: date, collective: nomination.nominee.unitId != nil, on: connection, logger: logger)
        let rows = try await connection.rows(
            """
            INSERT INTO commendations (nomination_id, decision_id, award_code, movement_id, nominee_person_id, nominee_unit_id,
                                       coefficient, collective_factor, base_salary, reward_amount)
            VALUES (\(nomination.id.rawValue), \(decisionId), \(nomination.awardCode), \(nomination.movementId.rawValue),
                    \(nomination.nominee.personId?.rawValue), \(nomination.nominee.unitId?.rawValue),
                    \(quote.coefficient.description)::numeric, \(quote.collectiveFactor), \(quote.baseSalary), \(quote.rewardAmount))
            RETURNING id
            """, logger: logger)
        let commendationId = ID<Commendation>(try rows.required("khen thưởng").decode(UUID.self))
        let commendation = try await CommendationRepository.find(commendationId, on: connection, logger: logger)
        try await AuditLog.record(
            on: connection, by: actor, action: "commendation.create", entity: "commendation",
            id: commendationId.description, before: String?.none, after: CommendationSnapshot(commendation), logger: logger)
        return commendation
    }

    /// The level that grants the nomination's award on a date, and the level of the unit that runs its movement.
    static func authority(for nomination: Nomination, on date: LocalDate, connection: PostgresConnection, logger: Logger) async throws
        -> (required: AuthorityLevel, unit: AuthorityLevel, awardName: String, period: Period)
    {
        let award = try await CatalogueRepository.award(nomination.awardCode, on: connection, logger: logger)
        guard let rule = award.rule(on: date) else {
            throw DomainError(
                .validationFailed, "Danh mục chưa có quy định cho \"\(award.name)\" vào ngày \(date.vietnamese).",
                violations: [.init(field: "decisionDate", message: "Không có quy định có hiệu lực vào ngày này.")])
        }
        let movement = try await MovementRepository.find(nomination.movementId, on: connection, lock: false, logger: logger)
        return (
            try await CatalogueRepository.level(rule.authorityLevel, on: connection, logger: logger),
            try await CatalogueRepository.authority(ofUnit: movement.unitId.rawValue, on: connection, logger: logger), award.name,
            movement.period
        )
    }

    /// Unit-wide caps on this award (off unless enabled): the cap row is locked first, so approvals running at the same
    /// moment count one another.
    static func checkCaps(_ nomination: Nomination, period: Period, on connection: PostgresConnection, logger: Logger) async throws {
        let caps = try await connection.rows(
            """
            WITH RECURSIVE ancestry(id, parent_id) AS (
                SELECT id, parent_id FROM units
                WHERE id = coalesce(\(nomination.nominee.unitId?.rawValue)::uuid,
                                    (SELECT unit_id FROM people WHERE id = \(nomination.nominee.personId?.rawValue)))
                UNION SELECT u.id, u.parent_id FROM units u JOIN ancestry a ON u.id = a.parent_id)
            SELECT c.unit_id, u.name, c.base_award_code, c.percent::text, a.name, b.name
            FROM unit_caps c JOIN units u ON u.id = c.unit_id JOIN awards a ON a.code = c.award_code
            JOIN awards b ON b.code = c.base_award_code
            WHERE c.award_code = \(nomination.awardCode) AND c.enabled AND c.unit_id IN (SELECT id FROM ancestry)
            ORDER BY c.unit_id
            FOR UPDATE OF c
            """, logger: logger)
        for cap in caps {
            let (unit, unitName, baseAward, percentText, awardName, baseName) =
                try cap.decode((UUID, String, String, String, String, String).self)
            let counts = try await connection.rows(
                """
                WITH RECURSIVE scope(id) AS (SELECT \(unit)::uuid UNION SELECT u.id FROM units u JOIN scope s ON u.parent_id = s.id),
                issued AS (
                    SELECT c.award_code FROM commendations c
                    JOIN movements m ON m.id = c.movement_id
                    LEFT JOIN people p ON p.id = c.nominee_person_id
                    LEFT JOIN commendation_revocations r ON r.commendation_id = c.id
                    WHERE r.commendation_id IS NULL AND m.period_kind = \(period.kind.rawValue) AND m.period_year = \(period.year)
                      AND coalesce(p.unit_id, c.nominee_unit_id) IN (SELECT id FROM scope))
                SELECT (SELECT count(*) FROM issued WHERE award_code = \(nomination.awardCode))::bigint,
                       (SELECT count(*) FROM issued WHERE award_code = \(baseAward))::bigint
                """, logger: logger)
            let (already, base) = try counts.required("giới hạn").decode((Int, Int).self)
            let cap = UnitPolicy.Cap(
                award: nomination.awardCode, ofAward: baseAward, percent: Coefficient(percentText) ?? Coefficient(hundredths: 0),
                enabled: true)
            if let refusal = cap.refusal(
                issued: already, base: base, unitName: unitName, awardName: awardName, baseName: baseName, period: period)
            {
                throw refusal
            }
        }
    }

    /// The decision with this number, created if new; the same number with another date is a conflict.
    static func decision(
        _ reference: DecisionReference, signer: Account, issuer: String? = nil, on connection: PostgresConnection, logger: Logger
    ) async throws -> UUID {
        let existing = try await connection.rows(
            "SELECT id, decision_date::text, issuer FROM decisions WHERE number = \(reference.number)", logger: logger)
        if let row = existing.first {
            let (id, date, existingIssuer) = try row.decode((UUID, String, String?).self)
            guard existingIssuer == issuer else {
                throw DomainError(
                    .conflict,
                    "Số quyết định \(reference.number) đã được dùng cho một quyết định "
                        + (existingIssuer.map { "của \($0)" } ?? "do đơn vị ký")
                        + "; hãy kiểm tra lại số và cơ quan ban hành.",
                    violations: [.init(field: "decisionNumber", message: "Số quyết định đã được dùng cho cơ quan khác.")])
            }
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
            INSERT INTO decisions (number, decision_date, signer_id, signer_name, issuer)
            VALUES (\(reference.number), \(reference.date.description)::date, \(signer.id.rawValue),
                    \(issuer == nil ? signer.displayName : ""), \(issuer))
            ON CONFLICT (number) DO NOTHING
            RETURNING id
            """, logger: logger)
        if let row = rows.first { return try row.decode(UUID.self) }
        // Signed at the same moment by another request: use theirs if the date matches.
        return try await decision(reference, signer: signer, issuer: issuer, on: connection, logger: logger)
    }
}
