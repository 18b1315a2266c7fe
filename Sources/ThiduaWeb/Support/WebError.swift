import Foundation
import Hummingbird
import Logging
import ThiduaCore
import ThiduaStore

/// What a page can refuse, shown as a page in Vietnamese (never problem+json): the status and one plain sentence.
struct WebError: Error {
    let status: HTTPResponse.Status
    let title: String
    let message: String

    static let forbiddenForm = WebError(
        status: .forbidden, title: "Biểu mẫu không hợp lệ",
        message: "Biểu mẫu đã hết hạn hoặc không được gửi từ trang của thidua. Hãy tải lại trang rồi thử lại; chưa có gì được thay đổi.")
    static let forbidden = WebError(
        status: .forbidden, title: "Không có quyền", message: "Tài khoản của Thầy/Cô không có quyền xem trang này.")
    static let notFound = WebError(
        status: .notFound, title: "Không tìm thấy", message: "Không có trang hoặc hồ sơ này. Có thể đường dẫn đã sai hoặc hồ sơ đã bị xoá.")
}

/// Turns every error of a page route into an error page: 403, 404, 503 while the database is away, and 500 with the
/// request's id (the same id the server's log line carries) for anything unexpected.
struct ErrorPages: Sendable {
    let renderer: Renderer

    func page<Context: WebRequestContext>(for error: any Error, context: Context) -> Response {
        if error is SignInRequired { return Renderer.redirect(to: "/login") }
        if let error = error as? WebError { return page(error, context: context) }
        if StoreErrorMapping.isDatabaseUnavailable(error) {
            var response = page(
                WebError(
                    status: .serviceUnavailable, title: "Tạm thời chưa phục vụ được",
                    message: "Cơ sở dữ liệu đang tạm ngừng. Hãy thử lại sau ít phút; dữ liệu đã lưu không bị mất."),
                context: context)
            response.headers[.retryAfter] = "5"
            return response
        }
        if let error = error as? DomainError {
            switch error.code {
            case .notFound: return page(.notFound, context: context)
            case .forbidden: return page(.forbidden, context: context)
            default: return page(WebError(status: .conflict, title: "Không thực hiện được", message: error.message), context: context)
            }
        }
        if let error = error as? HTTPError, error.status == .notFound { return page(.notFound, context: context) }
        if let error = error as? HTTPError, error.status == .contentTooLarge {
            return page(
                WebError(status: .contentTooLarge, title: "Nội dung quá lớn", message: "Nội dung gửi lên quá lớn."), context: context)
        }
        let id = context.logger[metadataKey: "hb.request.id"].map { "\($0)" } ?? "-"
        context.logger.error("page failed", metadata: ["error": "\(String(reflecting: error))"])
        return page(
            WebError(
                status: .internalServerError, title: "Lỗi hệ thống",
                message: "Đã có lỗi ngoài dự kiến; chưa có gì được thay đổi. Hãy báo quản trị mã yêu cầu \(id)."),
            context: context)
    }

    private func page<Context: WebRequestContext>(_ error: WebError, context: Context) -> Response {
        renderer.page(
            "error", error, layout: Pages.layout(title: error.title, session: context.webSession, current: nil), status: error.status)
    }
}
