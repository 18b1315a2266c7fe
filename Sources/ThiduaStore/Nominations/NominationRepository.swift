import Foundation
import Logging
import PostgresNIO
import ThiduaCore

/// Nominations through their workflow. Each step is one transaction: lock, check in Core, update, audit.
public struct NominationRepository: Sendable {
    let client: DatabaseClient

    public init(client: DatabaseClient) { self.client = client }

    /// A nomination with its models and its submission (tờ trình), in one row: `FROM nominations n` + `submissionJoin`.
    static let columns = """
        n.id, n.movement_id, n.award_code, n.nominee_person_id, n.nominee_unit_id, n.achievements, n.status, n.return_reason,
        n.decline_reason, n.version, n.created_at::text,
        ARRAY(SELECT nm.model_id FROM nomination_models nm WHERE nm.nomination_id = n.id ORDER BY nm.model_id),
        sub.number, sub.submitted_on, sub.authority_level, sub.name, n.kind, sub.addressee, sub.receiver_id, sub.receiver,
        sub.hop_units, sub.hop_numbers, sub.hop_dates, sub.onward_id, sub.onward
        """

    static let submissionJoin = """
        LEFT JOIN LATERAL (
            SELECT s.number, s.submitted_on, s.authority_level, l.name, s.addressee, r.id AS receiver_id, r.name AS receiver,
                   h.units AS hop_units, h.numbers AS hop_numbers, h.dates AS hop_dates, o.id AS onward_id, o.name AS onward
            FROM submissions s JOIN authority_levels l ON l.code = s.authority_level
            LEFT JOIN units r ON r.id = receiving_unit(n.id)
            LEFT JOIN LATERAL (SELECT onward_unit(n.id) AS id WHERE n.status = 'forwarded') next ON true
            LEFT JOIN units o ON o.id = next.id
            LEFT JOIN LATERAL (
                SELECT array_agg(u.name ORDER BY h.created_at) AS units, array_agg(h.number ORDER BY h.created_at) AS numbers,
                       array_agg(h.submitted_on ORDER BY h.created_at) AS dates
                FROM onward_submissions h JOIN units u ON u.id = h.from_unit_id WHERE h.nomination_id = n.id
            ) h ON true
            WHERE s.nomination_id = n.id LIMIT 1
        ) sub ON true
        """

    /// Filters for a list; `concerning` limits it to one person's own nominations (staff accounts).
    public struct Filter: Sendable {
        public var status: NominationStatus?
        public var movementId: ID<Movement>?
        public var concerning: ID<Person>?
        /// Only nominations in movements of these units and the units below (nil: every unit).
        public var units: [ID<OrgUnit>]?
        public init(
            status: NominationStatus? = nil, movementId: ID<Movement>? = nil, concerning: ID<Person>? = nil, units: [ID<OrgUnit>]? = nil
        ) {
            self.status = status
            self.movementId = movementId
            self.concerning = concerning
            self.units = units
        }
    }

    public func create(
        movementId: ID<Movement>, awardCode: String, nominee: Owner, achievements: String, modelIds: [ID<ModelInitiative>],
        kind: CommendationKind? = nil, by account: Account, logger: Logger
    ) async throws -> Nomination {
        try await client.transaction(logger: logger) { connection in
            let movement = try await MovementRepository.find(movementId, on: connection, lock: false, logger: logger)
            guard movement.status == .open || movement.status == .closed else {
                throw DomainError(
                    .conflict,
                    "Phong trào đang ở trạng thái \"\(movement.status.vietnameseName)\"; chỉ lập đề nghị khi phong trào đã phát động.")
            }
            try await Self.checkAward(awardCode, for: nominee, on: connection, logger: logger)
            try await Self.checkTitlePeriod(awardCode, movement: movement, on: connection, logger: logger)
            let rows = try await connection.rows(
                """
                INSERT INTO nominations (movement_id, award_code, nominee_person_id, nominee_unit_id, achievements, created_by, kind)
                VALUES (\(movementId), \(awardCode), \(nominee.personId), \(nominee.unitId),
                        \(achievements), \(account.id), \(kind))
                RETURNING id
                """, logger: logger)
            let id = ID<Nomination>(try rows.required("đề nghị").decode(UUID.self))
            try await Self.link(modelIds, to: id, movementId: movementId, on: connection, logger: logger)
            let nomination = try await Self.find(id, on: connection, lock: false, logger: logger)
            try await AuditLog.record(
                on: connection, by: Actor(account: account), action: "nomination.create", entity: "nomination",
                id: id.description, before: NominationSnapshot?.none, after: NominationSnapshot(nomination), logger: logger)
            return nomination
        }
    }

    public func find(_ id: ID<Nomination>, logger: Logger) async throws -> Nomination {
        try await client.withConnection { try await Self.find(id, on: $0, lock: false, logger: logger) }
    }

    public func list(_ filter: Filter, page: PageRequest, logger: Logger) async throws -> Page<Nomination> {
        let bound = try Keyset.bound(page.cursor)
        let movements = try await filter.units.asyncMap { try await client.movements(runBy: $0, logger: logger) }
        return try await client.withConnection { connection in
            let rows = try await connection.rows(
                // The page is chosen first, then its rows' submissions read: with the submission's columns in the same
                // step, PostgreSQL walked every nomination in list order rather than sort a school's few hundred
                // (150 ms among a province's 380,000).
                """
                SELECT \(unescaped: Self.columns) FROM (
                    SELECT * FROM nominations n
                    WHERE (n.created_at, n.id) > (\(bound.createdAt)::timestamptz, \(bound.id)::uuid)
                      AND (\(filter.status)::text IS NULL OR n.status = \(filter.status))
                      AND (\(filter.movementId)::uuid IS NULL OR n.movement_id = \(filter.movementId))
                      AND (\(filter.concerning)::uuid IS NULL OR n.nominee_person_id = \(filter.concerning))
                      AND (\(movements)::uuid[] IS NULL OR n.movement_id = ANY (\(movements)::uuid[]))
                    ORDER BY n.created_at, n.id LIMIT \(page.limit + 1)
                ) n \(unescaped: Self.submissionJoin)
                ORDER BY n.created_at, n.id
                """, logger: logger)
            let items = try rows.map { row in
                let (nomination, createdAt) = try Self.nomination(row)
                return (item: nomination, createdAt: createdAt, id: nomination.id.description)
            }
            return Keyset.page(items, limit: page.limit)
        }
    }

    /// Edits the content while the nomination is a draft or returned for completion.
    public func update(
        _ id: ID<Nomination>, achievements: String?, awardCode: String?, modelIds: [ID<ModelInitiative>]?,
        kind: CommendationKind? = nil, expectedVersion: Int?, by actor: Actor, logger: Logger
    ) async throws -> Nomination {
        try await client.transaction(logger: logger) { connection in
            let current = try await Self.find(id, on: connection, lock: true, logger: logger)
            try checkVersion(current.version, expected: expectedVersion)
            guard current.status.isEditable else {
                throw current.status.refusal(
                    "Đề nghị đang \"\(current.status.vietnameseName)\"; chỉ sửa được khi còn nháp hoặc bị trả lại bổ sung.")
            }
            if let awardCode { try await Self.checkAward(awardCode, for: current.nominee, on: connection, logger: logger) }
            try await connection.rows(
                """
                UPDATE nominations SET achievements = COALESCE(\(achievements), achievements), award_code = COALESCE(\(awardCode), award_code),
                    kind = COALESCE(\(kind), kind), version = version + 1, updated_at = now()
                WHERE id = \(id)
                """, logger: logger)
            if let modelIds {
                try await connection.rows("DELETE FROM nomination_models WHERE nomination_id = \(id)", logger: logger)
                try await Self.link(modelIds, to: id, movementId: current.movementId, on: connection, logger: logger)
            }
            let updated = try await Self.find(id, on: connection, lock: false, logger: logger)
            try await AuditLog.record(
                on: connection, by: actor, action: "nomination.update", entity: "nomination", id: id.description,
                before: NominationSnapshot(current), after: NominationSnapshot(updated), logger: logger)
            return updated
        }
    }

    /// submit, withdraw, return (with what is missing), decline (with a reason).
    public func transition(
        _ id: ID<Nomination>, to next: NominationStatus, reason: String? = nil, expectedVersion: Int?, by actor: Actor, logger: Logger
    ) async throws -> Nomination {
        try await client.transaction(logger: logger) { connection in
            try await Self.move(id, to: next, reason: reason, expectedVersion: expectedVersion, on: connection, by: actor, logger: logger)
        }
    }

    @discardableResult
    /// `current`: the nomination as the caller read it with its row locked (the approval), so it is not read twice.
    static func move(
        _ id: ID<Nomination>, to next: NominationStatus, reason: String? = nil, tally: Tally? = nil, expectedVersion: Int?,
        current known: Nomination? = nil, on connection: PostgresConnection, by actor: Actor, journal: AuditJournal? = nil,
        logger: Logger
    ) async throws -> Nomination {
        let current: Nomination
        if let known { current = known } else { current = try await find(id, on: connection, lock: true, logger: logger) }
        try checkVersion(current.version, expected: expectedVersion)
        try current.status.check(next)
        if next == .submitted {
            let movement = try await MovementRepository.find(current.movementId, on: connection, lock: false, logger: logger)
            if let deadline = movement.nominationDeadline, LocalDate.today > deadline {
                throw DomainError(.conflict, "Đã quá hạn gửi đề nghị của phong trào (\(deadline)).")
            }
            // A rule that fails stops the submission; unknown rules go on to the council.
            let report = try await EligibilityRepository.evaluate(current, on: LocalDate.today, connection: connection, logger: logger)
            if let refusal = report.refusal() { throw refusal }
            try await AchievementReportRepository.checkBeforeSubmission(current, on: connection, logger: logger)
        }
        let tallyJSON = try tally.map { String(decoding: try JSONEncoder().encode($0), as: UTF8.self) }
        // The row as updated comes back in the same statement (the submission and models are not changed by it).
        let rows = try await connection.rows(
            """
            WITH n AS (
                UPDATE nominations SET status = \(next),
                    return_reason = CASE WHEN \(next) = 'returned' THEN \(reason) ELSE return_reason END,
                    decline_reason = CASE WHEN \(next) = 'declined' THEN \(reason) ELSE decline_reason END,
                    recommendation_tally = COALESCE(\(tallyJSON)::jsonb, recommendation_tally),
                    version = version + 1, updated_at = now()
                WHERE id = \(id) RETURNING *)
            SELECT \(unescaped: columns) FROM n \(unescaped: submissionJoin)
            """, logger: logger)
        let updated = try nomination(try rows.required(Nomination.noun)).item
        try await AuditLog.record(
            on: connection, by: actor, action: "nomination.\(next.rawValue)", entity: "nomination", id: id.description,
            before: NominationSnapshot(current), after: NominationSnapshot(updated, reason: reason, tally: tally), journal: journal,
            logger: logger)
        return updated
    }

    static func find(_ id: ID<Nomination>, on connection: PostgresConnection, lock: Bool, logger: Logger) async throws -> Nomination {
        let rows = try await connection.rows(
            """
            SELECT \(unescaped: columns) FROM nominations n \(unescaped: submissionJoin)
            WHERE n.id = \(id) \(unescaped: lock ? "FOR UPDATE OF n" : "")
            """, logger: logger)
        return try nomination(try rows.required(Nomination.noun)).item
    }

    static func nomination(_ row: PostgresRow) throws -> (item: Nomination, createdAt: String) {
        let (
            id, movementId, award, person, unit, achievements, status, returnReason, declineReason, version, createdAt, models,
            submissionNumber, submissionDate, authorityLevel, authorityName, kind, addressee, receiverId, receiver,
            hopUnits, hopNumbers, hopDates, onwardId, onward
        ) = try row.decode(
            (
                ID<Nomination>, ID<Movement>, String, UUID?, UUID?, String, NominationStatus, String?, String?, Int, String, [UUID],
                String?, LocalDate?, String?, String?, CommendationKind, String?, UUID?, String?, [String]?, [String]?, [LocalDate]?,
                UUID?, String?
            ).self)
        var nomination = Nomination(
            id: id, movementId: movementId, awardCode: award, nominee: try Owner.stored(person: person, unit: unit),
            achievements: achievements, modelIds: models.map(ID.init), status: status, returnReason: returnReason,
            declineReason: declineReason, version: version)
        nomination.kind = kind
        if let submissionNumber, let submissionDate, let authorityLevel, let authorityName {
            nomination.submission = Submission(
                number: submissionNumber, date: submissionDate, authorityLevel: authorityLevel, authorityName: authorityName)
            nomination.submission?.addressee = addressee
            nomination.submission?.receivingUnitId = receiverId.map(ID.init)
            nomination.submission?.receivingUnit = receiver
            nomination.submission?.onward = zip(hopUnits ?? [], zip(hopNumbers ?? [], hopDates ?? [])).map {
                OnwardSubmission(fromUnit: $0, number: $1.0, date: $1.1)
            }
            nomination.submission?.onwardUnitId = onwardId.map(ID.init)
            nomination.submission?.onwardUnit = onward
        }
        return (nomination, createdAt)
    }

    /// The award must exist and suit the nominee: a title for individuals is not given to a collective.
    static func checkAward(_ code: String, for nominee: Owner, on connection: PostgresConnection, logger: Logger) async throws {
        let award: Award
        do {
            award = try await CatalogueRepository.award(code, on: connection, logger: logger)
        } catch let error as DomainError where error.code == .notFound {
            throw DomainError.validation([
                .init(field: "award", message: "Không có danh hiệu hoặc hình thức khen thưởng mã \"\(code)\".")
            ])
        }
        guard award.recipient.suits(nominee) else {
            let who = nominee.personId != nil ? "cá nhân" : "tập thể"
            throw DomainError.validation([.init(field: "award", message: "\"\(award.name)\" không dành cho \(who).")])
        }
    }

    /// A title is nominated in a movement of the period kind the unit reviews titles by (sql/0025 holds it in any case):
    /// said with the setting and what to do instead.
    static func checkTitlePeriod(_ code: String, movement: Movement, on connection: PostgresConnection, logger: Logger) async throws {
        let rows = try await connection.rows(
            """
            SELECT a.name, unit_title_period_kind(u.id), u.name FROM awards a, units u
            WHERE a.code = \(code) AND a.kind = 'title' AND u.id = \(movement.unitId)
            """, logger: logger)
        guard let row = rows.first else { return }
        let (award, wanted, unit) = try row.decode((String, Period.Kind, String).self)
        try movement.checkTitlePeriod(title: award, reviewedBy: wanted, unitName: unit)
    }

    static func link(
        _ models: [ID<ModelInitiative>], to id: ID<Nomination>, movementId: ID<Movement>, on connection: PostgresConnection, logger: Logger
    ) async throws {
        for model in Set(models) {
            try await connection.rows(
                "INSERT INTO nomination_models (nomination_id, model_id) VALUES (\(id), \(model))", logger: logger)
        }
    }
}

/// What the audit log stores of a nomination.
struct NominationSnapshot: Encodable, Sendable {
    let status: String
    let awardCode: String
    let kind: String
    let achievements: String
    let modelIds: [String]
    let version: Int
    var reason: String?
    var tally: Tally?

    init(_ nomination: Nomination, reason: String? = nil, tally: Tally? = nil) {
        self.status = nomination.status.rawValue
        self.awardCode = nomination.awardCode
        self.kind = nomination.kind.rawValue
        self.achievements = nomination.achievements
        self.modelIds = nomination.modelIds.map(\.description)
        self.version = nomination.version
        self.reason = reason
        self.tally = tally
    }
}
