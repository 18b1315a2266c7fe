import Hummingbird
import ThiduaCore
import ThiduaStore

/// `POST /v1/decisions[?dryRun=true]`: one decision approving several recommended nominations, all or nothing.
struct DecisionController {
    let nominations: NominationRepository

    struct CreateRequest: Decodable {
        let number: String?
        let date: String?
        let nominationIds: [String]?
    }

    struct DecisionResponse: ResponseEncodable {
        let number: String
        let date: LocalDate
        let dryRun: Bool
        let count: Int
        let outcome: String
        let items: [NominationRepository.DecisionOutcome]
    }

    func addRoutes(to group: RouterGroup<AuthenticatedContext>) {
        group.post("decisions") { request, context in
            try Policy.require(context.account, .decide)
            let body = try await request.decodeJSON(as: CreateRequest.self, context: context)
            let decision = try DecisionReference.validate(number: body.number, date: body.date)
            let ids = try (body.nominationIds ?? []).map { text throws(DomainError) in
                try bodyID(text, Nomination.self, field: "nominationIds")
            }
            let dryRun = request.uri.queryParameters.get("dryRun") == "true"
            let items = try await nominations.approveAll(
                ids, decision: decision, dryRun: dryRun, by: context.account, logger: context.logger)
            let refused = items.filter { $0.problem != nil }.count
            let outcome = dryRun ? (refused == 0 ? "would-approve-all" : "would-fail") : "approved"
            return EditedResponse(
                status: dryRun ? .ok : .created,
                response: DecisionResponse(
                    number: decision.number, date: decision.date, dryRun: dryRun, count: items.count, outcome: outcome, items: items))
        }
    }
}
