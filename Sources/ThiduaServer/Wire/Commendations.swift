import Hummingbird
import ThiduaCore
import ThiduaStore

// Commendations (khen thưởng) and batch decisions on the wire.

extension CommendationController {
    struct RevokeRequest: Decodable {
        let reason: String?
        let decisionNumber: String?
        /// YYYY-MM-DD; left out: today.
        let decisionDate: String?
    }
}

extension DecisionController {
    struct CreateRequest: Decodable {
        let number: String?
        let date: String?
        let nominationIds: [String]?
        let signedAs: String?
        let recipients: [String]?
    }

    /// `POST /v1/decisions`: each nomination's outcome, or the dry run's.
    struct DecisionResponse: ResponseEncodable {
        let number: String
        let date: LocalDate
        let dryRun: Bool
        let count: Int
        let outcome: String
        let items: [NominationRepository.DecisionOutcome]
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
