import Foundation
import Hummingbird
import ThiduaCore
import ThiduaStore

/// Resolves `Authorization: Bearer <token>` to an account. It never refuses a request itself:
/// `AuthenticatedContext` does, so public routes such as `/health` ignore a bad header.
struct AuthenticationMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let accounts: AccountRepository

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if let header = request.headers[.authorization] {
            let parts = header.split(separator: " ", maxSplits: 1)
            if parts.count == 2, parts[0].lowercased() == "bearer" {
                let token = String(parts[1]).trimmingCharacters(in: .whitespaces)
                if let account = try await accounts.authenticate(token: token, logger: context.logger) {
                    context.identity = account
                    context.logger[metadataKey: "account"] = "\(account.id)"
                } else {
                    context.authenticationFailure = "Mã truy cập không đúng hoặc đã bị thu hồi."
                }
            } else {
                context.authenticationFailure = "Tiêu đề Authorization phải có dạng: Bearer <mã truy cập>."
            }
        }
        return try await next(request, context)
    }
}
