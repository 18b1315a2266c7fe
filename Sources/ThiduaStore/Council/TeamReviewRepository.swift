import Foundation
import Logging
import PostgresNIO
import ThiduaCore

/// A tổ's bình xét on a movement (sql/0031): recorded once by its tổ trưởng, and its biên bản.
public struct TeamReviewRepository: Sendable {
    let client: DatabaseClient

    public init(client: DatabaseClient) { self.client = client }

    /// Records the review once (`team_reviews_once`), checked against the tổ's members as they are now (their number is kept
    /// with it).
    public func record(
        movement id: ID<Movement>, unit: ID<OrgUnit>, heldOn: String?, startsAt: String?, endsAt: String?, place: String?,
        chairId: String?, secretaryId: String?, absences: [(personId: String, reason: String)],
        votes: [(personId: String, title: String, agree: Int?)], by actor: Actor, logger: Logger
    ) async throws -> TeamReviewMinutes {
        try await client.transaction(logger: logger) { connection in
            _ = try await MovementRepository.find(id, on: connection, lock: true, logger: logger)
            let members = try await Self.members(of: unit, on: connection, logger: logger)
            let draft = try TeamReviewDraft.validate(
                heldOn: heldOn, startsAt: startsAt, endsAt: endsAt, place: place, chairId: chairId, secretaryId: secretaryId,
                absences: absences, votes: votes, members: Set(members.map(\.personId)))
            let meeting = draft.meeting
            let reviewId = try await connection.rows(
                """
                INSERT INTO team_reviews (movement_id, unit_id, held_on, starts_at, ends_at, place, chair_id, secretary_id, member_count)
                VALUES (\(id), \(unit), \(meeting.heldOn), \(meeting.startsAt)::time, \(meeting.endsAt)::time, \(meeting.place),
                        \(meeting.chairId), \(meeting.secretaryId), \(members.count))
                RETURNING id
                """, logger: logger
            ).required(TeamReview.noun).decode(UUID.self)
            for absence in meeting.absences {
                try await connection.rows(
                    "INSERT INTO team_review_absences (review_id, person_id, reason) VALUES (\(reviewId), \(absence.personId), \(absence.reason))",
                    logger: logger)
            }
            for vote in draft.votes {
                try await connection.rows(
                    """
                    INSERT INTO team_review_votes (review_id, person_id, title_code, agree)
                    VALUES (\(reviewId), \(vote.personId), \(vote.titleCode), \(vote.agree))
                    """, logger: logger)
            }
            let minutes = try await Self.minutes(movement: id, unit: unit, on: connection, logger: logger)
            try await AuditLog.record(
                on: connection, by: actor, action: "team.review", entity: "unit", id: unit.description, before: String?.none,
                after: TeamReviewSnapshot(minutes), logger: logger)
            return minutes
        }
    }

    public func minutes(movement id: ID<Movement>, unit: ID<OrgUnit>, logger: Logger) async throws -> TeamReviewMinutes {
        try await client.withConnection { try await Self.minutes(movement: id, unit: unit, on: $0, logger: logger) }
    }

    /// The tổ's members now, as its review form lists them.
    public func members(of unit: ID<OrgUnit>, logger: Logger) async throws -> [TeamReviewMinutes.Member] {
        try await client.withConnection { try await Self.members(of: unit, on: $0, logger: logger) }
    }

    static func members(of unit: ID<OrgUnit>, on connection: PostgresConnection, logger: Logger) async throws -> [TeamReviewMinutes.Member]
    {
        try await connection.rows(
            """
            SELECT id, full_name, position FROM people WHERE unit_id = \(unit)
            ORDER BY given_name, middle_name, family_name, id
            """, logger: logger
        ).map { row in
            let (id, name, position) = try row.decode((ID<Person>, String, String).self)
            return TeamReviewMinutes.Member(personId: id, name: name, position: position)
        }
    }

    static func minutes(movement id: ID<Movement>, unit: ID<OrgUnit>, on connection: PostgresConnection, logger: Logger) async throws
        -> TeamReviewMinutes
    {
        let movement = try await MovementRepository.find(id, on: connection, lock: false, logger: logger)
        let rows = try await connection.rows(
            """
            SELECT r.id, r.held_on, to_char(r.starts_at, 'HH24:MI'), to_char(r.ends_at, 'HH24:MI'), r.place, r.chair_id,
                   r.secretary_id, u.name, r.member_count
            FROM team_reviews r JOIN units u ON u.id = r.unit_id WHERE r.movement_id = \(id) AND r.unit_id = \(unit)
            """, logger: logger)
        guard let row = rows.first else { throw DomainError(.notFound, "Chưa ghi bình xét của tổ này trong phong trào.") }
        let (reviewId, heldOn, starts, ends, place, chair, secretary, teamName, count) = try row.decode(
            (UUID, LocalDate, String, String, String, ID<Person>, ID<Person>, String, Int).self)
        let absences = try await connection.rows(
            """
            SELECT a.person_id, a.reason FROM team_review_absences a JOIN people p ON p.id = a.person_id
            WHERE a.review_id = \(reviewId) ORDER BY p.given_name, p.middle_name, p.family_name, p.id
            """, logger: logger
        ).map { row in
            let (person, reason) = try row.decode((ID<Person>, String).self)
            return CouncilMeeting.Absence(personId: person, reason: reason)
        }
        let votes = try await connection.rows(
            """
            SELECT v.person_id, p.full_name, p.position, a.name, v.agree
            FROM team_review_votes v JOIN people p ON p.id = v.person_id JOIN awards a ON a.code = v.title_code
            WHERE v.review_id = \(reviewId)
            ORDER BY a.precedence, p.given_name, p.middle_name, p.family_name, p.id
            """, logger: logger
        ).map { row in
            let (person, name, position, title, agree) = try row.decode((ID<Person>, String, String, String, Int).self)
            return (member: TeamReviewMinutes.Member(personId: person, name: name, position: position), title: title, agree: agree)
        }
        // The people the minutes name, wherever they work now.
        let named = [chair.rawValue, secretary.rawValue] + absences.map(\.personId.rawValue)
        let members = try await connection.rows(
            "SELECT id, full_name, position FROM people WHERE id = ANY(\(named)::uuid[])", logger: logger
        ).map { row in
            let (id, name, position) = try row.decode((ID<Person>, String, String).self)
            return TeamReviewMinutes.Member(personId: id, name: name, position: position)
        }
        let (issuer, settings) = try await DocumentSettingsRepository.issuer(of: movement.unitId, on: connection, logger: logger)
        return TeamReviewMinutes(
            issuer: issuer, settings: settings,
            teamName: teamName, movementName: movement.name, period: movement.period,
            meeting: MeetingDraft(
                heldOn: heldOn, startsAt: starts, endsAt: ends, place: place, chairId: chair, secretaryId: secretary, absences: absences),
            memberCount: count, members: members, votes: votes)
    }
}

/// What the audit log keeps of a tổ's review.
struct TeamReviewSnapshot: Encodable, Sendable {
    let team: String
    let heldOn: String
    let present: String
    let votes: [String]

    init(_ minutes: TeamReviewMinutes) {
        team = minutes.teamName
        heldOn = minutes.meeting.heldOn.description
        present = "\(minutes.presentCount)/\(minutes.memberCount)"
        votes = minutes.lines.map { "\($0.name): \($0.title) \($0.votes)" }
    }
}
