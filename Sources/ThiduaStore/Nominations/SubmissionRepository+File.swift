import Foundation
import Logging
import PostgresNIO
import ThiduaCore

extension SubmissionRepository {
    /// The file of the tờ trình numbered `number` in `year` — a school's, or a district's sending nominations on: its
    /// nominees (by award precedence, individuals first, then name), what each file holds — the báo cáo thành tích and recognitions marked among the evidence, the council's
    /// meeting and tally, linked sáng kiến recognised, a registration for the period — and the answers recorded.
    /// With `units`, only nominations of movements of these units and below (an account's scope, sql/0037): another
    /// school's tờ trình with the same number is not found.
    public func file(number: String, year: Int, within units: [ID<OrgUnit>]? = nil, logger: Logger) async throws -> SubmissionFile {
        let number = VietnameseText.normalized(number)
        return try await client.withConnection { connection in
            let rows = try await connection.rows(
                """
                WITH \(unescaped: Self.sent)
                SELECT n.id, coalesce(p.full_name, u.name), coalesce(p.position, ''), coalesce(pu.name, uu.name, ''),
                       n.nominee_unit_id IS NOT NULL, a.code, a.name, n.achievements, s.submitted_on,
                       coalesce(s.addressee, l.name), m.name, s.from_unit, acc.display_name,
                       (SELECT array_agg(r.paper ORDER BY r.added_at) FROM (
                            SELECT 'viết trong thidua' AS paper, '-infinity'::timestamptz AS added_at FROM achievement_reports ar
                            WHERE ar.nomination_id = n.id AND ar.profile <> '' AND ar.duties <> '' AND ar.achievements <> ''
                            UNION ALL
                            SELECT coalesce(e.filename, e.note, e.url), e.added_at FROM evidence e
                            WHERE e.nomination_id = n.id AND e.paper = 'achievement_report' AND e.retracted_at IS NULL) r),
                       (SELECT held_on FROM council_meetings WHERE movement_id = n.movement_id), n.recommendation_tally IS NOT NULL,
                       (SELECT array_agg(t.title ORDER BY t.rank, t.title) FROM (
                            SELECT 0 AS rank, i.title || ' — Quyết định số ' || ir.decision_number || ', '
                                   || CASE ir.scope WHEN 'unit' THEN 'cấp cơ sở' WHEN 'district' THEN 'cấp huyện' ELSE 'cấp tỉnh' END
                                   AS title
                            FROM initiatives i JOIN initiative_recognitions ir ON ir.initiative_id = i.id
                            WHERE i.person_id = n.nominee_person_id AND i.status = 'recognized'
                              AND i.period_kind = m.period_kind AND i.period_year = m.period_year
                              AND ir.scope = (SELECT x.scope FROM initiative_recognitions x WHERE x.initiative_id = i.id
                                              ORDER BY array_position(ARRAY['unit', 'district', 'province'], x.scope) DESC LIMIT 1)
                            UNION ALL
                            SELECT 1, mi.title FROM nomination_models nm JOIN model_initiatives mi ON mi.id = nm.model_id
                            WHERE nm.nomination_id = n.id AND mi.status = 'recognized'
                            UNION ALL
                            SELECT 1, coalesce(e.filename, e.note, e.url) FROM evidence e
                            WHERE e.nomination_id = n.id AND e.paper = 'initiative_recognition' AND e.retracted_at IS NULL) t),
                       coalesce(r.eligibility && ARRAY['excellent_or_initiative', 'cstd_cs_3_periods', 'cstd_tinh_2_times'], false),
                       (SELECT min(g.registered_on) FROM registrations g JOIN movements gm ON gm.id = g.movement_id
                        WHERE (g.nominee_person_id = n.nominee_person_id OR g.nominee_unit_id = n.nominee_unit_id)
                          AND gm.period_kind = m.period_kind AND gm.period_year = m.period_year),
                       coalesce('registered' = ANY(r.eligibility), false)
                FROM sent s JOIN nominations n ON n.id = s.nomination_id JOIN awards a ON a.code = n.award_code
                JOIN movements m ON m.id = n.movement_id JOIN authority_levels l ON l.code = s.authority_level
                JOIN accounts acc ON acc.id = s.submitted_by
                LEFT JOIN people p ON p.id = n.nominee_person_id LEFT JOIN units pu ON pu.id = p.unit_id
                LEFT JOIN units u ON u.id = n.nominee_unit_id LEFT JOIN units uu ON uu.id = u.parent_id
                LEFT JOIN LATERAL (
                    SELECT eligibility FROM award_rules WHERE award_code = n.award_code AND effective_from <= s.submitted_on
                    ORDER BY effective_from DESC LIMIT 1
                ) r ON true
                WHERE s.number = \(number) AND s.submitted_on >= \(LocalDate(year, 1, 1)) AND s.submitted_on < \(LocalDate(year + 1, 1, 1))
                  AND (\(units)::uuid[] IS NULL OR m.unit_id IN (SELECT unnest(unit_subtree(\(units)::uuid[]))))
                ORDER BY a.precedence, n.nominee_person_id IS NULL, p.given_name, p.middle_name, p.family_name, u.name, n.id
                """, logger: logger)
            guard let first = rows.first else {
                throw DomainError(.notFound, "Không có tờ trình số \(number) năm \(year).")
            }
            let answers = try await Self.answers(number: number, year: year, on: connection, logger: logger)
            var nominees: [SubmissionFile.Nominee] = []
            var movements: [String] = []
            var meetings: Set<LocalDate> = []
            for row in rows {
                let nominee = try Self.nominee(row, answers: answers)
                nominees.append(nominee.nominee)
                if !movements.contains(nominee.movement) { movements.append(nominee.movement) }
                if let meeting = nominee.meeting { meetings.insert(meeting) }
            }
            let head = try Self.nominee(first, answers: answers)
            let (issuer, settings) = try await DocumentSettingsRepository.issuer(of: head.unit, on: connection, logger: logger)
            return SubmissionFile(
                issuer: issuer, settings: settings, number: number, date: head.date, addressee: head.addressee, movementNames: movements,
                meetings: meetings.sorted(), nominees: nominees, signerName: head.signer)
        }
    }

    private static func nominee(_ row: PostgresRow, answers: [ID<Nomination>: SubmissionAnswer]) throws -> (
        nominee: SubmissionFile.Nominee, date: LocalDate, addressee: String, movement: String, unit: ID<OrgUnit>, signer: String,
        meeting: LocalDate?
    ) {
        let columns = try row.decode(
            (
                ID<Nomination>, String, String, String, Bool, String, String, String, LocalDate, String, String, ID<OrgUnit>, String,
                [String]?, LocalDate?, Bool, [String]?, Bool, LocalDate?, Bool
            ).self)
        let (id, name, position, unitName, collective, code, award, achievements, date, addressee, movement, unit, signer) = (
            columns.0, columns.1, columns.2, columns.3, columns.4, columns.5, columns.6, columns.7, columns.8, columns.9, columns.10,
            columns.11, columns.12
        )
        var facts = SubmissionFile.Facts()
        facts.achievementReports = columns.13 ?? []
        facts.councilMeeting = columns.14
        facts.voted = columns.15
        facts.initiatives = columns.16 ?? []
        facts.initiativeRequired = columns.17
        facts.registeredOn = columns.18
        facts.registrationRequired = columns.19
        let where_ = collective ? unitName : [position, unitName].filter { !$0.isEmpty }.joined(separator: ", ")
        return (
            SubmissionFile.Nominee(
                nominationId: id, name: name, position: where_, collective: collective, awardCode: code, awardName: award,
                achievements: achievements, papers: SubmissionFile.papers(facts), answer: answers[id]),
            date, addressee, movement, unit, signer, facts.councilMeeting
        )
    }

    /// Every tờ trình sent: the schools' (submissions, from the movement's unit) and those a unit in thidua sent a
    /// nomination on with (onward_submissions, sql/0043: the district's to the province, addressed to the level).
    static let sent = """
        sent (nomination_id, number, submitted_on, addressee, authority_level, submitted_by, from_unit) AS (
            SELECT s.nomination_id, s.number, s.submitted_on, s.addressee, s.authority_level, s.submitted_by, m.unit_id
            FROM submissions s JOIN nominations n ON n.id = s.nomination_id JOIN movements m ON m.id = n.movement_id
            UNION ALL
            SELECT o.nomination_id, o.number, o.submitted_on, NULL, s.authority_level, o.submitted_by, o.from_unit_id
            FROM onward_submissions o JOIN submissions s ON s.nomination_id = o.nomination_id)
        """

    /// The answers recorded on the tờ trình's nominees.
    private static func answers(number: String, year: Int, on connection: PostgresConnection, logger: Logger) async throws
        -> [ID<Nomination>: SubmissionAnswer]
    {
        let rows = try await connection.rows(
            """
            WITH \(unescaped: Self.sent)
            SELECT sa.nomination_id, sa.outcome, sa.issuer, sa.number, sa.answered_on, sa.award_code, a.name, sa.reason,
                   sa.commendation_id
            FROM submission_answers sa JOIN sent s ON s.nomination_id = sa.nomination_id
            LEFT JOIN awards a ON a.code = sa.award_code
            WHERE s.number = \(number) AND s.submitted_on >= \(LocalDate(year, 1, 1)) AND s.submitted_on < \(LocalDate(year + 1, 1, 1))
            """, logger: logger)
        var answers: [ID<Nomination>: SubmissionAnswer] = [:]
        for row in rows {
            let (id, outcome, issuer, number, date, code, award, reason, commendation) = try row.decode(
                (ID<Nomination>, String, String, String, LocalDate, String?, String?, String?, ID<Commendation>?).self)
            guard let outcome = AnswerOutcome(rawValue: outcome) else { continue }
            answers[id] = SubmissionAnswer(
                outcome: outcome, issuer: issuer, number: number, date: date, awardCode: code, awardName: award, reason: reason,
                commendationId: commendation?.description)
        }
        return answers
    }
}
