import ArgumentParser
import Foundation
import Logging
import ThiduaCore
import ThiduaExport
import ThiduaStore

/// `thidua team-review`: a tổ's bình xét on a movement (the tổ trưởng's record); the biên bản is `report team-minutes`.
struct TeamReviewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "team-review",
        abstract: "Record a tổ's bình xét: who attended, the votes each member received; the biên bản is `report team-minutes`.",
        subcommands: [Record.self])

    struct Record: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record the tổ's review meeting once: day, hours, place, chair, secretary, the absent, the votes.")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "The movement (id).") var movement: String
        @Option(help: "The tổ's unit code, e.g. THAP-K1.") var unit: String
        @Option(help: "The day of the meeting (YYYY-MM-DD).") var date: String
        @Option(help: "When it began (HH:mm).") var from: String
        @Option(help: "When it ended (HH:mm).") var to: String
        @Option(help: "Where it was held.") var place: String
        @Option(help: "Who chaired it (person code).") var chair: String
        @Option(help: "Who took the minutes (person code).") var secretary: String
        @Option(name: .customLong("absent"), help: "An absent member as CODE:reason (repeatable).") var absent: [String] = []
        @Option(name: .customLong("vote"), help: "A member considered as CODE:TITLE:AGREEING, e.g. AP005:LDTT:5 (repeatable).")
        var votes: [String] = []

        func run() async throws {
            let (movement, unit, date, from, to, place, chair, secretary, absent, votes) =
                (movement, unit, date, from, to, place, chair, secretary, absent, votes)
            let minutes = try await database.withDatabase { client, logger in
                let cast = votes.map { CouncilCommand.fields($0, count: 3) }
                let ids = try await CouncilCommand.people([chair, secretary], client: client, logger: logger)
                let voters = try await CouncilCommand.people(cast.map { $0[0] }, client: client, logger: logger)
                let team = try await UnitRepository(client: client).find(code: unit, logger: logger)
                return try await TeamReviewRepository(client: client).record(
                    movement: try FieldParsing.id(movement, Movement.self, field: "movement"), unit: team.id, heldOn: date, startsAt: from,
                    endsAt: to, place: place, chairId: ids[0], secretaryId: ids[1],
                    absences: try await CouncilCommand.absences(absent, client: client, logger: logger),
                    votes: zip(voters, cast).map { ($0, $1[1], Int($1[2])) }, by: .commandLine(user: operatorName), logger: logger)
            }
            print(
                "Đã ghi bình xét của \(minutes.teamName) ngày \(minutes.meeting.heldOn.vietnamese): có mặt "
                    + "\(minutes.presentCount)/\(minutes.memberCount), đề nghị \(minutes.lines.filter(\.proposed).count)/\(minutes.lines.count)."
            )
        }
    }
}

extension ReportCommand {
    struct TeamMinutesCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "team-minutes", abstract: "The biên bản bình xét thi đua of a tổ in a movement.")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "The movement (id).") var movement: String
        @Option(help: "The tổ's unit code, e.g. THAP-K1.") var unit: String
        @Option(help: "html, md or docx.") var format: String = "html"
        @Option(name: .shortAndLong, help: "Write to this file instead of standard output.") var output: String?

        func validate() throws {
            guard TeamReviewMinutesFormat(rawValue: format) != nil else { throw ValidationError("--format must be html, md or docx.") }
        }

        func run() async throws {
            let (movement, unit) = (movement, unit)
            let minutes = try await database.withDatabase { client, logger in
                let team = try await UnitRepository(client: client).find(code: unit, logger: logger)
                return try await TeamReviewRepository(client: client).minutes(
                    movement: try FieldParsing.id(movement, Movement.self, field: "movement"), unit: team.id, logger: logger)
            }
            try emit(try (TeamReviewMinutesFormat(rawValue: format) ?? .html).render(minutes), to: output)
        }
    }
}
