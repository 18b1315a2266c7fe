import Foundation
import Logging
import PostgresNIO
import ThiduaCore

extension CouncilRepository {
    /// Records the council's meeting on a movement, once (`council_meetings_movement_key`): checked against the council of
    /// the movement's unit and period.
    public func recordMeeting(
        movement id: ID<Movement>, heldOn: String?, startsAt: String?, endsAt: String?, place: String?, chairId: String?,
        secretaryId: String?, absences: [(personId: String, reason: String)], by actor: Actor, logger: Logger
    ) async throws -> CouncilMeeting {
        try await client.transaction(logger: logger) { connection in
            let movement = try await MovementRepository.find(id, on: connection, lock: true, logger: logger)
            let council = try await Self.council(of: movement, on: connection, logger: logger)
            let draft = try MeetingDraft.validate(
                heldOn: heldOn, startsAt: startsAt, endsAt: endsAt, place: place, chairId: chairId, secretaryId: secretaryId,
                absences: absences, council: council)
            let rows = try await connection.rows(
                """
                INSERT INTO council_meetings (movement_id, council_id, held_on, starts_at, ends_at, place, chair_id, secretary_id)
                VALUES (\(id), \(council.id), \(draft.heldOn), \(draft.startsAt)::time, \(draft.endsAt)::time, \(draft.place),
                        \(draft.chairId), \(draft.secretaryId))
                RETURNING id
                """, logger: logger)
            let meetingId = try rows.required(CouncilMeeting.noun).decode(UUID.self)
            for absence in draft.absences {
                try await connection.rows(
                    """
                    INSERT INTO council_meeting_absences (meeting_id, council_id, person_id, reason)
                    VALUES (\(meetingId), \(council.id), \(absence.personId), \(absence.reason))
                    """, logger: logger)
            }
            let meeting = try await Self.meeting(movement: id, on: connection, logger: logger)
            try await AuditLog.record(
                on: connection, by: actor, action: "council.meeting", entity: "movement", id: id.description, before: String?.none,
                after: MeetingSnapshot(meeting), logger: logger)
            return meeting
        }
    }

    /// Records (or corrects) the totals of a secret ballot on one of the movement's nominations.
    public func recordBallot(
        movement id: ID<Movement>, nomination: ID<Nomination>, issued: Int?, returned: Int?, valid: Int?, agree: Int?, by actor: Actor,
        logger: Logger
    ) async throws -> CouncilMeeting.Ballot {
        try await client.transaction(logger: logger) { connection in
            let movement = try await MovementRepository.find(id, on: connection, lock: false, logger: logger)
            let meeting = try await Self.meeting(movement: id, on: connection, logger: logger)
            let council = try await Self.council(of: movement, on: connection, logger: logger)
            let ballot = try CouncilMeeting.Ballot.validate(
                issued: issued, returned: returned, valid: valid, agree: agree, present: council.members.count - meeting.absences.count)
            let secret = try await connection.rows(
                """
                SELECT a.secret_ballot, a.name FROM nominations n JOIN awards a ON a.code = n.award_code
                WHERE n.id = \(nomination) AND n.movement_id = \(id)
                """, logger: logger)
            let (bySecretBallot, awardName) = try secret.required(Nomination.noun).decode((Bool, String).self)
            guard bySecretBallot else {
                throw DomainError(
                    .conflict, "\"\(awardName)\" được biểu quyết công khai; số phiếu lấy từ biểu quyết của Hội đồng, không nhập phiếu kín.")
            }
            try await connection.rows(
                """
                INSERT INTO council_ballots (meeting_id, nomination_id, issued, returned, valid, agree)
                VALUES (\(meeting.id), \(nomination), \(ballot.issued), \(ballot.returned), \(ballot.valid), \(ballot.agree))
                ON CONFLICT (meeting_id, nomination_id) DO UPDATE
                SET issued = EXCLUDED.issued, returned = EXCLUDED.returned, valid = EXCLUDED.valid, agree = EXCLUDED.agree
                """, logger: logger)
            try await AuditLog.record(
                on: connection, by: actor, action: "council.ballot", entity: "nomination", id: nomination.description,
                before: meeting.ballots[nomination], after: ballot, logger: logger)
            return ballot
        }
    }

    /// The meeting recorded on a movement.
    public func meeting(movement id: ID<Movement>, logger: Logger) async throws -> CouncilMeeting {
        try await client.withConnection { try await Self.meeting(movement: id, on: $0, logger: logger) }
    }

    static func meeting(movement id: ID<Movement>, on connection: PostgresConnection, logger: Logger) async throws -> CouncilMeeting {
        let rows = try await connection.rows(
            """
            SELECT id, council_id, held_on, to_char(starts_at, 'HH24:MI'), to_char(ends_at, 'HH24:MI'), place, chair_id, secretary_id
            FROM council_meetings WHERE movement_id = \(id)
            """, logger: logger)
        guard let row = rows.first else {
            throw DomainError(.notFound, "Chưa ghi cuộc họp Hội đồng Thi đua – Khen thưởng của phong trào này.")
        }
        let (meetingId, council, heldOn, starts, ends, place, chair, secretary) = try row.decode(
            (ID<CouncilMeeting>, ID<Council>, LocalDate, String, String, String, ID<Person>, ID<Person>).self)
        let absences = try await connection.rows(
            """
            SELECT a.person_id, a.reason FROM council_meeting_absences a
            JOIN council_members m ON m.council_id = a.council_id AND m.person_id = a.person_id
            WHERE a.meeting_id = \(meetingId) ORDER BY m.ordinal
            """, logger: logger
        ).map { row in
            let (person, reason) = try row.decode((ID<Person>, String).self)
            return CouncilMeeting.Absence(personId: person, reason: reason)
        }
        var ballots: [ID<Nomination>: CouncilMeeting.Ballot] = [:]
        for row in try await connection.rows(
            "SELECT nomination_id, issued, returned, valid, agree FROM council_ballots WHERE meeting_id = \(meetingId)", logger: logger)
        {
            let (nomination, issued, returned, valid, agree) = try row.decode((ID<Nomination>, Int, Int, Int, Int).self)
            ballots[nomination] = .init(issued: issued, returned: returned, valid: valid, agree: agree)
        }
        return CouncilMeeting(
            id: meetingId, movementId: id, councilId: council, heldOn: heldOn, startsAt: starts, endsAt: ends, place: place,
            chairId: chair, secretaryId: secretary, absences: absences, ballots: ballots)
    }
}

/// What the audit log keeps of a meeting.
struct MeetingSnapshot: Encodable, Sendable {
    let heldOn: String
    let hours: String
    let place: String
    let chair: String
    let secretary: String
    let absent: [String]

    init(_ meeting: CouncilMeeting) {
        heldOn = meeting.heldOn.description
        hours = "\(meeting.startsAt)–\(meeting.endsAt)"
        place = meeting.place
        chair = meeting.chairId.description
        secretary = meeting.secretaryId.description
        absent = meeting.absences.map { "\($0.personId) (\($0.reason))" }
    }
}
