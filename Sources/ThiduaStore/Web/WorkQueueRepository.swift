import Foundation
import Logging
import PostgresNIO
import ThiduaCore

/// What waits on someone, for the web app's home page (Việc cần làm): nominations in the given states with the names a
/// person reads (award, nominee, movement) in one query, oldest first.
public struct WorkQueueRepository: Sendable {
    let client: DatabaseClient

    public init(client: DatabaseClient) { self.client = client }

    public struct Item: Sendable, Equatable {
        public let id: ID<Nomination>
        public let award: String
        public let nominee: String
        public let movement: String
        public let status: NominationStatus
        public let returnReason: String?
        public let achievements: String
        /// When it last changed, dd/MM/yyyy in Vietnam's time zone.
        public let changedOn: String
        /// The unit running its movement decides this award itself (its list, sql/0024); otherwise it goes up with a tờ
        /// trình. The approval and the forward check the same (`NominationRepository.authority`).
        public let decidedByItsUnit: Bool
    }

    /// Nominations in one of `statuses`, only those of `person` when given (a staff member's own), of movements of `units`
    /// and below when given (an account's scope), and, for an `office`, only those its holders answer for, at most `limit`.
    public func nominations(
        in statuses: [NominationStatus], concerning person: ID<Person>?, units: [ID<OrgUnit>]? = nil, office: Office? = nil,
        limit: Int = 50, logger: Logger
    ) async throws -> [Item] {
        try await items(
            statuses: statuses.map(\.rawValue), person: person, ids: nil, units: units, office: office, limit: limit, logger: logger)
    }

    /// Forwarded nominations that arrived at a unit in thidua (sql/0038) where `office` (a head, or a council) is held, for its holder to
    /// answer, at most `limit`.
    public func arrived(at office: Office, limit: Int = 50, logger: Logger) async throws -> [Item] {
        try await items(
            statuses: [NominationStatus.forwarded.rawValue], person: nil, ids: nil, units: nil, office: office, arrived: true,
            limit: limit, logger: logger)
    }

    /// Forwarded nominations waiting at a unit the office is held on that can go on from there (a unit above, up to the
    /// award's level, uses thidua): what its head may send on with one tờ trình.
    public func goingOn(at office: Office, limit: Int = 200, logger: Logger) async throws -> [Item] {
        try await items(
            statuses: [NominationStatus.forwarded.rawValue], person: nil, ids: nil, units: nil, office: office, arrived: true,
            goingOn: true, limit: limit, logger: logger)
    }

    /// One nomination with its names.
    public func nomination(_ id: ID<Nomination>, logger: Logger) async throws -> Item {
        guard let item = try await nominations([id], logger: logger).first else { throw DomainError.notFound(Nomination.noun) }
        return item
    }

    /// These nominations with their names (in no particular order), in one query.
    public func nominations(_ ids: [ID<Nomination>], logger: Logger) async throws -> [Item] {
        try await items(
            statuses: NominationStatus.allCases.map(\.rawValue), person: nil, ids: ids.map(\.rawValue), units: nil, limit: ids.count,
            logger: logger)
    }

    /// `office`: the unit answering for a nomination — its movement's responsible unit, or with `arrived` the unit it was
    /// forwarded to — is one the office is held on; `goingOn`: only those a unit above it in thidua would receive.
    private func items(
        statuses: [String], person: ID<Person>?, ids: [UUID]?, units: [ID<OrgUnit>]?, office: Office? = nil, arrived: Bool = false,
        goingOn: Bool = false, limit: Int, logger: Logger
    ) async throws -> [Item] {
        // No office, or one held on the whole registry: no narrowing.
        let officeUnits = office?.units
        let rows = try await client.rows(
            """
            SELECT n.id, a.name, coalesce(p.full_name, u.name), m.name, n.status, n.return_reason, n.achievements,
                   to_char(n.updated_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'DD/MM/YYYY'), unit_grants(m.unit_id, n.award_code)
            FROM nominations n
            JOIN awards a ON a.code = n.award_code
            JOIN movements m ON m.id = n.movement_id
            LEFT JOIN people p ON p.id = n.nominee_person_id
            LEFT JOIN units u ON u.id = n.nominee_unit_id
            WHERE n.status = ANY(\(statuses)) AND (\(person?.rawValue)::uuid IS NULL OR n.nominee_person_id = \(person?.rawValue))
              AND (\(ids)::uuid[] IS NULL OR n.id = ANY(\(ids)))
              AND (\(units)::uuid[] IS NULL OR m.unit_id IN (SELECT unnest(unit_subtree(\(units)::uuid[]))))
              AND (NOT \(arrived) OR receiving_unit(n.id) IS NOT NULL)
              AND (NOT \(goingOn) OR onward_unit(n.id) IS NOT NULL)
              AND (\(officeUnits)::uuid[] IS NULL
                   OR CASE WHEN \(arrived) THEN receiving_unit(n.id)
                           ELSE responsible_unit(m.unit_id, ARRAY[\(office?.role.rawValue)::text]) END = ANY (\(officeUnits)::uuid[]))
            ORDER BY n.updated_at, n.id
            LIMIT \(limit)
            """, logger: logger)
        return try rows.compactMap { row in
            let (id, award, nominee, movement, status, reason, achievements, changed, decided) = try row.decode(
                (UUID, String, String, String, String, String?, String, String, Bool).self)
            return NominationStatus(rawValue: status).map {
                Item(
                    id: ID(id), award: award, nominee: nominee, movement: movement, status: $0, returnReason: reason,
                    achievements: achievements, changedOn: changed, decidedByItsUnit: decided)
            }
        }
    }

    /// A model in a list of work, with the names a person reads.
    public struct ModelItem: Sendable, Equatable {
        public let id: ID<ModelInitiative>
        public let title: String
        public let owner: String
        public let movement: String
        public let status: ModelStatus
        public let endsOn: LocalDate
        public let changedOn: String
    }

    /// Models in one of `statuses`, only those `person` leads when given, the soonest to end first, at most `limit`.
    public func models(
        in statuses: [ModelStatus], concerning person: ID<Person>?, units: [ID<OrgUnit>]? = nil, limit: Int = 50, logger: Logger
    ) async throws -> [ModelItem] {
        let rows = try await client.rows(
            """
            SELECT mi.id, mi.title, coalesce(p.full_name, u.name), m.name, mi.status, mi.ends_on,
                   to_char(mi.updated_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'DD/MM/YYYY')
            FROM model_initiatives mi
            JOIN movements m ON m.id = mi.movement_id
            LEFT JOIN people p ON p.id = mi.owner_person_id
            LEFT JOIN units u ON u.id = mi.owner_unit_id
            WHERE mi.status = ANY(\(statuses.map(\.rawValue)))
              AND (\(person?.rawValue)::uuid IS NULL OR mi.owner_person_id = \(person?.rawValue))
              AND (\(units)::uuid[] IS NULL OR m.unit_id IN (SELECT unnest(unit_subtree(\(units)::uuid[]))))
            ORDER BY mi.ends_on, mi.id
            LIMIT \(limit)
            """, logger: logger)
        return try rows.compactMap { row in
            let (id, title, owner, movement, status, endsOn, changed) = try row.decode(
                (UUID, String, String, String, String, LocalDate, String).self)
            return ModelStatus(rawValue: status).map {
                ModelItem(id: ID(id), title: title, owner: owner, movement: movement, status: $0, endsOn: endsOn, changedOn: changed)
            }
        }
    }
}
