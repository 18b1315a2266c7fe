import Foundation
import Hummingbird
import ThiduaCore
import ThiduaExport
import ThiduaStore

/// `/v1/movements/{id}/team-reviews`: a tổ's bình xét, recorded by its tổ trưởng (or an admin), and its biên bản.
struct TeamReviewController {
    let reviews: TeamReviewRepository
    let accounts: AccountRepository

    func addRoutes(to group: RouterGroup<AuthenticatedContext>) {
        group.post("movements/{id}/team-reviews", use: record)
        group.get("movements/{id}/team-reviews/{unit}", use: get)
        group.get("movements/{id}/team-reviews/{unit}/minutes", use: minutes)
    }

    @Sendable func record(_ request: Request, context: AuthenticatedContext) async throws -> EditedResponse<TeamReviewResponse> {
        try Policy.require(context.account, .recordTeamReview)
        let movement = try context.parameters.id("id", of: Movement.self, what: Movement.noun)
        let body = try await request.decode(as: RecordRequest.self, context: context)
        let unit = try FieldParsing.id(body.unitId ?? "", OrgUnit.self, field: "unitId")
        let scope = try await accounts.scope(of: context.account.id, logger: context.logger)
        try Policy.requireTeamReview(of: unit, as: context.account, scope: scope)
        let minutes = try await reviews.record(
            movement: movement, unit: unit, heldOn: body.heldOn, startsAt: body.startsAt, endsAt: body.endsAt, place: body.place,
            chairId: body.chairId, secretaryId: body.secretaryId,
            absences: (body.absences ?? []).map { ($0.personId ?? "", $0.reason ?? "") },
            votes: (body.votes ?? []).map { ($0.personId ?? "", $0.title ?? "", $0.agree) }, by: context.actor, logger: context.logger)
        return EditedResponse(
            status: .created, headers: [.location: "/v1/movements/\(movement)/team-reviews/\(unit)"],
            response: TeamReviewResponse(minutes, unit: unit))
    }

    @Sendable func get(_ request: Request, context: AuthenticatedContext) async throws -> TeamReviewResponse {
        let (movement, unit) = try await readable(context)
        return TeamReviewResponse(try await reviews.minutes(movement: movement, unit: unit, logger: context.logger), unit: unit)
    }

    /// `?format=html|md|docx`: the biên bản bình xét of the tổ.
    @Sendable func minutes(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let (movement, unit) = try await readable(context)
        let format = try FieldParsing.choice(
            request.uri.queryParameters.get("format") ?? "html", TeamReviewMinutesFormat.self, field: "format",
            message: "format phải là html, md hoặc docx.")
        let minutes = try await reviews.minutes(movement: movement, unit: unit, logger: context.logger)
        return Response(
            status: .ok, headers: [.contentType: format.contentType],
            body: .init(byteBuffer: ByteBuffer(bytes: try format.render(minutes))))
    }

    /// The movement and tổ of the path, once the account may read that tổ's review (`Policy.requireReadTeamReview`).
    private func readable(_ context: AuthenticatedContext) async throws -> (ID<Movement>, ID<OrgUnit>) {
        let movement = try context.parameters.id("id", of: Movement.self, what: Movement.noun)
        let unit = try context.parameters.id("unit", of: OrgUnit.self, what: "tổ")
        let scope = try await accounts.scope(of: context.account.id, logger: context.logger)
        try Policy.requireReadTeamReview(of: unit, as: context.account, scope: scope)
        return (movement, unit)
    }
}

extension TeamReviewController {
    struct RecordRequest: Decodable {
        struct Absence: Decodable {
            let personId: String?
            let reason: String?
        }
        struct Vote: Decodable {
            let personId: String?
            let title: String?
            let agree: Int?
        }
        let unitId: String?
        let heldOn: String?
        let startsAt: String?
        let endsAt: String?
        let place: String?
        let chairId: String?
        let secretaryId: String?
        let absences: [Absence]?
        let votes: [Vote]?
    }
}

struct TeamReviewResponse: ResponseEncodable, Sendable {
    struct Line: Encodable, Sendable {
        let name: String
        let title: String
        let votes: String
        let percent: String
        let proposed: Bool
    }
    let unitId: ID<OrgUnit>
    let team: String
    let heldOn: LocalDate
    let members: Int
    let present: Int
    let lines: [Line]

    init(_ minutes: TeamReviewMinutes, unit: ID<OrgUnit>) {
        unitId = unit
        team = minutes.teamName
        heldOn = minutes.meeting.heldOn
        members = minutes.memberCount
        present = minutes.presentCount
        lines = minutes.lines.map {
            Line(name: $0.name, title: $0.title, votes: $0.votes, percent: $0.percent, proposed: $0.proposed)
        }
    }
}
