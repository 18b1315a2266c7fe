import Foundation
import Hummingbird
import ThiduaCore
import ThiduaExport
import ThiduaStore

/// `/v1/movements/{id}/registrations` and `/v1/registrations/{id}`: đăng ký thi đua. The union and admins file for anyone,
/// a person for themselves; the registry roles read the whole list, a staff account its own line.
struct RegistrationController {
    let registrations: RegistrationRepository

    func addRoutes(to group: RouterGroup<AuthenticatedContext>) {
        group.get("movements/{id}/registrations", use: list)
        group.post("movements/{id}/registrations", use: register)
        group.get("movements/{id}/registrations/document", use: document)
        group.get("registrations/{id}", use: get)
        group.post("registrations/{id}/withdraw", use: withdraw)
    }

    @Sendable func list(_ request: Request, context: AuthenticatedContext) async throws -> ListResponse<RegistrationResponse> {
        let movement = try context.parameters.id("id", of: Movement.self, what: Movement.noun)
        let all = try await registrations.list(movement: movement, logger: context.logger)
        return ListResponse(
            items: all.filter { Policy.canRead($0.nominee, as: context.account) }.map(RegistrationResponse.init), nextCursor: nil)
    }

    @Sendable func register(_ request: Request, context: AuthenticatedContext) async throws -> EditedResponse<RegistrationResponse> {
        let movement = try context.parameters.id("id", of: Movement.self, what: Movement.noun)
        let body = try await request.decode(as: CreateRequest.self, context: context)
        let draft = try RegistrationDraft.validate(
            personId: body.nominee?.personId, unitId: body.nominee?.unitId, title: body.title, award: body.award,
            initiative: body.initiative, registeredOn: body.registeredOn)
        try Policy.requireRegister(draft.nominee, as: context.account)
        let registration = try await registrations.register(draft, in: movement, by: context.actor, logger: context.logger)
        return EditedResponse(
            status: .created, headers: [.location: "/v1/registrations/\(registration.id)"],
            response: RegistrationResponse(registration))
    }

    @Sendable func get(_ request: Request, context: AuthenticatedContext) async throws -> RegistrationResponse {
        let registration = try await registrations.find(try id(context), logger: context.logger)
        try Policy.requireRead(registration.nominee, as: context.account, what: Registration.noun)
        return RegistrationResponse(registration)
    }

    @Sendable func withdraw(_ request: Request, context: AuthenticatedContext) async throws -> RegistrationResponse {
        let id = try id(context)
        let registration = try await registrations.find(id, logger: context.logger)
        try Policy.requireRead(registration.nominee, as: context.account, what: Registration.noun)
        try Policy.requireRegister(registration.nominee, as: context.account)
        return RegistrationResponse(try await registrations.withdraw(id, by: context.actor, logger: context.logger))
    }

    /// `?format=html|md|xlsx|docx&date=YYYY-MM-DD`: the list for Phòng GD&ĐT (the date printed defaults to today).
    @Sendable func document(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        try Policy.require(context.account, .readRegistry)
        let movement = try context.parameters.id("id", of: Movement.self, what: Movement.noun)
        let format = try FieldParsing.choice(
            request.uri.queryParameters.get("format") ?? "html", RegistrationListFormat.self, field: "format",
            message: "format phải là html, md, xlsx hoặc docx.")
        let dated = try FieldParsing.optionalDate(request.uri.queryParameters.get("date"), field: "date") ?? .today
        let list = try await registrations.document(movement: movement, dated: dated, logger: context.logger)
        return Response(
            status: .ok, headers: [.contentType: format.contentType],
            body: .init(byteBuffer: ByteBuffer(bytes: try format.render(list))))
    }

    private func id(_ context: AuthenticatedContext) throws -> ID<Registration> {
        try context.parameters.id("id", of: Registration.self, what: Registration.noun)
    }
}

extension RegistrationController {
    struct CreateRequest: Decodable {
        let nominee: OwnerRequest?
        let title: String?
        let award: String?
        let initiative: String?
        let registeredOn: String?
    }
}

struct RegistrationResponse: ResponseEncodable, Sendable {
    let id: ID<Registration>
    let movementId: ID<Movement>
    let nominee: OwnerResponse
    let nomineeName: String
    let unit: String
    let title: String
    let titleName: String
    let award: String?
    let awardName: String?
    let initiative: String?
    let registeredOn: LocalDate

    init(_ registration: Registration) {
        id = registration.id
        movementId = registration.movementId
        nominee = OwnerResponse(registration.nominee)
        nomineeName = registration.nomineeName
        unit = registration.unitName
        title = registration.titleCode
        titleName = registration.titleName
        award = registration.awardCode
        awardName = registration.awardName
        initiative = registration.initiativeTitle
        registeredOn = registration.registeredOn
    }
}
