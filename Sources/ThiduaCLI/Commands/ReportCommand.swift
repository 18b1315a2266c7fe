import ArgumentParser
import Foundation
import ThiduaCore
import ThiduaExport
import ThiduaStore

/// `thidua report honor-list`: the year-end honor list as CSV, Markdown, JSON or printable HTML.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Reports: the honor list, a decision, a movement, the year's summary, the registration list.",
        subcommands: [
            HonorListCommand.self, DecisionCommand.self, RewardsCommand.self, RevocationCommand.self, MovementCommand.self,
            SummaryCommand.self, RegistrationsCommand.self, CouncilMinutesCommand.self, TeamMinutesCommand.self,
            SubmissionFileCommand.self, AchievementReportCommand.self, PostingNoticeCommand.self,
        ])

    struct SummaryCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "summary",
            abstract:
                "The year's summary: per movement, models by field and level and nominations by status; commendations by award and by unit with reward money."
        )

        @OptionGroup var database: DatabaseOptions
        @Option(help: "A calendar year, e.g. 2024.") var year: String?
        @Option(help: "A school year, e.g. 2023-2024.") var schoolYear: String?
        @Option(help: "Only this unit (code) and the units under it.") var unit: String?
        @Option(help: "md, html, json or csv.") var format: String = "md"
        @Option(name: .shortAndLong, help: "Write to this file instead of standard output.") var output: String?

        func validate() throws {
            guard SummaryFormat(rawValue: format) != nil else { throw ValidationError("--format must be md, html, json or csv.") }
        }

        func run() async throws {
            let period = try Period.choose(year: year, schoolYear: schoolYear)
            let summary = try await database.withDatabase { client, logger in
                let unitId = try await unit.asyncMap { try await UnitRepository(client: client).find(code: $0, logger: logger).id }
                return try await SummaryRepository(client: client).summary(period, unit: unitId, logger: logger)
            }
            try emit((SummaryFormat(rawValue: format) ?? .md).render(summary), to: output)
        }
    }

    struct MovementCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "movement",
            abstract: "One movement's model initiatives with owners, evidence, review scores and outcomes (for the year-end review).")

        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The movement id.") var id: String
        @Option(help: "md, html, json or csv.") var format: String = "md"
        @Option(name: .shortAndLong, help: "Write to this file instead of standard output.") var output: String?

        func validate() throws {
            guard MovementReportFormat(rawValue: format) != nil else { throw ValidationError("--format must be md, html, json or csv.") }
            guard ID<Movement>(id) != nil else { throw ValidationError("The movement id must be a UUID (see GET /v1/movements).") }
        }

        func run() async throws {
            guard let id = ID<Movement>(self.id) else { throw ValidationError("The movement id must be a UUID.") }
            let report = try await database.withDatabase { client, logger in
                try await MovementReportRepository(client: client).report(id, logger: logger)
            }
            let data = (MovementReportFormat(rawValue: format) ?? .md).render(report)
            try emit(data, to: output)
        }
    }

    struct DecisionCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "decision", abstract: "A commendation decision as the office prints it, with its attached list.")

        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The decision number, e.g. \"12/QĐ-THAP\" (or its id).") var number: String
        @Option(help: "The decision's year, when the number was used in several years (numbers restart each year).")
        var year: Int?
        @Option(help: "html, md or docx (Word, for the clerk to finish).") var format: String = "html"
        @Option(name: .shortAndLong, help: "Write to this file instead of standard output.") var output: String?

        func validate() throws {
            guard DecisionDocumentFormat(rawValue: format) != nil else { throw ValidationError("--format must be html, md or docx.") }
        }

        func run() async throws {
            let number = VietnameseText.normalized(self.number)
            let document = try await database.withDatabase { client, logger in
                try await DecisionRepository(client: client).document(number, year: year, logger: logger)
            }
            let data = try (DecisionDocumentFormat(rawValue: format) ?? .html).render(document)
            try emit(data, to: output)
        }
    }

    struct RewardsCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rewards",
            abstract: "The reward receipt list of a decision (danh sách ký nhận tiền thưởng): who receives how much, a column to sign.")

        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The decision number, e.g. \"15/QĐ-THAP\" (or its id).") var number: String
        @Option(help: "The decision's year, when the number was used in several years.") var year: Int?
        @Option(help: "html, xlsx or docx.") var format: String = "html"
        @Option(name: .shortAndLong, help: "Write to this file instead of standard output.") var output: String?

        func validate() throws {
            guard RewardListFormat(rawValue: format) != nil else { throw ValidationError("--format must be html, xlsx or docx.") }
        }

        func run() async throws {
            let number = VietnameseText.normalized(self.number)
            let document = try await database.withDatabase { client, logger in
                try await DecisionRepository(client: client).document(number, year: year, logger: logger)
            }
            try emit(try (RewardListFormat(rawValue: format) ?? .html).render(RewardList(document)), to: output)
        }
    }

    struct RevocationCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "revocation",
            abstract: "A revocation decision (quyết định hủy bỏ khen thưởng): whose commendation, why, the money to pay back.")

        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The revocation decision's number, e.g. \"03/QĐ-THAP\".") var number: String
        @Option(help: "The decision's year, when the number was used in several years.") var year: Int?
        @Option(help: "html, md or docx.") var format: String = "html"
        @Option(name: .shortAndLong, help: "Write to this file instead of standard output.") var output: String?

        func validate() throws {
            guard RevocationFormat(rawValue: format) != nil else { throw ValidationError("--format must be html, md or docx.") }
        }

        func run() async throws {
            let number = VietnameseText.normalized(self.number)
            let document = try await database.withDatabase { client, logger in
                try await DecisionRepository(client: client).revocation(number, year: year, logger: logger)
            }
            try emit(try (RevocationFormat(rawValue: format) ?? .html).render(document), to: output)
        }
    }

    struct HonorListCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "honor-list",
            abstract: "The honor list (danh sách khen thưởng) of a year or school year: grouped by award, names in Vietnamese order.")

        @OptionGroup var database: DatabaseOptions
        @Option(help: "Calendar year, e.g. 2024.") var year: String?
        @Option(help: "School year, e.g. 2023-2024 (1 September – 31 August).") var schoolYear: String?
        @Option(help: "Only this unit (by code) and the units below it.") var unit: String?
        @Option(help: "Only this movement (id).") var movement: String?
        @Flag(help: "Also list revoked commendations, marked.") var includeRevoked = false
        @Option(help: "The date written on the printed list (HTML), dd/mm/yyyy; default today.") var date: String?
        @Option(help: "csv, xlsx, md, json or html.") var format: String = "csv"
        @Option(name: .shortAndLong, help: "Write to this file instead of standard output.") var output: String?

        func validate() throws {
            guard HonorListFormat(rawValue: format) != nil else { throw ValidationError("--format must be csv, xlsx, md, json or html.") }
            if let movement, ID<Movement>(movement) == nil { throw ValidationError("--movement must be a movement id (a UUID).") }
            if let date, LocalDate.parse(vietnamese: date) == nil {
                throw ValidationError("--date phải là một ngày dạng dd/mm/yyyy, ví dụ 31/12/2024.")
            }
        }

        func run() async throws {
            let period = try Period.choose(year: year, schoolYear: schoolYear)
            let format = HonorListFormat(rawValue: self.format) ?? .csv
            let (unitCode, movement, includeRevoked) = (unit, self.movement.flatMap { ID<Movement>($0) }, self.includeRevoked)
            let printedOn = date.flatMap { LocalDate.parse(vietnamese: $0) }
            let destination = try OutputFile(output)
            let progress = ProgressLine(noun: "dòng")
            let count = try await database.withDatabase { client, logger in
                let unitId = try await unitCode.asyncMap { try await UnitRepository(client: client).find(code: $0, logger: logger).id }
                let request = HonorList.Request(
                    period: period, unitId: unitId, movementId: movement, includeRevoked: includeRevoked, printedOn: printedOn)
                let repository = HonorListRepository(client: client)
                return try await HonorListReport.stream(
                    request, format: format, issuer: try await repository.issuer(for: request, logger: logger),
                    entries: { try await repository.entries(request, logger: logger, $0) },
                    progress: { progress.update($0) }, to: { try destination.write($0) })
            }
            progress.finish()
            try destination.commit()
            if count == 0 {
                FileHandle.standardError.write(
                    Data("Không có khen thưởng nào trong kỳ \(period.label); tệp vẫn được tạo, chỉ có tiêu đề.\n".utf8))
            }
            if let output { FileHandle.standardError.write(Data("Đã ghi \(count) dòng vào \(output).\n".utf8)) }
        }
    }
}
