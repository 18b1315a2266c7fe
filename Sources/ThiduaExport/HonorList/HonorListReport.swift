import Foundation
import Logging
import ThiduaCore
import ThiduaStore

/// Renders an honor list from the database; the CLI and the API call this same function, so they give the same bytes.
public enum HonorListReport {
    public static func render(
        _ request: HonorList.Request, format: HonorListFormat, repository: HonorListRepository, logger: Logger
    ) async throws -> (data: Data, count: Int) {
        let issuer = try await repository.issuer(for: request, logger: logger)
        var count = 0
        let data = try await format.render(request, issuer: issuer) { add in
            try await repository.entries(request, logger: logger) { entry in
                count += 1
                add(entry)
            }
        }
        return (data, count)
    }
}
