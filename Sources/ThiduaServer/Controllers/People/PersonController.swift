import Foundation
import Hummingbird
import ThiduaCore
import ThiduaStore

/// `/v1/people`: staff, listed in Vietnamese name order, searchable with or without diacritics, and each person's
/// lifetime record.
struct PersonController {
    let people: PersonRepository
    let eligibility: EligibilityRepository

    func addRoutes(to group: RouterGroup<AuthenticatedContext>) {
        group.get("people", use: list)
        group.post("people", use: create)
        group.get("people/{id}", use: get)
        group.patch("people/{id}", use: update)
        group.get("people/{id}/record", use: record)
    }

    @Sendable func list(_ request: Request, context: AuthenticatedContext) async throws -> ListResponse<PersonResponse> {
        try Policy.require(context.account, .readDirectory)
        let query = request.uri.queryParameters.get("q").map(VietnameseText.normalized).flatMap { $0.isEmpty ? nil : $0 }
        let unitId = try FieldParsing.optionalID(request.uri.queryParameters.get("unitId"), OrgUnit.self, field: "unitId")
        let scope = Policy.units(for: .readDirectory, context.account)
        let page = try await people.list(
            .init(query: query, unitId: unitId, units: scope), page: try request.pageRequest(), logger: context.logger)
        return ListResponse(items: page.items.map(PersonResponse.init), nextCursor: page.nextCursor)
    }

    @Sendable func get(_ request: Request, context: AuthenticatedContext) async throws -> EditedResponse<PersonResponse> {
        try Policy.require(context.account, .readDirectory)
        let person = try await people.find(try context.parameters.id("id", of: Person.self, what: Person.noun), logger: context.logger)
        return EditedResponse(headers: [.eTag: etag(person.version)], response: PersonResponse(person))
    }

    @Sendable func create(_ request: Request, context: AuthenticatedContext) async throws -> EditedResponse<PersonResponse> {
        try Policy.require(context.account, .managePeople)
        let body = try await request.decode(as: CreateRequest.self, context: context)
        let result = PersonDraft.validate(
            fullName: body.fullName, familyName: body.familyName, middleName: body.middleName, givenName: body.givenName,
            position: body.position, category: body.category, code: body.code)
        let unitId = body.unitId.flatMap { ID<OrgUnit>($0) }
        guard case .success(let draft) = result, let unitId else {
            // Report every field at fault at once, the unit included.
            var violations = result.failure?.violations ?? []
            if unitId == nil { violations.append(.init(field: "unitId", message: "Cần unitId là mã UUID của đơn vị.")) }
            throw DomainError.validation(violations)
        }
        let person = try await people.create(draft, unitId: unitId, by: context.actor, logger: context.logger)
        return EditedResponse(
            status: .created, headers: [.location: "/v1/people/\(person.id)", .eTag: etag(person.version)], response: PersonResponse(person)
        )
    }

    @Sendable func update(_ request: Request, context: AuthenticatedContext) async throws -> EditedResponse<PersonResponse> {
        try Policy.require(context.account, .managePeople)
        let id = try context.parameters.id("id", of: Person.self, what: Person.noun)
        let body = try await request.decode(as: CreateRequest.self, context: context)
        let unitId = try FieldParsing.optionalID(body.unitId, OrgUnit.self, field: "unitId")
        let patch = PersonPatch(
            fullName: body.fullName, familyName: body.familyName, middleName: body.middleName, givenName: body.givenName,
            position: body.position, category: body.category, code: body.code)
        let person = try await people.update(
            id, patch, unitId: unitId, expectedVersion: try request.expectedVersion(), by: context.actor, logger: context.logger)
        return EditedResponse(headers: [.eTag: etag(person.version)], response: PersonResponse(person))
    }

    /// A person's lifetime record (ratings, titles, disciplines, commendations): the registry roles read anyone's,
    /// a staff account only its own person's — anyone else's is "not found".
    @Sendable func record(_ request: Request, context: AuthenticatedContext) async throws -> LifetimeRecord {
        let person = try context.parameters.id("id", of: Person.self, what: Person.noun)
        try Policy.requireRead(.person(person), as: context.account, what: Person.noun)
        return try await eligibility.record(of: .person(person), logger: context.logger)
    }
}

extension Result {
    var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
