import ArgumentParser
import Foundation
import ThiduaCore
import ThiduaStore

/// `thidua document-settings UNIT`: what the văn thư sets once for the unit's documents — the managing agency above its
/// name, the place before the date, the signer's position, the default Nơi nhận, the fund, how amounts are written.
struct DocumentSettingsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "document-settings",
        abstract:
            "Show or set a unit's document settings, e.g. `document-settings THAP --managing-agency \"PHÒNG GD&ĐT HUYỆN TÂN HỒNG\" --place \"Tân Hồng\"`; what is not given stays."
    )
    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The unit code.") var unit: String
    @Option(help: "The managing agency printed above the unit's name, e.g. \"UBND HUYỆN TÂN HỒNG\".") var managingAgency: String?
    @Option(help: "The place written before the date, e.g. \"Tân Hồng\".") var place: String?
    @Option(help: "The signer's position, e.g. \"Hiệu trưởng\".") var signerPosition: String?
    @Option(parsing: .singleValue, help: "A line of Nơi nhận (repeat for each, in order), e.g. \"Như Điều 3;\".")
    var recipient: [String] = []
    @Option(help: "The fund reward money is paid from, e.g. \"quỹ thi đua, khen thưởng của nhà trường\"; \"\" for the default.")
    var fund: String?
    @Option(help: "Amounts in words: northern (nghìn, linh) or southern (ngàn, lẻ).") var words: String?
    @Option(
        parsing: .singleValue,
        help:
            "A recorded document the unit cites in every decision before the movements' plans, by its number (repeat for each; replaces the list), e.g. \"28/2020/TT-BGDĐT\"."
    )
    var basis: [String] = []
    @Flag(help: "Cite no documents of the unit's own.") var noBases = false

    func run() async throws {
        let changing = managingAgency != nil || place != nil || signerPosition != nil || !recipient.isEmpty || fund != nil || words != nil
        let (agency, place, position, recipients, fund, words) = (managingAgency, place, signerPosition, recipient, fund, words)
        let (numbers, clearing) = (basis.map(VietnameseText.normalized), noBases)
        let (settings, bases) = try await database.withDatabase { client, logger in
            let repository = DocumentSettingsRepository(client: client)
            let id = try await UnitRepository(client: client).find(code: unit, logger: logger).id
            let legalBases = UnitLegalBasesRepository(client: client)
            var bases = try await legalBases.bases(of: id, logger: logger)
            if !numbers.isEmpty || clearing {
                var ids: [ID<LegalDocument>] = []
                for number in numbers { ids.append(try await DocumentRepository(client: client).find(number: number, logger: logger).id) }
                bases = try await legalBases.replace(ids, of: id, by: .commandLine(user: operatorName), logger: logger)
            }
            let (current, version) = try await repository.settings(of: id, logger: logger)
            guard changing else { return (current, bases) }
            let wanted = try DocumentSettings.validate(
                managingAgency: agency ?? current.managingAgency, place: place ?? current.place,
                signerPosition: position ?? current.signerPosition, recipients: recipients.isEmpty ? current.recipients : recipients,
                fund: fund ?? current.fund, wordsStyle: words ?? current.wordsStyle.rawValue)
            return (
                try await repository.save(wanted, for: id, expectedVersion: version, by: .commandLine(user: operatorName), logger: logger)
                    .0,
                bases
            )
        }
        print("Cơ quan quản lý: \(settings.managingAgency)\(settings.saved ? "" : " (lấy theo đơn vị cấp trên; chưa thiết lập)")")
        print("Địa danh: \(settings.place)")
        print("Chức vụ người ký: \(settings.signerPosition)")
        print("Nơi nhận: " + settings.recipients.joined(separator: " "))
        print("Quỹ: \(settings.fund.isEmpty ? "quỹ thi đua, khen thưởng năm … của đơn vị" : settings.fund)")
        print("Số tiền bằng chữ: \(settings.wordsStyle == .northern ? "nghìn, linh" : "ngàn, lẻ")")
        print("Căn cứ của đơn vị: " + (bases.isEmpty ? "(chưa có)" : bases.map { "\($0.number) (\($0.issuer))" }.joined(separator: "; ")))
    }
}
