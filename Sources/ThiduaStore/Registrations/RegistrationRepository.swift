import Foundation
import Logging
import PostgresNIO
import ThiduaCore

/// Registrations (đăng ký thi đua): filed at the start of the year in the movement for the year's titles, withdrawn
/// while the movement is open, listed for Phòng GD&ĐT and, at year end, beside what was awarded.
public struct RegistrationRepository: Sendable {
    let client: DatabaseClient

    public init(client: DatabaseClient) { self.client = client }

    static let select = """
        SELECT r.id, r.movement_id, r.nominee_person_id, r.nominee_unit_id, coalesce(p.full_name, u.name),
               coalesce(p.position, ''), coalesce(pu.name, up.name, ''), r.title_code, t.name, r.award_code, a.name,
               r.initiative_title, r.registered_on
        FROM registrations r
        JOIN awards t ON t.code = r.title_code
        LEFT JOIN awards a ON a.code = r.award_code
        LEFT JOIN people p ON p.id = r.nominee_person_id
        LEFT JOIN units pu ON pu.id = p.unit_id
        LEFT JOIN units u ON u.id = r.nominee_unit_id
        LEFT JOIN units up ON up.id = u.parent_id
        """

    /// Individuals first, in Vietnamese name order (the columns are vi-x-icu), then collectives by name.
    static let order = "r.nominee_person_id IS NULL, p.given_name, p.middle_name, p.family_name, u.name, r.id"

    /// Files a registration; the database refuses a second one for the nominee, a title of the wrong kind, a closed
    /// movement or a date outside the registration time (each said in Vietnamese beside its field).
    public func register(_ draft: RegistrationDraft, in movement: ID<Movement>, by actor: Actor, logger: Logger) async throws
        -> Registration
    {
        try await client.transaction(logger: logger) { connection in
            let rows = try await connection.rows(
                """
                INSERT INTO registrations (movement_id, nominee_person_id, nominee_unit_id, title_code, award_code, initiative_title,
                                           registered_on, created_by)
                VALUES (\(movement), \(draft.nominee.personId), \(draft.nominee.unitId), \(draft.titleCode), \(draft.awardCode),
                        \(draft.initiativeTitle), coalesce(\(draft.registeredOn)::date, current_date), \(actor.accountId))
                RETURNING id
                """, logger: logger)
            let id = ID<Registration>(try rows.required(Registration.noun).decode(UUID.self))
            let registration = try await Self.find(id, on: connection, logger: logger)
            try await AuditLog.record(
                on: connection, by: actor, action: "registration.create", entity: "registration", id: id.description,
                before: String?.none, after: RegistrationSnapshot(registration), logger: logger)
            return registration
        }
    }

    /// Withdraws a registration while its movement is open (a person changing what they seek withdraws and files again).
    public func withdraw(_ id: ID<Registration>, by actor: Actor, logger: Logger) async throws -> Registration {
        try await client.transaction(logger: logger) { connection in
            let registration = try await Self.find(id, on: connection, logger: logger)
            try Registration.checkWithdrawal(
                in: try await MovementRepository.find(registration.movementId, on: connection, lock: true, logger: logger))
            try await connection.rows("DELETE FROM registrations WHERE id = \(id)", logger: logger)
            try await AuditLog.record(
                on: connection, by: actor, action: "registration.withdraw", entity: "registration",
                id: id.description, before: RegistrationSnapshot(registration), after: String?.none, logger: logger)
            return registration
        }
    }

    public func find(_ id: ID<Registration>, logger: Logger) async throws -> Registration {
        try await client.withConnection { try await Self.find(id, on: $0, logger: logger) }
    }

    /// A movement's registrations, in print order.
    public func list(movement: ID<Movement>, logger: Logger) async throws -> [Registration] {
        _ = try await MovementRepository(client: client).find(movement, logger: logger)
        return try await client.rows(
            "\(unescaped: Self.select) WHERE r.movement_id = \(movement) ORDER BY \(unescaped: Self.order)", logger: logger
        ).map(Self.registration)
    }

    /// The list for Phòng GD&ĐT, with what each registrant was awarded in the movement so far.
    public func document(movement id: ID<Movement>, dated: LocalDate, logger: Logger) async throws -> RegistrationList {
        try await client.withConnection { connection in
            let movement = try await MovementRepository.find(id, on: connection, lock: false, logger: logger)
            let registrations = try await connection.rows(
                "\(unescaped: Self.select) WHERE r.movement_id = \(id) ORDER BY \(unescaped: Self.order)", logger: logger
            ).map(Self.registration)
            let awarded = try await connection.rows(
                """
                SELECT c.nominee_person_id, c.nominee_unit_id, coalesce(p.full_name, u.name), a.code, a.name, a.kind = 'title'
                FROM commendations c JOIN awards a ON a.code = c.award_code
                LEFT JOIN commendation_revocations x ON x.commendation_id = c.id
                LEFT JOIN people p ON p.id = c.nominee_person_id LEFT JOIN units u ON u.id = c.nominee_unit_id
                WHERE c.movement_id = \(id) AND x.commendation_id IS NULL
                ORDER BY a.precedence, c.nominee_person_id IS NULL, p.given_name, p.middle_name, p.family_name, u.name, c.id
                """, logger: logger
            ).map { row in
                let (person, unit, name, code, award, title) = try row.decode((UUID?, UUID?, String, String, String, Bool).self)
                return RegistrationList.Awarded(
                    nominee: try Owner.stored(person: person, unit: unit), nomineeName: name, code: code, name: award, isTitle: title)
            }
            let (issuer, settings) = try await DocumentSettingsRepository.issuer(of: movement.unitId, on: connection, logger: logger)
            return RegistrationList(
                issuer: issuer, settings: settings,
                movementName: movement.name, period: movement.period, registrations: registrations, awarded: awarded, dated: dated)
        }
    }

    static func find(_ id: ID<Registration>, on connection: PostgresConnection, logger: Logger) async throws -> Registration {
        try registration(try await connection.rows("\(unescaped: select) WHERE r.id = \(id)", logger: logger).required(Registration.noun))
    }

    static func registration(_ row: PostgresRow) throws -> Registration {
        let (id, movement, person, unit, name, position, unitName, title, titleName, award, awardName, initiative, date) =
            try row.decode(
                (
                    ID<Registration>, ID<Movement>, UUID?, UUID?, String, String, String, String, String, String?, String?, String?,
                    LocalDate
                ).self)
        return Registration(
            id: id, movementId: movement, nominee: try Owner.stored(person: person, unit: unit), nomineeName: name, position: position,
            unitName: unitName, titleCode: title, titleName: titleName, awardCode: award, awardName: awardName, initiativeTitle: initiative,
            registeredOn: date)
    }
}

/// What the audit log keeps of a registration.
struct RegistrationSnapshot: Encodable, Sendable {
    let movementId: String
    let nominee: String
    let title: String
    let award: String?
    let initiative: String?
    let registeredOn: String

    init(_ registration: Registration) {
        movementId = registration.movementId.description
        nominee = registration.nomineeName
        title = registration.titleCode
        award = registration.awardCode
        initiative = registration.initiativeTitle
        registeredOn = registration.registeredOn.description
    }
}
