import ArgumentParser
import Foundation
import ThiduaCore
import ThiduaStore

/// `thidua initiative`: the sáng kiến register — register, apply, score, recognise, list.
struct InitiativeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "initiative",
        abstract: "The sáng kiến register: register an idea, apply for recognition, the council's score, recognitions by scope.",
        subcommands: [Add.self, Apply.self, Score.self, Recognize.self, List.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Register a sáng kiến for its author (--person CODE).")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "The author's code, e.g. AP004.") var person: String
        @Option(help: "The initiative's title.") var title: String
        @Option(help: "The period it is applied in: a school year (2023-2024) or a year (2024).") var period: String
        @Option(help: "The day it was registered (YYYY-MM-DD); default today.") var date: String?

        func run() async throws {
            let (person, title, period, date) = (person, title, period, date)
            let initiative = try await database.withDatabase { client, logger in
                let draft = try InitiativeDraft.validate(
                    personId: try await Codes.person(person, client: client, logger: logger), title: title, period: period,
                    registeredOn: date)
                return try await InitiativeRepository(client: client).register(draft, by: .commandLine(user: operatorName), logger: logger)
            }
            print(
                "Đã đăng ký sáng kiến \(initiative.id): \"\(initiative.title)\" của \(initiative.authorName), \(initiative.period.vietnamese)."
            )
        }
    }

    struct Apply: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The application for recognition: the description (what changes, its effect).")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The initiative's id.") var id: String
        @Option(help: "The description: the problem, the new solution, its effect.") var description: String
        @Option(help: "The day of the application (YYYY-MM-DD); default today.") var date: String?

        func run() async throws {
            let (id, description, date) = (id, description, date)
            let initiative = try await database.withDatabase { client, logger in
                try await InitiativeRepository(client: client).apply(
                    try FieldParsing.id(id, Initiative.self, field: "id"),
                    try InitiativeApplication.validate(description: description, appliedOn: date), by: .commandLine(user: operatorName),
                    logger: logger)
            }
            print("Đã nộp đơn công nhận sáng kiến \"\(initiative.title)\" ngày \(initiative.appliedOn?.vietnamese ?? "").")
        }
    }

    struct Score: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The initiative council's points out of 100 and its conclusion.")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The initiative's id.") var id: String
        @Option(help: "Points out of 100.") var score: Int
        @Flag(inversion: .prefixedNo, help: "The council's conclusion: --passed (đạt) or --no-passed (không đạt).") var passed: Bool
        @Option(help: "The day the council scored it (YYYY-MM-DD); default today.") var date: String?

        func run() async throws {
            let (id, score, passed, date) = (id, score, passed, date)
            let initiative = try await database.withDatabase { client, logger in
                try await InitiativeRepository(client: client).score(
                    try FieldParsing.id(id, Initiative.self, field: "id"),
                    try InitiativeScore.validate(score: score, passed: passed, scoredOn: date), by: .commandLine(user: operatorName),
                    logger: logger)
            }
            print("Hội đồng sáng kiến: \"\(initiative.title)\" \(initiative.score ?? 0)/100, \(passed ? "đạt" : "không đạt").")
        }
    }

    struct Recognize: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "A recognition from its decision: --scope unit (the head's, after the council's đạt), then district, then province.")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The initiative's id.") var id: String
        @Option(help: "unit (cấp cơ sở), district (cấp huyện) or province (cấp tỉnh).") var scope: String
        @Option(help: "The decision's number, e.g. 12/QĐ-THAP.") var number: String
        @Option(help: "The decision's date (YYYY-MM-DD).") var date: String
        @Option(help: "Who issued it (required above unit; default for unit: the head of the author's school).") var issuer: String?

        func run() async throws {
            let (id, scope, number, date, issuer) = (id, scope, number, date, issuer)
            let initiative = try await database.withDatabase { client, logger in
                try await InitiativeRepository(client: client).recognize(
                    try FieldParsing.id(id, Initiative.self, field: "id"),
                    try InitiativeRecognitionDraft.validate(scope: scope, decisionNumber: number, decisionDate: date, issuer: issuer),
                    by: .commandLine(user: operatorName), logger: logger)
            }
            print("Sáng kiến \"\(initiative.title)\" được công nhận \(initiative.scope?.vietnamese ?? "").")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "A period's initiatives, one per line (tab-separated).")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "A school year (2023-2024) or a year (2024); default every period.") var period: String?

        func validate() throws {
            if let period, Period(period) == nil { throw ValidationError("--period must be a year (2024) or a school year (2023-2024).") }
        }

        func run() async throws {
            let period = period.flatMap(Period.init)
            let all = try await database.withDatabase { client, logger in
                try await InitiativeRepository(client: client).list(period: period, logger: logger)
            }
            for item in all {
                print(
                    [
                        item.id.description, item.authorName, item.title, item.period.label, item.status.vietnameseName,
                        item.score.map { "\($0)/100" } ?? "", item.scope?.vietnamese ?? "",
                        item.recognitions.last.map { "\($0.decisionNumber) ngày \($0.decisionDate.vietnamese)" } ?? "",
                    ].joined(separator: "\t"))
            }
            if all.isEmpty { print("Chưa có sáng kiến nào" + (period.map { " \($0.vietnamese)" } ?? "") + ".") }
        }
    }
}
