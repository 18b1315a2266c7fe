import ArgumentParser
import Foundation
import ThiduaCore
import Logging
import ThiduaStore

/// `thidua user add|list|grant|revoke|token|password`: accounts, the roles they hold on units, their API tokens and their
/// sign-in for the web app.
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Manage accounts, their roles on units and API tokens.",
        subcommands: [Add.self, List.self, Grant.self, Revoke.self, Token.self, Password.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create an account and print its API token (shown once; only its hash is stored).")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The name shown for the account, e.g. \"Nguyễn Thị Ngọc Hân\".") var name: String
        @Option(name: .customLong("role"), help: "A role: admin, headmaster, council, union, staff, team_lead. Repeat for several.")
        var roles: [Role] = []
        @Option(help: "The unit (code) the roles apply to, with the units below it, e.g. a school THAP; default the top unit.")
        var unit: String?
        @Option(help: "The id of the person this account belongs to.") var person: String?
        @Option(help: "A sign-in name for the web app (e.g. lan.pham); prints a one-time link to set the password.") var login: String?
        @OptionGroup var link: PasswordLinkOptions

        func validate() throws {
            guard !roles.isEmpty else {
                throw ValidationError("Give at least one --role (admin, headmaster, council, union, staff, team_lead).")
            }
            if let person, ID<Person>(person) == nil { throw ValidationError("--person must be a person's id (a UUID).") }
        }

        func run() async throws {
            let (name, roles, person, login, unit) = (
                self.name, Set(self.roles), self.person.flatMap { ID<Person>($0) }, self.login, self.unit
            )
            let (account, token, linkToken) = try await database.withDatabase { client, logger -> (Account, String, String?) in
                let actor = Actor.commandLine(user: operatorName)
                // The unit is found before anything is created: an unknown code leaves no account behind.
                let scope = try await unit.asyncMap { try await UnitRepository(client: client).find(code: $0, logger: logger).id }
                if let login {
                    let created = try await SignInRepository(client: client).createAccount(
                        displayName: name, roles: roles, personId: person, login: login, scope: scope, by: actor, logger: logger)
                    return (created.account, created.token, created.link)
                }
                let created = try await AccountRepository(client: client).create(
                    displayName: name, roles: roles, personId: person, scope: scope, by: actor, logger: logger)
                return (created.account, created.token, nil)
            }
            print(
                "Created account \(account.id) for \(account.displayName) (\(account.roles.sorted().map(\.rawValue).joined(separator: ", ")))."
            )
            print("API token (shown once, keep it secret):")
            print(token)
            if let linkToken {
                print("Link to set the web password (valid 72 hours, works once; hand it to the person):")
                print(link.url(for: linkToken))
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List accounts with their roles.")
        @OptionGroup var database: DatabaseOptions
        func run() async throws {
            let (accounts, codes) = try await database.withDatabase { client, logger in
                (try await AccountRepository(client: client).list(logger: logger), try await unitCodes(client, logger))
            }
            for account in accounts {
                let state = account.disabled ? "revoked" : "active"
                print("\(account.id)  \(state)  \(describe(account.grants, codes))  \(account.displayName)")
            }
            if accounts.isEmpty { print("No accounts yet: thidua user add \"Full Name\" --role admin") }
        }
    }

    struct Grant: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Grant a role on a unit: it applies there and to every unit below (thidua user grant ID --role headmaster --unit THAP).")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The account id (see thidua user list).") var id: String
        @Option(help: "The role: admin, headmaster, council, union, staff, team_lead.") var role: Role
        @Option(help: "The unit's code; default the top unit.") var unit: String?
        func run() async throws {
            guard let id = ID<Account>(id) else { throw ValidationError("The account id must be a UUID (see thidua user list).") }
            let (account, codes) = try await database.withDatabase { client, logger in
                let unit = try await self.unit.asyncMap { try await UnitRepository(client: client).find(code: $0, logger: logger).id }
                let account = try await AccountRepository(client: client).grant(
                    role, on: unit, to: id, by: .commandLine(user: operatorName), logger: logger)
                return (account, try await unitCodes(client, logger))
            }
            print("\(account.displayName): \(describe(account.grants, codes))")
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Disable an account and revoke all its tokens; with --role, revoke only that role on a unit.")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The account id (see thidua user list).") var id: String
        @Option(help: "Revoke only this role (the account stays enabled).") var role: Role?
        @Option(help: "With --role: the unit's code; default the top unit.") var unit: String?
        func validate() throws {
            if unit != nil && role == nil { throw ValidationError("--unit goes with --role: the role to revoke on that unit.") }
        }
        func run() async throws {
            guard let id = ID<Account>(id) else { throw ValidationError("The account id must be a UUID (see thidua user list).") }
            if let role {
                let (account, codes) = try await database.withDatabase { client, logger in
                    let unit = try await self.unit.asyncMap { try await UnitRepository(client: client).find(code: $0, logger: logger).id }
                    let account = try await AccountRepository(client: client).revoke(
                        role, on: unit, from: id, by: .commandLine(user: operatorName), logger: logger)
                    return (account, try await unitCodes(client, logger))
                }
                print("\(account.displayName): \(describe(account.grants, codes))")
                return
            }
            let account = try await database.withDatabase { client, logger in
                try await AccountRepository(client: client).revoke(id, by: .commandLine(user: operatorName), logger: logger)
            }
            print("Revoked account \(account.id) (\(account.displayName)); its tokens no longer work.")
        }
    }

    struct Token: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Issue a new API token for an active account.")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The account id.") var id: String
        func run() async throws {
            guard let id = ID<Account>(id) else { throw ValidationError("The account id must be a UUID (see thidua user list).") }
            let token = try await database.withDatabase { client, logger in
                try await AccountRepository(client: client).issueToken(for: id, by: .commandLine(user: operatorName), logger: logger)
            }
            print(token)
        }
    }

    struct Password: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a new one-time link to set the web password (valid 72 hours); earlier links stop working.")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The account id.") var id: String
        @OptionGroup var link: PasswordLinkOptions
        func run() async throws {
            guard let id = ID<Account>(id) else { throw ValidationError("The account id must be a UUID (see thidua user list).") }
            let token = try await database.withDatabase { client, logger in
                try await SignInRepository(client: client).issueLink(for: id, by: .commandLine(user: operatorName), logger: logger)
            }
            print(link.url(for: token))
        }
    }
}

extension Role: ExpressibleByArgument {}

/// Every unit's code by id, to print grants.
private func unitCodes(_ client: DatabaseClient, _ logger: Logger) async throws -> [ID<OrgUnit>: String] {
    var codes: [ID<OrgUnit>: String] = [:]
    var cursor: String?
    repeat {
        let page = try await UnitRepository(client: client).list(try PageRequest(limit: 200, cursor: cursor), logger: logger)
        for unit in page.items { codes[unit.id] = unit.code }
        cursor = page.nextCursor
    } while cursor != nil
    return codes
}

/// "headmaster@THAP, staff@THAP": each role and the unit it applies to (* for the whole registry).
private func describe(_ grants: [ThiduaCore.Grant], _ codes: [ID<OrgUnit>: String]) -> String {
    grants.map { "\($0.role.rawValue)@\($0.unit.flatMap { codes[$0] } ?? "*")" }.joined(separator: ", ")
}

/// The operating-system user running the command, as written in the audit log.
var operatorName: String {
    ProcessInfo.processInfo.environment["USER"] ?? ProcessInfo.processInfo.userName
}

/// Where the web app is reached, to print set-password links people can open.
struct PasswordLinkOptions: ParsableArguments {
    @Option(name: .customLong("public-url"), help: "The address people open thidua at (as serve --public-url).")
    var publicURL = "http://127.0.0.1:8080"

    func url(for token: String) -> String {
        (publicURL.hasSuffix("/") ? String(publicURL.dropLast()) : publicURL) + "/set-password?token=" + token
    }
}
