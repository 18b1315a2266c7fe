import Foundation
import Hummingbird
import ThiduaCore
import ThiduaStore

/// `/v1/units`: the unit tree. Everyone signed in reads it; admins add to it.
struct UnitController {
    let units: UnitRepository

    struct CreateRequest: Decodable {
        let code: String?
        let name: String?
        let kind: String?
        let parentId: String?
    }

    func addRoutes(to group: RouterGroup<AuthenticatedContext>) {
        group.get("units", use: list)
        group.post("units", use: create)
        group.get("units/{id}", use: get)
    }

    @Sendable func list(_ request: Request, context: AuthenticatedContext) async throws -> ListResponse<UnitResponse> {
        try Policy.require(context.account, .readDirectory)
        let page = try await units.list(try request.pageRequest(), logger: context.logger)
        return ListResponse(items: page.items.map(UnitResponse.init), nextCursor: page.nextCursor)
    }

    @Sendable func get(_ request: Request, context: AuthenticatedContext) async throws -> EditedResponse<UnitResponse> {
        try Policy.require(context.account, .readDirectory)
        let unit = try await units.find(try context.parameters.id("id", of: OrgUnit.self, what: "đơn vị"), logger: context.logger)
        return EditedResponse(headers: [.eTag: etag(unit.version)], response: UnitResponse(unit))
    }

    @Sendable func create(_ request: Request, context: AuthenticatedContext) async throws -> EditedResponse<UnitResponse> {
        try Policy.require(context.account, .manageUnits)
        let body = try await request.decodeJSON(as: CreateRequest.self, context: context)
        let draft = try UnitDraft.validate(code: body.code, name: body.name, kind: body.kind).get()
        var parentId: ID<OrgUnit>?
        if let text = body.parentId {
            guard let id = ID<OrgUnit>(text) else {
                throw DomainError.validation([.init(field: "parentId", message: "parentId phải là mã UUID của một đơn vị.")])
            }
            parentId = id
        }
        let unit = try await units.create(draft, parentId: parentId, by: context.actor, logger: context.logger)
        return EditedResponse(
            status: .created, headers: [.location: "/v1/units/\(unit.id)", .eTag: etag(unit.version)], response: UnitResponse(unit))
    }
}
