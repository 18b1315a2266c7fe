import ArgumentParser
import Foundation
import ThiduaCore
import ThiduaExport
import ThiduaStore

/// `thidua registration`: đăng ký thi đua — a person's or a tổ's registration in the movement for the year's titles.
struct RegistrationCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "registration",
        abstract: "Registrations for the year's titles (đăng ký thi đua): file, list, withdraw; the list itself is `report registrations`.",
        subcommands: [Add.self, List.self, Withdraw.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "File a registration: a person (--person CODE) or a tổ (--unit CODE), the title sought, the award, the sáng kiến.")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "The movement for the year's titles (id).") var movement: String
        @Option(help: "The person's code, e.g. AP015.") var person: String?
        @Option(help: "The tổ's unit code, e.g. THAP-K1.") var unit: String?
        @Option(help: "The title sought: LDTT, CSTD_CS (a person), TTLDTT, TTLDXS (a tổ).") var title: String
        @Option(help: "The award sought, e.g. GK (Giấy khen).") var award: String?
        @Option(help: "The title of the planned sáng kiến.") var initiative: String?
        @Option(help: "The day the registration was filed (YYYY-MM-DD); default today.") var date: String?

        func validate() throws {
            guard (person == nil) != (unit == nil) else { throw ValidationError("Give exactly one of --person or --unit.") }
        }

        func run() async throws {
            let (movement, person, unit, title, award, initiative, date) = (movement, person, unit, title, award, initiative, date)
            let registration = try await database.withDatabase { client, logger in
                let (personId, unitId) = try await Codes.owner(person: person, unit: unit, client: client, logger: logger)
                let draft = try RegistrationDraft.validate(
                    personId: personId, unitId: unitId, title: title, award: award, initiative: initiative, registeredOn: date)
                let movementId = try FieldParsing.id(movement, Movement.self, field: "movement")
                return try await RegistrationRepository(client: client).register(
                    draft, in: movementId, by: .commandLine(user: operatorName), logger: logger)
            }
            print(
                "Đã ghi bản đăng ký \(registration.id): \(registration.nomineeName) — \(registration.titleName)"
                    + (registration.awardName.map { ", \($0)" } ?? "") + ", ngày \(registration.registeredOn.vietnamese).")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The movement's registrations, one per line (tab-separated).")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "The movement (id).") var movement: String

        func run() async throws {
            let movement = movement
            let all = try await database.withDatabase { client, logger in
                try await RegistrationRepository(client: client).list(
                    movement: try FieldParsing.id(movement, Movement.self, field: "movement"), logger: logger)
            }
            for item in all {
                print(
                    [
                        item.id.description, item.nomineeName, item.unitName, item.titleName, item.awardName ?? "",
                        item.initiativeTitle ?? "",
                        item.registeredOn.vietnamese,
                    ].joined(separator: "\t"))
            }
            if all.isEmpty { print("Chưa có bản đăng ký nào.") }
        }
    }

    struct Withdraw: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Withdraw a registration while its movement is open.")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The registration's id.") var id: String

        func run() async throws {
            let id = id
            let registration = try await database.withDatabase { client, logger in
                try await RegistrationRepository(client: client).withdraw(
                    try FieldParsing.id(id, Registration.self, field: "id"), by: .commandLine(user: operatorName), logger: logger)
            }
            print("Đã rút bản đăng ký của \(registration.nomineeName) (\(registration.titleName)).")
        }
    }
}

extension ReportCommand {
    struct RegistrationsCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "registrations",
            abstract: "The registration list for Phòng GD&ĐT (danh sách đăng ký thi đua), with what each registrant achieved.")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "The movement for the year's titles (id).") var movement: String
        @Option(help: "The date printed on the list (YYYY-MM-DD); default today.") var date: String?
        @Option(help: "html, md, xlsx or docx.") var format: String = "html"
        @Option(name: .shortAndLong, help: "Write to this file instead of standard output.") var output: String?

        func validate() throws {
            guard RegistrationListFormat(rawValue: format) != nil else { throw ValidationError("--format must be html, md, xlsx or docx.") }
            if let date, LocalDate(date) == nil { throw ValidationError("--date must be YYYY-MM-DD.") }
        }

        func run() async throws {
            let (movement, dated) = (movement, date.flatMap(LocalDate.init) ?? .today)
            let list = try await database.withDatabase { client, logger in
                try await RegistrationRepository(client: client).document(
                    movement: try FieldParsing.id(movement, Movement.self, field: "movement"), dated: dated, logger: logger)
            }
            try emit(try (RegistrationListFormat(rawValue: format) ?? .html).render(list), to: output)
        }
    }
}
