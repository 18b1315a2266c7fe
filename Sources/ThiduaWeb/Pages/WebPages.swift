import Foundation
import Hummingbird
import ThiduaCore
import ThiduaStore

/// The web app: server-rendered pages at `/` beside the API at `/v1`, signed in with a session cookie. It uses the
/// same repositories and Core rules as the API; no SQL and no rule lives here.
public struct WebPages<Context: WebRequestContext>: Sendable {
    let signIn: SignInRepository
    let movements: MovementRepository
    let workQueue: WorkQueueRepository
    let honorList: HonorListRepository
    let nominations: NominationRepository
    let reviews: ReviewRepository
    let decisions: DecisionRepository
    let people: PersonRepository
    let catalogue: CatalogueRepository
    let eligibility: EligibilityRepository
    let models: ModelInitiativeRepository
    let evidence: EvidenceRepository
    let units: UnitRepository
    let audit: AuditLog
    let documents: DocumentRepository
    let legalBases: UnitLegalBasesRepository
    let commendations: CommendationRepository
    let summaries: SummaryRepository
    let movementReports: MovementReportRepository
    let accounts: AccountRepository
    let documentSettings: DocumentSettingsRepository
    let registrations: RegistrationRepository
    let councils: CouncilRepository
    let submissions: SubmissionRepository
    let achievementReports: AchievementReportRepository
    let postings: PostingRepository
    let teamReviews: TeamReviewRepository
    let outsideCommendations: OutsideCommendationRepository
    let initiatives: InitiativeRepository
    let onceKeys: IdempotencyKeys
    let scopes: UnitScopes
    let renderer: Renderer
    /// The largest upload form read (the evidence limit of `serve`).
    let maxUploadBytes: Int
    /// Cookies get `Secure` when thidua is served over HTTPS (`serve --public-url https://…`).
    let secureCookies: Bool

    /// `reads`: where the reports read (a streaming replica's client with `serve --read-database-url`); `client` when nil.
    public init(client: DatabaseClient, reads: DatabaseClient? = nil, secureCookies: Bool, maxUploadBytes: Int = 20 * 1_048_576) throws {
        let reads = reads ?? client
        signIn = SignInRepository(client: client)
        movements = MovementRepository(client: client)
        workQueue = WorkQueueRepository(client: client)
        honorList = HonorListRepository(client: reads)
        nominations = NominationRepository(client: client)
        reviews = ReviewRepository(client: client)
        decisions = DecisionRepository(client: client)
        people = PersonRepository(client: client)
        catalogue = CatalogueRepository(client: client)
        eligibility = EligibilityRepository(client: client)
        models = ModelInitiativeRepository(client: client)
        evidence = EvidenceRepository(client: client)
        units = UnitRepository(client: client)
        audit = AuditLog(client: client)
        documents = DocumentRepository(client: client)
        legalBases = UnitLegalBasesRepository(client: client)
        commendations = CommendationRepository(client: client)
        summaries = SummaryRepository(client: reads)
        movementReports = MovementReportRepository(client: reads)
        accounts = AccountRepository(client: client)
        documentSettings = DocumentSettingsRepository(client: client)
        registrations = RegistrationRepository(client: client)
        submissions = SubmissionRepository(client: client)
        achievementReports = AchievementReportRepository(client: client)
        postings = PostingRepository(client: client)
        teamReviews = TeamReviewRepository(client: client)
        outsideCommendations = OutsideCommendationRepository(client: client)
        initiatives = InitiativeRepository(client: client)
        councils = CouncilRepository(client: client)
        onceKeys = IdempotencyKeys(client: client)
        scopes = UnitScopes(client: client)
        self.maxUploadBytes = maxUploadBytes
        renderer = try Renderer()
        self.secureCookies = secureCookies
    }

    public func addRoutes(to router: Router<Context>) {
        router.get("assets/:file") { _, context in try Self.asset(context.parameters.require("file")) }
        let pages = router.group().add(
            middleware: SessionMiddleware(
                signIn: signIn, scopes: scopes, errors: ErrorPages(renderer: renderer, maxUploadBytes: maxUploadBytes),
                once: FormOnce(keys: onceKeys),
                maxUploadBytes: maxUploadBytes))
        addSignInRoutes(to: pages)
        pages.get("/") { _, context in try await self.home(context: context) }
        pages.get("movements") { request, context in try await self.movementList(request: request, context: context) }
        pages.get("movements/new") { _, context in try await self.newMovement(context: context) }
        pages.post("movements") { request, context in try await self.createMovement(request: request, context: context) }
        pages.get("movements/:id") { request, context in try await self.movementPage(request: request, context: context) }
        pages.get("movements/:id/registrations") { request, context in try await self.registrationsPage(request: request, context: context)
        }
        pages.post("movements/:id/registrations") { request, context in try await self.fileRegistration(request: request, context: context)
        }
        pages.get("movements/:id/registrations/document") { request, context in
            try await self.registrationsDocument(request: request, context: context)
        }
        pages.post("registrations/:id/withdraw") { request, context in
            try await self.withdrawRegistration(request: request, context: context)
        }
        addCouncilRoutes(to: pages)
        pages.post("movements/:id/:step") { request, context in try await self.moveMovement(request: request, context: context) }
        pages.get("movements/:id/models/new") { request, context in try await self.newModel(request: request, context: context) }
        pages.post("movements/:id/models") { request, context in try await self.registerModel(request: request, context: context) }
        pages.get("models/:id") { _, context in try await self.modelPage(context: context) }
        pages.post("models/:id/evidence") { request, context in try await self.uploadEvidence(request: request, context: context) }
        pages.post("models/:id/notes") { request, context in try await self.addEvidenceText(request: request, context: context) }
        pages.post("models/:id/:step") { request, context in try await self.moveModel(request: request, context: context) }
        pages.get("evidence/:id") { _, context in try await self.evidenceFile(context: context) }
        pages.get("evidence/:id/retract") { _, context in try await self.retractEvidenceForm(context: context) }
        pages.post("evidence/:id/retract") { request, context in try await self.retractEvidence(request: request, context: context) }
        pages.get("audit") { request, context in try await self.auditPage(request: request, context: context) }
        pages.get("imports") { request, context in try await self.importPage(request: request, context: context) }
        pages.post("imports/preview") { request, context in try await self.previewImport(request: request, context: context) }
        pages.post("imports") { request, context in try await self.runImport(request: request, context: context) }
        pages.get("nominations/new") { request, context in try await self.newNomination(request: request, context: context) }
        pages.post("nominations") { request, context in try await self.createNomination(request: request, context: context) }
        pages.get("nominations/:id") { _, context in try await self.nominationPage(context: context) }
        pages.post("nominations/:id/submit") { request, context in
            try await self.moveNomination(to: .submitted, request: request, context: context)
        }
        pages.post("nominations/:id/withdraw") { request, context in
            try await self.moveNomination(to: .withdrawn, request: request, context: context)
        }
        pages.post("nominations/:id/decide/:step") { request, context in
            try await self.decideNomination(request: request, context: context)
        }
        pages.get("commendations/:id/revoke") { _, context in try await self.revokeForm(context: context) }
        pages.post("commendations/:id/revoke") { request, context in try await self.revokeCommendation(request: request, context: context) }
        pages.post("nominations/:id/answer") { request, context in try await self.answerNomination(request: request, context: context) }
        pages.post("nominations/:id/onward") { request, context in try await self.sendOnNomination(request: request, context: context) }
        pages.get("submissions/onward") { request, context in try await self.onwardBatchForm(request: request, context: context) }
        pages.post("submissions/onward") { request, context in try await self.sendOnSelected(request: request, context: context) }
        pages.get("nominations/:id/report") { request, context in try await self.achievementReportPage(request: request, context: context) }
        pages.post("nominations/:id/report") { request, context in
            try await self.saveAchievementReport(request: request, context: context)
        }
        pages.get("nominations/:id/report/document") { request, context in
            try await self.achievementReportDocument(request: request, context: context)
        }
        pages.get("movements/:id/posting") { request, context in try await self.postingPage(request: request, context: context) }
        pages.post("movements/:id/posting") { request, context in try await self.postList(request: request, context: context) }
        pages.post("movements/:id/posting/comments") { request, context in
            try await self.commentOnPosting(request: request, context: context)
        }
        pages.get("movements/:id/posting/notice") { request, context in try await self.postingNotice(request: request, context: context) }
        pages.get("initiatives") { request, context in try await self.initiativesPage(request: request, context: context) }
        pages.post("initiatives") { request, context in try await self.registerInitiative(request: request, context: context) }
        pages.get("initiatives/:id") { request, context in try await self.initiativePage(request: request, context: context) }
        pages.post("initiatives/:id/:step") { request, context in try await self.initiativeStep(request: request, context: context) }
        pages.get("outside-commendations") { request, context in
            try await self.outsideCommendationsPage(request: request, context: context)
        }
        pages.post("outside-commendations") { request, context in
            try await self.recordOutsideCommendation(request: request, context: context)
        }
        pages.get("movements/:id/team-review") { request, context in try await self.teamReviewPage(request: request, context: context) }
        pages.post("movements/:id/team-review") { request, context in try await self.recordTeamReview(request: request, context: context) }
        pages.get("movements/:id/team-review/minutes") { request, context in
            try await self.teamReviewMinutes(request: request, context: context)
        }
        pages.get("submissions/file") { request, context in try await self.submissionFile(request: request, context: context) }
        pages.get("commendations/:id/revocation") { request, context in
            try await self.revocationDocument(request: request, context: context)
        }
        pages.get("people") { request, context in try await self.peopleList(request: request, context: context) }
        pages.get("people/new") { _, context in try await self.newPerson(context: context) }
        pages.post("people") { request, context in try await self.savePerson(request: request, context: context) }
        pages.get("people/:id/edit") { _, context in try await self.editPerson(context: context) }
        pages.post("people/:id") { request, context in try await self.savePerson(request: request, context: context) }
        pages.get("units") { _, context in try await self.unitList(context: context) }
        pages.post("units") { request, context in try await self.createUnit(request: request, context: context) }
        pages.get("units/:id/edit") { _, context in try await self.editUnit(context: context) }
        pages.post("units/:id") { request, context in try await self.updateUnit(request: request, context: context) }
        pages.get("units/:id/documents") { request, context in try await self.documentSettingsPage(request: request, context: context) }
        pages.post("units/:id/documents") { request, context in
            try await self.saveDocumentSettings(request: request, context: context)
        }
        pages.post("units/:id/documents/bases") { request, context in try await self.saveLegalBases(request: request, context: context) }
        pages.get("catalogue") { _, context in try await self.cataloguePage(context: context) }
        pages.post("catalogue/base-salaries") { request, context in try await self.addSalary(request: request, context: context) }
        pages.get("catalogue/:code") { _, context in try await self.awardPage(context: context) }
        pages.post("catalogue/:code") { request, context in try await self.reviseAward(request: request, context: context) }
        pages.get("record") { _, context in try await self.ownRecord(context: context) }
        pages.get("people/:id/record") { _, context in try await self.personRecord(context: context) }
        pages.get("reviews") { _, context in try await self.reviewQueue(context: context) }
        pages.get("nominations/:id/review") { _, context in try await self.reviewPage(context: context) }
        pages.post("nominations/:id/review") { request, context in try await self.submitReview(request: request, context: context) }
        pages.get("decisions/new") { request, context in try await self.decisionForm(request: request, context: context) }
        pages.post("decisions/forward") { request, context in try await self.forwardSelected(request: request, context: context) }
        pages.post("decisions/preview") { request, context in try await self.previewDecision(request: request, context: context) }
        pages.post("decisions") { request, context in try await self.signDecision(request: request, context: context) }
        pages.get("decisions/signed") { request, context in try await self.signedDecision(request: request, context: context) }
        pages.get("decisions/document") { request, context in try await self.decisionDocument(request: request, context: context) }
        pages.get("decisions/rewards") { request, context in try await self.decisionRewards(request: request, context: context) }
        pages.get("reports/summary") { request, context in try await self.summaryPage(request: request, context: context) }
        pages.get("reports/summary/download") { request, context in try await self.summaryDownload(request: request, context: context) }
        pages.get("movements/:id/report") { request, context in try await self.movementReport(request: request, context: context) }
        pages.get("reports/honor-list") { request, context in try await self.honorListPage(request: request, context: context) }
        pages.get("reports/honor-list/download") { request, context in
            try await self.honorListDownload(request: request, context: context)
        }
    }

    /// The signed-in session (else a redirect to the sign-in page), whose roles allow `action` (else a 403 page that
    /// says so in plain words: Policy's own message names roles by their code, which a clerk does not read).
    func session(_ context: Context, allowedTo action: Policy.Action? = nil) throws -> SignInRepository.Session {
        guard let session = context.webSession else { throw SignInRequired() }
        if let action, !Policy.can(session.account, action) { throw WebError.forbidden }
        return session
    }

    /// The id in the path (`:id`); a malformed one is a page that does not exist.
    func pathID<Entity>(_ context: Context) throws -> ID<Entity> {
        guard let id = ID<Entity>(try context.parameters.require("id")) else { throw WebError.notFound }
        return id
    }

    static func asset(_ name: String) throws -> Response {
        guard let file = WebAssets.files[name] else { throw HTTPError(.notFound) }
        return Response(
            status: .ok, headers: [.contentType: file.type, .cacheControl: "public, max-age=3600"],
            body: .init(byteBuffer: ByteBuffer(bytes: file.bytes)))
    }
}

/// Thrown by a page that needs a signed-in person; answered with 303 to /login.
struct SignInRequired: Error {}
