import ArgumentParser

/// `thidua`: the emulation and commendation registry (sổ thi đua – khen thưởng).
public struct ThiduaCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "thidua",
        abstract: "Sổ thi đua – khen thưởng: the emulation-movement and commendation registry.",
        discussion: """
            With no DATABASE_URL, thidua keeps its data in a private PostgreSQL cluster in .thidua/ \
            (or --data-dir / THIDUA_DATA_DIR), started on demand from the installed PostgreSQL programs.
            """,
        subcommands: [
            Serve.self, Migrate.self, DatabaseCommand.self, UserCommand.self, ImportCommand.self,
            AuditCommand.self, BackupCommand.self, RestoreCommand.self, ReportCommand.self, CatalogueCommand.self, RulesCommand.self,
            DocumentSettingsCommand.self, RegistrationCommand.self, CouncilCommand.self, TeamReviewCommand.self,
            OutsideCommendationCommand.self, InitiativeCommand.self,
            Demo.self,
        ])

    public init() {}
}
