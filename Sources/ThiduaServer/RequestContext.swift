import Hummingbird
import Logging
import ThiduaCore
import ThiduaStore
import ThiduaWeb

/// The context of every request: who is calling, if a valid token was given.
public struct AppRequestContext: RequestContext, WebRequestContext {
    public var coreContext: CoreRequestContextStorage
    /// JSON bodies are read by thidua's decoder: size, characters and lengths checked, errors in Vietnamese.
    public var requestDecoder: ThiduaRequestDecoder { ThiduaRequestDecoder() }
    /// The account of a valid bearer token.
    public var identity: Account?
    /// Why a given token was refused (unknown, revoked), to tell the client on a protected route.
    public var authenticationFailure: String?

    /// The web app's signed-in session (from its cookie; the API never reads it).
    public var webSession: SignInRepository.Session?

    /// The client's IP address (without port), or "local" when the request came from no network (tests).
    public let clientAddress: String

    public init(source: Source) {
        self.coreContext = .init(source: source)
        self.clientAddress = source.channel.remoteAddress?.ipAddress ?? "local"
    }
}

/// The context of `/v1/…` routes: creating it fails with 401 when nobody is signed in, so handlers always have an account.
public struct AuthenticatedContext: ChildRequestContext {
    public var coreContext: CoreRequestContextStorage
    public var requestDecoder: ThiduaRequestDecoder { ThiduaRequestDecoder() }
    public var account: Account

    public init(context: AppRequestContext) throws {
        guard let account = context.identity else {
            throw Problem.unauthenticated(
                context.authenticationFailure
                    ?? "Cần đăng nhập: gửi mã truy cập trong tiêu đề Authorization: Bearer <mã>.")
        }
        self.coreContext = context.coreContext
        self.account = account
    }

    /// The actor written in the audit log for changes made in this request.
    public var actor: Actor { Actor(account: account) }
}
