import Hummingbird
import ThiduaCore

// The sáng kiến register on the wire (`/v1/initiatives`).

struct InitiativeRegisterRequest: Decodable {
    let personId: String?
    let title: String?
    let period: String?
    let registeredOn: String?
}

struct InitiativeApplicationRequest: Decodable {
    let description: String?
    let appliedOn: String?
}

struct InitiativeScoreRequest: Decodable {
    let score: Int?
    let passed: Bool?
    let scoredOn: String?
}

struct InitiativeRecognitionRequest: Decodable {
    let scope: String?
    let decisionNumber: String?
    let decisionDate: String?
    let issuer: String?
}

struct InitiativeResponse: ResponseEncodable, Sendable {
    struct Recognition: Encodable, Sendable {
        let scope: String
        let scopeName: String
        let decisionNumber: String
        let decisionDate: LocalDate
        let issuer: String
    }

    let id: ID<Initiative>
    let personId: ID<Person>
    let author: String
    let unit: String
    let title: String
    let period: String
    let registeredOn: LocalDate
    let status: String
    let description: String?
    let appliedOn: LocalDate?
    let score: Int?
    let passed: Bool?
    let scoredOn: LocalDate?
    /// The widest scope recognised so far (unit, district, province); null before the head's recognition.
    let scope: String?
    let recognitions: [Recognition]
    let version: Int

    init(_ initiative: Initiative) {
        id = initiative.id
        personId = initiative.personId
        author = initiative.authorName
        unit = initiative.unitName
        title = initiative.title
        period = initiative.period.label
        registeredOn = initiative.registeredOn
        status = initiative.status.rawValue
        description = initiative.description
        appliedOn = initiative.appliedOn
        score = initiative.score
        passed = initiative.passed
        scoredOn = initiative.scoredOn
        scope = initiative.scope?.rawValue
        recognitions = initiative.recognitions.map {
            Recognition(
                scope: $0.scope.rawValue, scopeName: $0.scope.vietnamese, decisionNumber: $0.decisionNumber,
                decisionDate: $0.decisionDate, issuer: $0.issuer)
        }
        version = initiative.version
    }
}
