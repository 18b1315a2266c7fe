import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import ThiduaCore
import ThiduaStore

/// `Idempotency-Key` on POST: a retried request answers the first result (same status, body and Location)
/// and creates nothing new. Failed requests are not remembered, so they can be retried.
struct IdempotencyMiddleware: RouterMiddleware {
    typealias Context = AuthenticatedContext
    let keys: IdempotencyKeys
    let maxBodyBytes: Int

    static let header = HTTPField.Name("Idempotency-Key")!
    static let replayed = HTTPField.Name("Idempotent-Replayed")!

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .post, let key = request.headers[Self.header]?.trimmingCharacters(in: .whitespaces), !key.isEmpty else {
            return try await next(request, context)
        }
        guard key.count <= 200 else {
            throw DomainError.validation([.init(field: "Idempotency-Key", message: "Idempotency-Key dài tối đa 200 ký tự.")])
        }
        var request = request
        // The body is read here, before the handler: only as much as this route takes from this caller (security review F9).
        let limit = Self.bodyLimit(path: request.uri.path, account: context.account, evidenceBytes: maxBodyBytes)
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: limit)
        } catch is NIOTooManyBytesError {
            throw Problem.contentTooLarge(limit: limit)
        }
        // What the answer depends on besides the body: the version the client expects and the type it sent.
        let conditions = [request.headers[.ifMatch] ?? "", request.headers[.contentType] ?? ""].joined(separator: "\n")
        let fingerprint = IdempotencyKeys.fingerprint(
            method: request.method.rawValue, path: request.uri.description + "\n" + conditions, body: Data(body.readableBytesView))
        switch try await keys.reserve(account: context.account.id, key: key, fingerprint: fingerprint, logger: context.logger) {
        case .replay(let stored):
            var headers: HTTPFields = [Self.replayed: "true"]
            if let type = stored.contentType { headers[.contentType] = type }
            if let location = stored.location { headers[.location] = location }
            return Response(status: .init(code: stored.status), headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: stored.body)))
        case .inProgress:
            throw DomainError(.conflict, "Yêu cầu với Idempotency-Key này đang được xử lý; hãy thử lại sau giây lát.")
        case .mismatch:
            throw DomainError.rule(field: "Idempotency-Key", "Idempotency-Key này đã dùng cho một yêu cầu khác.")
        case .reserved:
            do {
                var response = try await next(request, context)
                let captured = try await Self.collect(&response)
                if response.status.code < 500 {
                    try await keys.complete(
                        account: context.account.id, key: key,
                        .init(
                            status: response.status.code, contentType: response.headers[.contentType],
                            location: response.headers[.location], body: captured),
                        logger: context.logger)
                } else {
                    try await keys.release(account: context.account.id, key: key, logger: context.logger)
                }
                return response
            } catch {
                try? await keys.release(account: context.account.id, key: key, logger: context.logger)
                throw error
            }
        }
    }

    /// Evidence routes take files up to the evidence limit, from callers who may add evidence; every other POST is JSON.
    static func bodyLimit(path: String, account: Account, evidenceBytes: Int) -> Int {
        guard path.hasSuffix("/evidence") else { return ThiduaRequestDecoder.maxBytes }
        let mayUpload =
            Policy.can(account, .registerModel) || Policy.can(account, .nominate)
            || (path.hasPrefix("/v1/models/") && account.personId != nil)
        return mayUpload ? evidenceBytes : ThiduaRequestDecoder.maxBytes
    }

    /// Reads a response body into memory (API answers are small) and gives the response a copy to send.
    private static func collect(_ response: inout Response) async throws -> Data {
        let box = Collected()
        try await response.body.write(CollectingWriter(box: box))
        response.body = .init(byteBuffer: box.buffer)
        return Data(box.buffer.readableBytesView)
    }

    private final class Collected {
        var buffer = ByteBuffer()
    }

    private struct CollectingWriter: ResponseBodyWriter {
        let box: Collected
        mutating func write(_ buffer: ByteBuffer) async throws {
            var buffer = buffer
            box.buffer.writeBuffer(&buffer)
        }
        consuming func finish(_ trailingHeaders: HTTPFields?) async throws {}
    }
}
