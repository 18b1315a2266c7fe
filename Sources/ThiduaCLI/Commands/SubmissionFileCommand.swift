import ArgumentParser
import Foundation
import ThiduaCore
import ThiduaExport
import ThiduaStore

extension ReportCommand {
    /// `thidua report submission --number 18/TTr-THAP --year 2024`: the tờ trình, its list and the file's checklist.
    struct SubmissionFileCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "submission",
            abstract: "The file sent upward: the tờ trình, the list of nominees and the checklist of papers and answers.")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "The tờ trình's number, e.g. 18/TTr-THAP.") var number: String
        @Option(help: "The year of its date, e.g. 2024.") var year: String
        @Option(help: "html, md or docx.") var format: String = "html"
        @Option(name: .shortAndLong, help: "Write to this file instead of standard output.") var output: String?

        func validate() throws {
            guard SubmissionFileFormat(rawValue: format) != nil else { throw ValidationError("--format must be html, md or docx.") }
        }

        func run() async throws {
            let (number, year) = (number, try Period.calendarYear(year).year)
            let file = try await database.withDatabase { client, logger in
                try await SubmissionRepository(client: client).file(number: number, year: year, logger: logger)
            }
            try emit(try (SubmissionFileFormat(rawValue: format) ?? .html).render(file), to: output)
        }
    }
}
