import Foundation
import Logging
import PostgresNIO
import ThiduaCore

/// Council reviews of a nomination or of a model initiative: scores for every criterion, a vote and a comment.
public struct ReviewRepository: Sendable {
    let client: DatabaseClient

    public init(client: DatabaseClient) { self.client = client }

    /// What is reviewed.
    public enum Subject: Sendable {
        case nomination(ID<Nomination>)
        case model(ID<ModelInitiative>)

        var nominationId: UUID? { if case .nomination(let id) = self { id.rawValue } else { nil } }
        var modelId: UUID? { if case .model(let id) = self { id.rawValue } else { nil } }
        var entity: String { nominationId != nil ? "nomination" : "model" }
        var idText: String { (nominationId ?? modelId).map { ID<Self>($0).description } ?? "" }
    }

    /// What a reader sees of the council's reviews of one subject.
    public struct Summary: Sendable, Codable {
        public struct MemberReview: Sendable, Codable {
            public let reviewerId: String
            public let reviewer: String
            public let vote: String
            public let comment: String
            public let scores: [String: Int]
            public let total: Int
        }
        public let members: Int
        public let reviewed: Int
        public let progress: String
        /// The votes so far, the averages and the reviews: hidden (nil) from a council member who has not yet submitted
        /// their own review (security review F13).
        public let votes: [String: Int]?
        public let averages: [String: Double]?
        public let averageTotal: Double?
        public let reviews: [MemberReview]?
    }

    /// Records (or replaces) a council member's review; the earlier version is kept (superseded). Once the others'
    /// reviews have been shown to the member, theirs is final: replacing it is refused (`reviews_final_once_seen`).
    /// A nomination's first review moves it into review; a model must have been submitted for recognition. A nomination
    /// forwarded to a unit whose council reviews it (sql/0041) is reviewed in that council's round: its status stays
    /// forwarded, and only that council's members may (the database refuses anyone else).
    public func review(_ subject: Subject, by reviewer: Account, scores: [String: Int], vote: Vote, comment: String, logger: Logger)
        async throws -> Summary
    {
        try await client.transaction(logger: logger) { connection in
            let movementId: ID<Movement>
            var moveIntoReview = false
            var round: ID<OrgUnit>?
            switch subject {
            case .nomination(let id):
                let nomination = try await NominationRepository.find(id, on: connection, lock: true, logger: logger)
                round = try await Self.reviewingCouncil(id, on: connection, logger: logger)
                guard nomination.status == .submitted || nomination.status == .inReview || round != nil else {
                    throw nomination.status.refusal(
                        "Đề nghị đang \"\(nomination.status.vietnameseName)\"; chỉ chấm khi đã gửi và chưa có kết luận của hội đồng.")
                }
                movementId = nomination.movementId
                moveIntoReview = nomination.status == .submitted
            case .model(let id):
                let model = try await ModelInitiativeRepository.find(id, on: connection, lock: true, logger: logger)
                guard model.status == .submitted else {
                    throw model.status.refusal("Mô hình đang \"\(model.status.vietnameseName)\"; chỉ chấm khi đã đề nghị công nhận.")
                }
                movementId = model.movementId
            }
            let movement = try await MovementRepository.find(movementId, on: connection, lock: false, logger: logger)
            try ReviewScores.validate(scores, against: movement.criteria)
            try await connection.rows(
                """
                UPDATE reviews SET superseded_at = now()
                WHERE nomination_id IS NOT DISTINCT FROM \(subject.nominationId) AND model_id IS NOT DISTINCT FROM \(subject.modelId)
                  AND reviewer_id = \(reviewer.id) AND superseded_at IS NULL AND council_unit_id IS NOT DISTINCT FROM \(round)
                """, logger: logger)
            let rows = try await connection.rows(
                """
                INSERT INTO reviews (nomination_id, model_id, movement_id, reviewer_id, vote, comment, council_unit_id)
                VALUES (\(subject.nominationId), \(subject.modelId), \(movement.id), \(reviewer.id), \(vote), \(comment), \(round))
                RETURNING id
                """, logger: logger)
            let reviewId = try rows.required("đánh giá").decode(UUID.self)
            for (code, points) in scores.sorted(by: { $0.key < $1.key }) {
                try await connection.rows(
                    """
                    INSERT INTO review_scores (review_id, movement_id, criterion_code, points)
                    VALUES (\(reviewId), \(movement.id), \(code), \(points))
                    """, logger: logger)
            }
            try await AuditLog.record(
                on: connection, by: Actor(account: reviewer), action: "\(subject.entity).review", entity: subject.entity,
                id: subject.idText,
                before: String?.none, after: ["vote": vote.rawValue, "comment": comment, "review": reviewId.uuidString.lowercased()],
                logger: logger)
            if moveIntoReview, case .nomination(let id) = subject {
                try await NominationRepository.move(
                    id, to: .inReview, expectedVersion: nil, on: connection, by: Actor(account: reviewer), logger: logger)
            }
            return try await Self.summary(
                subject, round: round, criteria: movement.criteria, viewer: reviewer, on: connection, logger: logger)
        }
    }

    /// The unit whose council reviews a forwarded nomination now (sql/0041 `reviewing_council`): the unit it arrived at,
    /// when someone holds the council role there and the answer is not recorded; nil otherwise.
    public func reviewingCouncil(_ id: ID<Nomination>, logger: Logger) async throws -> ID<OrgUnit>? {
        try await client.withConnection { try await Self.reviewingCouncil(id, on: $0, logger: logger) }
    }

    static func reviewingCouncil(_ id: ID<Nomination>, on connection: PostgresConnection, logger: Logger) async throws -> ID<OrgUnit>? {
        try await connection.rows("SELECT reviewing_council(\(id))", logger: logger).first?.decode(UUID?.self).map(ID.init)
    }

    /// The reviews of the council reviewing the subject now: the receiving unit's for a forwarded nomination under
    /// review there, else the movement's own council's.
    public func summary(_ subject: Subject, viewer: Account, logger: Logger) async throws -> Summary {
        try await client.withConnection { connection in
            let movementId: ID<Movement> =
                switch subject {
                case .nomination(let id): try await NominationRepository.find(id, on: connection, lock: false, logger: logger).movementId
                case .model(let id): try await ModelInitiativeRepository.find(id, on: connection, lock: false, logger: logger).movementId
                }
            let movement = try await MovementRepository.find(movementId, on: connection, lock: false, logger: logger)
            var round: ID<OrgUnit>?
            if let id = subject.nominationId { round = try await Self.reviewingCouncil(ID(id), on: connection, logger: logger) }
            return try await Self.summary(
                subject, round: round, criteria: movement.criteria, viewer: viewer, on: connection, logger: logger)
        }
    }

    /// Current votes, and the council members who may review (recused members excluded): the council of the movement's
    /// unit or the nearest above it (sql/0037, council_members), or with `round` that unit's council (sql/0041).
    static func tally(_ subject: Subject, round: ID<OrgUnit>? = nil, on connection: PostgresConnection, logger: Logger) async throws
        -> Tally
    {
        let rows = try await connection.rows(
            """
            WITH current AS (
                SELECT vote FROM reviews
                WHERE nomination_id IS NOT DISTINCT FROM \(subject.nominationId) AND model_id IS NOT DISTINCT FROM \(subject.modelId)
                  AND superseded_at IS NULL AND council_unit_id IS NOT DISTINCT FROM \(round))
            SELECT
                (SELECT count(*) FROM current WHERE vote = 'agree')::bigint,
                (SELECT count(*) FROM current WHERE vote = 'disagree')::bigint,
                (SELECT count(*) FROM current WHERE vote = 'abstain')::bigint,
                (SELECT count(*) FROM (
                    SELECT id FROM council_members_of(\(round)) AS member (id) WHERE \(round)::uuid IS NOT NULL
                    UNION ALL
                    SELECT id FROM council_members(coalesce(
                        (SELECT n.movement_id FROM nominations n WHERE n.id = \(subject.nominationId)),
                        (SELECT mi.movement_id FROM model_initiatives mi WHERE mi.id = \(subject.modelId)))) AS member (id)
                    WHERE \(round)::uuid IS NULL) AS member
                    WHERE NOT EXISTS (SELECT 1 FROM recusals r WHERE r.nomination_id = \(subject.nominationId) AND r.account_id = member.id)
                )::bigint
            """, logger: logger)
        let (agree, disagree, abstain, members) = try rows.required("đánh giá").decode((Int, Int, Int, Int).self)
        return Tally(agree: agree, disagree: disagree, abstain: abstain, members: members)
    }

    static func summary(
        _ subject: Subject, round: ID<OrgUnit>?, criteria: [Criterion], viewer: Account, on connection: PostgresConnection,
        logger: Logger
    ) async throws -> Summary {
        let tally = try await tally(subject, round: round, on: connection, logger: logger)
        let rows = try await connection.rows(
            """
            SELECT r.id, r.reviewer_id, a.display_name, r.vote, r.comment
            FROM reviews r JOIN accounts a ON a.id = r.reviewer_id
            WHERE r.nomination_id IS NOT DISTINCT FROM \(subject.nominationId) AND r.model_id IS NOT DISTINCT FROM \(subject.modelId)
              AND r.superseded_at IS NULL AND r.council_unit_id IS NOT DISTINCT FROM \(round)
            ORDER BY r.created_at, r.id
            """, logger: logger)
        var reviews: [Summary.MemberReview] = []
        for row in rows {
            let (reviewId, reviewerId, name, vote, comment) = try row.decode((UUID, UUID, String, String, String).self)
            var scores: [String: Int] = [:]
            for scoreRow in try await connection.rows(
                "SELECT criterion_code, points FROM review_scores WHERE review_id = \(reviewId)", logger: logger)
            {
                let (code, points) = try scoreRow.decode((String, Int).self)
                scores[code] = points
            }
            reviews.append(
                .init(
                    reviewerId: ID<Account>(reviewerId).description, reviewer: name, vote: vote, comment: comment,
                    scores: scores, total: scores.values.reduce(0, +)))
        }
        // A council member sees the others' votes and scores only after submitting their own; from then on their own review
        // is final, which the database enforces once it is marked here.
        let own = reviews.contains { $0.reviewerId == viewer.id.description }
        let mayRead = viewer.has(.headmaster) || viewer.has(.admin) || own
        if own, reviews.count > 1 {
            try await connection.rows(
                """
                UPDATE reviews SET others_seen_at = now()
                WHERE nomination_id IS NOT DISTINCT FROM \(subject.nominationId) AND model_id IS NOT DISTINCT FROM \(subject.modelId)
                  AND reviewer_id = \(viewer.id) AND superseded_at IS NULL AND others_seen_at IS NULL
                  AND council_unit_id IS NOT DISTINCT FROM \(round)
                """, logger: logger)
        }
        var averages: [String: Double] = [:]
        for criterion in criteria where !reviews.isEmpty {
            averages[criterion.code] = Double(reviews.compactMap { $0.scores[criterion.code] }.reduce(0, +)) / Double(reviews.count)
        }
        let averageTotal = reviews.isEmpty ? nil : Double(reviews.map(\.total).reduce(0, +)) / Double(reviews.count)
        return Summary(
            members: tally.members, reviewed: tally.reviewed,
            progress: "\(tally.reviewed) trên \(tally.members) thành viên đã đánh giá",
            votes: mayRead ? ["agree": tally.agree, "disagree": tally.disagree, "abstain": tally.abstain] : nil,
            averages: mayRead ? averages : nil, averageTotal: mayRead ? averageTotal : nil, reviews: mayRead ? reviews : nil)
    }
}

extension NominationRepository {
    /// The council chair (the headmaster) records recommended or not, with the vote tally at that moment: the agreeing
    /// votes of the members who reviewed in thidua over the council's membership (its decision's, once recorded).
    public func recommend(_ id: ID<Nomination>, recommended: Bool, expectedVersion: Int?, by account: Account, logger: Logger) async throws
        -> (Nomination, Tally)
    {
        try await client.transaction(logger: logger) { connection in
            var tally = try await ReviewRepository.tally(.nomination(id), on: connection, logger: logger)
            // The award's vote threshold in force today, checked before a recommendation and stored with the tally.
            let current = try await Self.find(id, on: connection, lock: true, logger: logger)
            // The council the head's decision set up for the period, when recorded, is the denominator (sql/0030).
            if let members = try await CouncilRepository.memberCount(movement: current.movementId, on: connection, logger: logger) {
                tally.members = members
            }
            let award = try await CatalogueRepository.award(current.awardCode, on: connection, logger: logger)
            if let threshold = award.rule(on: LocalDate.today)?.voteThreshold {
                tally.threshold = threshold.vietnamese
                tally.required = threshold.required(tally)
                if recommended, let refusal = threshold.refusal(tally, awardName: award.name) { throw refusal }
            }
            let nomination = try await Self.move(
                id, to: recommended ? .recommended : .notRecommended, tally: tally, expectedVersion: expectedVersion,
                on: connection, by: Actor(account: account), logger: logger)
            return (nomination, tally)
        }
    }

    /// An admin records that a council member stands aside from this nomination.
    public func recordRecusal(_ id: ID<Nomination>, member: ID<Account>, reason: String, by account: Account, logger: Logger) async throws {
        try await client.transaction(logger: logger) { connection in
            _ = try await Self.find(id, on: connection, lock: true, logger: logger)
            try await connection.rows(
                """
                INSERT INTO recusals (nomination_id, account_id, reason, recorded_by)
                VALUES (\(id), \(member), \(reason), \(account.id))
                ON CONFLICT (nomination_id, account_id) DO NOTHING
                """, logger: logger)
            try await connection.rows(
                "UPDATE reviews SET superseded_at = now() WHERE nomination_id = \(id) AND reviewer_id = \(member) AND superseded_at IS NULL",
                logger: logger)
            try await AuditLog.record(
                on: connection, by: Actor(account: account), action: "nomination.recusal", entity: "nomination", id: id.description,
                before: String?.none, after: ["member": member.description, "reason": reason], logger: logger)
        }
    }
}
