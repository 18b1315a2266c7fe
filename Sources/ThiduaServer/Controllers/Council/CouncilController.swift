import Foundation
import Hummingbird
import ThiduaCore
import ThiduaExport
import ThiduaStore

/// `/v1/councils` (the council the head's decision set up for a period) and `/v1/movements/{id}/council-meeting` (its
/// meeting on a movement, the secret ballots, and the biên bản).
struct CouncilController {
    let councils: CouncilRepository

    func addRoutes(to group: RouterGroup<AuthenticatedContext>) {
        group.post("councils", use: create)
        group.get("councils", use: find)
        group.post("movements/{id}/council-meeting", use: recordMeeting)
        group.get("movements/{id}/council-meeting", use: meeting)
        group.post("movements/{id}/council-meeting/ballots", use: recordBallot)
        group.get("movements/{id}/council-meeting/minutes", use: minutes)
    }

    @Sendable func create(_ request: Request, context: AuthenticatedContext) async throws -> EditedResponse<CouncilResponse> {
        try Policy.require(context.account, .manageCouncil)
        let body = try await request.decode(as: CreateRequest.self, context: context)
        let draft = try CouncilDraft.validate(
            period: body.period.flatMap(Period.init), decisionNumber: body.decisionNumber, decisionDate: body.decisionDate,
            members: (body.members ?? []).map { ($0.personId ?? "", $0.duty ?? "") })
        let unit = try body.unitId.map { try FieldParsing.id($0, OrgUnit.self, field: "unitId") }
        let council = try await councils.create(draft, unit: unit, by: context.actor, logger: context.logger)
        return EditedResponse(
            status: .created, headers: [.location: "/v1/councils?period=\(council.period.label)"], response: CouncilResponse(council))
    }

    /// `?period=2023-2024[&unitId=]`
    @Sendable func find(_ request: Request, context: AuthenticatedContext) async throws -> CouncilResponse {
        try Policy.require(context.account, .readRegistry)
        guard let period = request.uri.queryParameters.get("period").flatMap(Period.init) else {
            throw DomainError.rule(field: "period", "Cần năm học (hai năm liền nhau) hoặc năm, ví dụ 2023-2024.")
        }
        let unit = try request.uri.queryParameters.get("unitId").map { try FieldParsing.id($0, OrgUnit.self, field: "unitId") }
        guard let council = try await councils.find(unit: unit, period: period, logger: context.logger) else {
            throw DomainError(.notFound, "Chưa ghi Hội đồng Thi đua – Khen thưởng \(period.vietnamese).")
        }
        return CouncilResponse(council)
    }

    @Sendable func recordMeeting(_ request: Request, context: AuthenticatedContext) async throws -> EditedResponse<MeetingResponse> {
        try Policy.require(context.account, .recordMeeting)
        let movement = try context.parameters.id("id", of: Movement.self, what: Movement.noun)
        let body = try await request.decode(as: MeetingRequest.self, context: context)
        let meeting = try await councils.recordMeeting(
            movement: movement, heldOn: body.heldOn, startsAt: body.startsAt, endsAt: body.endsAt, place: body.place,
            chairId: body.chairId, secretaryId: body.secretaryId,
            absences: (body.absences ?? []).map { ($0.personId ?? "", $0.reason ?? "") }, by: context.actor, logger: context.logger)
        return EditedResponse(
            status: .created, headers: [.location: "/v1/movements/\(movement)/council-meeting"], response: MeetingResponse(meeting))
    }

    @Sendable func meeting(_ request: Request, context: AuthenticatedContext) async throws -> MeetingResponse {
        try Policy.require(context.account, .readRegistry)
        let movement = try context.parameters.id("id", of: Movement.self, what: Movement.noun)
        return MeetingResponse(try await councils.meeting(movement: movement, logger: context.logger))
    }

    @Sendable func recordBallot(_ request: Request, context: AuthenticatedContext) async throws -> CouncilMeeting.Ballot {
        try Policy.require(context.account, .recordMeeting)
        let movement = try context.parameters.id("id", of: Movement.self, what: Movement.noun)
        let body = try await request.decode(as: BallotRequest.self, context: context)
        let nomination = try FieldParsing.id(body.nominationId ?? "", Nomination.self, field: "nominationId")
        return try await councils.recordBallot(
            movement: movement, nomination: nomination, issued: body.issued, returned: body.returned, valid: body.valid,
            agree: body.agree, by: context.actor, logger: context.logger)
    }

    /// `?format=html|md|docx`: the biên bản họp Hội đồng Thi đua – Khen thưởng.
    @Sendable func minutes(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        try Policy.require(context.account, .readRegistry)
        let movement = try context.parameters.id("id", of: Movement.self, what: Movement.noun)
        let format = try FieldParsing.choice(
            request.uri.queryParameters.get("format") ?? "html", CouncilMinutesFormat.self, field: "format",
            message: "format phải là html, md hoặc docx.")
        let minutes = try await councils.minutes(movement: movement, logger: context.logger)
        return Response(
            status: .ok, headers: [.contentType: format.contentType],
            body: .init(byteBuffer: ByteBuffer(bytes: try format.render(minutes))))
    }
}

extension CouncilController {
    struct CreateRequest: Decodable {
        struct Member: Decodable {
            let personId: String?
            let duty: String?
        }
        let unitId: String?
        let period: String?
        let decisionNumber: String?
        let decisionDate: String?
        let members: [Member]?
    }

    struct MeetingRequest: Decodable {
        struct Absence: Decodable {
            let personId: String?
            let reason: String?
        }
        let heldOn: String?
        let startsAt: String?
        let endsAt: String?
        let place: String?
        let chairId: String?
        let secretaryId: String?
        let absences: [Absence]?
    }

    struct BallotRequest: Decodable {
        let nominationId: String?
        let issued: Int?
        let returned: Int?
        let valid: Int?
        let agree: Int?
    }
}

extension CouncilMeeting.Ballot: ResponseEncodable {}

struct CouncilResponse: ResponseEncodable, Sendable {
    struct Member: Encodable, Sendable {
        let personId: ID<Person>
        let name: String
        let position: String
        let duty: String
        let dutyName: String
    }
    let id: ID<Council>
    let unitId: ID<OrgUnit>
    let period: String
    let decisionNumber: String
    let decisionDate: LocalDate
    let members: [Member]

    init(_ council: Council) {
        id = council.id
        unitId = council.unitId
        period = council.period.label
        decisionNumber = council.decisionNumber
        decisionDate = council.decisionDate
        members = council.members.map {
            Member(personId: $0.personId, name: $0.name, position: $0.position, duty: $0.duty.rawValue, dutyName: $0.duty.vietnamese)
        }
    }
}

struct MeetingResponse: ResponseEncodable, Sendable {
    struct Absence: Encodable, Sendable {
        let personId: ID<Person>
        let reason: String
    }
    let id: ID<CouncilMeeting>
    let movementId: ID<Movement>
    let councilId: ID<Council>
    let heldOn: LocalDate
    let startsAt: String
    let endsAt: String
    let place: String
    let chairId: ID<Person>
    let secretaryId: ID<Person>
    let absences: [Absence]
    let ballots: [String: CouncilMeeting.Ballot]

    init(_ meeting: CouncilMeeting) {
        id = meeting.id
        movementId = meeting.movementId
        councilId = meeting.councilId
        heldOn = meeting.heldOn
        startsAt = meeting.startsAt
        endsAt = meeting.endsAt
        place = meeting.place
        chairId = meeting.chairId
        secretaryId = meeting.secretaryId
        absences = meeting.absences.map { Absence(personId: $0.personId, reason: $0.reason) }
        ballots = Dictionary(uniqueKeysWithValues: meeting.ballots.map { ($0.key.description, $0.value) })
    }
}
