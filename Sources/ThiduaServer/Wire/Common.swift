import Hummingbird
import ThiduaCore

/// A list page as JSON: `{"items": [...], "nextCursor": "…" | null}`.
struct ListResponse<Item: Encodable & Sendable>: ResponseEncodable, Sendable {
    let items: [Item]
    let nextCursor: String?

    enum CodingKeys: String, CodingKey { case items, nextCursor }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(items, forKey: .items)
        try container.encode(nextCursor, forKey: .nextCursor)  // null on the last page, not absent
    }

    static var empty: Self { .init(items: [], nextCursor: nil) }
}

/// `{"reason": "…"}`, for declines, returns and retractions.
struct ReasonRequest: Decodable {
    let reason: String?
}

/// A person or a collective as sent: `{"personId": …}` or `{"unitId": …}`.
struct OwnerRequest: Decodable {
    let personId: String?
    let unitId: String?
}

/// A person or a collective, as JSON: `{"personId": …}` or `{"unitId": …}`.
struct OwnerResponse: Codable, Sendable {
    let personId: ID<Person>?
    let unitId: ID<OrgUnit>?

    init(_ owner: Owner) {
        self.personId = owner.personId
        self.unitId = owner.unitId
    }
}

/// A council member's review of a model or a nomination: `POST …/reviews`.
struct ReviewRequest: Decodable {
    let scores: [String: Int]?
    let vote: String?
    let comment: String?
}

/// A versioned resource with its ETag.
func versioned<T: ResponseEncodable>(
    _ body: T,
    version: Int,
    status: HTTPResponse.Status = .ok,
    location: String? = nil
) -> EditedResponse<T> {
    var headers: HTTPFields = [.eTag: etag(version)]
    if let location { headers[.location] = location }
    return EditedResponse(status: status, headers: headers, response: body)
}

/// `?status=` parsed against a workflow; unknown values are a field error naming the allowed ones.
func statusFilter<S: WorkflowStatus>(_ request: Request, _ type: S.Type) throws(DomainError) -> S? {
    try FieldParsing.optionalChoice(request.uri.queryParameters.get("status"), S.self, field: "status")
}
