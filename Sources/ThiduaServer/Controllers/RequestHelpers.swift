import HTTPTypes
import Foundation
import Hummingbird
import ThiduaCore

extension Request {
    /// `?limit=&cursor=` as a page request; a non-number limit is a validation error naming `limit`.
    func pageRequest() throws -> PageRequest {
        let limitText = uri.queryParameters.get("limit")
        let limit = try limitText.map { (text: String) throws(DomainError) -> Int in
            guard let value = Int(text) else {
                throw DomainError.validation([.init(field: "limit", message: "limit phải là số nguyên từ 1 đến 200.")])
            }
            return value
        }
        return try PageRequest(limit: limit, cursor: uri.queryParameters.get("cursor"))
    }

    /// The version a client expects (`If-Match: "3"`), or nil when it sent none.
    func expectedVersion() throws -> Int? {
        guard let header = headers[.ifMatch] else { return nil }
        let trimmed = header.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "W/", with: "")
            .trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        guard let version = Int(trimmed) else {
            throw DomainError.validation([.init(field: "If-Match", message: "If-Match phải là ETag đã nhận, ví dụ \"3\".")])
        }
        return version
    }
}

extension Parameters {
    /// A typed id from the path; an id that is not a UUID is simply not found.
    func id<Entity>(_ name: String, of entity: Entity.Type, what: String) throws -> ID<Entity> {
        guard let text = get(name), let id = ID<Entity>(text) else { throw DomainError.notFound(what) }
        return id
    }
}

/// An ETag for a versioned resource.
func etag(_ version: Int) -> String { "\"\(version)\"" }

extension HTTPField.Name {
    static let xRequestID = HTTPField.Name("X-Request-Id")!
}
