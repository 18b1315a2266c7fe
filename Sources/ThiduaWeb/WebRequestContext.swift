import Hummingbird
import ThiduaStore

/// What the pages need from the server's request context: the caller's address (sign-in throttling is per login, the
/// log names the address) and the signed-in browser session, which `SessionMiddleware` fills in from the cookie.
public protocol WebRequestContext: RequestContext {
    var clientAddress: String { get }
    var webSession: SignInRepository.Session? { get set }
}
