import Foundation
import HTTPTypes
import Hummingbird
import ThiduaCore

/// An RFC 9457 problem: `application/problem+json` with a stable `type` and `code`, plain Vietnamese `title`/`detail`,
/// and the fields at fault for validation errors.
public struct Problem: Error, HTTPResponseError, Encodable, Sendable {
    public let type: String
    public let title: String
    public let statusCode: Int
    public let detail: String
    public let code: String
    public let errors: [DomainError.FieldViolation]?
    public var instance: String?
    /// For a refused transition: where the record is and where it may go.
    public var currentStatus: String?
    public var allowedStatuses: [String]?
    /// Seconds after which the client may try again (429, 503): sent as `Retry-After`, not in the body.
    public var retryAfter: Int?

    public var status: HTTPResponse.Status { .init(code: statusCode) }

    enum CodingKeys: String, CodingKey {
        case type, title, status = "status", detail, code, errors, instance, currentStatus, allowedStatuses
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(type, forKey: .type)
        try container.encode(title, forKey: .title)
        try container.encode(statusCode, forKey: .status)
        try container.encode(detail, forKey: .detail)
        try container.encode(code, forKey: .code)
        try container.encodeIfPresent(errors, forKey: .errors)
        try container.encodeIfPresent(instance, forKey: .instance)
        try container.encodeIfPresent(currentStatus, forKey: .currentStatus)
        try container.encodeIfPresent(allowedStatuses, forKey: .allowedStatuses)
    }

    init(code: String, status: HTTPResponse.Status, title: String, detail: String, errors: [DomainError.FieldViolation]? = nil) {
        self.type = "tag:thidua,2026:\(code)"
        self.title = title
        self.statusCode = status.code
        self.detail = detail
        self.code = code
        self.errors = errors
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var problem = self
        problem.instance = problem.instance ?? request.uri.path
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(problem)
        var headers: HTTPFields = [.contentType: "application/problem+json; charset=utf-8"]
        if status == .unauthorized { headers[.wwwAuthenticate] = "Bearer realm=\"thidua\"" }
        if let retryAfter { headers[.retryAfter] = String(retryAfter) }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

extension Problem {
    static func unauthenticated(_ detail: String) -> Problem {
        Problem(code: "unauthenticated", status: .unauthorized, title: "Chưa đăng nhập", detail: detail)
    }

    /// 413: a body over the limit of the route it was sent to.
    static func contentTooLarge(limit: Int) -> Problem {
        Problem(
            code: "content-too-large", status: .contentTooLarge, title: "Nội dung quá lớn",
            detail: "Nội dung gửi lên vượt quá giới hạn \(limit / 1_048_576) MiB.")
    }

    static func badRequest(_ detail: String) -> Problem {
        Problem(code: "bad-request", status: .badRequest, title: "Yêu cầu không đọc được", detail: detail)
    }

    static let internalError = Problem(
        code: "internal-error", status: .internalServerError, title: "Lỗi hệ thống",
        detail: "Đã có lỗi bất ngờ; yêu cầu chưa được thực hiện. Hãy thử lại hoặc báo quản trị viên kèm mã yêu cầu.")

    /// The problem for a domain error: the code decides the HTTP status.
    init(_ error: DomainError) {
        let (status, title): (HTTPResponse.Status, String) =
            switch error.code {
            case .notFound: (.notFound, "Không tìm thấy")
            case .validationFailed: (.unprocessableContent, "Dữ liệu chưa hợp lệ")
            case .conflict: (.conflict, "Xung đột dữ liệu")
            case .forbidden: (.forbidden, "Không có quyền")
            case .unauthenticated: (.unauthorized, "Chưa đăng nhập")
            case .invalidTransition: (.conflict, "Không thể chuyển trạng thái")
            case .immutableRecord: (.conflict, "Bản ghi không được sửa")
            case .preconditionFailed: (.preconditionFailed, "Phiên bản đã cũ")
            case .ineligible: (.unprocessableContent, "Chưa đủ điều kiện khen thưởng")
            case .ruleViolated: (.unprocessableContent, "Trái quy tắc")
            case .invalidCursor: (.unprocessableContent, "Con trỏ phân trang không hợp lệ")
            case .unsupportedMediaType: (.unsupportedMediaType, "Loại tệp không được nhận")
            case .quotaExceeded: (.conflict, "Vượt hạn mức lưu trữ")
            case .databaseUnavailable: (.serviceUnavailable, "Tạm thời chưa phục vụ được")
            default: (.badRequest, "Yêu cầu không hợp lệ")
            }
        let detail = error.violations.isEmpty ? error.message : error.message + " " + error.violations.map(\.message).joined(separator: " ")
        self.init(
            code: error.code.rawValue, status: status, title: title, detail: detail,
            errors: error.violations.isEmpty ? nil : error.violations)
        self.currentStatus = error.currentStatus
        self.allowedStatuses = error.allowedStatuses
        if error.code == .databaseUnavailable { self.retryAfter = 5 }
    }
}
