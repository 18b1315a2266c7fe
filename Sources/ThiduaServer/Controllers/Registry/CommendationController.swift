import Hummingbird
import ThiduaCore
import ThiduaStore

/// `/v1/commendations`: immutable; the headmaster may revoke one with a reason and a decision.
struct CommendationController {
    let commendations: CommendationRepository

    struct RevokeRequest: Decodable {
        let reason: String?
        let decisionNumber: String?
    }

    func addRoutes(to group: RouterGroup<AuthenticatedContext>) {
        group.get("commendations") { request, context in
            let only = context.onlyConcerning
            if case .some(nil) = only { return ListResponse<CommendationResponse>(items: [], nextCursor: nil) }
            let query = request.uri.queryParameters
            var period: Period?
            if let year = query.get("year") {
                guard let parsed = Period(year), parsed.kind == .calendarYear else {
                    throw DomainError.validation([.init(field: "year", message: "year phải là một năm, ví dụ 2024.")])
                }
                period = parsed
            }
            if let schoolYear = query.get("schoolYear") {
                guard let parsed = Period(schoolYear), parsed.kind == .schoolYear else {
                    throw DomainError.validation([.init(field: "schoolYear", message: "schoolYear phải có dạng 2023-2024.")])
                }
                period = parsed
            }
            let filter = CommendationRepository.Filter(
                period: period,
                unitId: try query.get("unitId").map { text throws(DomainError) in try bodyID(text, OrgUnit.self, field: "unitId") },
                awardCode: query.get("award"),
                movementId: try query.get("movementId").map { text throws(DomainError) in
                    try bodyID(text, Movement.self, field: "movementId")
                },
                concerning: only ?? nil)
            let page = try await commendations.list(filter, page: try request.pageRequest(), logger: context.logger)
            return ListResponse(items: page.items.map(CommendationResponse.init), nextCursor: page.nextCursor)
        }
        group.get("commendations/{id}") { _, context in
            let commendation = try await commendations.find(
                try context.parameters.id("id", of: Commendation.self, what: "khen thưởng"), logger: context.logger)
            if case .some(let person) = context.onlyConcerning,
                commendation.nominee.personId == nil || commendation.nominee.personId != person
            {
                throw DomainError.notFound("khen thưởng")
            }
            return CommendationResponse(commendation)
        }
        group.post("commendations/{id}/revoke") { request, context in
            try Policy.require(context.account, .decide)
            let body = try await request.decodeJSON(as: RevokeRequest.self, context: context)
            let reason = try requiredReason(body.reason)
            let number = try requiredReason(body.decisionNumber, field: "decisionNumber")
            let commendation = try await commendations.revoke(
                try context.parameters.id("id", of: Commendation.self, what: "khen thưởng"), reason: reason, decisionNumber: number,
                by: context.account, logger: context.logger)
            return CommendationResponse(commendation)
        }
    }
}
