import Foundation
import Logging
import PostgresNIO
import ThiduaCore

/// Commendations: immutable once issued; a revocation is a separate record.
public struct CommendationRepository: Sendable {
    let client: DatabaseClient

    public init(client: DatabaseClient) { self.client = client }

    /// Filters for the commendation list. `unitId` includes the units below it.
    public struct Filter: Sendable {
        public var period: Period?
        public var unitId: ID<OrgUnit>?
        public var awardCode: String?
        public var movementId: ID<Movement>?
        public var concerning: ID<Person>?
        /// Only commendations of movements run by these units or units below them (an account's scope; nil: all).
        public var movementUnits: [ID<OrgUnit>]?
        public init(
            period: Period? = nil, unitId: ID<OrgUnit>? = nil, awardCode: String? = nil, movementId: ID<Movement>? = nil,
            concerning: ID<Person>? = nil, movementUnits: [ID<OrgUnit>]? = nil
        ) {
            self.movementUnits = movementUnits
            self.period = period
            self.unitId = unitId
            self.awardCode = awardCode
            self.movementId = movementId
            self.concerning = concerning
        }
    }

    /// A commendation's columns, read from `c` (the table, or the rows an INSERT returns), which carries its decision's
    /// number, date, signer and issuer (sql/0047: without the join to `decisions`), and its revocation `r`, if any.
    static let columns = """
        c.id, c.nomination_id, c.award_code, c.movement_id, c.nominee_person_id, c.nominee_unit_id,
        c.decision_number, c.decision_date, c.decision_signer_name, r.reason, r.decision_number, c.created_at,
        c.decision_issuer, c.coefficient::text, c.collective_factor, c.base_salary, c.reward_amount
        """
    static let joins = "LEFT JOIN commendation_revocations r ON r.commendation_id = c.id"
    static let select = "SELECT \(columns) FROM commendations c \(joins)"

    public func find(_ id: ID<Commendation>, logger: Logger) async throws -> Commendation {
        guard let found = try await client.rows(ByID(id: id), logger: logger).first else { throw DomainError.notFound("khen thưởng") }
        return found
    }

    /// One commendation by id, prepared on each connection (`GET /v1/commendations/{id}`, the issue's read benchmark).
    struct ByID: PostgresPreparedStatement {
        static let name = "thidua_commendation_by_id"
        static let sql = "\(CommendationRepository.select) WHERE c.id = $1"
        typealias Row = Commendation
        let id: ID<Commendation>

        func makeBindings() throws -> PostgresBindings {
            var bindings = PostgresBindings(capacity: 1)
            bindings.append(id.rawValue)
            return bindings
        }

        func decodeRow(_ row: PostgresRow) throws -> Commendation { try CommendationRepository.commendation(row).item }
    }

    public func list(_ filter: Filter, page: PageRequest, logger: Logger) async throws -> Page<Commendation> {
        let bound = try Keyset.bound(page.cursor)
        let rows: [(item: Commendation, createdAt: Keyset.Instant)]
        if page.limit == PageRequest.defaultLimit, filter.unitId == nil, filter.awardCode == nil, filter.movementId == nil,
            filter.concerning == nil, filter.movementUnits == nil
        {
            rows = try await defaultPage(filter.period, after: bound, logger: logger)
        } else {
            let movements = try await filter.movementUnits.asyncMap { try await client.movements(runBy: $0, logger: logger) }
            rows = try await client.rows(
                Self.filteredPage(filter, movements: movements, bound: bound, limit: page.limit + 1), logger: logger
            ).map(Self.commendation)
        }
        return Keyset.page(rows, limit: page.limit) { $0.id.description }
    }

    /// The list's usual request — a default-size page of a calendar year's, a school year's or all commendations — by
    /// statements prepared on each connection that PostgreSQL plans once and keeps: each filters by one equality and the
    /// keyset on an index in the list's order (sql/0046), and has its LIMIT written in. Planning anew at every call had
    /// been half of PostgreSQL's time per page: it will not keep a plan for a bound LIMIT (costed as a tenth of the table)
    /// or for the decision's date range through the join (estimated at one row) (issue "Performance").
    private func defaultPage(
        _ period: Period?, after bound: (createdAt: String, id: String, isFirstPage: Bool), logger: Logger
    ) async throws -> [(item: Commendation, createdAt: Keyset.Instant)] {
        guard let period else { return try await client.rows(AllPage(createdAt: bound.createdAt, id: bound.id), logger: logger) }
        return switch period.kind {
        case .calendarYear:
            try await client.rows(YearPage(createdAt: bound.createdAt, id: bound.id, year: period.year), logger: logger)
        case .schoolYear:
            try await client.rows(SchoolYearPage(createdAt: bound.createdAt, id: bound.id, year: period.year), logger: logger)
        }
    }

    /// The commendation's own column for a period's year (sql/0046).
    static func yearColumn(_ kind: Period.Kind) -> String {
        kind == .calendarYear ? "c.decision_year" : "c.decision_school_year"
    }

    static func defaultPageSQL(_ condition: String) -> String {
        """
        \(select)
        WHERE \(condition)(c.created_at, c.id) > ($1::timestamptz, $2::uuid)
        ORDER BY c.created_at, c.id LIMIT \(PageRequest.defaultLimit + 1)
        """
    }

    struct AllPage: PostgresPreparedStatement {
        static let name = "thidua_commendation_page"
        static let sql = defaultPageSQL("")
        static let bindingDataTypes: [PostgresDataType] = [.text, .text]
        typealias Row = (item: Commendation, createdAt: Keyset.Instant)
        let createdAt: String
        let id: String

        func makeBindings() throws -> PostgresBindings {
            var bindings = PostgresBindings(capacity: 2)
            bindings.append(createdAt)
            bindings.append(id)
            return bindings
        }

        func decodeRow(_ row: PostgresRow) throws -> Row { try CommendationRepository.commendation(row) }
    }

    struct YearPage: PeriodPageStatement {
        static let name = "thidua_commendation_year_page"
        static let sql = defaultPageSQL("\(yearColumn(.calendarYear)) = $3 AND ")
        let createdAt: String
        let id: String
        let year: Int
    }

    struct SchoolYearPage: PeriodPageStatement {
        static let name = "thidua_commendation_school_year_page"
        static let sql = defaultPageSQL("\(yearColumn(.schoolYear)) = $3 AND ")
        let createdAt: String
        let id: String
        let year: Int
    }

    /// A page narrowed by unit, award, movement or person: only the conditions asked for are written, so each shape is
    /// planned for what it filters (the unit's subtree only when a unit is named).
    static func filteredPage(
        _ filter: Filter, movements: [UUID]? = nil, bound: (createdAt: String, id: String, isFirstPage: Bool), limit: Int
    ) throws
        -> PostgresQuery
    {
        var bindings = PostgresBindings(capacity: 9)
        func bind(_ value: some PostgresEncodable & Sendable) throws -> String {
            try bindings.append(value)
            return "$\(bindings.count)"
        }
        var sql = ""
        var joins = ""
        var conditions = ["(c.created_at, c.id) > (\(try bind(bound.createdAt))::timestamptz, \(try bind(bound.id))::uuid)"]
        if let period = filter.period {
            conditions.append("\(Self.yearColumn(period.kind)) = \(try bind(Int32(period.year)))")
        }
        if let unit = filter.unitId {
            sql = """
                WITH RECURSIVE scope(id) AS (
                    SELECT id FROM units WHERE id = \(try bind(unit))
                    UNION SELECT u.id FROM units u JOIN scope s ON u.parent_id = s.id)

                """
            joins = " LEFT JOIN people p ON p.id = c.nominee_person_id"
            conditions.append("coalesce(c.nominee_unit_id, p.unit_id) IN (SELECT id FROM scope)")
        }
        if let award = filter.awardCode { conditions.append("c.award_code = \(try bind(award))") }
        if let movement = filter.movementId { conditions.append("c.movement_id = \(try bind(movement))") }
        if let person = filter.concerning { conditions.append("c.nominee_person_id = \(try bind(person))") }
        if let movements { conditions.append("c.movement_id = ANY (\(try bind(movements))::uuid[])") }
        sql += "\(select)\(joins)\nWHERE \(conditions.joined(separator: "\n  AND "))\nORDER BY c.created_at, c.id LIMIT \(try bind(limit))"
        return PostgresQuery(unsafeSQL: sql, binds: bindings)
    }

    /// The commendation a nomination led to, if any.
    public func find(nomination id: ID<Nomination>, logger: Logger) async throws -> Commendation? {
        let rows = try await client.rows("\(unescaped: Self.select) WHERE c.nomination_id = \(id)", logger: logger)
        return try rows.first.map { try Self.commendation($0).item }
    }

    /// Records a revocation (headmaster) with its reason and decision; a commendation is revoked at most once.
    public func revoke(
        _ id: ID<Commendation>, reason: String, decisionNumber: String, decisionDate: LocalDate? = nil, by account: Account,
        logger: Logger
    ) async throws -> Commendation {
        try await client.transaction(logger: logger) { connection in
            let current = try await Self.find(id, on: connection, logger: logger)
            if current.revocation != nil {
                throw DomainError(.conflict, "Khen thưởng này đã bị thu hồi trước đó.")
            }
            let date = decisionDate ?? .today
            try current.checkRevocation(dated: date)
            try await connection.rows(
                """
                INSERT INTO commendation_revocations (commendation_id, reason, decision_number, revoked_by, decision_date)
                VALUES (\(id), \(reason), \(decisionNumber), \(account.id), \(date))
                """, logger: logger)
            let revoked = try await Self.find(id, on: connection, logger: logger)
            try await AuditLog.record(
                on: connection, by: Actor(account: account), action: "commendation.revoke", entity: "commendation",
                id: id.description, before: CommendationSnapshot(current), after: CommendationSnapshot(revoked), logger: logger)
            return revoked
        }
    }

    static func find(_ id: ID<Commendation>, on connection: PostgresConnection, logger: Logger) async throws -> Commendation {
        let rows = try await connection.rows("\(unescaped: select) WHERE c.id = \(id)", logger: logger)
        return try commendation(try rows.required("khen thưởng")).item
    }

    /// Decoded cell by cell with concrete types, in column order: a page reads 51 of these, and one generic decode of the
    /// 17 columns as a tuple took a quarter of the server's time for it; a random-access copy of each row, 3 % more (issue
    /// "Performance").
    static func commendation(_ row: PostgresRow) throws -> (item: Commendation, createdAt: Keyset.Instant) {
        var cells = row.makeIterator()
        let id = try cells.decodeNext(ID<Commendation>.self)
        let nominationId = try cells.decodeNext(ID<Nomination>.self)
        let awardCode = try cells.decodeNext(String.self)
        let movementId = try cells.decodeNext(ID<Movement>.self)
        let nominee = try Owner.stored(person: try cells.decodeNext(UUID?.self), unit: try cells.decodeNext(UUID?.self))
        let number = try cells.decodeNext(String.self)
        let date = try cells.decodeNext(LocalDate.self)
        let signer = try cells.decodeNext(String.self)
        let reason = try cells.decodeNext(String?.self)
        let revocationNumber = try cells.decodeNext(String?.self)
        let createdAt = try cells.decodeNext(Keyset.Instant.self)
        var commendation = Commendation(
            id: id, nominationId: nominationId, awardCode: awardCode, movementId: movementId, nominee: nominee, decisionNumber: number,
            decisionDate: date, signerName: signer,
            revocation: reason.map { Commendation.Revocation(reason: $0, decisionNumber: revocationNumber ?? "") })
        commendation.issuer = try cells.decodeNext(String?.self)
        let coefficient = try cells.decodeNext(String?.self).flatMap(Coefficient.init)
        let factor = try cells.decodeNext(Int?.self)
        let baseSalary = try cells.decodeNext(Int?.self)
        let amount = try cells.decodeNext(Int?.self)
        if let coefficient, let factor, let baseSalary, let amount {
            commendation.money = .init(coefficient: coefficient, collectiveFactor: factor, baseSalary: baseSalary, rewardAmount: amount)
        }
        return (commendation, createdAt)
    }
}

/// What the audit log stores of a commendation.
struct CommendationSnapshot: Encodable, Sendable {
    let nominationId: String
    let awardCode: String
    let decisionNumber: String
    let decisionDate: String
    let revokedFor: String?

    init(_ commendation: Commendation) {
        self.nominationId = commendation.nominationId.description
        self.awardCode = commendation.awardCode
        self.decisionNumber = commendation.decisionNumber
        self.decisionDate = commendation.decisionDate.description
        self.revokedFor = commendation.revocation?.reason
    }
}

/// A default page of one calendar year's or school year's commendations (`CommendationRepository.defaultPage`).
protocol PeriodPageStatement: PostgresPreparedStatement where Row == (item: Commendation, createdAt: Keyset.Instant) {
    var createdAt: String { get }
    var id: String { get }
    var year: Int { get }
}

extension PeriodPageStatement {
    static var bindingDataTypes: [PostgresDataType] { [.text, .text, .int4] }

    func makeBindings() throws -> PostgresBindings {
        var bindings = PostgresBindings(capacity: 3)
        bindings.append(createdAt)
        bindings.append(id)
        bindings.append(Int32(year))
        return bindings
    }

    func decodeRow(_ row: PostgresRow) throws -> Row { try CommendationRepository.commendation(row) }
}
