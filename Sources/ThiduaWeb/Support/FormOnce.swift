import Foundation
import Hummingbird
import Logging
import ThiduaCore
import ThiduaStore

/// A form posted twice runs once (issue "The web app": "a double-click never creates two records"). Each rendered form
/// carries a fresh `_once` value (`Renderer` adds it beside the form token); the first POST with it reserves it — in the
/// idempotency table the API's `Idempotency-Key` uses — and a form that worked (303) is remembered, so a repeat gets the
/// same redirect without running again. A refused form is forgotten: it comes back with a new value to send.
struct FormOnce: Sendable {
    let keys: IdempotencyKeys

    /// How long a repeat waits for the first submission to finish before the page says it is still being handled.
    static let patience: Duration = .seconds(10)

    func run(
        _ value: String, path: String, account: ID<Account>, logger: Logger, _ body: () async throws -> Response
    ) async throws -> Response {
        guard value.count <= 64 else { throw WebError.forbiddenForm }
        let key = "page:\(value)"
        let fingerprint = IdempotencyKeys.fingerprint(method: "POST", path: path, body: Data())
        let started = ContinuousClock.now
        while true {
            switch try await keys.reserve(account: account, key: key, fingerprint: fingerprint, logger: logger) {
            case .reserved:
                let response: Response
                do { response = try await body() } catch {
                    try? await keys.release(account: account, key: key, logger: logger)
                    throw error
                }
                if response.status == .seeOther, let location = response.headers[.location] {
                    try await keys.complete(
                        account: account, key: key, .init(status: 303, contentType: nil, location: location, body: Data()), logger: logger)
                } else {
                    try await keys.release(account: account, key: key, logger: logger)
                }
                return response
            case .replay(let stored):
                logger.notice("form sent again: answered with the first submission's page")
                return Renderer.redirect(to: stored.location ?? "/")
            case .inProgress where ContinuousClock.now - started < Self.patience:
                try await Task.sleep(for: .milliseconds(100))
            case .inProgress, .mismatch:
                throw WebError(
                    status: .conflict, title: "Biểu mẫu đang được xử lý",
                    message: "Biểu mẫu này đã được gửi và đang được xử lý. Hãy tải lại trang sau ít giây để xem kết quả.")
            }
        }
    }
}
