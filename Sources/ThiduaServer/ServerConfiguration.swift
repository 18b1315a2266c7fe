import Foundation
import NIOCore
import PostgresNIO

/// Everything `buildApplication` needs; the CLI resolves flags and environment into it, tests build it directly.
public struct ServerConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// How the requests reach the database: in production the application role (`thidua_app`), which owns nothing.
    public var database: PostgresClient.Configuration
    /// A streaming replica the reports, exports and list pages read from (`serve --read-database-url`); nil: the primary.
    public var readDatabase: PostgresClient.Configuration?
    /// The owner, who runs the migrations (security review F6); nil when `database` is also the owner.
    public var migrationDatabase: PostgresClient.Configuration?
    /// When set, the owner gives the application role this password after the migrations (the embedded default, and a
    /// deployment whose DATABASE_URL names `thidua_app`).
    public var appRolePassword: String?
    /// Written to the log when the database cannot be reached: "embedded (/path)" or the server's host, never a password.
    public var databaseDescription: String
    /// Apply pending migrations at start; when false, pending migrations stop the start with an error.
    public var migrate: Bool
    /// The largest evidence file accepted (default 20 MiB).
    public var maxEvidenceBytes: Int
    /// How long a connection may take to send a request head, from opening or from the last response (default 10 s).
    public var headerTimeout: TimeAmount = .seconds(10)
    /// Record request counts and durations by route and status through swift-metrics (`serve --metrics-port`).
    public var metrics = false
    /// How long the pool's routine check waits for `SELECT 1` before a fresh connection is tried (default 2 s; the fresh
    /// one gets half). Two missed checks in a row mark the database down (503 at once) until it answers again.
    public var databaseCheckTimeout: Duration = .seconds(2)
    /// How long `/health` waits for the database before answering 503 (default 900 ms).
    public var healthTimeout: Duration = .milliseconds(900)
    /// How long a connection may stay without any traffic (default 60 s).
    public var idleTimeout: TimeAmount = .seconds(60)
    /// The address people open thidua at (`serve --public-url`); with https the pages' cookies are marked `Secure`.
    public var publicURL: String?
    /// Prepare the hot statements on each connection (`serve --no-prepared-statements` behind PgBouncer's transaction mode).
    public var preparedStatements = true
    /// How long an API token's account is remembered (`serve --token-cache-ms`, default 1 s; zero: looked up every time).
    /// A revoked token or a disabled account takes effect within it on every instance.
    public var tokenCacheLifetime: Duration = .seconds(1)
    /// The window in which 60 wrong tokens from one client lead to 429 (security review F14; 60 s).
    public var failedTokenWindow: TimeInterval = 60

    public init(
        host: String = "127.0.0.1", port: Int = 8080, database: PostgresClient.Configuration, databaseDescription: String,
        migrate: Bool = true,
        maxEvidenceBytes: Int = 20 * 1_048_576
    ) {
        self.maxEvidenceBytes = maxEvidenceBytes
        self.host = host
        self.port = port
        self.database = database
        self.databaseDescription = databaseDescription
        self.migrate = migrate
    }
}
