import Foundation
import Hummingbird
import NIOCore
import ThiduaCore

/// Reads every JSON body the API accepts, in one place (security review F8, F12):
/// - a body over 2 MiB is a 413 problem, read no further;
/// - every string in it (values and keys, however deep) is checked for control, bidi and zero-width characters and for
///   its length (`FieldLimits`), each refusal a 422 naming the field as the client wrote it (`criteria[0].title`);
/// - a body sent with a Content-Type other than JSON is a 415;
/// - a body that is not JSON, or a value of the wrong type, is a 400 in Vietnamese naming the key; a number too large
///   for its field is a 422.
public struct ThiduaRequestDecoder: RequestDecoder {
    public init() {}

    static let maxBytes = 2 * 1_048_576

    public func decode<T: Decodable>(_ type: T.Type, from request: Request, context: some RequestContext) async throws -> T {
        // A body said to be something else is not read as JSON (security review F19g); no Content-Type is taken as JSON.
        if let contentType = request.headers[.contentType] {
            let media = EvidenceRules.mediaType(contentType)
            guard media == "application/json" || media.hasSuffix("+json") else {
                throw DomainError(
                    .unsupportedMediaType, "Nội dung phải là JSON: gửi kèm Content-Type: application/json.",
                    violations: [.init(field: "Content-Type", message: "Cần application/json (nhận: \(media)).")])
            }
        }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: Self.maxBytes)
        } catch is NIOTooManyBytesError {
            throw Problem.contentTooLarge(limit: Self.maxBytes)
        }
        let data = Data(buffer.readableBytesView)
        guard let object = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else {
            throw Problem(
                code: "bad-request", status: .badRequest, title: "Yêu cầu không đọc được",
                detail: "Nội dung gửi lên phải là JSON hợp lệ (UTF-8).")
        }
        var violations: [DomainError.FieldViolation] = []
        Self.check(object, path: "", key: "", into: &violations)
        guard violations.isEmpty else { throw DomainError.validation(violations) }
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch let error as DecodingError {
            throw Self.problem(error)
        }
    }

    /// Walks the parsed JSON, reporting each string that holds a forbidden character or is too long.
    static func check(_ value: Any, path: String, key: String, into violations: inout [DomainError.FieldViolation]) {
        switch value {
        case let text as String:
            if let scalar = VietnameseText.forbiddenScalar(in: text) {
                violations.append(.init(field: path, message: VietnameseText.forbiddenMessage(scalar)))
            } else if text.count > FieldLimits.limit(forKey: key) {
                violations.append(.init(field: path, message: "Dài quá \(FieldLimits.limit(forKey: key)) ký tự."))
            }
        case let array as [Any]:
            for (index, element) in array.enumerated() { check(element, path: "\(path)[\(index)]", key: key, into: &violations) }
        case let dictionary as [String: Any]:
            for (name, element) in dictionary.sorted(by: { $0.key < $1.key }) {
                let child = path.isEmpty ? name : "\(path).\(name)"
                if let scalar = VietnameseText.forbiddenScalar(in: name) {
                    violations.append(.init(field: child, message: VietnameseText.forbiddenMessage(scalar)))
                    continue
                }
                check(element, path: child, key: name, into: &violations)
            }
        case let number as NSNumber where abs(number.doubleValue) >= 9_007_199_254_740_992:
            // Beyond 2^53: no field of thidua's holds such a number, and JSON clients lose its digits anyway.
            violations.append(.init(field: path, message: "Số quá lớn."))
        default:
            break
        }
    }

    static func problem(_ error: DecodingError) -> any Error {
        func path(_ codingPath: [any CodingKey]) -> String {
            codingPath.reduce("") { result, key in
                if let index = key.intValue { return "\(result)[\(index)]" }
                return result.isEmpty ? key.stringValue : "\(result).\(key.stringValue)"
            }
        }
        switch error {
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return Problem(
                code: "bad-request", status: .badRequest, title: "Yêu cầu không đọc được",
                detail: "Giá trị của \"\(path(context.codingPath))\" không đúng kiểu.")
        case .dataCorrupted(let context) where !context.codingPath.isEmpty:
            let field = path(context.codingPath)
            return DomainError.validation([.init(field: field, message: "\(field) không hợp lệ hoặc vượt quá giới hạn.")])
        case .keyNotFound(let key, let context):
            return Problem(
                code: "bad-request", status: .badRequest, title: "Yêu cầu không đọc được",
                detail: "Thiếu \"\(path(context.codingPath + [key]))\".")
        default:
            return Problem(
                code: "bad-request", status: .badRequest, title: "Yêu cầu không đọc được", detail: "Nội dung JSON không đọc được.")
        }
    }
}

/// Query parameters get the same character check as bodies: a NUL or a bidi control in `?q=` is a 422, not a database
/// error.
struct QueryTextMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var violations: [DomainError.FieldViolation] = []
        for (name, value) in request.uri.queryParameters {
            if let scalar = VietnameseText.forbiddenScalar(in: String(name) + String(value)) {
                violations.append(.init(field: String(name), message: VietnameseText.forbiddenMessage(scalar)))
            } else if value.count > FieldLimits.shortText * 5 {
                violations.append(.init(field: String(name), message: "Dài quá \(FieldLimits.shortText * 5) ký tự."))
            }
        }
        guard violations.isEmpty else { throw DomainError.validation(violations) }
        return try await next(request, context)
    }
}
