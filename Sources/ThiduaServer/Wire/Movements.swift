import Hummingbird
import ThiduaCore
import ThiduaStore

// Movements and the legal documents they cite, on the wire.

extension DocumentController {
    struct CreateRequest: Decodable {
        let number: String?
        let date: String?
        let issuer: String?
        let title: String?
        let kind: String?
    }
}

extension MovementController {
    struct CriterionRequest: Decodable {
        let code: String?
        let title: String?
        let maxPoints: Int?
    }

    struct CreateRequest: Decodable {
        let name: String?
        let unitId: String?
        let period: String?
        let registrationDeadline: String?
        let nominationDeadline: String?
        let legalBases: [String]?
        let criteria: [CriterionRequest]?
    }

    struct PatchRequest: Decodable {
        let name: String?
        let registrationDeadline: String?
        let nominationDeadline: String?
    }
}

struct DocumentResponse: ResponseEncodable, Sendable {
    let id: ID<LegalDocument>
    let number: String
    let date: LocalDate
    let issuer: String
    let title: String
    /// QH, NĐ, TT, QĐ, KH…; null for a document entered before kinds were stored.
    let kind: String?
    let version: Int

    init(_ document: LegalDocument) {
        (id, number, date, issuer, title, kind, version) = (
            document.id, document.number, document.date, document.issuer, document.title, document.kind?.rawValue, document.version
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
