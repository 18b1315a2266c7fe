import Crypto
import Foundation
import Logging
import PostgresNIO
import ThiduaCore

/// Evidence (minh chứng) on a model or a nomination: a file (stored in PostgreSQL, content-addressed by SHA-256),
/// a link or a note. Never edited; removing it is a recorded retraction.
public struct EvidenceRepository: Sendable {
    let client: DatabaseClient
    let quota: EvidenceRules.Quota

    public init(client: DatabaseClient, quota: EvidenceRules.Quota = .init()) {
        self.client = client
        self.quota = quota
    }

    /// What an evidence item is attached to.
    public enum Subject: Sendable {
        case model(ID<ModelInitiative>)
        case nomination(ID<Nomination>)
    }

    /// The content of a new item.
    public enum Content: Sendable {
        case file(Data, filename: String, contentType: String)
        case link(String)
        case note(String)
    }

    /// An evidence item's description (the file's bytes are fetched separately).
    public struct Item: Sendable, Encodable, Equatable {
        public let id: String
        public let kind: String
        public let modelId: String?
        public let nominationId: String?
        public let sha256: String?
        public let size: Int?
        public let contentType: String?
        public let filename: String?
        public let url: String?
        public let note: String?
        public let addedBy: String
        public let addedAt: String
        public let retracted: Bool
        public let retractionReason: String?
        /// The paper of a nomination's file it is (sql/0032): achievement_report or initiative_recognition.
        public var paper: String? = nil
        /// Evidence is never edited; a retraction is its only later event.
        public var version: Int { retracted ? 2 : 1 }

        enum CodingKeys: String, CodingKey {
            case id, kind, modelId, nominationId, sha256, size, contentType, filename, url, note, addedBy, addedAt, retracted,
                retractionReason, paper, version
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(kind, forKey: .kind)
            try container.encode(modelId, forKey: .modelId)
            try container.encode(nominationId, forKey: .nominationId)
            try container.encode(sha256, forKey: .sha256)
            try container.encode(size, forKey: .size)
            try container.encode(contentType, forKey: .contentType)
            try container.encode(filename, forKey: .filename)
            try container.encode(url, forKey: .url)
            try container.encode(note, forKey: .note)
            try container.encode(addedBy, forKey: .addedBy)
            try container.encode(addedAt, forKey: .addedAt)
            try container.encode(retracted, forKey: .retracted)
            try container.encode(retractionReason, forKey: .retractionReason)
            try container.encode(paper, forKey: .paper)
            try container.encode(version, forKey: .version)
        }
    }

    static let select = """
        SELECT e.id, e.kind, e.model_id, e.nomination_id, e.file_sha256, f.size, e.content_type, e.filename, e.url, e.note,
               a.display_name, to_char(e.added_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), e.retraction_reason, e.paper
        FROM evidence e JOIN accounts a ON a.id = e.added_by LEFT JOIN evidence_files f ON f.sha256 = e.file_sha256
        """

    public func add(_ content: Content, to subject: Subject, paper: EvidencePaper? = nil, by account: Account, logger: Logger)
        async throws -> Item
    {
        try await add([content], to: subject, paper: paper, by: account, logger: logger)[0]
    }

    /// Adds several items at once (the pages' upload of several files): all are stored, or — one refused — none.
    public func add(_ contents: [Content], to subject: Subject, paper: EvidencePaper? = nil, by account: Account, logger: Logger)
        async throws -> [Item]
    {
        let (modelId, nominationId): (UUID?, UUID?) =
            switch subject {
            case .model(let id): (id.rawValue, nil)
            case .nomination(let id): (nil, id.rawValue)
            }
        return try await client.transaction(logger: logger) { connection in
            // The subject must exist: a clear 404 rather than a foreign-key message.
            if let modelId { _ = try await ModelInitiativeRepository.find(ID(modelId), on: connection, lock: false, logger: logger) }
            if let nominationId { _ = try await NominationRepository.find(ID(nominationId), on: connection, lock: false, logger: logger) }
            var items: [Item] = []
            for content in contents {
                items.append(
                    try await insert(
                        content, modelId: modelId, nominationId: nominationId, paper: paper, by: account, on: connection, logger: logger))
            }
            return items
        }
    }

    /// One item, stamped with the clock (not the transaction's start), so items added together list in the order sent.
    private func insert(
        _ content: Content, modelId: UUID?, nominationId: UUID?, paper: EvidencePaper?, by account: Account,
        on connection: PostgresConnection, logger: Logger
    ) async throws -> Item {
        var sha: String?, filename: String?, contentType: String?, url: String?, note: String?
        switch content {
        case .file(let data, let name, let type):
            let type = try EvidenceRules.validateFile(filename: name, contentType: type)
            try await Self.checkQuota(
                adding: data.count, by: account, modelId: modelId, nominationId: nominationId, quota: quota, on: connection,
                logger: logger)
            let hash = SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
            try await connection.rows(
                """
                INSERT INTO evidence_files (sha256, size, content) VALUES (\(hash), \(data.count), \(ByteBuffer(bytes: data)))
                ON CONFLICT (sha256) DO NOTHING
                """, logger: logger)
            (sha, filename, contentType) = (hash, name, type)
        case .link(let link): url = link
        case .note(let text): note = text
        }
        let kind = sha != nil ? "file" : url != nil ? "link" : "note"
        let rows = try await connection.rows(
            """
            INSERT INTO evidence (model_id, nomination_id, kind, file_sha256, filename, content_type, url, note, added_by, added_at,
                                  paper)
            VALUES (\(modelId), \(nominationId), \(kind), \(sha), \(filename), \(contentType), \(url), \(note), \(account.id),
                    clock_timestamp(), \(paper?.rawValue))
            RETURNING id
            """, logger: logger)
        let id = try rows.required("minh chứng").decode(UUID.self)
        let item = try await Self.find(id, on: connection, logger: logger)
        try await AuditLog.record(
            on: connection, by: Actor(account: account), action: "evidence.add", entity: "evidence", id: item.id,
            before: Item?.none, after: item, logger: logger)
        return item
    }

    /// Counts what the account and the subject already store (every file ever added) and refuses a file over the quota.
    /// The account's row is locked first, so two uploads at once cannot both slip under the limit.
    static func checkQuota(
        adding size: Int, by account: Account, modelId: UUID?, nominationId: UUID?, quota: EvidenceRules.Quota,
        on connection: PostgresConnection, logger: Logger
    ) async throws {
        try await connection.rows("SELECT id FROM accounts WHERE id = \(account.id) FOR UPDATE", logger: logger)
        let rows = try await connection.rows(
            """
            SELECT count(*) FILTER (WHERE e.added_by = \(account.id)),
                   coalesce(sum(f.size) FILTER (WHERE e.added_by = \(account.id)), 0)::bigint,
                   count(*) FILTER (WHERE e.model_id = \(modelId) OR e.nomination_id = \(nominationId)),
                   coalesce(sum(f.size) FILTER (WHERE e.model_id = \(modelId) OR e.nomination_id = \(nominationId)), 0)::bigint
            FROM evidence e JOIN evidence_files f ON f.sha256 = e.file_sha256
            WHERE e.added_by = \(account.id) OR e.model_id = \(modelId) OR e.nomination_id = \(nominationId)
            """, logger: logger)
        let (accountFiles, accountBytes, subjectFiles, subjectBytes) = try rows.required("minh chứng").decode((Int, Int, Int, Int).self)
        try EvidenceRules.check(
            adding: size,
            to: .init(accountFiles: accountFiles, accountBytes: accountBytes, subjectFiles: subjectFiles, subjectBytes: subjectBytes),
            quota: quota)
    }

    public func find(_ id: UUID, logger: Logger) async throws -> Item {
        try await client.withConnection { try await Self.find(id, on: $0, logger: logger) }
    }

    /// The file's bytes, exactly as uploaded, with its content type and name.
    public func content(_ id: UUID, logger: Logger) async throws -> (data: Data, contentType: String, filename: String) {
        let rows = try await client.rows(
            "SELECT f.content, e.content_type, e.filename FROM evidence e JOIN evidence_files f ON f.sha256 = e.file_sha256 WHERE e.id = \(id)",
            logger: logger)
        guard let row = rows.first else { throw DomainError.notFound("tệp minh chứng") }
        let (buffer, type, name) = try row.decode((ByteBuffer, String, String).self)
        return (Data(buffer.readableBytesView), type, name)
    }

    public func list(_ subject: Subject, logger: Logger) async throws -> [Item] {
        let rows: [PostgresRow]
        switch subject {
        case .model(let id):
            rows = try await client.rows(
                "\(unescaped: Self.select) WHERE e.model_id = \(id) ORDER BY e.added_at, e.id", logger: logger)
        case .nomination(let id):
            rows = try await client.rows(
                "\(unescaped: Self.select) WHERE e.nomination_id = \(id) ORDER BY e.added_at, e.id", logger: logger)
        }
        return try rows.map(Self.item)
    }

    /// Records a retraction with its reason; the item and its file stay, marked, and visible in the audit trail.
    public func retract(_ id: UUID, reason: String, by account: Account, logger: Logger) async throws -> Item {
        try await client.transaction(logger: logger) { connection in
            let before = try await Self.find(id, on: connection, logger: logger)
            guard !before.retracted else { throw DomainError(.conflict, "Minh chứng này đã được rút trước đó.") }
            try await connection.rows(
                "UPDATE evidence SET retracted_at = now(), retracted_by = \(account.id), retraction_reason = \(reason) WHERE id = \(id)",
                logger: logger)
            let after = try await Self.find(id, on: connection, logger: logger)
            try await AuditLog.record(
                on: connection, by: Actor(account: account), action: "evidence.retract", entity: "evidence", id: after.id,
                before: before, after: after, logger: logger)
            return after
        }
    }

    static func find(_ id: UUID, on connection: PostgresConnection, logger: Logger) async throws -> Item {
        try item(try await connection.rows("\(unescaped: select) WHERE e.id = \(id)", logger: logger).required("minh chứng"))
    }

    static func item(_ row: PostgresRow) throws -> Item {
        let (id, kind, model, nomination, sha, size, type, filename, url, note, addedBy, addedAt, reason, paper) =
            try row.decode(
                (UUID, String, UUID?, UUID?, String?, Int?, String?, String?, String?, String?, String, String, String?, String?).self)
        var item = Item(
            id: ID<Item>(id).description, kind: kind, modelId: model.map { ID<ModelInitiative>($0).description },
            nominationId: nomination.map { ID<Nomination>($0).description }, sha256: sha, size: size, contentType: type, filename: filename,
            url: url, note: note, addedBy: addedBy, addedAt: addedAt, retracted: reason != nil, retractionReason: reason)
        item.paper = paper
        return item
    }
}
