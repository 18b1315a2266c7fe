import Foundation
import Hummingbird
import ThiduaCore
import ThiduaStore

struct DocumentResponse: ResponseEncodable, Sendable {
    let id: ID<LegalDocument>
    let number: String
    let date: LocalDate
    let issuer: String
    let title: String
    let version: Int

    init(_ document: LegalDocument) {
        (id, number, date, issuer, title, version) = (
            document.id, document.number, document.date, document.issuer, document.title, document.version
        )
    }
}

struct MovementResponse: ResponseEncodable, Sendable {
    let id: ID<Movement>
    let name: String
    let unitId: ID<OrgUnit>
    let period: String
    let periodKind: String
    let startsOn: LocalDate
    let endsOn: LocalDate
    let registrationDeadline: LocalDate?
    let nominationDeadline: LocalDate?
    let status: String
    let legalBases: [ID<LegalDocument>]
    let criteria: [Criterion]
    let version: Int

    init(_ movement: Movement) {
        self.id = movement.id
        self.name = movement.name
        self.unitId = movement.unitId
        self.period = movement.period.label
        self.periodKind = movement.period.kind.rawValue
        self.startsOn = movement.period.startsOn
        self.endsOn = movement.period.endsOn
        self.registrationDeadline = movement.registrationDeadline
        self.nominationDeadline = movement.nominationDeadline
        self.status = movement.status.rawValue
        self.legalBases = movement.legalBases
        self.criteria = movement.criteria
        self.version = movement.version
    }
}

/// A person or a collective, as JSON: `{"personId": …}` or `{"unitId": …}`.
struct OwnerResponse: Codable, Sendable {
    let personId: ID<Person>?
    let unitId: ID<OrgUnit>?

    init(_ owner: Owner) {
        self.personId = owner.personId
        self.unitId = owner.unitId
    }
}

struct ModelResponse: ResponseEncodable, Sendable {
    let id: ID<ModelInitiative>
    let movementId: ID<Movement>
    let title: String
    let field: String
    let owner: OwnerResponse
    let goals: String
    let startsOn: LocalDate
    let endsOn: LocalDate
    let status: String
    let recognition: ModelInitiative.Recognition?
    let version: Int

    init(_ model: ModelInitiative) {
        self.id = model.id
        self.movementId = model.movementId
        self.title = model.title
        self.field = model.field
        self.owner = OwnerResponse(model.owner)
        self.goals = model.goals
        self.startsOn = model.startsOn
        self.endsOn = model.endsOn
        self.status = model.status.rawValue
        self.recognition = model.recognition
        self.version = model.version
    }
}

struct NominationResponse: ResponseEncodable, Sendable {
    let id: ID<Nomination>
    let movementId: ID<Movement>
    let award: String
    let nominee: OwnerResponse
    let achievements: String
    let modelIds: [ID<ModelInitiative>]
    let status: String
    let returnReason: String?
    let declineReason: String?
    /// The submission (tờ trình) to the higher authority, once forwarded.
    let submission: Submission?
    let version: Int

    init(_ nomination: Nomination) {
        self.id = nomination.id
        self.movementId = nomination.movementId
        self.award = nomination.awardCode
        self.nominee = OwnerResponse(nomination.nominee)
        self.achievements = nomination.achievements
        self.modelIds = nomination.modelIds
        self.status = nomination.status.rawValue
        self.returnReason = nomination.returnReason
        self.declineReason = nomination.declineReason
        self.submission = nomination.submission
        self.version = nomination.version
    }
}

struct CommendationResponse: ResponseEncodable, Sendable {
    let id: ID<Commendation>
    let nominationId: ID<Nomination>
    let award: String
    let movementId: ID<Movement>
    let nominee: OwnerResponse
    let decisionNumber: String
    let decisionDate: LocalDate
    let signer: String
    let revoked: Bool
    let revocation: Commendation.Revocation?
    /// The authority that issued the decision, when it is not the unit (a forwarded nomination).
    let issuer: String?
    /// "0.3": a decimal string, exact.
    let coefficient: Coefficient?
    let collectiveFactor: Int?
    /// Integers in đồng.
    let baseSalary: Int?
    let rewardAmount: Int?
    /// A commendation never changes; recording its revocation is its only later event.
    let version: Int

    init(_ commendation: Commendation) {
        self.id = commendation.id
        self.nominationId = commendation.nominationId
        self.award = commendation.awardCode
        self.movementId = commendation.movementId
        self.nominee = OwnerResponse(commendation.nominee)
        self.decisionNumber = commendation.decisionNumber
        self.decisionDate = commendation.decisionDate
        self.signer = commendation.signerName
        self.revoked = commendation.revocation != nil
        self.revocation = commendation.revocation
        self.issuer = commendation.issuer
        self.coefficient = commendation.money?.coefficient
        self.collectiveFactor = commendation.money?.collectiveFactor
        self.baseSalary = commendation.money?.baseSalary
        self.rewardAmount = commendation.money?.rewardAmount
        self.version = commendation.revocation == nil ? 1 : 2
    }
}

extension EvidenceRepository.Item: ResponseEncodable {}
extension ReviewRepository.Summary: ResponseEncodable {}

/// `{"reason": "…"}`, for declines, returns and retractions.
struct ReasonRequest: Decodable {
    let reason: String?
}

extension AuthenticatedContext {
    /// For an account that only holds the staff role: the person whose records it may read; nil for everyone else.
    /// A staff account that is linked to no person sees nothing.
    var onlyConcerning: ID<Person>?? {
        Policy.can(account, .readRegistry) ? .none : .some(account.personId)
    }
}

/// A versioned resource with its ETag.
func versioned<T: ResponseEncodable>(_ body: T, version: Int, status: HTTPResponse.Status = .ok, location: String? = nil) -> EditedResponse<
    T
> {
    var headers: HTTPFields = [.eTag: etag(version)]
    if let location { headers[.location] = location }
    return EditedResponse(status: status, headers: headers, response: body)
}

/// Parses an id from the body; a bad one is a field error, not a 404.
func bodyID<Entity>(_ text: String?, _ entity: Entity.Type, field: String) throws(DomainError) -> ID<Entity> {
    guard let text, let id = ID<Entity>(text) else {
        throw DomainError.validation([.init(field: field, message: "\(field) phải là mã UUID.")])
    }
    return id
}

/// `?status=` parsed against a workflow; unknown values are a field error naming the allowed ones.
func statusFilter<S: WorkflowStatus>(_ request: Request, _ type: S.Type) throws(DomainError) -> S? {
    guard let text = request.uri.queryParameters.get("status") else { return nil }
    guard let status = S(rawValue: text) else {
        throw DomainError.validation([
            .init(field: "status", message: "status phải là một trong: \(S.allCases.map(\.rawValue).joined(separator: ", ")).")
        ])
    }
    return status
}
