import Hummingbird
import ThiduaCore
import ThiduaStore

/// `/v1/accounts/{id}/grants`: an admin grants a role on a unit (it applies there and below) or revokes it. An admin of a
/// school grants inside the school only: the database refuses a grant above the admin's own units (sql/0037).
struct GrantController {
    let accounts: AccountRepository
    let units: UnitRepository

    func addRoutes(to group: RouterGroup<AuthenticatedContext>) {
        group.post("accounts/{id}/grants", use: grant)
        group.delete("accounts/{id}/grants/{role}", use: revoke)
    }

    struct GrantRequest: Decodable {
        let role: String?
        /// The unit's code; none: the top unit.
        let unit: String?
    }

    @Sendable func grant(_ request: Request, context: AuthenticatedContext) async throws -> AccountResponse {
        try Policy.require(context.account, .managePeople)
        let body = try await request.decode(as: GrantRequest.self, context: context)
        let role = try Self.role(body.role)
        let unit = try await unit(body.unit, context)
        let account = try context.parameters.id("id", of: Account.self, what: "tài khoản")
        return AccountResponse(try await accounts.grant(role, on: unit, to: account, by: context.actor, logger: context.logger))
    }

    /// `?unit=CODE` names the unit the role is revoked on (none: the top unit).
    @Sendable func revoke(_ request: Request, context: AuthenticatedContext) async throws -> AccountResponse {
        try Policy.require(context.account, .managePeople)
        let role = try Self.role(context.parameters.get("role"))
        let unit = try await unit(request.uri.queryParameters.get("unit"), context)
        let account = try context.parameters.id("id", of: Account.self, what: "tài khoản")
        return AccountResponse(try await accounts.revoke(role, on: unit, from: account, by: context.actor, logger: context.logger))
    }

    static func role(_ text: String?) throws(DomainError) -> Role {
        try FieldParsing.choice(
            text, Role.self, field: "role", message: "Vai trò phải là admin, headmaster, council, union, staff hoặc team_lead.")
    }

    /// The unit named by its code; none: the top unit.
    private func unit(_ code: String?, _ context: AuthenticatedContext) async throws -> ID<OrgUnit>? {
        try await code.asyncMap { try await units.find(code: $0, logger: context.logger).id }
    }
}
