import Hummingbird
import ThiduaCore
import ThiduaStore

// Nominations (đề nghị) and their reviews on the wire.

extension NominationController {
    struct CreateRequest: Decodable {
        let movementId: String?
        let award: String?
        let nominee: OwnerRequest?
        let achievements: String?
        let modelIds: [String]?
        let kind: String?
    }

    struct PatchRequest: Decodable {
        let award: String?
        let achievements: String?
        let modelIds: [String]?
        let kind: String?
    }

    struct RecommendationRequest: Decodable {
        let recommended: Bool?
    }

    /// Within the unit's authority: the decision's number and date. Above it: the submission's (tờ trình).
    struct ApprovalRequest: Decodable {
        let decisionNumber: String?
        let decisionDate: String?
        let submissionNumber: String?
        let submissionDate: String?
        /// Whom the tờ trình is addressed to (Kính gửi); absent: the authority that grants the award.
        let addressee: String?
        let signedAs: String?
        let recipients: [String]?
    }

    struct ExternalDecisionRequest: Decodable {
        let issuer: String?
        let decisionNumber: String?
        let decisionDate: String?
    }

    struct OverrideRequest: Decodable {
        let rule: String?
        let reason: String?
    }

    struct RecusalRequest: Decodable {
        let accountId: String?
        let reason: String?
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
    /// regular (thường xuyên), thematic (chuyên đề) or exceptional (đột xuất).
    let kind: String
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
        self.kind = nomination.kind.rawValue
        self.version = nomination.version
    }
}

/// `GET|POST …/reviews`: the tally and the reviews the viewer may see (a Store value, sent as it is).
extension ReviewRepository.Summary: ResponseEncodable {}
