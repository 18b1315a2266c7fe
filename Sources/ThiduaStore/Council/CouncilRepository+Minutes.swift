import Foundation
import Logging
import PostgresNIO
import ThiduaCore

extension CouncilRepository {
    /// The biên bản of the movement's council meeting: the nominations the council concluded (recommended or not, and what
    /// came of them since), individuals before collectives, by award precedence then name, each with its recorded tally,
    /// its ballot, and the award's vote threshold on the meeting day.
    public func minutes(movement id: ID<Movement>, logger: Logger) async throws -> CouncilMinutes {
        try await client.withConnection { connection in
            let movement = try await MovementRepository.find(id, on: connection, lock: false, logger: logger)
            let meeting = try await Self.meeting(movement: id, on: connection, logger: logger)
            let council = try await Self.find(meeting.councilId, on: connection, logger: logger)
            let nominees = try await connection.rows(
                """
                SELECT n.id, coalesce(p.full_name, u.name), coalesce(p.position, ''), coalesce(pu.name, uu.name, ''), a.name,
                       a.secret_ballot, (n.recommendation_tally ->> 'agree')::int, r.vote_numerator, r.vote_denominator, r.vote_base
                FROM nominations n JOIN awards a ON a.code = n.award_code
                LEFT JOIN people p ON p.id = n.nominee_person_id LEFT JOIN units pu ON pu.id = p.unit_id
                LEFT JOIN units u ON u.id = n.nominee_unit_id LEFT JOIN units uu ON uu.id = u.parent_id
                LEFT JOIN LATERAL (
                    SELECT vote_numerator, vote_denominator, vote_base FROM award_rules
                    WHERE award_code = n.award_code AND effective_from <= \(meeting.heldOn) ORDER BY effective_from DESC LIMIT 1
                ) r ON true
                WHERE n.movement_id = \(id)
                  AND n.status IN ('recommended', 'not_recommended', 'approved', 'forwarded', 'declined')
                ORDER BY n.nominee_person_id IS NULL, a.precedence, p.given_name, p.middle_name, p.family_name, u.name, n.id
                """, logger: logger
            ).map { row in
                let (nomination, name, position, unit, award, secret, agree, numerator, denominator, base) = try row.decode(
                    (ID<Nomination>, String, String, String, String, Bool, Int?, Int?, Int?, String?).self)
                var threshold: VoteThreshold?
                if let numerator, let denominator, let base = base.flatMap(VoteThreshold.Base.init) {
                    threshold = VoteThreshold(numerator: numerator, denominator: denominator, base: base)
                }
                return CouncilMinutes.Nominee(
                    nominationId: nomination, name: name, position: position, unit: unit, awardName: award, secretBallot: secret,
                    tallyAgree: agree, ballot: meeting.ballots[nomination], threshold: threshold)
            }
            let (issuer, settings) = try await DocumentSettingsRepository.issuer(of: movement.unitId, on: connection, logger: logger)
            return CouncilMinutes(
                issuer: issuer, settings: settings,
                movementName: movement.name, period: movement.period, council: council, meeting: meeting, nominees: nominees)
        }
    }
}
