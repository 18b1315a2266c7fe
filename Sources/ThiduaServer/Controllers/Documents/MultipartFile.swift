import Foundation
import Hummingbird
import ThiduaCore
import ThiduaWeb

/// The file of an evidence upload sent as `multipart/form-data`: the part named `file`, or the first part with a file
/// name. Parsing (linear time, boundary and part limits: security review F2) is `MultipartForm`'s, shared with the pages.
struct MultipartFile: Equatable {
    let filename: String
    let contentType: String
    let data: Data

    static let maxParts = 8

    static func boundary(of contentType: String) throws(DomainError) -> String? {
        try MultipartForm.boundary(of: contentType)
    }

    /// Reads the body up to `maxBytes` (413 beyond) and returns its file.
    static func read(_ body: RequestBody, boundary: String, maxBytes: Int) async throws -> MultipartFile? {
        let form: MultipartForm
        do {
            form = try await MultipartForm.read(body, boundary: boundary, maxBytes: maxBytes, maxParts: maxParts)
        } catch is MultipartForm.TooLarge {
            throw EvidenceController.tooLarge(maxBytes)
        }
        let named = form.files.first { $0.field == "file" && !$0.filename.isEmpty }
        return (named ?? form.files.first { !$0.filename.isEmpty }).map {
            MultipartFile(filename: $0.filename, contentType: $0.contentType, data: $0.data)
        }
    }
}
