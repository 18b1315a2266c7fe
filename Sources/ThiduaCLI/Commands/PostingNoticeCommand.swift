import ArgumentParser
import Foundation
import ThiduaCore
import ThiduaExport
import ThiduaStore

extension ReportCommand {
    /// `thidua report posting --movement ID`: the notice of the movement's latest public posting.
    struct PostingNoticeCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "posting", abstract: "The notice of a movement's latest public posting of the council's list (niêm yết công khai)."
        )
        @OptionGroup var database: DatabaseOptions
        @Option(help: "The movement (id).") var movement: String
        @Option(help: "html, md or docx.") var format: String = "html"
        @Option(name: .shortAndLong, help: "Write to this file instead of standard output.") var output: String?

        func validate() throws {
            guard PostingNoticeFormat(rawValue: format) != nil else { throw ValidationError("--format must be html, md or docx.") }
        }

        func run() async throws {
            let movement = try FieldParsing.id(movement, Movement.self, field: "movement")
            let notice = try await database.withDatabase { client, logger in
                let repository = PostingRepository(client: client)
                guard let latest = try await repository.list(movement: movement, logger: logger).first else {
                    throw DomainError.notFound("đợt niêm yết nào của phong trào này")
                }
                return try await repository.notice(latest.id, logger: logger)
            }
            try emit(try (PostingNoticeFormat(rawValue: format) ?? .html).render(notice), to: output)
        }
    }
}
