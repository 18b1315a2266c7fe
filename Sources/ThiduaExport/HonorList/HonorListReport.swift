import Foundation
import ThiduaCore

/// Renders an honor list; the CLI and the API call this same function, so they give the same bytes.
/// It reads nothing itself: the caller gives the issuer and a function that yields the entries in print order
/// (`HonorListRepository.entries` in the app, a plain array in the tests).
public enum HonorListReport {
    /// Yields each entry of a list, in order, to the function it is given.
    public typealias Entries = ((HonorList.Entry) async throws -> Void) async throws -> Void

    public static func render(
        _ request: HonorList.Request, format: HonorListFormat, issuer: HonorList.Issuer, entries: Entries
    ) async throws -> (data: Data, count: Int) {
        var data = Data()
        let count = try await stream(request, format: format, issuer: issuer, entries: entries) { data.append($0) }
        return (data, count)
    }

    /// Streams the list to `sink` as entries arrive; `progress` hears the number of lines so far. Returns the number of
    /// lines.
    @discardableResult
    public static func stream(
        _ request: HonorList.Request, format: HonorListFormat, issuer: HonorList.Issuer, entries: Entries,
        progress: (Int) -> Void = { _ in }, to sink: (Data) async throws -> Void
    ) async throws -> Int {
        var count = 0
        try await withoutActuallyEscaping(progress) { progress in
            try await withoutActuallyEscaping(entries) { entries in
                try await format.stream(request, issuer: issuer, to: sink) { add in
                    try await entries { entry in
                        count += 1
                        if count % 5000 == 0 { progress(count) }
                        try await add(entry)
                    }
                }
            }
        }
        return count
    }
}
