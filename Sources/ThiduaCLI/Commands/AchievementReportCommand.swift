import ArgumentParser
import Foundation
import ThiduaCore
import ThiduaExport
import ThiduaStore

extension ReportCommand {
    /// `thidua report achievement --nomination ID`: the báo cáo thành tích filled from the registry and what was written.
    struct AchievementReportCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "achievement",
            abstract: "A nomination's báo cáo thành tích: profile, duties, achievements with the year's figures, awards received.")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "The nomination (id).") var nomination: String
        @Option(help: "The day printed under the header (YYYY-MM-DD); today when left out.") var date: String?
        @Option(help: "html, md or docx.") var format: String = "html"
        @Option(name: .shortAndLong, help: "Write to this file instead of standard output.") var output: String?

        func validate() throws {
            guard AchievementReportFormat(rawValue: format) != nil else { throw ValidationError("--format must be html, md or docx.") }
        }

        func run() async throws {
            let id = try FieldParsing.id(nomination, Nomination.self, field: "nomination")
            let dated = try FieldParsing.optionalDate(date, field: "date") ?? .today
            let report = try await database.withDatabase { client, logger in
                try await AchievementReportRepository(client: client).document(id, dated: dated, logger: logger)
            }
            try emit(try (AchievementReportFormat(rawValue: format) ?? .html).render(report), to: output)
        }
    }
}
