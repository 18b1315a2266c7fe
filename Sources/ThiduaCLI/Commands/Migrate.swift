import ArgumentParser
import ThiduaStore

/// `thidua migrate [--dry-run]`: show or apply the migrations this binary carries.
struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Apply pending database migrations (or show them with --dry-run).")

    @OptionGroup var database: DatabaseOptions

    @Flag(help: "Show what would be applied without changing anything.")
    var dryRun = false

    func run() async throws {
        let dryRun = self.dryRun
        try await database.withDatabase(migrate: false) { client, logger in
            let migrator = Migrator(client: client, logger: logger)
            let plan = try await migrator.plan()
            if dryRun {
                print("Applied: \(plan.applied.count). Pending: \(plan.pending.count).")
                for migration in plan.pending { print("  would apply \(migration.name)") }
                return
            }
            let applied = try await migrator.apply()
            for migration in applied { print("applied \(migration.name)") }
            print(applied.isEmpty ? "Database is up to date (\(plan.applied.count) migrations)." : "Applied \(applied.count) migration(s).")
        }
    }
}
