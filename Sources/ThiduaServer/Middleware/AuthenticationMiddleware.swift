import Foundation
import Hummingbird
import Synchronization
import ThiduaCore
import ThiduaStore

/// Resolves `Authorization: Bearer <token>` to an account. It never refuses a request itself for a bad token:
/// `AuthenticatedContext` does, so public routes such as `/health` ignore a bad header. A client that keeps sending wrong
/// tokens (60 in a minute) is answered 429 with `Retry-After` without a database lookup (security review F14); the
/// counters live in this process (one per server instance, by design).
struct AuthenticationMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let accounts: AccountRepository
    let throttle: Throttle
    let cache: TokenCache

    init(accounts: AccountRepository, throttle: Throttle = Throttle(), cache: TokenCache = TokenCache(lifetime: .zero)) {
        self.accounts = accounts
        self.throttle = throttle
        self.cache = cache
    }

    /// The failed-token counters shared by every request of this server, behind a lock held for a dictionary lookup (an
    /// actor made every signed-in request wait its turn on one executor).
    final class Throttle: Sendable {
        private let counter: Mutex<FailureThrottle>

        init(limit: Int = 60, window: TimeInterval = 60) { counter = Mutex(FailureThrottle(limit: limit, window: window)) }

        func retryAfter(_ client: String) -> Int? { counter.withLock { $0.retryAfter(client) } }
        func fail(_ client: String) { counter.withLock { $0.fail(client) } }
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if let header = request.headers[.authorization] {
            let parts = header.split(separator: " ", maxSplits: 1)
            if parts.count == 2, parts[0].lowercased() == "bearer" {
                // Spaces and tabs around the token are dropped (Foundation's trimming bridged through NSString cost 2 % of
                // a signed-in read, issue "Performance").
                let token = Self.trimmingBlanks(parts[1])
                let client = context.clientAddress
                if let wait = throttle.retryAfter(client) {
                    var problem = Problem(
                        code: "too-many-requests", status: .tooManyRequests, title: "Thử quá nhiều lần",
                        detail: "Đã gửi sai mã truy cập quá nhiều lần; hãy thử lại sau \(wait) giây.")
                    problem.retryAfter = wait
                    throw problem
                }
                if let account = try await signedIn(token, context) {
                    context.identity = account
                    context.logger[metadataKey: "account"] = "\(account.id)"
                } else {
                    throttle.fail(client)
                    context.logger.notice("refused bearer token", metadata: ["client": "\(client)"])
                    context.authenticationFailure = "Mã truy cập không đúng hoặc đã bị thu hồi."
                }
            } else {
                context.authenticationFailure = "Tiêu đề Authorization phải có dạng: Bearer <mã truy cập>."
            }
        }
        return try await next(request, context)
    }

    static func trimmingBlanks(_ text: Substring) -> String {
        let utf8 = text.utf8
        let isBlank = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        guard let first = utf8.firstIndex(where: { !isBlank($0) }), let last = utf8.lastIndex(where: { !isBlank($0) }) else { return "" }
        return String(Substring(utf8[first...last]))
    }

    /// The token's account: remembered from less than the cache's lifetime ago, else looked up (and remembered).
    private func signedIn(_ token: String, _ context: Context) async throws -> Account? {
        if let known = cache.account(for: token) { return known }
        let account = try await accounts.authenticate(token: token, logger: context.logger)
        if let account { cache.remember(account, for: token) }
        return account
    }
}
