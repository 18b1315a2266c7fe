import Foundation

/// Why the private cluster could not be used, in one sentence that says what to do.
public enum EmbeddedPostgresError: Error, Equatable, CustomStringConvertible {
    case binariesNotFound
    case tooOld(version: String)
    case noUnprivilegedUser
    case unreachableFolder(path: String, user: String)
    case socketPathTooLong(path: String)
    case unsafePath(path: String)
    case commandFailed(command: String, output: String)

    public var description: String {
        switch self {
        case .binariesNotFound:
            "PostgreSQL server programs (initdb, pg_ctl, postgres) were not found on PATH or under /usr/lib/postgresql/*/bin: install them with `apt-get install postgresql` (or run ./scripts/setup), or set DATABASE_URL to use an existing server."
        case .tooOld(let version):
            "thidua needs PostgreSQL 15 or newer, but found \(version): install a newer one with `apt-get install postgresql`, or set DATABASE_URL."
        case .noUnprivilegedUser:
            "PostgreSQL refuses to run as root and there is no `postgres` system user to run it as: create one (`useradd --system postgres`) or run thidua as an ordinary user."
        case .unreachableFolder(let path, let user):
            "The PostgreSQL server runs as user \(user), who cannot reach \(path): choose a --data-dir that \(user) can reach (for example under /var/lib or /tmp)."
        case .socketPathTooLong(let path):
            "The data folder path is too long for a unix socket (\(path)): choose a shorter --data-dir."
        case .unsafePath(let path):
            "The data folder path (\(path)) holds a quote, a backslash, a dollar sign or a backtick, which the server's start-up "
                + "command would read as shell syntax: choose a plain --data-dir."
        case .commandFailed(let command, let output):
            "\(command) failed: \(output.trimmingCharacters(in: .whitespacesAndNewlines))"
        }
    }
}
