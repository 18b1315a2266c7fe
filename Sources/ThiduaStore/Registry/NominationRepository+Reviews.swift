import Foundation
import Logging
import PostgresNIO
import ThiduaCore

extension NominationRepository {
    /// What a reader sees of the council's reviews of one nomination.
    public struct ReviewSummary: Sendable, Codable {
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
        public let votes: [String: Int]
        /// Hidden (nil) from a council member who has not yet submitted their own review.
        public let averages: [String: Double]?
        public let averageTotal: Double?
        public let reviews: [MemberReview]?
    }

    /// Records (or replaces) a council member's review: every criterion scored, a vote and a comment.
    /// The earlier version is kept (superseded). The first review moves the nomination into review.
    public func review(
        _ id: ID<Nomination>, by reviewer: Account, scores: [String: Int], vote: Vote, comment: String, logger: Logger
    ) async throws -> ReviewSummary {
        try await client.transaction(logger: logger) { connection in
            let nomination = try await Self.find(id, on: connection, lock: true, logger: logger)
            guard nomination.status == .submitted || nomination.status == .inReview else {
                var error = DomainError(.invalidTransition, "Đề nghị đang \"\(nomination.status.vietnameseName)\"; chỉ chấm khi đã gửi và chưa có kết luận của hội đồng.")
                error.currentStatus = nomination.status.rawValue
                error.allowedStatuses = nomination.status.allowedNext.map(\.rawValue).sorted()
                throw error
            }
            let movement = try await MovementRepository.find(nomination.movementId, on: connection, lock: false, logger: logger)
            try ReviewScores.validate(scores, against: movement.criteria)
            try await connection.rows(
                "UPDATE reviews SET superseded_at = now() WHERE nomination_id = \(id.rawValue) AND reviewer_id = \(reviewer.id.rawValue) AND superseded_at IS NULL",
                logger: logger)
            let rows = try await connection.rows(
                """
                INSERT INTO reviews (nomination_id, movement_id, reviewer_id, vote, comment)
                VALUES (\(id.rawValue), \(movement.id.rawValue), \(reviewer.id.rawValue), \(vote.rawValue), \(comment))
                RETURNING id
                """, logger: logger)
            let reviewId = try rows.required("đánh giá").decode(UUID.self)
            for (code, points) in scores.sorted(by: { $0.key < $1.key }) {
                try await connection.rows(
                    """
                    INSERT INTO review_scores (review_id, movement_id, criterion_code, points)
                    VALUES (\(reviewId), \(movement.id.rawValue), \(code), \(points))
                    """, logger: logger)
            }
            try await AuditLog.record(on: connection, by: Actor(account: reviewer), action: "nomination.review", entity: "nomination", id: id.description,
                                      before: String?.none, after: ["vote": vote.rawValue, "comment": comment, "review": reviewId.uuidString.lowercased()], logger: logger)
            if nomination.status == .submitted {
                try await Self.move(id, to: .inReview, expectedVersion: nil, on: connection, by: Actor(account: reviewer), logger: logger)
            }
            return try await Self.summary(id, criteria: movement.criteria, viewer: reviewer, on: connection, logger: logger)
        }
    }

    public func reviews(_ id: ID<Nomination>, viewer: Account, logger: Logger) async throws -> ReviewSummary {
        try await client.withConnection { connection in
            let nomination = try await Self.find(id, on: connection, lock: false, logger: logger)
            let movement = try await MovementRepository.find(nomination.movementId, on: connection, lock: false, logger: logger)
            return try await Self.summary(id, criteria: movement.criteria, viewer: viewer, on: connection, logger: logger)
        }
    }

    /// The council chair (the headmaster) records recommended or not, with the vote tally at that moment.
    public func recommend(_ id: ID<Nomination>, recommended: Bool, expectedVersion: Int?, by account: Account, logger: Logger) async throws -> (Nomination, Tally) {
        try await client.transaction(logger: logger) { connection in
            let tally = try await Self.tally(id, on: connection, logger: logger)
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
                VALUES (\(id.rawValue), \(member.rawValue), \(reason), \(account.id.rawValue))
                ON CONFLICT (nomination_id, account_id) DO NOTHING
                """, logger: logger)
            try await connection.rows(
                "UPDATE reviews SET superseded_at = now() WHERE nomination_id = \(id.rawValue) AND reviewer_id = \(member.rawValue) AND superseded_at IS NULL",
                logger: logger)
            try await AuditLog.record(on: connection, by: Actor(account: account), action: "nomination.recusal", entity: "nomination", id: id.description,
                                      before: String?.none, after: ["member": member.description, "reason": reason], logger: logger)
        }
    }

    static func tally(_ id: ID<Nomination>, on connection: PostgresConnection, logger: Logger) async throws -> Tally {
        let rows = try await connection.rows(
            """
            SELECT
                (SELECT count(*) FROM reviews WHERE nomination_id = \(id.rawValue) AND superseded_at IS NULL AND vote = 'agree')::bigint,
                (SELECT count(*) FROM reviews WHERE nomination_id = \(id.rawValue) AND superseded_at IS NULL AND vote = 'disagree')::bigint,
                (SELECT count(*) FROM reviews WHERE nomination_id = \(id.rawValue) AND superseded_at IS NULL AND vote = 'abstain')::bigint,
                (SELECT count(*) FROM accounts a WHERE 'council' = ANY (a.roles) AND a.disabled_at IS NULL
                    AND NOT EXISTS (SELECT 1 FROM recusals r WHERE r.nomination_id = \(id.rawValue) AND r.account_id = a.id))::bigint
            """, logger: logger)
        let (agree, disagree, abstain, members) = try rows.required("đề nghị").decode((Int, Int, Int, Int).self)
        return Tally(agree: agree, disagree: disagree, abstain: abstain, members: members)
    }

    static func summary(_ id: ID<Nomination>, criteria: [Criterion], viewer: Account, on connection: PostgresConnection, logger: Logger) async throws -> ReviewSummary {
        let tally = try await tally(id, on: connection, logger: logger)
        let rows = try await connection.rows(
            """
            SELECT r.id, r.reviewer_id, a.display_name, r.vote, r.comment
            FROM reviews r JOIN accounts a ON a.id = r.reviewer_id
            WHERE r.nomination_id = \(id.rawValue) AND r.superseded_at IS NULL ORDER BY r.created_at, r.id
            """, logger: logger)
        var reviews: [ReviewSummary.MemberReview] = []
        for row in rows {
            let (reviewId, reviewerId, name, vote, comment) = try row.decode((UUID, UUID, String, String, String).self)
            var scores: [String: Int] = [:]
            for scoreRow in try await connection.rows("SELECT criterion_code, points FROM review_scores WHERE review_id = \(reviewId)", logger: logger) {
                let (code, points) = try scoreRow.decode((String, Int).self)
                scores[code] = points
            }
            reviews.append(.init(reviewerId: ID<Account>(reviewerId).description, reviewer: name, vote: vote, comment: comment,
                                 scores: scores, total: scores.values.reduce(0, +)))
        }
        // A council member sees the others' scores only after submitting their own.
        let mayRead = viewer.has(.headmaster) || viewer.has(.admin) || reviews.contains { $0.reviewerId == viewer.id.description }
        var averages: [String: Double] = [:]
        for criterion in criteria where !reviews.isEmpty {
            averages[criterion.code] = Double(reviews.compactMap { $0.scores[criterion.code] }.reduce(0, +)) / Double(reviews.count)
        }
        let averageTotal = reviews.isEmpty ? nil : Double(reviews.map(\.total).reduce(0, +)) / Double(reviews.count)
        return ReviewSummary(
            members: tally.members, reviewed: tally.reviewed,
            progress: "\(tally.reviewed) trên \(tally.members) thành viên đã đánh giá",
            votes: ["agree": tally.agree, "disagree": tally.disagree, "abstain": tally.abstain],
            averages: mayRead ? averages : nil, averageTotal: mayRead ? averageTotal : nil, reviews: mayRead ? reviews : nil)
    }
}
