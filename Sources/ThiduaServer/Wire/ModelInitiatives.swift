import Hummingbird
import ThiduaCore
import ThiduaStore

// Model initiatives (mô hình) on the wire. The route keeps its short name: `/v1/models`.

extension ModelInitiativeController {
    struct CreateRequest: Decodable {
        let title: String?
        let field: String?
        let owner: OwnerRequest?
        let goals: String?
        let startsOn: String?
        let endsOn: String?
    }

    struct PatchRequest: Decodable {
        let title: String?
        let field: String?
        let goals: String?
    }

    struct TransitionRequest: Decodable {
        let status: String?
        let recognition: RecognitionRequest?
    }

    struct RecognitionRequest: Decodable {
        let level: String?
        let decisionNumber: String?
        let decisionDate: String?
    }
}

struct ModelInitiativeResponse: ResponseEncodable, Sendable {
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
