import ArgumentParser
import Foundation
import ThiduaCore
import ThiduaStore

/// `thidua rules explain`: the eligibility evaluation for a person or collective, an award and a period.
struct RulesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules", abstract: "Eligibility rules: list them, or explain an evaluation.",
        subcommands: [Explain.self, ListRules.self])

    struct ListRules: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "The rules the evaluator knows.")
        func run() async throws {
            for rule in EligibilityRule.allCases {
                print("\(rule.rawValue): \(rule.title) / \(rule.titleEnglish)")
                print("    \(rule.citation)\(rule.verified ? "" : " — chưa xác minh (unverified)")")
            }
        }
    }

    struct Explain: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Evaluate an award's rules for a person (id or code) or a collective (unit code) in a year or school year.")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "The award code, e.g. CSTD_CS.") var award: String
        @Option(help: "The person: id or mã nhân sự.") var person: String?
        @Option(help: "The collective: unit code.") var unit: String?
        @Option(help: "A calendar year, e.g. 2024.") var year: String?
        @Option(help: "A school year, e.g. 2023-2024.") var schoolYear: String?
        @Flag(help: "Print JSON instead of text.") var json = false

        func validate() throws {
            guard (person == nil) != (unit == nil) else { throw ValidationError("Give exactly one of --person or --unit.") }
        }

        func run() async throws {
            let period = try Period.choose(year: year, schoolYear: schoolYear)
            let report = try await database.withDatabase { client, logger in
                let owner: Owner
                if let unit {
                    owner = .unit(try await UnitRepository(client: client).find(code: unit, logger: logger).id)
                } else if let id = person.flatMap({ ID<Person>($0) }) {
                    owner = .person(id)
                } else {
                    guard let found = try await PersonRepository(client: client).find(code: person ?? "", logger: logger) else {
                        throw DomainError.notFound("nhân sự mã \"\(person ?? "")\"")
                    }
                    owner = .person(found.id)
                }
                return try await EligibilityRepository(client: client).explain(
                    award: award.uppercased(), for: owner, in: period, logger: logger)
            }
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                print(String(decoding: try encoder.encode(report), as: UTF8.self))
            } else {
                print(report.text)
            }
        }
    }
}

func parseDate(_ text: String?) throws -> LocalDate? {
    guard let text else { return nil }
    guard let date = LocalDate(text) else { throw ValidationError("\(text) is not a date YYYY-MM-DD.") }
    return date
}
