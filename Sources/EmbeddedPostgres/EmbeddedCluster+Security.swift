import Foundation
import Logging

#if canImport(Glibc)
    import Glibc
#endif

// Who may sign in to the embedded cluster (security review F1, F6): the owner with the password in `password`, the
// application with the one in `app-password`; both files 0600. An older cluster that trusted local users is secured here.
extension EmbeddedCluster {
    /// The superuser's password, from the `password` file (created with the cluster).
    public func password() throws(EmbeddedPostgresError) -> String {
        guard let text = try? String(contentsOf: passwordFile, encoding: .utf8) else {
            throw .commandFailed(command: "read \(passwordFile.path)", output: "the cluster's password file is missing")
        }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The application role's password (`thidua_app`, which owns nothing): `serve` connects with it.
    public var appPasswordFile: URL { dataDirectory.appending(path: "app-password") }
    public static let appRole = "thidua_app"

    /// The application role's password, created (random, 0600) on first use.
    public func appPassword() throws -> String {
        if let text = try? String(contentsOf: appPasswordFile, encoding: .utf8), !text.isEmpty {
            return text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let password = Self.randomSecret()
        try writePrivate(password + "\n", to: appPasswordFile, owner: nil)
        return password
    }

    /// The URL the application connects with: its own role, not the owner.
    public var appURL: String {
        url(database: Self.database).replacingOccurrences(
            of: "postgresql://\(Self.superuser):\((try? password()) ?? "")@",
            with: "postgresql://\(Self.appRole):\((try? appPassword()) ?? "")@")
    }

    /// The password file, created with a new random password (32 bytes, hex) when missing.
    func ensurePasswordFile() throws -> String {
        if let existing = try? password(), !existing.isEmpty { return existing }
        let password = Self.randomSecret()
        try writePrivate(password + "\n", to: passwordFile, owner: nil)
        return password
    }

    /// 32 random bytes as hex: safe in a URL and in SQL quoting alike.
    static func randomSecret() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }

    /// Writes a file readable by its owner only (0600), created with that mode.
    func writePrivate(_ text: String, to file: URL, owner: String?) throws {
        try? FileManager.default.removeItem(at: file)
        guard FileManager.default.createFile(atPath: file.path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw EmbeddedPostgresError.commandFailed(command: "write \(file.path)", output: "could not create the file")
        }
        if let owner, let account = getpwnam(owner) { _ = chown(file.path, account.pointee.pw_uid, account.pointee.pw_gid) }
    }

    /// A cluster made by an older thidua trusted every local connection: set the superuser's password, switch
    /// pg_hba.conf to scram-sha-256 and reload, while the server still lets the owner in to do it.
    func requirePassword(logger: Logger) async throws {
        let hba = pgdata.appending(path: "pg_hba.conf")
        let rules = (try? String(contentsOf: hba, encoding: .utf8)) ?? ""
        let trusting = rules.split(separator: "\n").contains { line in
            !line.hasPrefix("#") && line.split(whereSeparator: \.isWhitespace).last == "trust"
        }
        guard trusting else { return }
        logger.warning("securing an embedded cluster that trusted local users", metadata: ["dataDirectory": "\(dataDirectory.path)"])
        let password = try ensurePasswordFile()
        let altered = try await runner.run(
            binaries.directory.appending(path: "psql"),
            [
                "-h", socketDirectory.path, "-U", Self.superuser, "-d", "postgres", "-v", "ON_ERROR_STOP=1", "-c",
                "SET password_encryption = 'scram-sha-256'; ALTER ROLE \(Self.superuser) PASSWORD '\(password)'",
            ])
        guard altered.status == 0 else { throw EmbeddedPostgresError.commandFailed(command: "psql (set password)", output: altered.output) }
        let secured = rules.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard !line.hasPrefix("#"), line.split(whereSeparator: \.isWhitespace).last == "trust" else { return String(line) }
            return String(line.dropLast("trust".count)) + "scram-sha-256"
        }.joined(separator: "\n")
        try secured.write(to: hba, atomically: false, encoding: .utf8)
        let reloaded = try await runner.run(binaries.pgCtl, ["reload", "-D", pgdata.path])
        guard reloaded.status == 0 else { throw EmbeddedPostgresError.commandFailed(command: "pg_ctl reload", output: reloaded.output) }
    }
}
