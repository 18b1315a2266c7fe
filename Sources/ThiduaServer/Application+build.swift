import Hummingbird
import Logging
import PostgresNIO
import ServiceLifecycle
import ThiduaStore

/// The repositories the routes use, over one client.
public struct AppDependencies: Sendable {
    public let client: PostgresClient
    public let accounts: AccountRepository
    public let units: UnitRepository
    public let people: PersonRepository
    /// The largest evidence file accepted, in bytes.
    public let maxEvidenceBytes: Int

    public init(client: PostgresClient, maxEvidenceBytes: Int = 20 * 1_048_576) {
        self.client = client
        self.accounts = AccountRepository(client: client)
        self.units = UnitRepository(client: client)
        self.people = PersonRepository(client: client)
        self.maxEvidenceBytes = maxEvidenceBytes
    }
}

/// Builds the whole service: database client, migrations before the server starts, and the router.
/// `serve` and the tests both call it. `services` run before the client (e.g. the embedded cluster) and stop after it.
public func buildApplication(
    _ configuration: ServerConfiguration, logger: Logger, services: [any Service] = []
) async throws -> some ApplicationProtocol {
    let client = PostgresClient(configuration: configuration.database, backgroundLogger: logger)
    let dependencies = AppDependencies(client: client, maxEvidenceBytes: configuration.maxEvidenceBytes)
    let router = buildRouter(dependencies, databaseDescription: configuration.databaseDescription)
    var app = Application(
        router: router,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "thidua"),
        services: services,
        logger: logger)
    app.addServices(client)
    let migrate = configuration.migrate
    app.beforeServerStarts {
        let migrator = Migrator(client: client, logger: logger)
        if migrate {
            try await migrator.apply()
        } else {
            try await migrator.requireUpToDate()
        }
    }
    return app
}

/// The routes: `/health` in the open, everything under `/v1` behind a bearer token.
public func buildRouter(_ dependencies: AppDependencies, databaseDescription: String) -> Router<AppRequestContext> {
    let router = Router(context: AppRequestContext.self)
    router.add(middleware: ProblemMiddleware())
    router.add(middleware: LogRequestsMiddleware(.info))
    router.add(middleware: AuthenticationMiddleware(accounts: dependencies.accounts))
    HealthController(client: dependencies.client, databaseDescription: databaseDescription).addRoutes(to: router)
    router.get("openapi.yaml") { _, _ in
        Response(
            status: .ok, headers: [.contentType: "application/yaml; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: OpenAPIDocument.yaml)))
    }
    let v1 = router.group("v1", context: AuthenticatedContext.self)
    v1.add(
        middleware: IdempotencyMiddleware(keys: IdempotencyKeys(client: dependencies.client), maxBodyBytes: dependencies.maxEvidenceBytes))
    MeController().addRoutes(to: v1)
    UnitController(units: dependencies.units).addRoutes(to: v1)
    PersonController(people: dependencies.people).addRoutes(to: v1)
    let client = dependencies.client
    DocumentController(documents: DocumentRepository(client: client)).addRoutes(to: v1)
    MovementController(movements: MovementRepository(client: client)).addRoutes(to: v1)
    ModelController(models: ModelRepository(client: client), reviews: ReviewRepository(client: client)).addRoutes(to: v1)
    EvidenceController(
        evidence: EvidenceRepository(client: client), models: ModelRepository(client: client), maxBytes: dependencies.maxEvidenceBytes
    )
    .addRoutes(to: v1)
    NominationController(
        nominations: NominationRepository(client: client), reviews: ReviewRepository(client: client),
        eligibility: EligibilityRepository(client: client)
    )
    .addRoutes(to: v1)
    LawController(catalogue: CatalogueRepository(client: client), eligibility: EligibilityRepository(client: client)).addRoutes(to: v1)
    DecisionController(nominations: NominationRepository(client: client)).addRoutes(to: v1)
    CommendationController(commendations: CommendationRepository(client: client)).addRoutes(to: v1)
    AuditController(audit: AuditLog(client: client)).addRoutes(to: v1)
    ReportController(
        honorList: HonorListRepository(client: client), units: UnitRepository(client: client),
        decisions: DecisionRepository(client: client),
        movements: MovementReportRepository(client: client), summaries: SummaryRepository(client: client)
    )
    .addRoutes(to: v1)
    return router
}
