import HTTPTypes
import Hummingbird

/// Headers every response carries (security review F11): browsers never guess a type (`nosniff`), and an HTML page (a
/// report printed from the API) may load nothing and run nothing — its styles are inline, its charts inline SVG.
/// Evidence downloads set their own, stricter `sandbox` policy.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    static var htmlPolicy: String { "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'" }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.xContentTypeOptions] = "nosniff"
        if response.headers[.contentSecurityPolicy] == nil, response.headers[.contentType]?.lowercased().hasPrefix("text/html") == true {
            response.headers[.contentSecurityPolicy] = Self.htmlPolicy
        }
        return response
    }
}
