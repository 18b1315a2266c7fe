import Foundation
import Logging
import PostgresNIO
import ThiduaCore

/// Public postings of the council's list (sql/0034): posted once a day per movement with the nominations as they stood,
/// comments taken while up, and the printed notice.
public struct PostingRepository: Sendable {
    let client: DatabaseClient

    public init(client: DatabaseClient) { self.client = client }

    /// Posts the movement's nominations the council recommends (or those named, which must be among them).
    public func create(
        movement id: ID<Movement>, _ draft: PostingDraft, nominations named: [ID<Nomination>]?, by actor: Actor, logger: Logger
    ) async throws -> Posting {
        try await client.transaction(logger: logger) { connection in
            _ = try await MovementRepository.find(id, on: connection, lock: false, logger: logger)
            let recommended = try await connection.rows(
                "SELECT id FROM nominations WHERE movement_id = \(id) AND status = 'recommended' ORDER BY id", logger: logger
            ).map { try $0.decode(ID<Nomination>.self) }
            let chosen = named.map { Array(Set($0)) } ?? recommended
            guard !chosen.isEmpty else {
                throw DomainError.rule(field: "nominationIds", "Chưa có đề nghị nào được Hội đồng đề nghị để niêm yết.")
            }
            guard Set(chosen).isSubset(of: Set(recommended)) else {
                throw DomainError.rule(
                    field: "nominationIds", "Chỉ niêm yết các đề nghị của phong trào này đang ở trạng thái \"hội đồng đề nghị\".")
            }
            let posting = try await connection.rows(
                """
                INSERT INTO postings (movement_id, posted_on, days, place, created_by)
                VALUES (\(id), \(draft.postedOn), \(draft.days), \(draft.place), \(actor.accountId))
                RETURNING id
                """, logger: logger
            ).required(Posting.noun).decode(ID<Posting>.self)
            try await connection.rows(
                """
                INSERT INTO posting_nominations (posting_id, nomination_id)
                SELECT \(posting), unnest(\(chosen.map(\.rawValue))::uuid[])
                """, logger: logger)
            let created = try await Self.postings(movement: id, only: posting, on: connection, logger: logger)[0]
            try await AuditLog.record(
                on: connection, by: actor, action: "posting.create", entity: "posting", id: posting.description, before: String?.none,
                after: PostingSnapshot(created), logger: logger)
            return created
        }
    }

    /// A movement's postings, newest first, with their lines and comments.
    public func list(movement id: ID<Movement>, logger: Logger) async throws -> [Posting] {
        try await client.withConnection { connection in
            _ = try await MovementRepository.find(id, on: connection, lock: false, logger: logger)
            return try await Self.postings(movement: id, only: nil, on: connection, logger: logger)
        }
    }

    public func find(_ id: ID<Posting>, logger: Logger) async throws -> Posting {
        try await client.withConnection { connection in
            let movement = try await connection.rows("SELECT movement_id FROM postings WHERE id = \(id)", logger: logger)
                .required(Posting.noun).decode(ID<Movement>.self)
            return try await Self.postings(movement: movement, only: id, on: connection, logger: logger)[0]
        }
    }

    /// A comment on a nominee of the list (or on the list), made `on` a day inside the window (today from the API).
    public func comment(
        _ id: ID<Posting>, nomination: ID<Nomination>?, body: String, by actor: Actor, on day: LocalDate = .today, logger: Logger
    ) async throws -> Posting.Comment {
        try await client.transaction(logger: logger) { connection in
            let posting = try await connection.rows("SELECT posted_on, days FROM postings WHERE id = \(id)", logger: logger)
                .required(Posting.noun).decode((LocalDate, Int).self)
            let last = posting.0.adding(days: posting.1 - 1)
            guard day >= posting.0 && day <= last else {
                throw DomainError(
                    .conflict,
                    "Danh sách niêm yết từ ngày \(posting.0.vietnamese) đến hết ngày \(last.vietnamese); ngoài thời gian này không nhận góp ý."
                )
            }
            let rows = try await connection.rows(
                """
                WITH c AS (
                    INSERT INTO posting_comments (posting_id, nomination_id, author_id, author_name, body, commented_on)
                    VALUES (\(id), \(nomination), \(actor.accountId), \(actor.name), \(body), \(day)) RETURNING *)
                SELECT coalesce(p.full_name, u.name), c.author_name, c.body, c.commented_on FROM c
                LEFT JOIN nominations n ON n.id = c.nomination_id LEFT JOIN people p ON p.id = n.nominee_person_id
                LEFT JOIN units u ON u.id = n.nominee_unit_id
                """, logger: logger)
            let (nominee, author, text, date) = try rows.required("góp ý").decode((String?, String, String, LocalDate).self)
            let comment = Posting.Comment(nominee: nominee, author: author, body: text, commentedOn: date)
            try await AuditLog.record(
                on: connection, by: actor, action: "posting.comment", entity: "posting", id: id.description, before: String?.none,
                after: ["nominee": nominee ?? "", "body": text], logger: logger)
            return comment
        }
    }

    static func postings(movement id: ID<Movement>, only: ID<Posting>?, on connection: PostgresConnection, logger: Logger) async throws
        -> [Posting]
    {
        let heads = try await connection.rows(
            """
            SELECT id, posted_on, days, place FROM postings
            WHERE movement_id = \(id) AND (\(only)::uuid IS NULL OR id = \(only)) ORDER BY posted_on DESC
            """, logger: logger
        ).map { try $0.decode((ID<Posting>, LocalDate, Int, String).self) }
        var postings: [Posting] = []
        for (posting, postedOn, days, place) in heads {
            let lines = try await connection.rows(
                """
                SELECT n.id, coalesce(p.full_name, u.name), coalesce(nullif(concat_ws(', ', nullif(p.position, ''), pu.name), ''), uu.name, ''),
                       a.name
                FROM posting_nominations pn JOIN nominations n ON n.id = pn.nomination_id JOIN awards a ON a.code = n.award_code
                LEFT JOIN people p ON p.id = n.nominee_person_id LEFT JOIN units pu ON pu.id = p.unit_id
                LEFT JOIN units u ON u.id = n.nominee_unit_id LEFT JOIN units uu ON uu.id = u.parent_id
                WHERE pn.posting_id = \(posting)
                ORDER BY a.precedence, n.nominee_person_id IS NULL, p.given_name, p.middle_name, p.family_name, u.name, n.id
                """, logger: logger
            ).map { row in
                let (nomination, name, position, award) = try row.decode((ID<Nomination>, String, String, String).self)
                return Posting.Line(nominationId: nomination, name: name, position: position, awardName: award)
            }
            let comments = try await connection.rows(
                """
                SELECT coalesce(p.full_name, u.name), c.author_name, c.body, c.commented_on FROM posting_comments c
                LEFT JOIN nominations n ON n.id = c.nomination_id LEFT JOIN people p ON p.id = n.nominee_person_id
                LEFT JOIN units u ON u.id = n.nominee_unit_id
                WHERE c.posting_id = \(posting) ORDER BY c.created_at, c.id
                """, logger: logger
            ).map { row in
                let (nominee, author, body, date) = try row.decode((String?, String, String, LocalDate).self)
                return Posting.Comment(nominee: nominee, author: author, body: body, commentedOn: date)
            }
            postings.append(
                Posting(id: posting, movementId: id, postedOn: postedOn, days: days, place: place, lines: lines, comments: comments))
        }
        return postings
    }
}

/// What the audit log keeps of a posting.
struct PostingSnapshot: Encodable, Sendable {
    let postedOn: String
    let days: Int
    let place: String
    let nominations: [String]

    init(_ posting: Posting) {
        postedOn = posting.postedOn.description
        days = posting.days
        place = posting.place
        nominations = posting.lines.map(\.nominationId.description)
    }
}

extension PostingRepository {
    /// The printed notice of a posting.
    public func notice(_ id: ID<Posting>, logger: Logger) async throws -> PostingNotice {
        let posting = try await find(id, logger: logger)
        return try await client.withConnection { connection in
            let movement = try await MovementRepository.find(posting.movementId, on: connection, lock: false, logger: logger)
            let (issuer, settings) = try await DocumentSettingsRepository.issuer(of: movement.unitId, on: connection, logger: logger)
            return PostingNotice(issuer: issuer, settings: settings, movementName: movement.name, posting: posting)
        }
    }
}
