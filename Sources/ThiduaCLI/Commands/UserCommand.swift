import ArgumentParser
import Foundation
import ThiduaCore
import ThiduaStore

/// `thidua user add|list|revoke|token`: accounts and their API tokens.
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Manage accounts and API tokens.",
        subcommands: [Add.self, List.self, Revoke.self, Token.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create an account and print its API token (shown once; only its hash is stored).")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The name shown for the account, e.g. \"Nguyễn Thị Ngọc Hân\".") var name: String
        @Option(name: .customLong("role"), help: "A role: admin, headmaster, council, union, staff. Repeat for several.") var roles:
            [Role] = []
        @Option(help: "The id of the person this account belongs to.") var person: String?

        func validate() throws {
            guard !roles.isEmpty else { throw ValidationError("Give at least one --role (admin, headmaster, council, union, staff).") }
            if let person, ID<Person>(person) == nil { throw ValidationError("--person must be a person's id (a UUID).") }
        }

        func run() async throws {
            let (name, roles, person) = (self.name, Set(self.roles), self.person.flatMap { ID<Person>($0) })
            let (account, token) = try await database.withDatabase { client, logger in
                try await AccountRepository(client: client).create(
                    displayName: name, roles: roles, personId: person, by: .commandLine(user: operatorName), logger: logger)
            }
            print(
                "Created account \(account.id) for \(account.displayName) (\(account.roles.sorted().map(\.rawValue).joined(separator: ", ")))."
            )
            print("API token (shown once, keep it secret):")
            print(token)
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List accounts with their roles.")
        @OptionGroup var database: DatabaseOptions
        func run() async throws {
            let accounts = try await database.withDatabase { client, logger in
                try await AccountRepository(client: client).list(logger: logger)
            }
            for account in accounts {
                let state = account.disabled ? "revoked" : "active"
                print("\(account.id)  \(state)  \(account.roles.sorted().map(\.rawValue).joined(separator: ","))  \(account.displayName)")
            }
            if accounts.isEmpty { print("No accounts yet: thidua user add \"Full Name\" --role admin") }
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Disable an account and revoke all its tokens.")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The account id (see thidua user list).") var id: String
        func run() async throws {
            guard let id = ID<Account>(id) else { throw ValidationError("The account id must be a UUID (see thidua user list).") }
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
}

extension Role: ExpressibleByArgument {}

/// The operating-system user running the command, as written in the audit log.
var operatorName: String { ProcessInfo.processInfo.environment["USER"] ?? ProcessInfo.processInfo.userName }
