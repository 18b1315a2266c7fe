import Foundation
import HTTPTypes
import Logging
import PostgresNIO
import ThiduaCore
import ThiduaStore

/// Builders for test data, written through the same repositories the application uses.
public struct Seed: Sendable {
    public let client: DatabaseClient
    public let logger: Logger
    public let actor = Actor.commandLine(user: "test")

    public init(client: DatabaseClient, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    /// A signed-in account with one role, and its token.
    public func account(_ roles: Role..., name: String? = nil) async throws -> (account: Account, token: String) {
        try await AccountRepository(client: client).create(
            displayName: name ?? "Tài khoản \(roles.map(\.rawValue).joined(separator: "+"))", roles: Set(roles), personId: nil, by: actor,
            logger: logger)
    }

    /// Headers carrying a bearer token.
    public static func headers(_ token: String) -> HTTPFields {
        [.authorization: "Bearer \(token)", .contentType: "application/json"]
    }

    public func unit(
        _ code: String = "THAP", name: String = "Trường Tiểu học An Phước", kind: UnitKind = .school, parent: ID<OrgUnit>? = nil
    ) async throws -> OrgUnit {
        try await UnitRepository(client: client).create(
            UnitDraft(code: code, name: name, kind: kind), parentId: parent, by: actor, logger: logger)
    }

    public func person(_ fullName: String, unit: ID<OrgUnit>, category: String = "VC", position: String = "Giáo viên") async throws
        -> Person
    {
        let draft = try PersonDraft.validate(fullName: fullName, position: position, category: category).get()
        return try await PersonRepository(client: client).create(draft, unitId: unit, by: actor, logger: logger)
    }

    /// Number of rows in a table, to show that a refused change left nothing behind.
    public func count(_ table: String) async throws -> Int {
        let rows = try await client.query("SELECT count(*)::bigint FROM \(unescaped: table)", logger: logger)
        for try await count in rows.decode(Int.self) { return count }
        return 0
    }
}
