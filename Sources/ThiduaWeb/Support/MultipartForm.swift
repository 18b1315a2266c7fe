import Foundation
import Hummingbird
import MultipartKit
import ThiduaCore

/// A `multipart/form-data` body (RFC 7578): its text fields and its files. The body is parsed as it arrives by
/// multipart-kit's streaming parser, in time linear in its size (security review F2: the hand-written search it replaced
/// was quadratic in the boundary's length); the boundary is checked first (RFC 2046: 1–70 characters of a fixed set), a
/// body past `maxBytes` is `TooLarge`, and a form with more than `maxParts` parts is refused. Used by the API's evidence
/// upload and by the pages' upload form.
public struct MultipartForm: Sendable {
    public struct File: Equatable, Sendable {
        public let field: String
        public let filename: String
        public let contentType: String
        public let data: Data
    }

    /// Text parts by name (NFC, spacing and line breaks kept), the last of a repeated name winning.
    public private(set) var fields: [String: String] = [:]
    /// File parts in the order sent (a part with a file name, even an empty one the browser sends for "no file").
    public private(set) var files: [File] = []

    /// The body was longer than the limit; the API answers 413, a page says so.
    public struct TooLarge: Error {
        public let limit: Int
    }

    /// The boundary of a `multipart/form-data; boundary=…` content type; nil for any other type; a 422 for a multipart
    /// type whose boundary RFC 2046 does not allow.
    public static func boundary(of contentType: String) throws(DomainError) -> String? {
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

    /// Reads the whole form from `body` as it arrives.
    public static func read<Body: AsyncSequence>(_ body: Body, boundary: String, maxBytes: Int, maxParts: Int) async throws
        -> MultipartForm where Body.Element == ByteBuffer
    {
        let reader = Reader(boundary: boundary, maxBytes: maxBytes, maxParts: maxParts)
        for try await chunk in body { try reader.feed(chunk) }
        return reader.form
    }

    /// Reads the whole form from a body already collected.
    public static func read(_ body: ByteBuffer, boundary: String, maxBytes: Int, maxParts: Int) throws -> MultipartForm {
        let reader = Reader(boundary: boundary, maxBytes: maxBytes, maxParts: maxParts)
        try reader.feed(body)
        return reader.form
    }

    /// The file name from a `Content-Disposition` value: RFC 5987 `filename*=UTF-8''…` first, else `filename="…"`; NFC.
    public static func filename(_ header: String?) -> String? {
        parameter("filename", of: header)
    }

    private static func parameter(_ name: String, of header: String?) -> String? {
        guard let header else { return nil }
        let parts = header.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        if let extended = parts.first(where: { $0.lowercased().hasPrefix("\(name)*=") }) {
            let value = extended.dropFirst(name.count + 2)
            if let range = value.range(of: "''"), let decoded = String(value[range.upperBound...]).removingPercentEncoding {
                return VietnameseText.normalized(decoded).nilIfEmpty
            }
        }
        if let plain = parts.first(where: { $0.lowercased().hasPrefix("\(name)=") }) {
            return VietnameseText.normalized(
                String(plain.dropFirst(name.count + 1)).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            ).nilIfEmpty
        }
        return nil
    }

    /// Feeds the parser and gathers what its callbacks give: the current part's headers and bytes, the parts so far.
    private final class Reader {
        let parser: MultipartParser
        let maxBytes: Int
        let maxParts: Int
        var received = 0
        var headers: [(String, String)] = []
        var body = ByteBuffer()
        var form = MultipartForm()

        init(boundary: String, maxBytes: Int, maxParts: Int) {
            parser = MultipartParser(boundary: boundary)
            self.maxBytes = maxBytes
            self.maxParts = maxParts
            parser.onHeader = { [unowned self] name, value in headers.append((name, value)) }
            parser.onBody = { [unowned self] buffer in body.writeBuffer(&buffer) }
            parser.onPartComplete = { [unowned self] in completePart() }
        }

        func feed(_ chunk: ByteBuffer) throws {
            received += chunk.readableBytes
            guard received <= maxBytes else { throw TooLarge(limit: maxBytes) }
            do {
                try parser.execute(chunk)
            } catch {
                throw DomainError.validation([.init(field: "file", message: "Biểu mẫu multipart không đọc được.")])
            }
            guard form.fields.count + form.files.count <= maxParts else {
                throw DomainError.validation([.init(field: "file", message: "Biểu mẫu có quá \(maxParts) phần.")])
            }
        }

        func completePart() {
            defer { (headers, body) = ([], ByteBuffer()) }
            let disposition = headers.last { $0.0.lowercased() == "content-disposition" }?.1
            let name = MultipartForm.parameter("name", of: disposition) ?? ""
            let data = Data(body.readableBytesView)
            if disposition?.lowercased().contains("filename") == true {
                let type = headers.last { $0.0.lowercased() == "content-type" }?.1 ?? "application/octet-stream"
                form.files.append(File(field: name, filename: MultipartForm.filename(disposition) ?? "", contentType: type, data: data))
            } else {
                form.fields[name] = String(decoding: data, as: UTF8.self).precomposedStringWithCanonicalMapping
            }
        }
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
