import Foundation
import Logging
import PostgresNIO
import ThiduaCore

/// The award catalogue, its rules by period, base salaries and the rounding setting. Every change is audited with
/// its reason; commendations keep the values they were issued with, so a change never reaches them.
public struct CatalogueRepository: Sendable {
    let client: DatabaseClient

    public init(client: DatabaseClient) { self.client = client }

    public func awards(logger: Logger) async throws -> [Award] {
        try await client.withConnection { try await Self.awards(on: $0, logger: logger) }
    }

    public func award(_ code: String, logger: Logger) async throws -> Award {
        try await client.withConnection { try await Self.award(code, on: $0, logger: logger) }
    }

    /// An award a client names in a field: an unknown code is a mistake beside that field (422), not a missing page.
    public func award(_ code: String, field: String, logger: Logger) async throws -> Award {
        do {
            return try await award(code, logger: logger)
        } catch let error as DomainError where error.code == .notFound {
            throw DomainError.rule(field: field, "Danh mục không có khen thưởng mã \"\(code)\".")
        }
    }

    public func levels(logger: Logger) async throws -> [AuthorityLevel] {
        try await client.rows("SELECT code, name, rank FROM authority_levels ORDER BY rank, code", logger: logger).map {
            let (code, name, rank) = try $0.decode((String, String, Int).self)
            return AuthorityLevel(code: code, name: name, rank: rank)
        }
    }

    public func salaries(logger: Logger) async throws -> [BaseSalary] {
        try await client.withConnection { try await Self.salaries(on: $0, logger: logger) }
    }

    public func rounding(logger: Logger) async throws -> RewardRounding {
        try await client.withConnection { try await Self.rounding(on: $0, logger: logger) }
    }

    /// The money an award carries on a date (what `catalogue reward` and `/v1/awards/{code}/reward` answer).
    public func quote(award: String, date: LocalDate, collective: Bool, logger: Logger) async throws -> RewardQuote {
        try await client.withConnection { try await Self.quote(award: award, date: date, collective: collective, on: $0, logger: logger) }
    }

    /// The awards a person (or, with `collective`, a collective) may be nominated for, each with the money it carries on
    /// `date` — nil where the catalogue has no rule or base salary for that date. One connection, no query per award.
    public func offers(collective: Bool, on date: LocalDate, logger: Logger) async throws -> [(award: Award, quote: RewardQuote?)] {
        try await client.withConnection { connection in
            let awards = try await Self.awards(on: connection, logger: logger).filter { $0.recipient.suits(collective: collective) }
            let salaries = try await Self.salaries(on: connection, logger: logger)
            let rounding = try await Self.rounding(on: connection, logger: logger)
            return awards.map { award in
                let quote = try? RewardQuote.compute(
                    award: award.code, rules: award.rules, salaries: salaries, date: date, collective: collective, rounding: rounding)
                return (award, quote)
            }
        }
    }

    /// Adds a base-salary row. Rows are never edited: a commendation already paid refers to them.
    public func addSalary(_ salary: BaseSalary, by actor: Actor, logger: Logger) async throws -> BaseSalary {
        try await client.transaction(logger: logger) { connection in
            try await connection.rows(
                """
                INSERT INTO base_salaries (effective_from, amount, citation)
                VALUES (\(salary.effectiveFrom), \(salary.amount), \(salary.citation))
                """, logger: logger)
            try await AuditLog.record(
                on: connection, by: actor, action: "base-salary.create", entity: "base_salary", id: salary.effectiveFrom.description,
                before: BaseSalary?.none, after: salary, logger: logger)
            return salary
        }
    }

    public func setRounding(_ rounding: RewardRounding, reason: String, by actor: Actor, logger: Logger) async throws {
        try await client.transaction(logger: logger) { connection in
            let before = try await Self.rounding(on: connection, logger: logger)
            try await connection.rows(
                "UPDATE law_settings SET reward_rounding = \(rounding), updated_at = now()", logger: logger)
            try await AuditLog.record(
                on: connection, by: actor, action: "settings.reward-rounding", entity: "law_settings", id: "reward_rounding",
                before: Reasoned(value: before.rawValue, reason: nil), after: Reasoned(value: rounding.rawValue, reason: reason),
                logger: logger)
        }
    }

    /// Sets the rules of an award from a date (a new period, or a correction of one), with the reason. Audited.
    public func setRule(_ rule: AwardRule, reason: String, by actor: Actor, logger: Logger) async throws -> Award {
        try await client.transaction(logger: logger) { connection in
            let award = try await Self.award(rule.awardCode, on: connection, logger: logger)
            let before = award.rules.first { $0.effectiveFrom == rule.effectiveFrom }
            try await connection.rows(
                """
                INSERT INTO award_rules (award_code, effective_from, coefficient, collective_factor, authority_level,
                                         vote_numerator, vote_denominator, vote_base, eligibility, citation, verified, fixed_amount)
                VALUES (\(rule.awardCode), \(rule.effectiveFrom), \(rule.coefficient.description)::numeric,
                        \(rule.collectiveFactor), \(rule.authorityLevel), \(rule.voteThreshold?.numerator),
                        \(rule.voteThreshold?.denominator), \(rule.voteThreshold?.base),
                        \(rule.eligibility.map(\.rawValue)), \(rule.citation), \(rule.verified), \(rule.fixedAmount))
                ON CONFLICT (award_code, effective_from) DO UPDATE SET
                    coefficient = EXCLUDED.coefficient, collective_factor = EXCLUDED.collective_factor,
                    authority_level = EXCLUDED.authority_level, vote_numerator = EXCLUDED.vote_numerator,
                    vote_denominator = EXCLUDED.vote_denominator, vote_base = EXCLUDED.vote_base,
                    eligibility = EXCLUDED.eligibility, citation = EXCLUDED.citation, verified = EXCLUDED.verified,
                    fixed_amount = EXCLUDED.fixed_amount, updated_at = now()
                """, logger: logger)
            try await AuditLog.record(
                on: connection, by: actor, action: before == nil ? "award-rule.create" : "award-rule.update", entity: "award_rule",
                id: "\(rule.awardCode)@\(rule.effectiveFrom)", before: before.map { Reasoned(value: $0, reason: nil) },
                after: Reasoned(value: rule, reason: reason), logger: logger)
            return try await Self.award(rule.awardCode, on: connection, logger: logger)
        }
    }

    // MARK: on a connection (used inside approvals)

    static func awards(on connection: PostgresConnection, logger: Logger) async throws -> [Award] {
        let rules = try await self.rules(code: nil, on: connection, logger: logger)
        return try await connection.rows("\(unescaped: awardColumns) FROM awards ORDER BY precedence, code", logger: logger).map {
            try award($0, rules: rules)
        }
    }

    static let awardColumns = "SELECT code, name, recipient, kind, precedence, citation, verified, issuer, issuer_name, for_service"

    static func award(_ row: PostgresRow, rules: [AwardRule]) throws -> Award {
        let (code, name, recipient, kind, precedence, citation, verified, issuer, issuerName, forService) =
            try row.decode((String, String, String, String, Int, String, Bool, String, String, Bool).self)
        return Award(
            code: code, name: name, recipient: Award.Recipient(rawValue: recipient) ?? .both, kind: kind, precedence: precedence,
            citation: citation, verified: verified, issuer: Award.Issuer(rawValue: issuer) ?? .state, issuerName: issuerName,
            forService: forService, rules: rules.filter { $0.awardCode == code })
    }

    static func award(_ code: String, on connection: PostgresConnection, logger: Logger) async throws -> Award {
        let rows = try await connection.rows("\(unescaped: awardColumns) FROM awards WHERE code = \(code)", logger: logger)
        guard let row = rows.first else { throw DomainError.notFound("khen thưởng mã \"\(code)\" trong danh mục") }
        return try award(row, rules: try await rules(code: code, on: connection, logger: logger))
    }

    static func rules(code: String?, on connection: PostgresConnection, logger: Logger) async throws -> [AwardRule] {
        try await connection.rows(
            """
            SELECT award_code, effective_from, coefficient::text, collective_factor, authority_level,
                   vote_numerator, vote_denominator, vote_base, eligibility, citation, verified, fixed_amount
            FROM award_rules WHERE (\(code)::text IS NULL OR award_code = \(code)) ORDER BY award_code, effective_from
            """, logger: logger
        ).map { row in
            let (award, from, coefficient, factor, level, numerator, denominator, base, eligibility, citation, verified, fixed) =
                try row.decode((String, LocalDate, String, Int, String, Int?, Int?, String?, [String], String, Bool, Int?).self)
            var threshold: VoteThreshold?
            if let numerator, let denominator, let base = base.flatMap(VoteThreshold.Base.init) {
                threshold = VoteThreshold(numerator: numerator, denominator: denominator, base: base)
            }
            return AwardRule(
                awardCode: award, effectiveFrom: from,
                coefficient: Coefficient(coefficient) ?? Coefficient(hundredths: 0), collectiveFactor: factor, authorityLevel: level,
                voteThreshold: threshold, eligibility: eligibility.compactMap(EligibilityRule.init), citation: citation,
                verified: verified, fixedAmount: fixed)
        }
    }

    static func salaries(on connection: PostgresConnection, logger: Logger) async throws -> [BaseSalary] {
        try await connection.rows(
            "SELECT effective_from, amount, citation FROM base_salaries ORDER BY effective_from", logger: logger
        )
        .map {
            let (from, amount, citation) = try $0.decode((LocalDate, Int, String).self)
            return BaseSalary(effectiveFrom: from, amount: amount, citation: citation)
        }
    }

    static func rounding(on connection: PostgresConnection, logger: Logger) async throws -> RewardRounding {
        let rows = try await connection.rows("SELECT reward_rounding FROM law_settings", logger: logger)
        return RewardRounding(rawValue: try rows.required("cài đặt").decode(String.self)) ?? .up
    }

    static func quote(award code: String, date: LocalDate, collective: Bool, on connection: PostgresConnection, logger: Logger)
        async throws -> RewardQuote
    {
        let award = try await award(code, on: connection, logger: logger)
        return try RewardQuote.compute(
            award: code, rules: award.rules, salaries: try await salaries(on: connection, logger: logger), date: date,
            collective: collective, rounding: try await rounding(on: connection, logger: logger))
    }

    /// The authority level a unit's head holds: its own setting, or the default of its kind.
    static func authority(ofUnit unit: UUID, on connection: PostgresConnection, logger: Logger) async throws -> AuthorityLevel {
        let rows = try await connection.rows(
            "SELECT l.code, l.name, l.rank FROM authority_levels l WHERE l.code = unit_authority(\(unit))", logger: logger)
        let (code, name, rank) = try rows.required("cấp thẩm quyền").decode((String, String, Int).self)
        return AuthorityLevel(code: code, name: name, rank: rank)
    }

    static func level(_ code: String, on connection: PostgresConnection, logger: Logger) async throws -> AuthorityLevel {
        let rows = try await connection.rows("SELECT code, name, rank FROM authority_levels WHERE code = \(code)", logger: logger)
        let (code, name, rank) = try rows.required("cấp thẩm quyền").decode((String, String, Int).self)
        return AuthorityLevel(code: code, name: name, rank: rank)
    }
}

/// An audited value with the reason given for changing it.
struct Reasoned<Value: Encodable & Sendable>: Encodable, Sendable {
    let value: Value
    let reason: String?
}

extension CatalogueRepository {
    public func policy(of unit: ID<OrgUnit>, logger: Logger) async throws -> UnitPolicy {
        try await client.withConnection { try await Self.policy(of: unit, on: $0, logger: logger) }
    }

    /// Replaces a unit's authority level and caps and applies changes to the awards its head signs, with the reason.
    /// Audited.
    public func setPolicy(
        _ unit: ID<OrgUnit>, authorityLevel: String?, caps: [UnitPolicy.Cap], grantChanges: [UnitPolicy.GrantChange] = [],
        titlePeriod: UnitPolicy.TitlePeriodChange = .keep, reason: String, by actor: Actor, logger: Logger
    )
        async throws -> UnitPolicy
    {
        try await client.transaction(logger: logger) { connection in
            let before = try await Self.policy(of: unit, on: connection, logger: logger)
            try await connection.rows(
                "UPDATE units SET authority_level = \(authorityLevel), version = version + 1, updated_at = now() WHERE id = \(unit)",
                logger: logger)
            switch titlePeriod {
            case .keep: break
            case .byKind: try await connection.rows("UPDATE units SET title_period_kind = NULL WHERE id = \(unit)", logger: logger)
            case .set(let kind):
                try await connection.rows("UPDATE units SET title_period_kind = \(kind) WHERE id = \(unit)", logger: logger)
            }
            for change in grantChanges {
                if let grants = change.grants {
                    try await connection.rows(
                        """
                        INSERT INTO unit_award_grants (unit_id, award_code, grants, reason) VALUES (\(unit), \(change.award), \(grants), \(reason))
                        ON CONFLICT (unit_id, award_code) DO UPDATE SET grants = EXCLUDED.grants, reason = EXCLUDED.reason, changed_at = now()
                        """, logger: logger)
                } else {
                    try await connection.rows(
                        "DELETE FROM unit_award_grants WHERE unit_id = \(unit) AND award_code = \(change.award)", logger: logger)
                }
            }
            try await connection.rows("DELETE FROM unit_caps WHERE unit_id = \(unit)", logger: logger)
            for cap in caps {
                try await connection.rows(
                    """
                    INSERT INTO unit_caps (unit_id, award_code, base_award_code, percent, enabled)
                    VALUES (\(unit), \(cap.award), \(cap.ofAward), \(cap.percent.description)::numeric, \(cap.enabled))
                    """, logger: logger)
            }
            let after = try await Self.policy(of: unit, on: connection, logger: logger)
            try await AuditLog.record(
                on: connection, by: actor, action: "unit.policy", entity: "unit", id: unit.description, before: before,
                after: Reasoned(value: after, reason: reason), logger: logger)
            return after
        }
    }

    static func policy(of unit: ID<OrgUnit>, on connection: PostgresConnection, logger: Logger) async throws -> UnitPolicy {
        let rows = try await connection.rows(
            "SELECT authority_level, unit_authority(id), title_period_kind, unit_title_period_kind(id) FROM units WHERE id = \(unit)",
            logger: logger)
        let (level, effective, titlePeriod, effectiveTitlePeriod) = try rows.required("đơn vị").decode(
            (String?, String, Period.Kind?, Period.Kind).self)
        let caps = try await connection.rows(
            "SELECT award_code, base_award_code, percent::text, enabled FROM unit_caps WHERE unit_id = \(unit) ORDER BY award_code",
            logger: logger
        ).map { row in
            let (award, base, percent, enabled) = try row.decode((String, String, String, Bool).self)
            return UnitPolicy.Cap(
                award: award, ofAward: base, percent: Coefficient(percent) ?? Coefficient(hundredths: 0), enabled: enabled)
        }
        let grants = try await connection.rows(
            """
            SELECT a.code, a.name, unit_grants(\(unit), a.code),
                   EXISTS (SELECT 1 FROM authority_grants g WHERE g.level_code = \(effective) AND g.award_code = a.code), u.reason
            FROM awards a LEFT JOIN unit_award_grants u ON u.unit_id = \(unit) AND u.award_code = a.code
            ORDER BY a.precedence, a.code
            """, logger: logger
        ).map { row in
            let (code, name, grants, byLevel, reason) = try row.decode((String, String, Bool, Bool, String?).self)
            return UnitPolicy.Grant(award: code, awardName: name, grants: grants, byLevel: byLevel, reason: reason)
        }
        return UnitPolicy(
            authorityLevel: level, effectiveAuthorityLevel: effective, caps: caps, grants: grants, titlePeriodKind: titlePeriod,
            effectiveTitlePeriodKind: effectiveTitlePeriod)
    }
}
