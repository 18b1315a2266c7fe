import Foundation

/// Where the PostgreSQL server programs (initdb, pg_ctl, postgres) are: on PATH, or under
/// `/usr/lib/postgresql/<version>/bin`, newest version first.
public struct PostgresBinaries: Sendable, Equatable {
    public let directory: URL

    public var initdb: URL { directory.appending(path: "initdb") }
    public var pgCtl: URL { directory.appending(path: "pg_ctl") }

    public init(directory: URL) { self.directory = directory }

    static let required = ["initdb", "pg_ctl", "postgres", "createdb"]

    /// Finds the programs; `path` is a PATH-style list, `roots` the folders holding one folder per version.
    public static func locate(
        path: String? = ProcessInfo.processInfo.environment["PATH"], roots: [String] = ["/usr/lib/postgresql"]
    ) throws(EmbeddedPostgresError) -> PostgresBinaries {
        let fileManager = FileManager.default
        for entry in (path ?? "").split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(entry)).appending(path: "pg_ctl")
            guard fileManager.isExecutableFile(atPath: candidate.path) else { continue }
            // Debian links /usr/local/bin/pg_ctl to the versioned folder that also holds initdb and postgres.
            let directory = candidate.resolvingSymlinksInPath().deletingLastPathComponent()
            if required.allSatisfy({ fileManager.isExecutableFile(atPath: directory.appending(path: $0).path) }) {
                return PostgresBinaries(directory: directory)
            }
        }
        for root in roots {
            let versions = ((try? fileManager.contentsOfDirectory(atPath: root)) ?? [])
                .sorted { $0.compare($1, options: .numeric) == .orderedDescending }
            for version in versions {
                let directory = URL(fileURLWithPath: root).appending(path: version).appending(path: "bin")
                if required.allSatisfy({ fileManager.isExecutableFile(atPath: directory.appending(path: $0).path) }) {
                    return PostgresBinaries(directory: directory)
                }
            }
        }
        throw .binariesNotFound
    }
}
