import Hummingbird
import ThiduaCore
import ThiduaStore

// Evidence (minh chứng) on the wire.

extension EvidenceController {
    /// `POST …/evidence` with a JSON body: a link or a note instead of a file.
    struct LinkOrNote: Decodable {
        let url: String?
        let note: String?
    }
}

/// An evidence item's description (a Store value with explicit keys, sent as it is).
extension EvidenceRepository.Item: ResponseEncodable {}

/// `GET /v1/audit`: one record's history (a Store value, sent as it is).
extension AuditLog.Entry: ResponseEncodable {}
