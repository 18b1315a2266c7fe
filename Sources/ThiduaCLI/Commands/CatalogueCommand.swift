import ArgumentParser
import Foundation
import ThiduaCore
import ThiduaStore

/// `thidua catalogue …`: the award catalogue by period, base salaries, rounding, and the money an award carries.
struct CatalogueCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalogue",
        abstract: "The award catalogue, base salaries and reward money (the law as data; every change needs a reason).",
        subcommands: [List.self, Set.self, Reward.self, BaseSalaryCommand.self, Rounding.self, UnitPolicyCommand.self])

    struct UnitPolicyCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "unit-policy",
            abstract:
                "Show or change a unit's authority level and caps, e.g. `unit-policy THAP --cap CSTD_CS:LDTT:15 --reason \"…\"`; what is not given stays."
        )
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The unit code.") var unit: String
        @Option(help: "The authority its head holds: commune, unit, district, province, government.") var authority: String?
        @Flag(help: "Follow the default of the unit's kind again.") var byKind = false
        @Option(parsing: .singleValue, help: "A cap AWARD:OF_AWARD:PERCENT (repeatable), e.g. CSTD_CS:LDTT:15.") var cap: [String] = []
        @Flag(help: "Remove every cap.") var noCaps = false
        @Option(
            parsing: .singleValue,
            help: "An award the head signs (+TTLDTT), forwards (-LDTT) or as the level's list says (=LDTT); repeatable.")
        var grant: [String] = []
        @Option(help: "The period its titles are reviewed by: school-year, calendar-year, or by-kind (a school: school-year).")
        var titlePeriod: String?
        @Option(help: "Why it changes (required to change).") var reason: String?

        func run() async throws {
            let changing = authority != nil || byKind || !cap.isEmpty || noCaps || !grant.isEmpty || titlePeriod != nil
            let titlePeriodChange = try UnitPolicy.TitlePeriodChange.parse(titlePeriod)
            var caps: [UnitPolicy.Cap] = []
            for text in cap { caps.append(try UnitPolicy.Cap.parse(text)) }
            var changes: [UnitPolicy.GrantChange] = []
            for text in grant { changes.append(try UnitPolicy.GrantChange.parse(text)) }
            let reason = changing ? try requiredReason(reason) : ""
            let (authority, byKind, noCaps, newCaps, grantChanges) = (authority, byKind, noCaps, caps, changes)
            let (policy, levels) = try await database.withDatabase { client, logger in
                let catalogue = CatalogueRepository(client: client)
                let id = try await UnitRepository(client: client).find(code: unit, logger: logger).id
                let current = try await catalogue.policy(of: id, logger: logger)
                let levels = try await catalogue.levels(logger: logger)
                guard changing else { return (current, levels) }
                let changed = try await catalogue.setPolicy(
                    id, authorityLevel: byKind ? nil : (authority ?? current.authorityLevel),
                    caps: noCaps ? [] : (newCaps.isEmpty ? current.caps : newCaps), grantChanges: grantChanges,
                    titlePeriod: titlePeriodChange,
                    reason: reason,
                    by: .commandLine(user: operatorName), logger: logger)
                return (changed, levels)
            }
            print("Cấp thẩm quyền: \(policy.effectiveAuthorityLevel)\(policy.authorityLevel == nil ? " (theo loại đơn vị)" : "")")
            if let level = levels.first(where: { $0.code == policy.effectiveAuthorityLevel }) {
                print("Người ký khen thưởng của đơn vị: \(level.name)")
            }
            for cap in policy.caps {
                print("Giới hạn: \(cap.award) ≤ \(cap.percent)% số \(cap.ofAward)\(cap.enabled ? "" : " (tắt)")")
            }
            if policy.caps.isEmpty { print("Giới hạn: không") }
            let byYear = policy.effectiveTitlePeriodKind == .schoolYear ? "năm học" : "năm"
            print("Danh hiệu xét theo: \(byYear)\(policy.titlePeriodKind == nil ? " (theo loại đơn vị)" : "")")
            print("Đơn vị tự quyết định: " + policy.grants.filter(\.grants).map(\.award).joined(separator: ", "))
            print("Trình cấp trên: " + policy.grants.filter { !$0.grants }.map(\.award).joined(separator: ", "))
            for change in policy.grants where change.reason != nil {
                print("Thay đổi của đơn vị: \(change.grants ? "+" : "-")\(change.award) — \(change.reason ?? "")")
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The awards with the rule in force on a date (default today).")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "The date (YYYY-MM-DD).") var date: String?

        func run() async throws {
            let date = try parseDate(date) ?? .today
            let (awards, levels) = try await database.withDatabase { client, logger in
                let catalogue = CatalogueRepository(client: client)
                return (try await catalogue.awards(logger: logger), try await catalogue.levels(logger: logger))
            }
            let levelName = Dictionary(levels.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
            print("Danh mục khen thưởng áp dụng ngày \(date.vietnamese)")
            for award in awards {
                let rule = award.rule(on: date)
                let coefficient =
                    rule.map { rule in
                        (rule.fixedAmount.map { "mức cố định \(VietnameseText.grouped($0)) đ" } ?? "hệ số \(rule.coefficient)")
                            + (rule.collectiveFactor == 2 ? " (tập thể ×2)" : "")
                    } ?? "chưa có quy định"
                let decider =
                    award.issuer == .state
                    ? rule.flatMap { levelName[$0.authorityLevel] } ?? "chưa rõ cấp"
                    : "\(award.issuer.vietnamese): \(award.issuerName)"
                let verified = (rule?.verified ?? award.verified) ? "" : " [cần xác minh]"
                print(
                    "\(award.code.padding(toLength: 11, withPad: " ", startingAt: 0)) \(award.name) — \(coefficient); \(decider) quyết định\(verified)"
                )
                if let rule { print("            \(rule.citation)") }
            }
        }
    }

    struct Set: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Set an award's rules from a date; what is not given is copied from the rule in force before it.")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The award code, e.g. LDTT.") var award: String
        @Option(name: .customLong("from"), help: "The first day the rule applies (YYYY-MM-DD).") var from: String
        @Option(help: "The coefficient, e.g. 0.3.") var coefficient: String?
        @Option(help: "1, or 2 when a collective receives twice an individual's amount.") var collectiveFactor: Int?
        @Option(help: "The authority level that grants it (commune, unit, district, province, government).") var authority: String?
        @Option(help: "The rule names, comma-separated (see `thidua rules list`).") var eligibility: String?
        @Option(help: "The legal citation.") var citation: String?
        @Flag(inversion: .prefixedNo, help: "Whether the value is confirmed.") var verified: Bool?
        @Option(help: "Money as a fixed amount in đồng for one person (the union's, the sector's awards; the coefficient becomes 0).")
        var fixedAmount: Int?
        @Option(help: "Why the catalogue changes (required; kept in the audit log).") var reason: String

        func run() async throws {
            let reason = try requiredReason(reason)
            let updated = try await database.withDatabase { client, logger in
                let catalogue = CatalogueRepository(client: client)
                let current = try await catalogue.award(award.uppercased(), logger: logger)
                let rule = try AwardRule.revised(
                    award: current, effectiveFrom: from, coefficient: coefficient, collectiveFactor: collectiveFactor,
                    authorityLevel: authority, voteThreshold: nil,
                    eligibility: eligibility.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } },
                    citation: citation, verified: verified, fixedAmount: fixedAmount)
                return try await catalogue.setRule(rule, reason: reason, by: .commandLine(user: operatorName), logger: logger)
            }
            let rule = updated.rules.first { $0.effectiveFrom.description == from }
            print(
                "Đã ghi quy định của \(updated.code) từ \(from): "
                    + (rule?.fixedAmount.map { "mức cố định \(VietnameseText.grouped($0)) đ." }
                        ?? "hệ số \(rule?.coefficient.description ?? "?")."))
        }
    }

    struct Reward: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The reward money of an award on a decision date; the last line is the amount in đồng, digits only.")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "The award code, e.g. LDTT.") var award: String
        @Option(help: "The decision date (YYYY-MM-DD).") var date: String
        @Flag(help: "For a collective.") var collective = false

        func run() async throws {
            guard let date = try parseDate(date) else { throw ValidationError("--date is required.") }
            let quote = try await database.withDatabase { client, logger in
                try await CatalogueRepository(client: client).quote(
                    award: award.uppercased(), date: date, collective: collective, logger: logger)
            }
            if let fixed = quote.fixedAmount {
                print(
                    "\(quote.award) ngày \(date.vietnamese)\(collective ? " (tập thể)" : ""): mức cố định \(fixed)"
                        + (quote.collectiveFactor == 2 ? " × 2" : "") + " (quy định từ \(quote.ruleFrom.vietnamese))")
            } else {
                print(
                    "\(quote.award) ngày \(date.vietnamese)\(collective ? " (tập thể)" : ""): hệ số \(quote.coefficient)"
                        + (quote.collectiveFactor == 2 ? " × 2" : "")
                        + " × lương cơ sở \(quote.baseSalary) (từ \(quote.baseSalaryFrom.vietnamese)), \(quote.rounding.vietnamese)")
            }
            print(quote.rewardAmount)
        }
    }

    struct BaseSalaryCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "base-salary", abstract: "The base-salary table (mức lương cơ sở).", subcommands: [Add.self, ListSalaries.self])

        struct Add: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Add a base salary from a date, e.g. `add 2340000 --from 2024-07-01`.")
            @OptionGroup var database: DatabaseOptions
            @Argument(help: "The amount in đồng.") var amount: Int
            @Option(name: .customLong("from"), help: "The first day it applies (YYYY-MM-DD).") var from: String
            @Option(help: "The decree that sets it.") var citation: String?

            func run() async throws {
                let salary = try BaseSalary.validate(amount: amount, from: from, citation: citation)
                _ = try await database.withDatabase { client, logger in
                    try await CatalogueRepository(client: client).addSalary(salary, by: .commandLine(user: operatorName), logger: logger)
                }
                print("Đã thêm mức lương cơ sở \(salary.amount) đồng áp dụng từ \(salary.effectiveFrom.vietnamese).")
            }
        }

        struct ListSalaries: AsyncParsableCommand {
            static let configuration = CommandConfiguration(commandName: "list", abstract: "The base salaries by date.")
            @OptionGroup var database: DatabaseOptions

            func run() async throws {
                let salaries = try await database.withDatabase { client, logger in
                    try await CatalogueRepository(client: client).salaries(logger: logger)
                }
                for salary in salaries { print("\(salary.effectiveFrom)  \(salary.amount)  \(salary.citation)") }
            }
        }
    }

    struct Rounding: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show or set how reward money is rounded: up (default), nearest, none.")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "up, nearest or none; omit to show.") var mode: String?
        @Option(help: "Why it changes (required to set).") var reason: String?

        func run() async throws {
            guard let mode else {
                let current = try await database.withDatabase { client, logger in
                    try await CatalogueRepository(client: client).rounding(logger: logger)
                }
                print(current.rawValue)
                return
            }
            guard let rounding = RewardRounding(rawValue: mode) else { throw ValidationError("The mode must be up, nearest or none.") }
            let reason = try requiredReason(reason)
            try await database.withDatabase { client, logger in
                try await CatalogueRepository(client: client).setRounding(
                    rounding, reason: reason, by: .commandLine(user: operatorName), logger: logger)
            }
            print("Tiền thưởng từ nay \(rounding.vietnamese) (hàng chục nghìn đồng).")
        }
    }
}
