import Foundation
import Logging
import PostgresNIO
import ThiduaCore

extension AchievementReportRepository {
    /// The printed report: the nominee as the registry knows them, the written sections, the last three periods' ratings
    /// up to the nomination's, the models recognised, and every title and form received before (thidua's, not revoked,
    /// and the imported ones), dated `dated`.
    public func document(_ id: ID<Nomination>, dated: LocalDate, logger: Logger) async throws -> AchievementReportDocument {
        try await client.withConnection { connection in
            let head = try await connection.rows(
                """
                SELECT coalesce(p.full_name, u.name), coalesce(p.position, ''), coalesce(pu.name, ''), coalesce(uu.name, ''),
                       a.name, a.kind = 'title', m.period_kind, m.period_year, m.unit_id, n.achievements,
                       coalesce(n.nominee_person_id, n.nominee_unit_id), n.nominee_unit_id IS NOT NULL, s.name
                FROM nominations n JOIN awards a ON a.code = n.award_code JOIN movements m ON m.id = n.movement_id
                JOIN units s ON s.id = m.unit_id
                LEFT JOIN people p ON p.id = n.nominee_person_id LEFT JOIN units pu ON pu.id = p.unit_id
                LEFT JOIN units u ON u.id = n.nominee_unit_id LEFT JOIN units uu ON uu.id = u.parent_id
                WHERE n.id = \(id)
                """, logger: logger
            ).required(Nomination.noun)
            let (name, position, personUnit, parent, award, isTitle, kind, year, unit, summary, nominee, collective, school) =
                try head.decode((String, String, String, String, String, Bool, String, Int, ID<OrgUnit>, String, UUID, Bool, String).self)
            var facts: [(label: String, value: String)] = []
            if collective {
                facts.append(("Thuộc", parent))
            } else {
                if !position.isEmpty { facts.append(("Chức vụ", position)) }
                facts.append(("Đơn vị công tác", personUnit.isEmpty || personUnit == school ? school : "\(personUnit), \(school)"))
            }
            let (issuer, settings) = try await DocumentSettingsRepository.issuer(of: unit, on: connection, logger: logger)
            return AchievementReportDocument(
                issuer: issuer, settings: settings, awardName: award, awardIsTitle: isTitle, collective: collective, nomineeName: name,
                facts: facts, report: try await Self.find(id, on: connection, logger: logger), summary: summary,
                years: try await Self.years(nominee, collective: collective, kind: kind, upTo: year, on: connection, logger: logger),
                initiatives: try await Self.initiatives(nominee, on: connection, logger: logger),
                earlier: try await Self.earlier(nominee, besides: id, school: school, before: dated, on: connection, logger: logger),
                dated: dated)
        }
    }

    /// The last three periods of the nomination's kind up to its own, oldest first.
    static func years(_ nominee: UUID, collective: Bool, kind: String, upTo year: Int, on connection: PostgresConnection, logger: Logger)
        async throws -> [AchievementReportDocument.Year]
    {
        let rows = try await connection.rows(
            collective
                ? """
                SELECT period_year, rating, NULL::int, 0 FROM unit_ratings
                WHERE unit_id = \(nominee) AND period_kind = \(kind) AND period_year <= \(year) ORDER BY period_year DESC LIMIT 3
                """
                : """
                SELECT r.period_year, r.rating, r.months_worked,
                       r.initiatives + (SELECT count(*)::int FROM initiatives i WHERE i.person_id = r.person_id AND i.status = 'recognized'
                                        AND i.period_kind = r.period_kind AND i.period_year = r.period_year)
                FROM performance_ratings r
                WHERE r.person_id = \(nominee) AND r.period_kind = \(kind) AND r.period_year <= \(year) ORDER BY r.period_year DESC LIMIT 3
                """, logger: logger)
        return try rows.reversed().map { row in
            let (year, rating, months, initiatives) = try row.decode((Int, String, Int?, Int).self)
            return AchievementReportDocument.Year(
                period: Period(kindCode: kind, year: year)?.label ?? String(year), rating: Rating(rawValue: rating)?.vietnamese ?? rating,
                monthsWorked: months.map(String.init) ?? "", initiatives: collective ? "" : String(initiatives))
        }
    }

    /// "Đôi bạn cùng tiến (cấp trường, Quyết định số 30/QĐ-THAP ngày 20/05/2024)": recognised models and the register's
    /// recognised sáng kiến (at their widest scope).
    static func initiatives(_ nominee: UUID, on connection: PostgresConnection, logger: Logger) async throws -> [String] {
        try await connection.rows(
            """
            SELECT title, recognition_level, recognition_decision, recognized_on FROM model_initiatives
            WHERE (owner_person_id = \(nominee) OR owner_unit_id = \(nominee)) AND status = 'recognized'
            UNION ALL
            SELECT i.title, r.scope, r.decision_number, r.decision_date FROM initiatives i
            JOIN LATERAL (SELECT x.scope, x.decision_number, x.decision_date FROM initiative_recognitions x WHERE x.initiative_id = i.id
                          ORDER BY array_position(ARRAY['unit', 'district', 'province'], x.scope) DESC LIMIT 1) r ON true
            WHERE i.person_id = \(nominee) AND i.status = 'recognized'
            ORDER BY 4, 1
            """, logger: logger
        ).map { row in
            let (title, level, decision, date) = try row.decode((String, String, String, LocalDate).self)
            let scope = ["school": "cấp trường", "unit": "cấp cơ sở", "district": "cấp huyện", "province": "cấp tỉnh"][level] ?? level
            return "\(title) (\(scope), Quyết định số \(decision) ngày \(date.vietnamese))"
        }
    }

    /// Titles and forms received by the report's day: thidua's commendations (not revoked, not this nomination's) and
    /// imported ones.
    static func earlier(
        _ nominee: UUID, besides id: ID<Nomination>, school: String, before dated: LocalDate, on connection: PostgresConnection,
        logger: Logger
    ) async throws -> [AchievementReportDocument.Earlier] {
        try await connection.rows(
            """
            SELECT m.period_kind, m.period_year, a.name, a.kind = 'title', d.number, d.decision_date, coalesce(d.issuer, \(school))
            FROM commendations c JOIN decisions d ON d.id = c.decision_id JOIN awards a ON a.code = c.award_code
            JOIN movements m ON m.id = c.movement_id LEFT JOIN commendation_revocations x ON x.commendation_id = c.id
            WHERE (c.nominee_person_id = \(nominee) OR c.nominee_unit_id = \(nominee)) AND c.nomination_id <> \(id)
              AND x.commendation_id IS NULL AND d.decision_date <= \(dated)
            UNION ALL
            SELECT pc.period_kind, pc.period_year, a.name, a.kind = 'title', pc.decision_number, pc.decision_date, pc.issuer
            FROM past_commendations pc JOIN awards a ON a.code = pc.award_code
            WHERE (pc.person_id = \(nominee) OR pc.unit_id = \(nominee)) AND pc.decision_date <= \(dated)
            ORDER BY 6, 3
            """, logger: logger
        ).map { row in
            let (kind, year, award, isTitle, number, date, issuer) = try row.decode(
                (String, Int, String, Bool, String, LocalDate, String).self)
            return AchievementReportDocument.Earlier(
                period: Period(kindCode: kind, year: year)?.label ?? String(year), awardName: award, isTitle: isTitle,
                decision: "Quyết định số \(number) ngày \(date.vietnamese) của \(issuer)")
        }
    }
}
