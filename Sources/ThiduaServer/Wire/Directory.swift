import Hummingbird
import ThiduaCore

// The directory on the wire: units, people and the signed-in account.

extension UnitController {
    struct CreateRequest: Decodable {
        let code: String?
        let name: String?
        let kind: String?
        let parentId: String?
    }
}

extension PersonController {
    /// `POST /v1/people` and `PATCH /v1/people/{id}` (every field optional on a patch).
    struct CreateRequest: Decodable {
        let fullName: String?
        let familyName: String?
        let middleName: String?
        let givenName: String?
        let unitId: String?
        let position: String?
        let category: String?
        let code: String?
    }
}

struct UnitResponse: ResponseEncodable, Sendable {
    let id: ID<OrgUnit>
    let code: String
    let name: String
    let kind: String
    let parentId: ID<OrgUnit>?
    let version: Int

    init(_ unit: OrgUnit) {
        self.id = unit.id
        self.code = unit.code
        self.name = unit.name
        self.kind = unit.kind.rawValue
        self.parentId = unit.parentId
        self.version = unit.version
    }
}

struct PersonResponse: ResponseEncodable, Sendable {
    let id: ID<Person>
    let unitId: ID<OrgUnit>
    let code: String?
    let fullName: String
    let familyName: String
    let middleName: String
    let givenName: String
    let position: String
    let category: String
    let version: Int

    init(_ person: Person) {
        self.id = person.id
        self.unitId = person.unitId
        self.code = person.code
        self.fullName = person.name.full
        self.familyName = person.name.family
        self.middleName = person.name.middle
        self.givenName = person.name.given
        self.position = person.position
        self.category = person.category.rawValue
        self.version = person.version
    }
}

struct AccountResponse: ResponseEncodable, Sendable {
    let id: ID<Account>
    let displayName: String
    let roles: [String]
    /// Where each role applies: its unit and the units below (null: the whole registry).
    let grants: [GrantResponse]
    let personId: ID<Person>?

    init(_ account: Account) {
        self.id = account.id
        self.displayName = account.displayName
        self.roles = account.roles.sorted().map(\.rawValue)
        self.grants = account.grants.map { GrantResponse(role: $0.role.rawValue, unitId: $0.unit) }
        self.personId = account.personId
    }
}

struct GrantResponse: Codable, Sendable {
    let role: String
    let unitId: ID<OrgUnit>?
}
