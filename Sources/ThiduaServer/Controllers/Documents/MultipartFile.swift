import Foundation
import Hummingbird
import MultipartKit
import NIOCore
import ThiduaCore

/// The `file` part of a `multipart/form-data` body (RFC 7578): its bytes, name and content type. The body is parsed as it
/// arrives by multipart-kit's streaming parser, in time linear in its size (security review F2: the hand-written search
/// it replaces was quadratic in the boundary's length); the boundary is checked first (RFC 2046: 1–70 characters of a
/// fixed set), and a form with more than `maxParts` parts is refused.
struct MultipartFile: Equatable {
    let filename: String
    let contentType: String
    let data: Data

    static let maxParts = 8

    /// The boundary of a `multipart/form-data; boundary=…` content type; nil for any other type; a 422 for a multipart
    /// type whose boundary RFC 2046 does not allow.
    static func boundary(of contentType: String) throws(DomainError) -> String? {
        let parts = contentType.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.first?.lowercased() == "multipart/form-data" else { return nil }
        let parameter = parts.first { $0.lowercased().hasPrefix("boundary=") }
        let value = parameter.map { $0.dropFirst("boundary=".count).trimmingCharacters(in: CharacterSet(charactersIn: "\"")) } ?? ""
        let allowed = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'()+_,-./:=? ")
        guard (1...70).contains(value.count), value.allSatisfy(allowed.contains), value.last != " " else {
            throw DomainError.validation([
                .init(field: "Content-Type", message: "boundary của multipart/form-data phải dài 1–70 ký tự chữ, số hoặc '()+_,-./:=?.")
            ])
        }
        return value
    }

    /// Reads the body up to `maxBytes` (413 beyond) and returns the part named `file`, or the first part with a file name.
    static func read(_ body: RequestBody, boundary: String, maxBytes: Int) async throws -> MultipartFile? {
        let state = State()
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { name, value in state.headers.append((name, value)) }
        parser.onBody = { buffer in
            if state.keeping { state.body.writeBuffer(&buffer) } else { buffer.moveReaderIndex(to: buffer.writerIndex) }
        }
        parser.onPartComplete = { state.completePart() }
        var received = 0
        for try await chunk in body {
            received += chunk.readableBytes
            guard received <= maxBytes else { throw EvidenceController.tooLarge(maxBytes) }
            do {
                try parser.execute(chunk)
            } catch {
                throw DomainError.validation([.init(field: "file", message: "Biểu mẫu multipart không đọc được.")])
            }
            guard state.parts <= maxParts else {
                throw DomainError.validation([.init(field: "file", message: "Biểu mẫu có quá \(maxParts) phần.")])
            }
        }
        return state.named ?? state.first
    }

    /// What the parser's callbacks gather: the current part's headers and (when it may be kept) its bytes.
    private final class State {
        var headers: [(String, String)] = []
        var body = ByteBuffer()
        var parts = 0
        var first: MultipartFile?
        var named: MultipartFile?

        /// Only the first file and the part named `file` are kept, so memory stays at about one file.
        var keeping: Bool { named == nil }

        func completePart() {
            parts += 1
            defer { (headers, body) = ([], ByteBuffer()) }
            let disposition = headers.last { $0.0.lowercased() == "content-disposition" }?.1 ?? ""
            let type = headers.last { $0.0.lowercased() == "content-type" }?.1 ?? "application/octet-stream"
            guard named == nil, let filename = EvidenceController.filename(disposition) else { return }
            let file = MultipartFile(filename: filename, contentType: type, data: Data(body.readableBytesView))
            if disposition.contains("name=\"file\"") {
                named = file
            } else if first == nil {
                first = file
            }
        }
    }
}
