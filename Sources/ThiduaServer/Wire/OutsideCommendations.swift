import Hummingbird
import ThiduaCore

// The union's and the sector's commendations on the wire (`/v1/outside-commendations`).

extension OutsideCommendationController {
    struct RecordRequest: Decodable {
        let nominee: OwnerRequest?
        let award: String?
        let period: String?
        let decisionNumber: String?
        let decisionDate: String?
        let issuer: String?
        let kind: String?
    }
}

struct OutsideCommendationResponse: ResponseEncodable, Sendable {
    let id: ID<OutsideCommendation>
    let nominee: OwnerResponse
    let nomineeName: String
    let unit: String
    let award: String
    let awardName: String
    /// union or sector
    let issuerKind: String
    let issuer: String
    let period: String
    let kind: String
    let decisionNumber: String
    let decisionDate: LocalDate
    let rewardAmount: Int

    init(_ recorded: OutsideCommendation) {
        id = recorded.id
        nominee = OwnerResponse(recorded.nominee)
        nomineeName = recorded.nomineeName
        unit = recorded.unitName
        award = recorded.awardCode
        awardName = recorded.awardName
        issuerKind = recorded.issuer.rawValue
        issuer = recorded.issuerName
        period = recorded.period.label
        kind = recorded.kind.rawValue
        decisionNumber = recorded.decisionNumber
        decisionDate = recorded.decisionDate
        rewardAmount = recorded.rewardAmount
    }
}
