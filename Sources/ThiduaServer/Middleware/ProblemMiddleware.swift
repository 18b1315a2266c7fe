import HTTPTypes
import Hummingbird
import Logging
import Metrics
import ThiduaCore
import ThiduaStore

/// Outermost middleware: every error leaves as problem+json. Unknown errors become a generic 500,
/// logged once with the request id; no internals reach the client.
struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch {
            response = try problem(for: error, context: context).response(from: request, context: context)
        }
        response.headers[.xRequestID] = context.id
        return response
    }

    private func problem(for error: any Error, context: Context) -> Problem {
        switch error {
        case let problem as Problem:
            return problem
        case let error as DomainError:
            return Problem(error)
        case let error as HTTPError:
            switch error.status {
            case .notFound:
                return Problem(code: "not-found", status: .notFound, title: "Không tìm thấy", detail: "Không có địa chỉ này trong API.")
            case .methodNotAllowed:
                return Problem(
                    code: "method-not-allowed", status: .methodNotAllowed, title: "Phương thức không được hỗ trợ",
                    detail: "Địa chỉ này không nhận phương thức \(error.status.code).")
            case .contentTooLarge:
                return Problem(
                    code: "content-too-large", status: .contentTooLarge, title: "Nội dung quá lớn",
                    detail: error.body ?? "Nội dung gửi lên vượt quá giới hạn.")
            default:
                return Problem(
                    code: "bad-request", status: error.status, title: "Yêu cầu không đọc được",
                    detail: error.body ?? "Yêu cầu không đúng định dạng.")
            }
        case _ where StoreErrorMapping.isDatabaseUnavailable(error):
            context.logger.warning("database unavailable", metadata: ["error": "\(String(reflecting: error))"])
            Counter(label: "thidua_database_unavailable_total").increment()
            return Problem(StoreErrorMapping.unavailable)
        default:
            context.logger.error("unexpected error", metadata: ["error": "\(String(reflecting: error))"])
            return .internalError
        }
    }
}
