import ArgumentParser
import Foundation
import ThiduaCore
import ThiduaStore

/// `thidua import units|people FILE.csv`: all-or-nothing CSV imports with line-numbered errors.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract:
            "Import units, people, ratings, disciplinary measures or past commendations from a CSV file (UTF-8, with or without BOM); a file with any bad row imports nothing.",
        subcommands: [Units.self, People.self, Ratings.self, Disciplines.self, Commendations.self])

    struct Ratings: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Import yearly ratings: header period,rating and person (mã nhân sự) or unit; optional months_worked,initiatives. Rating: excellent|good|completed|not_completed or the Vietnamese words."
        )
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The CSV file.") var file: String
        func run() async throws {
            let rows = try RatingImport.parse(try readCSV(file))
            let progress = ProgressLine(noun: "dòng")
            let summary = try await database.withDatabase { client, logger in
                try await LawImportRepository(client: client).importRatings(
                    rows, by: .commandLine(user: operatorName), logger: logger, progress: { progress.update($0) })
            }
            progress.finish()
            print("Đã nhập \(file): \(summary).")
        }
    }

    struct Disciplines: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Import disciplinary measures: header person,measure,decided_on; optional decision_number. Measure: reprimand|warning|salary_downgrade|demotion|dismissal|discharge or the Vietnamese words."
        )
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The CSV file.") var file: String
        func run() async throws {
            let rows = try DisciplineImport.parse(try readCSV(file))
            let progress = ProgressLine(noun: "dòng")
            let summary = try await database.withDatabase { client, logger in
                try await LawImportRepository(client: client).importDisciplines(
                    rows, by: .commandLine(user: operatorName), logger: logger, progress: { progress.update($0) })
            }
            progress.finish()
            print("Đã nhập \(file): \(summary).")
        }
    }

    struct Commendations: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Import commendations from before thidua: header award,period,decision_number,decision_date,issuer and person or unit; optional amount (đồng)."
        )
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The CSV file.") var file: String
        func run() async throws {
            let rows = try PastCommendationImport.parse(try readCSV(file))
            let progress = ProgressLine(noun: "dòng")
            let summary = try await database.withDatabase { client, logger in
                try await LawImportRepository(client: client).importCommendations(
                    rows, by: .commandLine(user: operatorName), logger: logger, progress: { progress.update($0) })
            }
            progress.finish()
            print("Đã nhập \(file): \(summary).")
        }
    }

    struct Units: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Import units: header code,name,parent,kind (parent by code).")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The CSV file.") var file: String
        func run() async throws {
            let rows = try UnitImport.parse(try readCSV(file))
            let progress = ProgressLine(noun: "dòng")
            let summary = try await database.withDatabase { client, logger in
                try await UnitRepository(client: client).importUnits(rows, by: .commandLine(user: operatorName), logger: logger)
            }
            progress.finish()
            print("Đã nhập \(file): \(summary).")
        }
    }

    struct People: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Import people: header full_name,unit,position,category (unit by code; category CBQL|VC|NLD); optional family_name,middle_name,given_name,code."
        )
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The CSV file.") var file: String
        func run() async throws {
            let rows = try PersonImport.parse(try readCSV(file))
            let progress = ProgressLine(noun: "dòng")
            let summary = try await database.withDatabase { client, logger in
                try await PersonRepository(client: client).importPeople(
                    rows, by: .commandLine(user: operatorName), logger: logger, progress: { progress.update($0) })
            }
            progress.finish()
            print("Đã nhập \(file): \(summary).")
        }
    }
}

/// Reads a CSV file as UTF-8 (BOM dropped); a missing file is a plain error.
func readCSV(_ path: String) throws -> String {
    guard let data = FileManager.default.contents(atPath: path) else {
        throw ValidationError("Cannot read \(path): no such file, or it is not readable.")
    }
    return try CSVReader.decode(data)
}
