import ArgumentParser
import Foundation
import ThiduaCore
import ThiduaStore

/// `thidua outside`: the union's and the sector's commendations, recorded from their decisions with the catalogue's
/// fixed amount (the state's awards are proposed and decided in thidua, or imported with the school's history).
struct OutsideCommendationCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outside",
        abstract: "The union's and the sector's commendations (Công đoàn, ngành): record one from its decision, list a period's.",
        subcommands: [Add.self, List.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record a commendation of the union or the sector from its decision: a person (--person CODE) or a tổ (--unit CODE).")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "The award: CDGD_GK (Giấy khen of Công đoàn Giáo dục huyện), CD_GVTDVN, KNC_GD (Kỷ niệm chương).") var award: String
        @Option(help: "The person's code, e.g. AP010.") var person: String?
        @Option(help: "The tổ's unit code, e.g. THAP-K1.") var unit: String?
        @Option(help: "The period: a school year (2023-2024) or a year (2024).") var period: String
        @Option(help: "The decision's number, e.g. 45/QĐ-CĐGD.") var number: String
        @Option(help: "The decision's date (YYYY-MM-DD).") var date: String
        @Option(help: "The issuing body as the decision names it; default the catalogue's.") var issuer: String?
        @Option(help: "regular, thematic, exceptional or length_of_service; default the award's.") var kind: String?

        func validate() throws {
            guard (person == nil) != (unit == nil) else { throw ValidationError("Give exactly one of --person or --unit.") }
        }

        func run() async throws {
            let (award, person, unit, period, number, date, issuer, kind) = (award, person, unit, period, number, date, issuer, kind)
            let recorded = try await database.withDatabase { client, logger in
                let (personId, unitId) = try await Codes.owner(person: person, unit: unit, client: client, logger: logger)
                let draft = try OutsideCommendationDraft.validate(
                    personId: personId, unitId: unitId, award: award, period: period, decisionNumber: number, decisionDate: date,
                    issuer: issuer, kind: kind)
                let catalogued = try await CatalogueRepository(client: client).award(draft.awardCode, logger: logger)
                return try await OutsideCommendationRepository(client: client).record(
                    draft, award: catalogued, by: .commandLine(user: operatorName), logger: logger)
            }
            print(
                "Đã ghi \(recorded.awardName) cho \(recorded.nomineeName) (\(recorded.period.vietnamese)): Quyết định số "
                    + "\(recorded.decisionNumber) ngày \(recorded.decisionDate.vietnamese) của \(recorded.issuerName); tiền thưởng "
                    + "\(VietnameseText.grouped(recorded.rewardAmount)) đ.")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "A period's commendations of the union and the sector, one per line (tab-separated).")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "A school year (2023-2024) or a year (2024); default every period.") var period: String?

        func validate() throws {
            if let period, Period(period) == nil { throw ValidationError("--period must be a year (2024) or a school year (2023-2024).") }
        }

        func run() async throws {
            let period = period.flatMap(Period.init)
            let all = try await database.withDatabase { client, logger in
                try await OutsideCommendationRepository(client: client).list(period: period, logger: logger)
            }
            for item in all {
                print(
                    [
                        item.nomineeName, item.unitName, item.awardName, item.period.label, item.kind.vietnameseName,
                        "\(item.decisionNumber) ngày \(item.decisionDate.vietnamese)", item.issuerName,
                        VietnameseText.grouped(item.rewardAmount),
                    ].joined(separator: "\t"))
            }
            if all.isEmpty { print("Chưa có khen thưởng nào của Công đoàn, của ngành" + (period.map { " \($0.vietnamese)" } ?? "") + ".") }
        }
    }
}
