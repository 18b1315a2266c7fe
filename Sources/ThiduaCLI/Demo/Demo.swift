import ArgumentParser
import Foundation
import ThiduaCore
import ThiduaStore

/// `thidua demo`: load the demo school and one account per role. Running it again changes nothing.
struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Load the demo school (An Phước primary school, Tân Hồng, Đồng Tháp) and demo accounts; safe to run twice.")

    @OptionGroup var database: DatabaseOptions
    @Option(help: "Also add this many generated commendations (with their people and nominations) in calendar 2024, for benchmarks.")
    var scale: Int?
    @Option(help: "Also add this many generated people with an LĐTT nomination waiting for the headmaster's decision, for benchmarks.")
    var pending: Int?
    @Option(
        help:
            "Also add this many generated primary schools under the demo's district, each with --staff people and --years school years of history, for the district benchmarks."
    )
    var district: Int?
    @Option(help: "People in each generated school (with --district).")
    var staff = 40
    @Option(
        help:
            "School years of history in each generated school, ending with 2025-2026 (with --district; the catalogue has money from 2019-2020)."
    )
    var years = 7
    @Flag(help: "Load the demo into the database DATABASE_URL names (it adds accounts whose names are published).")
    var force = false

    /// The last school year a generated district's history covers (the last one finished).
    static let lastYear = 2025

    func validate() throws {
        if let scale, !(1...1_000_000).contains(scale) { throw ValidationError("--scale must be between 1 and 1000000.") }
        if let pending, !(1...100_000).contains(pending) { throw ValidationError("--pending must be between 1 and 100000.") }
        if let district, !(1...5_000).contains(district) { throw ValidationError("--district must be between 1 and 5000.") }
        guard (1...200).contains(staff) else { throw ValidationError("--staff must be between 1 and 200.") }
        guard (1...(Self.lastYear - DistrictData.firstYear + 1)).contains(years) else {
            throw ValidationError(
                "--years must be between 1 and \(Self.lastYear - DistrictData.firstYear + 1): the catalogue has money from the school year \(DistrictData.firstYear)-\(DistrictData.firstYear + 1)."
            )
        }
    }

    func run() async throws {
        let unitRows = try UnitImport.parse(DemoData.units)
        let personRows = try PersonImport.parse(DemoData.people)
        let target = try database.target()
        if case .server(_, let description) = target, !force {
            throw ValidationError(
                "Refusing to load the demo school into \(description): it adds demo accounts with published names. "
                    + "Use the embedded default (no DATABASE_URL), or add --force if this database is for trying thidua out.")
        }
        let (tokenFile, accountsFile) = (target.embeddedTokenFile, target.embeddedAccountsFile)
        let lines = try await database.withDatabase { client, logger in
            let actor = Actor.commandLine(user: operatorName)
            let units = try await UnitRepository(client: client).importUnits(unitRows, by: actor, logger: logger)
            let people = try await PersonRepository(client: client).importPeople(personRows, by: actor, logger: logger)
            var lines = ["Đơn vị: \(units).", "Cá nhân: \(people)."]
            let (accounts, signIn) = (AccountRepository(client: client), SignInRepository(client: client))
            let existing = Set(try await accounts.list(logger: logger).map(\.displayName))
            var created: [String] = []
            var withPasswords: [String] = []
            for demo in DemoData.accounts where !existing.contains(demo.name) {
                let person = try await demo.personCode.asyncMap {
                    try await PersonRepository(client: client).find(code: $0, logger: logger)
                }
                let roles = Set(demo.roles.compactMap(Role.init(rawValue:)))
                // Every demo account can sign in to the web app: a login and a random password, set through its link.
                // Its roles hold on its unit (DemoData.accounts), a tổ trưởng's on her own tổ.
                let schoolRoles = roles.subtracting([.teamLead])
                let unit = try await demo.unit.asyncMap { try await UnitRepository(client: client).find(code: $0, logger: logger).id }
                let (account, token, link) = try await signIn.createAccount(
                    displayName: demo.name, roles: schoolRoles.isEmpty ? roles : schoolRoles, personId: person??.id,
                    login: demo.login, scope: unit, by: actor, logger: logger)
                if roles.contains(.teamLead), !schoolRoles.isEmpty, let team = person??.unitId {
                    _ = try await accounts.grant(.teamLead, on: team, to: account.id, by: actor, logger: logger)
                }
                let password = Self.demoPassword()
                _ = try await signIn.setPassword(link: link, password: password, logger: logger)
                created.append("\(demo.roles.joined(separator: "+"))\t\(demo.name)\t\(token)")
                withPasswords.append("\(demo.roles.joined(separator: "+"))\t\(demo.name)\t\(demo.login)\t\(password)\t\(token)")
            }
            var byName: [String: Account] = [:]
            for account in try await accounts.list(logger: logger) { byName[account.displayName] = account }
            lines.append(try await DemoRegistry(client: client, logger: logger, actor: actor).load(accounts: byName))
            if scale != nil || pending != nil {
                let progress = ProgressLine(noun: "cá nhân")
                let added = try await ScaleData(client: client).add(scale ?? 0, pending: pending ?? 0, by: actor, logger: logger) {
                    progress.update($0)
                }
                progress.finish()
                lines.append(
                    "Đã thêm \(added.count) cá nhân để đo hiệu năng (mã \(added.firstCode)…): \(scale ?? 0) khen thưởng năm 2024, "
                        + "\(pending ?? 0) đề nghị LĐTT chờ hiệu trưởng duyệt.")
            }
            if let district {
                let progress = ProgressLine(noun: "trường")
                let added = try await DistrictData(client: client).add(
                    schools: district, staff: staff, years: years, lastYear: Self.lastYear, by: actor, logger: logger
                ) { progress.update($0) }
                progress.finish()
                lines.append(
                    "Đã thêm \(added.schools) trường thuộc \(DemoData.districtName) (mã DS…), \(added.people) cá nhân, \(added.commendations) khen thưởng "
                        + "trong \(years) năm học đến \(Self.lastYear)-\(Self.lastYear + 1).")
            }
            if created.isEmpty {
                lines.append(
                    "Tài khoản demo đã có từ trước; mã truy cập chỉ hiện một lần khi tạo"
                        + (tokenFile.map { " (đã lưu ở \($0.path))." } ?? "."))
            } else {
                lines.append("Tài khoản demo (vai trò, tên, mã truy cập):")
                lines += created
                if let tokenFile {
                    try writePrivately(created.joined(separator: "\n") + "\n", to: tokenFile)
                    lines.append("Các mã này cũng được lưu ở \(tokenFile.path).")
                }
                // Sign-in names and passwords for the web app (roles, name, login, password, token; tab-separated, 0600).
                if let accountsFile {
                    try writePrivately(withPasswords.joined(separator: "\n") + "\n", to: accountsFile)
                    lines.append("Tên đăng nhập và mật khẩu web của các tài khoản demo: \(accountsFile.path).")
                } else {
                    lines.append("Tài khoản web (vai trò, tên, tên đăng nhập, mật khẩu, mã truy cập):")
                    lines += withPasswords
                }
            }
            return lines
        }
        lines.forEach { print($0) }
    }
}

extension DatabaseOptions.Target {
    /// Where demo tokens are kept for the embedded cluster, so a newcomer can find them again.
    var embeddedTokenFile: URL? {
        if case .embedded(let cluster) = self { return cluster.dataDirectory.appending(path: "demo-tokens.txt") }
        return nil
    }

    /// Where the demo accounts' web logins and passwords are kept for the embedded cluster.
    var embeddedAccountsFile: URL? {
        if case .embedded(let cluster) = self { return cluster.dataDirectory.appending(path: "demo-accounts.txt") }
        return nil
    }
}

extension Demo {
    /// A demo password: 14 characters from letters and digits that are hard to confuse (no 0/O, 1/l/I).
    static func demoPassword() -> String {
        let alphabet = Array("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<14).map { _ in alphabet.randomElement(using: &generator)! })
    }
}

/// Writes a file only its owner can read (0600): it holds access tokens. Created with that mode, never readable in between.
func writePrivately(_ text: String, to file: URL) throws {
    let manager = FileManager.default
    let temporary = file.deletingLastPathComponent().appending(path: ".\(file.lastPathComponent).\(getpid()).tmp")
    guard manager.createFile(atPath: temporary.path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else {
        throw ValidationError("Could not write \(file.path).")
    }
    try manager.setAttributes([.posixPermissions: 0o600], ofItemAtPath: temporary.path)
    if manager.fileExists(atPath: file.path) { try manager.removeItem(at: file) }
    try manager.moveItem(at: temporary, to: file)
}
