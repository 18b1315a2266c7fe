import Foundation
import Hummingbird
import NIOCore
import Logging
import PostgresNIO
import ServiceLifecycle
import ThiduaStore
import ThiduaWeb

/// What the routes need: one database client (each controller gets the repositories it uses over it) and limits.
public struct AppDependencies: Sendable {
    public let client: DatabaseClient
    /// Where reports, exports and list pages read: a streaming replica's client when one is configured, else `client`.
    public let reads: DatabaseClient
    /// The largest evidence file accepted, in bytes.
    public let maxEvidenceBytes: Int
    /// The pages' cookies carry `Secure` (thidua is served over HTTPS).
    public let secureCookies: Bool
    /// How long an API token's account is remembered; zero: looked up on every request.
    public let tokenCacheLifetime: Duration
    /// The window in which 60 wrong tokens from one client lead to 429.
    public let failedTokenWindow: TimeInterval

    public init(
        client: DatabaseClient, reads: DatabaseClient? = nil, maxEvidenceBytes: Int = 20 * 1_048_576, secureCookies: Bool = false,
        tokenCacheLifetime: Duration = .zero, failedTokenWindow: TimeInterval = 60
    ) {
        self.client = client
        self.reads = reads ?? client
        self.maxEvidenceBytes = maxEvidenceBytes
        self.secureCookies = secureCookies
        self.tokenCacheLifetime = tokenCacheLifetime
        self.failedTokenWindow = failedTokenWindow
    }
}

/// Builds the whole service: database client, migrations before the server starts, and the router.
/// `serve` and the tests both call it. `services` run before the client (e.g. the embedded cluster) and stop after it.
public func buildApplication(
    _ configuration: ServerConfiguration, logger: Logger, services: [any Service] = []
) async throws -> some ApplicationProtocol {
    let client = DatabaseClient(
        configuration: configuration.database, logger: logger, pingTimeout: configuration.databaseCheckTimeout,
        freshTimeout: configuration.databaseCheckTimeout / 2, preparedStatements: configuration.preparedStatements)
    let replica = configuration.readDatabase.map {
        DatabaseClient(configuration: $0, logger: logger, preparedStatements: configuration.preparedStatements, readsAfter: client)
    }
    let dependencies = AppDependencies(
        client: client, reads: replica, maxEvidenceBytes: configuration.maxEvidenceBytes,
        secureCookies: configuration.publicURL?.lowercased().hasPrefix("https://") ?? false,
        tokenCacheLifetime: configuration.tokenCacheLifetime, failedTokenWindow: configuration.failedTokenWindow)
    let router = try buildRouter(
        dependencies, databaseDescription: configuration.databaseDescription, healthTimeout: configuration.healthTimeout,
        metrics: configuration.metrics)
    let headerTimeout = configuration.headerTimeout
    var app = Application(
        router: router,
        // Slow or idle clients are let go (security review F15): a request head must arrive within the header timeout,
        // and a connection with no traffic at all closes after the idle timeout.
        server: .http1(
            configuration: .init(
                additionalChannelHandlers: [HeaderTimeoutHandler(timeout: headerTimeout)], idleTimeout: configuration.idleTimeout)),
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "thidua"),
        services: services,
        logger: logger)
    app.addServices(client)
    if let replica { app.addServices(replica) }
    if configuration.metrics { app.addServices(DatabaseGauges(client: client)) }
    let (migrate, owner, appPassword) = (configuration.migrate, configuration.migrationDatabase, configuration.appRolePassword)
    app.beforeServerStarts {
        // Migrations run as the owner when one is given; the requests then use the application role.
        @Sendable func prepare(_ client: DatabaseClient) async throws {
            let migrator = Migrator(client: client, logger: logger)
            if migrate {
                try await migrator.apply()
            } else {
                try await migrator.requireUpToDate()
            }
            if let appPassword { try await migrator.enableAppRole(password: appPassword) }
        }
        if let owner {
            try await DatabaseClient.withRunning(owner, logger: logger) { try await prepare($0) }
        } else {
            try await prepare(client)
        }
    }
    return app
}

/// The routes: `/health` in the open, everything under `/v1` behind a bearer token, the web app's pages at `/` behind a
/// session cookie.
public func buildRouter(
    _ dependencies: AppDependencies, databaseDescription: String, healthTimeout: Duration = .milliseconds(900), metrics: Bool = false
) throws -> Router<AppRequestContext> {
    let router = Router(context: AppRequestContext.self)
    router.add(middleware: SecurityHeadersMiddleware())
    // The log line and the metrics sit outside ProblemMiddleware, so they record the status the client got (a refusal
    // thrown as a DomainError is its 4xx or 503 there, not a 500).
    router.add(middleware: RequestLogMiddleware(level: .info))
    // Requests by route, method and status, with durations (swift-metrics; Prometheus when `serve --metrics-port`).
    if metrics { router.add(middleware: MetricsMiddleware()) }
    router.add(middleware: ProblemMiddleware())
    router.add(middleware: QueryTextMiddleware())
    HealthController(client: dependencies.client, databaseDescription: databaseDescription, databaseTimeout: healthTimeout)
        .addRoutes(to: router)
    router.get("openapi.yaml") { _, _ in
        Response(
            status: .ok, headers: [.contentType: "application/yaml; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: OpenAPIDocument.yaml)))
    }
    // Only the API reads a bearer token: /health and /openapi.yaml never wait on an account lookup (with the database
    // gone, a token sent to /health used to hold its answer until the lookup failed, seconds later).
    try WebPages<AppRequestContext>(
        client: dependencies.client, reads: dependencies.reads, secureCookies: dependencies.secureCookies,
        maxUploadBytes: dependencies.maxEvidenceBytes
    ).addRoutes(to: router)
    let v1 = router.group("v1")
        .add(
            middleware: AuthenticationMiddleware(
                accounts: AccountRepository(client: dependencies.client), throttle: .init(window: dependencies.failedTokenWindow),
                cache: TokenCache(lifetime: dependencies.tokenCacheLifetime))
        )
        .group(context: AuthenticatedContext.self)
    v1.add(middleware: ScopeMiddleware(scopes: UnitScopes(client: dependencies.client)))
    v1.add(
        middleware: IdempotencyMiddleware(keys: IdempotencyKeys(client: dependencies.client), maxBodyBytes: dependencies.maxEvidenceBytes))
    let client = dependencies.client
    let (units, people) = (UnitRepository(client: client), PersonRepository(client: client))
    let (nominations, reviews, eligibility) = (
        NominationRepository(client: client), ReviewRepository(client: client), EligibilityRepository(client: client)
    )
    let (models, catalogue) = (ModelInitiativeRepository(client: client), CatalogueRepository(client: client))
    MeController().addRoutes(to: v1)
    GrantController(accounts: AccountRepository(client: client), units: units).addRoutes(to: v1)
    UnitController(
        units: units, catalogue: catalogue, eligibility: eligibility, documentSettings: DocumentSettingsRepository(client: client),
        legalBases: UnitLegalBasesRepository(client: client)
    ).addRoutes(to: v1)
    PersonController(people: people, eligibility: eligibility).addRoutes(to: v1)
    DocumentController(documents: DocumentRepository(client: client)).addRoutes(to: v1)
    MovementController(movements: MovementRepository(client: client)).addRoutes(to: v1)
    ModelInitiativeController(models: models, reviews: reviews).addRoutes(to: v1)
    RegistrationController(registrations: RegistrationRepository(client: client)).addRoutes(to: v1)
    CouncilController(councils: CouncilRepository(client: client)).addRoutes(to: v1)
    TeamReviewController(reviews: TeamReviewRepository(client: client), accounts: AccountRepository(client: client)).addRoutes(to: v1)
    EvidenceController(
        evidence: EvidenceRepository(client: client), models: models, nominations: nominations, maxBytes: dependencies.maxEvidenceBytes
    )
    .addRoutes(to: v1)
    NominationController(nominations: nominations, reviews: reviews, eligibility: eligibility).addRoutes(to: v1)
    SubmissionController(submissions: SubmissionRepository(client: client), nominations: NominationRepository(client: client))
        .addRoutes(to: v1)
    PostingController(postings: PostingRepository(client: client)).addRoutes(to: v1)
    AchievementReportController(reports: AchievementReportRepository(client: client), nominations: nominations).addRoutes(to: v1)
    LawController(catalogue: catalogue).addRoutes(to: v1)
    DecisionController(nominations: nominations, decisions: DecisionRepository(client: client)).addRoutes(to: v1)
    CommendationController(
        commendations: CommendationRepository(client: client), listing: CommendationRepository(client: dependencies.reads),
        decisions: DecisionRepository(client: client)
    )
    .addRoutes(to: v1)
    InitiativeController(initiatives: InitiativeRepository(client: client)).addRoutes(to: v1)
    OutsideCommendationController(outside: OutsideCommendationRepository(client: client), catalogue: catalogue).addRoutes(to: v1)
    AuditController(audit: AuditLog(client: client), scopes: UnitScopes(client: client)).addRoutes(to: v1)
    let reads = dependencies.reads
    ReportController(
        honorList: HonorListRepository(client: reads), scopes: UnitScopes(client: client),
        movements: MovementReportRepository(client: reads), summaries: SummaryRepository(client: reads)
    )
    .addRoutes(to: v1)
    // An unknown path under /v1 is behind the same sign-in as the known ones, so a caller without a valid token gets 401
    // for both and cannot probe which routes exist (security review F19f); a signed-in caller gets 404.
    for method in [HTTPRequest.Method.get, .post, .put, .patch, .delete] {
        v1.on("**", method: method) { _, _ -> Response in throw HTTPError(.notFound) }
    }
    return router
}
