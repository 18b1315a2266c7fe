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
        message:
            "Biểu mẫu này đã hết hạn (có thể Thầy/Cô đã đăng xuất, hoặc trang mở đã quá lâu). Chưa có gì được thay đổi; "
            + "hãy tải lại trang rồi làm lại.")
    static let forbidden = WebError(
        status: .forbidden, title: "Không có quyền", message: "Tài khoản của Thầy/Cô không có quyền xem trang này.")
    static let notFound = WebError(
        status: .notFound, title: "Không tìm thấy", message: "Không có trang hoặc hồ sơ này. Có thể đường dẫn đã sai hoặc hồ sơ đã bị xoá.")
}

/// Turns every error of a page route into an error page: 403, 404, 503 while the database is away, and 500 with the
/// request's id (the same id the server's log line carries) for anything unexpected.
struct ErrorPages: Sendable {
    let renderer: Renderer
    let maxUploadBytes: Int

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
            // The domain's own refusals (a council member's conflict of interest, …) say why; role checks are WebError.forbidden.
            case .forbidden:
                return page(WebError(status: .forbidden, title: "Không có quyền", message: error.message), context: context)
            // A refused input's message is generic and its fields say what is wrong; any other refusal's message is the
            // sentence that explains it (a field's short note beside it would drop the dates and names it gives).
            default:
                let message = error.refusesInput ? error.messages.joined(separator: " ") : error.message
                return page(WebError(status: .conflict, title: "Không thực hiện được", message: message), context: context)
            }
        }
        if let error = error as? HTTPError, error.status == .notFound { return page(.notFound, context: context) }
        if (error as? any HTTPResponseError)?.status == .contentTooLarge || error is MultipartForm.TooLarge {
            return page(
                WebError(
                    status: .contentTooLarge, title: "Nội dung quá lớn",
                    message: "Nội dung gửi lên quá lớn: mỗi lần tải lên tối đa \(WebPages<Context>.limitText(maxUploadBytes)). "
                        + "Chưa có gì được lưu; hãy chia nhỏ rồi tải lên từng phần."),
                context: context)
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

extension DomainError {
    /// What a page shows of a refusal: each field's problem, or the message when no field is named.
    var messages: [String] { violations.isEmpty ? [message] : violations.map(\.message) }

    /// Input a form shows again with its messages: refused for a field's own form or for a rule (both 422).
    var refusesInput: Bool { code == .validationFailed || code == .ruleViolated }

    /// A workflow step refused for a reason the page can show beside the record (someone acted first, the step is not
    /// allowed now, a rule is not met), with the status to answer; nil for refusals that are an error page (not found, no
    /// right, the database away).
    func workflowRefusal(of noun: String) -> (message: String, status: HTTPResponse.Status)? {
        switch code {
        case .preconditionFailed:
            return (
                "\(noun.capitalizedFirst) vừa được người khác thay đổi; trang đã được tải lại với thông tin "
                    + "mới nhất. Hãy xem lại rồi làm lại.", .conflict
            )
        case .invalidTransition, .conflict, .immutableRecord: return (message, .conflict)
        case .ineligible, .validationFailed, .ruleViolated:
            return (([message] + violations.map(\.message)).joined(separator: " "), .unprocessableContent)
        default: return nil
        }
    }
}
