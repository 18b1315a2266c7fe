import Foundation
import Hummingbird
import ThiduaCore
import ThiduaStore

/// The unit a report page covers (the page's twin of the API's `unit=`): the one the reader picks among the units in
/// scope, else the account's own; an account whose grants reach everything sees the whole registry unless it picks one.
/// A district's head picks the district (every school, grouped by school) or one school.
struct ReportUnitChoice {
    struct Option {
        let code: String
        let name: String
        let selected: Bool
    }

    let unitId: ID<OrgUnit>?
    /// The picker's choices; shown when there is more than one (`many`: templates read stored values only).
    let options: [Option]
    let many: Bool
    /// `&unit=THAP` for the page's download links; "" for the whole registry.
    let query: String
}

extension WebPages {
    /// Reads `unit=` from the page's query. An unknown code, or a unit outside the reader's, is a 404 page.
    func reportUnit(_ request: Request, _ account: Account, to action: Policy.Action, context: Context) async throws -> ReportUnitChoice {
        let asked = FormFields.query(request)["unit"].map { String($0).trimmingCharacters(in: .whitespaces) }.flatMap {
            $0.isEmpty ? nil : $0
        }
        let units = try await scopes.reportUnits(for: account, to: action, logger: context.logger)
        let code = asked ?? Self.defaultCode(account, action, units)
        let unitId = try await scopes.reportUnit(code: code, for: account, to: action, logger: context.logger)
        let chosen = unitId.flatMap { id in units.first { $0.id == id } }
        var options = units.map { ReportUnitChoice.Option(code: $0.code, name: $0.name, selected: $0.id == unitId) }
        if account.coversEverything { options.insert(.init(code: "", name: "Tất cả các đơn vị", selected: unitId == nil), at: 0) }
        let chosenCode = chosen?.code ?? code ?? ""
        return ReportUnitChoice(
            unitId: unitId, options: options, many: options.count > 1,
            query: chosenCode.isEmpty ? "" : "&unit=\(Self.queryValue(chosenCode))")
    }

    /// Where a page starts: an account holding roles on several units (no one above them) on the first, rather than on
    /// an error; an account whose grants reach everything on the whole registry of a one-school install, and on the top
    /// unit (grouped by school) when the registry holds several schools; else the account's own unit (nil here).
    private static func defaultCode(_ account: Account, _ action: Policy.Action, _ units: [OrgUnit]) -> String? {
        guard account.coversEverything else { return Policy.units(for: action, account)?.count == 1 ? nil : units.first?.code }
        let roots = units.filter { $0.parentId == nil }
        guard units.count(where: { $0.kind == .school }) > 1, roots.count == 1 else { return nil }
        return roots[0].code
    }
}
