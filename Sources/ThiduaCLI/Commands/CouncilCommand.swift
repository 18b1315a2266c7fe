import ArgumentParser
import Foundation
import Logging
import ThiduaCore
import ThiduaExport
import ThiduaStore

/// `thidua council`: the council the head's decision set up for a period, its meeting on a movement, secret ballots.
struct CouncilCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "council",
        abstract: "The Hội đồng Thi đua – Khen thưởng: record it for a year, record its meeting and ballots; "
            + "the biên bản is `report council-minutes`.",
        subcommands: [Create.self, Show.self, Meeting.self, Ballot.self])

    /// Person codes to ids, refusing an unknown code by name.
    static func people(_ codes: [String], client: DatabaseClient, logger: Logger) async throws -> [String] {
        var ids: [String] = []
        for code in codes {
            guard let found = try await PersonRepository(client: client).find(code: code, logger: logger) else {
                throw DomainError.notFound("cá nhân mã \"\(code)\"")
            }
            ids.append(found.id.description)
        }
        return ids
    }

    /// "AP005:LDTT:5" → ["AP005", "LDTT", "5"]: `count` parts, the missing ones empty (a bare code reads as no reason).
    static func fields(_ text: String, count: Int) -> [String] {
        let pieces = text.split(separator: ":", maxSplits: count - 1, omittingEmptySubsequences: false).map(String.init)
        return pieces + Array(repeating: "", count: max(0, count - pieces.count))
    }

    /// `--absent CODE:reason` options as the person's id and the reason.
    static func absences(_ items: [String], client: DatabaseClient, logger: Logger) async throws -> [(personId: String, reason: String)] {
        let pairs = items.map { fields($0, count: 2) }
        let ids = try await people(pairs.map { $0[0] }, client: client, logger: logger)
        return zip(ids, pairs).map { ($0, $1[1]) }
    }

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record the council of the school for a year from the head's decision: chair, secretary, members (person codes).")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "The school year (2023-2024) or calendar year (2024).") var period: String
        @Option(help: "The decision's number, e.g. 05/QĐ-THAP.") var decision: String
        @Option(help: "The decision's date (YYYY-MM-DD).") var date: String
        @Option(help: "The chair's person code.") var chair: String
        @Option(help: "The secretary's person code.") var secretary: String
        @Option(name: .customLong("vice-chair"), help: "A vice-chair's person code (repeatable).") var viceChairs: [String] = []
        @Option(name: .customLong("member"), help: "A member's person code (repeatable).") var members: [String] = []

        func run() async throws {
            let (period, decision, date, chair, secretary, viceChairs, members) =
                (period, decision, date, chair, secretary, viceChairs, members)
            let council = try await database.withDatabase { client, logger in
                let codes = [chair] + viceChairs + members + [secretary]
                let duties = ["chair"] + viceChairs.map { _ in "vice_chair" } + members.map { _ in "member" } + ["secretary"]
                let ids = try await CouncilCommand.people(codes, client: client, logger: logger)
                let draft = try CouncilDraft.validate(
                    period: Period(period), decisionNumber: decision, decisionDate: date,
                    members: Array(zip(ids, duties)).map { ($0.0, $0.1) })
                return try await CouncilRepository(client: client).create(
                    draft, unit: nil, by: .commandLine(user: operatorName), logger: logger)
            }
            print(
                "Đã ghi Hội đồng Thi đua – Khen thưởng \(council.period.vietnamese) (Quyết định số \(council.decisionNumber) "
                    + "ngày \(council.decisionDate.vietnamese)): \(council.members.count) thành viên.")
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The council of a year, one member per line (tab-separated).")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "The school year (2023-2024) or calendar year (2024).") var period: String

        func run() async throws {
            guard let period = Period(period) else { throw ValidationError("--period must read 2023-2024 or 2024.") }
            let council = try await database.withDatabase { client, logger in
                try await CouncilRepository(client: client).find(unit: nil, period: period, logger: logger)
            }
            guard let council else { throw DomainError(.notFound, "Chưa ghi Hội đồng Thi đua – Khen thưởng \(period.vietnamese).") }
            print("Quyết định số \(council.decisionNumber) ngày \(council.decisionDate.vietnamese)")
            for member in council.members { print([member.name, member.position, member.duty.vietnamese].joined(separator: "\t")) }
        }
    }

    struct Meeting: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record the council's meeting on a movement: day, hours, place, chair, secretary, absent members.")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "The movement (id).") var movement: String
        @Option(help: "The day of the meeting (YYYY-MM-DD).") var date: String
        @Option(help: "When it began (HH:mm).") var from: String
        @Option(help: "When it ended (HH:mm).") var to: String
        @Option(help: "Where it was held.") var place: String
        @Option(help: "Who chaired it (person code).") var chair: String
        @Option(help: "Who took the minutes (person code).") var secretary: String
        @Option(name: .customLong("absent"), help: "An absent member as CODE:reason (repeatable).") var absent: [String] = []

        func run() async throws {
            let (movement, date, from, to, place, chair, secretary, absent) = (movement, date, from, to, place, chair, secretary, absent)
            let meeting = try await database.withDatabase { client, logger in
                let ids = try await CouncilCommand.people([chair, secretary], client: client, logger: logger)
                return try await CouncilRepository(client: client).recordMeeting(
                    movement: try FieldParsing.id(movement, Movement.self, field: "movement"), heldOn: date, startsAt: from, endsAt: to,
                    place: place, chairId: ids[0], secretaryId: ids[1],
                    absences: try await CouncilCommand.absences(absent, client: client, logger: logger),
                    by: .commandLine(user: operatorName), logger: logger)
            }
            print(
                "Đã ghi cuộc họp Hội đồng ngày \(meeting.heldOn.vietnamese), \(meeting.startsAt)–\(meeting.endsAt), tại \(meeting.place); "
                    + "vắng \(meeting.absences.count).")
        }
    }

    struct Ballot: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record the totals of a secret ballot on a nomination (Chiến sĩ thi đua).")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "The movement (id).") var movement: String
        @Option(help: "The nomination (id).") var nomination: String
        @Option(help: "Ballots issued.") var issued: Int
        @Option(help: "Ballots returned.") var returned: Int
        @Option(help: "Valid ballots.") var valid: Int
        @Option(help: "Ballots agreeing.") var agree: Int

        func run() async throws {
            let (movement, nomination, issued, returned, valid, agree) = (movement, nomination, issued, returned, valid, agree)
            let ballot = try await database.withDatabase { client, logger in
                try await CouncilRepository(client: client).recordBallot(
                    movement: try FieldParsing.id(movement, Movement.self, field: "movement"),
                    nomination: try FieldParsing.id(nomination, Nomination.self, field: "nomination"), issued: issued,
                    returned: returned, valid: valid, agree: agree, by: .commandLine(user: operatorName), logger: logger)
            }
            print("Đã ghi phiếu kín: phát ra \(ballot.issued), thu về \(ballot.returned), hợp lệ \(ballot.valid), đồng ý \(ballot.agree).")
        }
    }
}

extension ReportCommand {
    struct CouncilMinutesCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "council-minutes", abstract: "The biên bản họp Hội đồng Thi đua – Khen thưởng of a movement's meeting.")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "The movement (id).") var movement: String
        @Option(help: "html, md or docx.") var format: String = "html"
        @Option(name: .shortAndLong, help: "Write to this file instead of standard output.") var output: String?

        func validate() throws {
            guard CouncilMinutesFormat(rawValue: format) != nil else { throw ValidationError("--format must be html, md or docx.") }
        }

        func run() async throws {
            let movement = movement
            let minutes = try await database.withDatabase { client, logger in
                try await CouncilRepository(client: client).minutes(
                    movement: try FieldParsing.id(movement, Movement.self, field: "movement"), logger: logger)
            }
            try emit(try (CouncilMinutesFormat(rawValue: format) ?? .html).render(minutes), to: output)
        }
    }
}
