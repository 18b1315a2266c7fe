import Foundation

/// Which record each route with a parameter is about, by the path's first segment (after /v1/ for the API): the API's
/// routes and the web app's pages name records the same way (`/v1/nominations/{id}`, `/nominations/{id}`), so one table
/// serves both; it lives with the pages, which the API's server is built on.
public enum ScopedPaths {
    public static let entities: [String: (entity: String, noun: String)] = [
        "units": ("unit", "đơn vị"), "people": ("person", "cá nhân"), "movements": ("movement", "phong trào"),
        "models": ("model", "mô hình"), "evidence": ("evidence", "minh chứng"), "nominations": ("nomination", "đề nghị khen thưởng"),
        "registrations": ("registration", "bản đăng ký thi đua"), "postings": ("posting", "danh sách niêm yết"),
        "commendations": ("commendation", "khen thưởng"), "decisions": ("decision", "quyết định"),
        "initiatives": ("initiative", "sáng kiến"), "outside-commendations": ("outside_commendation", "khen thưởng"),
        "reports": ("movement", "phong trào"), "accounts": ("account", "tài khoản"),
    ]

    /// Routes whose parameter is no unit's record: the award catalogue is the same law for every unit. A tổ's bình xét is
    /// recorded for the tổ named in the body: Policy checks the team lead's tổ, and the database the account's scope.
    public static let unscoped: Set<String> = [
        "/v1/awards/{code}", "/v1/awards/{code}/rules", "/v1/awards/{code}/reward", "/v1/movements/{id}/team-reviews",
        "/movements/{id}/team-review", "/movements/{id}/team-review/minutes",
    ]

    /// Routes about a record other than the first segment's: a tổ's bình xét is the tổ's (its team lead's), in a
    /// movement of the school above it.
    public static let byParameter: [String: (entity: String, parameter: String)] = [
        "/v1/movements/{id}/team-reviews/{unit}": ("unit", "unit"),
        "/v1/movements/{id}/team-reviews/{unit}/minutes": ("unit", "unit"),
    ]

    /// The kind of record and the parameter naming it, or nil for a route about no one record.
    public static func record(endpoint: String) -> (entity: String, parameter: String)? {
        if let known = byParameter[endpoint] { return known }
        guard !unscoped.contains(endpoint) else { return nil }
        // The web app's paths use :id; the API's {id}.
        var segments = endpoint.split(separator: "/").map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }
        if segments.first == "v1" { segments.removeFirst() }
        segments.insert("v1", at: 0)
        guard segments.count >= 3 else { return nil }
        // /v1/reports/movements/{id}: the report of one movement.
        let first = segments[1] == "reports" ? (segments.count >= 4 && segments[2] == "movements" ? "reports" : "") : segments[1]
        let parameterSegment = segments[1] == "reports" ? 3 : 2
        guard let known = entities[first], segments.count > parameterSegment, segments[parameterSegment].hasPrefix("{") else {
            return nil
        }
        return (known.entity, String(segments[parameterSegment].dropFirst().dropLast()))
    }

    public static func noun(_ entity: String) -> String { entities.values.first { $0.entity == entity }?.noun ?? "bản ghi" }
}
