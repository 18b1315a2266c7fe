import Foundation
import Logging
import ThiduaCore
import ThiduaStore

/// Renders an honor list from the database; the CLI and the API call this same function, so they give the same bytes.
public enum HonorListReport {
    public static func render(
        _ request: HonorList.Request, format: HonorListFormat, repository: HonorListRepository, logger: Logger
    ) async throws -> (data: Data, count: Int) {
        var data = Data()
        let count = try await stream(request, format: format, repository: repository, logger: logger) { data.append($0) }
        return (data, count)
    }

    /// Streams the list to `sink` as rows arrive from PostgreSQL; `progress` hears the number of lines so far.
    /// Returns the number of lines. Filters are checked first, so a bad unit or movement fails before any byte is sent.
    @discardableResult
    public static func stream(
        _ request: HonorList.Request, format: HonorListFormat, repository: HonorListRepository, logger: Logger,
        progress: (Int) -> Void = { _ in }, to sink: (Data) async throws -> Void
    ) async throws -> Int {
        let issuer = try await repository.issuer(for: request, logger: logger)
        var count = 0
        try await withoutActuallyEscaping(progress) { progress in
            try await format.stream(request, issuer: issuer, to: sink) { add in
                try await repository.entries(request, logger: logger) { entry in
                    count += 1
                    if count % 5000 == 0 { progress(count) }
                    try await add(entry)
                }
            }
        }
        return count
    }
}
