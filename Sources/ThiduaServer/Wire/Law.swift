import Hummingbird
import ThiduaCore
import ThiduaStore

// The law as data on the wire: the award catalogue, base salaries, settings, unit policies and lifetime records.

extension LawController {
    struct RuleRequest: Decodable {
        let effectiveFrom: String?
        let coefficient: String?
        let collectiveFactor: Int?
        let authorityLevel: String?
        let voteThreshold: VoteThresholdRequest?
        let eligibility: [String]?
        let citation: String?
        let verified: Bool?
        /// Money as a fixed amount (the union's, the sector's awards); left out: the previous rule's.
        let fixedAmount: Int?
        let reason: String?
    }

    struct VoteThresholdRequest: Decodable {
        let numerator: Int?
        let denominator: Int?
        let base: String?
    }

    struct SalaryRequest: Decodable {
        let amount: Int?
        let effectiveFrom: String?
        let citation: String?
    }

    struct SettingsRequest: Decodable {
        let rewardRounding: String?
        let reason: String?
    }

    struct AwardResponse: ResponseEncodable, Sendable {
        let code: String
        let name: String
        let recipient: String
        let kind: String
        let precedence: Int
        let citation: String
        let verified: Bool
        /// state, union or sector; a non-state award's body as its decisions print it, and whether it is given for
        /// years of service (niên hạn).
        let issuer: String
        let issuerName: String
        let forService: Bool
        /// The rule in force today.
        let current: AwardRule?
        let rules: [AwardRule]

        init(_ award: Award) {
            self.code = award.code
            self.name = award.name
            self.recipient = award.recipient.rawValue
            self.kind = award.kind
            self.precedence = award.precedence
            self.citation = award.citation
            self.verified = award.verified && (award.rule(on: .today)?.verified ?? true)
            self.issuer = award.issuer.rawValue
            self.issuerName = award.issuerName
            self.forService = award.forService
            self.current = award.rule(on: .today)
            self.rules = award.rules
        }
    }

    struct SettingsResponse: ResponseEncodable, Sendable {
        let rewardRounding: RewardRounding
        let roundingUnit: Int
    }
}

extension UnitController {
    struct PolicyRequest: Decodable {
        let authorityLevel: String?
        let caps: [CapRequest]?
        /// Changes to the awards the unit's head signs: `{"award":"TTLDTT","grants":true}`; `grants` null follows the level.
        let grants: [GrantRequest]?
        /// "school_year", "calendar_year" or "by_kind"; left out: kept.
        let titlePeriodKind: String?
        let reason: String?
    }

    struct GrantRequest: Decodable {
        let award: String?
        let grants: Bool?
    }

    struct CapRequest: Decodable {
        let award: String?
        let ofAward: String?
        let percent: String?
        let enabled: Bool?
    }
}

// Core values that are themselves the contract, sent as they are. Each declares its CodingKeys, so renaming a Swift
// property cannot change the API unnoticed.
extension RewardQuote: ResponseEncodable {}
extension UnitPolicy: ResponseEncodable {}

extension UnitController {
    /// `PUT /v1/units/{id}/document-settings`: the whole set; a field left out keeps its current value.
    struct LegalBasesRequest: Decodable {
        let documentIds: [String]?
    }

    struct DocumentSettingsRequest: Decodable {
        let managingAgency: String?
        let place: String?
        let signerPosition: String?
        let recipients: [String]?
        let fund: String?
        let wordsStyle: String?
    }
}

extension DocumentSettings: ResponseEncodable {}
extension LifetimeRecord: ResponseEncodable {}
extension EligibilityReport: ResponseEncodable {}
extension BaseSalary: ResponseEncodable {}
