import Foundation
import Logging
import Metrics
import ServiceLifecycle

/// `serve --backup-dir DIR`: a backup when the server starts and then every `interval`, named
/// `thidua-YYYYMMDD-HHMMSS.dump`; only the newest `keep` are kept. A failed backup is logged and tried again at the next
/// turn; it never stops the server.
struct BackupService: Service {
    let database: DatabaseOptions
    let folder: URL
    let keep: Int
    let interval: Duration
    let logger: Logger

    static let prefix = "thidua-"

    func run() async throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                await backupOnce()
                try? await Task.sleep(for: interval)
            }
        }
    }

    func backupOnce() async {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        formatter.timeZone = TimeZone(identifier: "Asia/Ho_Chi_Minh")
        let file = folder.appending(path: "\(Self.prefix)\(formatter.string(from: Date())).dump")
        do {
            let (head, size) = try await BackupCommand.backup(database, to: file)
            logger.info("backup written", metadata: ["file": "\(file.path)", "bytes": "\(size)", "auditHead": "\(head)"])
            try Self.prune(folder, keep: keep)
            Counter(label: "thidua_backups_total", dimensions: [("outcome", "written")]).increment()
        } catch {
            Counter(label: "thidua_backups_total", dimensions: [("outcome", "failed")]).increment()
            logger.error("backup failed", metadata: ["file": "\(file.path)", "error": "\(String(reflecting: error))"])
        }
    }

    /// Removes all but the newest `keep` backups (names sort by time).
    static func prune(_ folder: URL, keep: Int) throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasPrefix(prefix) && $0.hasSuffix(".dump") }.sorted()
        for name in names.dropLast(keep) { try FileManager.default.removeItem(at: folder.appending(path: name)) }
    }
}
