import Foundation
import Logging
import ThiduaCore
import ThiduaStore

/// The command line names people and tổ by their codes (AP004, THAP-K1); the drafts take ids.
enum Codes {
    /// A person's id from the code; an unknown code is a clear error.
    static func person(_ code: String, client: DatabaseClient, logger: Logger) async throws -> String {
        guard let found = try await PersonRepository(client: client).find(code: code, logger: logger) else {
            throw DomainError.notFound("cá nhân mã \"\(code)\"")
        }
        return found.id.description
    }

    /// `--person CODE` or `--unit CODE` as the (personId, unitId) a draft reads.
    static func owner(person: String?, unit: String?, client: DatabaseClient, logger: Logger) async throws -> (String?, String?) {
        let personId = try await person.asyncMap { try await Self.person($0, client: client, logger: logger) }
        let unitId = try await unit.asyncMap { try await UnitRepository(client: client).find(code: $0, logger: logger).id.description }
        return (personId, unitId)
    }
}
