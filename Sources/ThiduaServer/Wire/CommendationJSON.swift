import Foundation
import Hummingbird
import ThiduaCore

/// Commendations written as JSON by hand: the one record and the page the read benchmark hammers (issue "Performance":
/// under load Foundation's `JSONEncoder` took 36 % of the server's time on a page of 50). The same fields as
/// `CommendationResponse`, absent when nil as the encoder leaves them; `JSONWriterTests` compares the two.
struct CommendationJSON: ResponseGenerator, Sendable {
    let items: [Commendation]
    /// A page (`{"items": [...], "nextCursor": …}`) or one record.
    let isPage: Bool
    let nextCursor: String?

    static func one(_ commendation: Commendation) -> Self { Self(items: [commendation], isPage: false, nextCursor: nil) }
    static func page(_ items: [Commendation], nextCursor: String?) -> Self { Self(items: items, isPage: true, nextCursor: nextCursor) }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        Response(
            status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    var bytes: [UInt8] {
        var json = JSONWriter(capacity: 64 + items.count * 640)
        if isPage {
            json.raw("{\"items\":[")
            for (index, item) in items.enumerated() {
                if index > 0 { json.raw(",") }
                Self.write(item, to: &json)
            }
            json.raw("],\"nextCursor\":")
            json.value(nextCursor)
            json.raw("}")
        } else if let item = items.first {
            Self.write(item, to: &json)
        }
        return json.bytes
    }

    static func write(_ c: Commendation, to json: inout JSONWriter) {
        json.raw("{\"id\":")
        json.id(c.id.rawValue)
        json.field("nominationId", id: c.nominationId.rawValue)
        json.field("award", c.awardCode)
        json.field("movementId", id: c.movementId.rawValue)
        json.raw(",\"nominee\":{")
        if let person = c.nominee.personId {
            json.raw("\"personId\":")
            json.id(person.rawValue)
        } else if let unit = c.nominee.unitId {
            json.raw("\"unitId\":")
            json.id(unit.rawValue)
        }
        json.raw("}")
        json.field("decisionNumber", c.decisionNumber)
        json.field("decisionDate", c.decisionDate.description)
        json.field("signer", c.signerName)
        json.raw(c.revocation == nil ? ",\"revoked\":false" : ",\"revoked\":true")
        if let revocation = c.revocation {
            json.raw(",\"revocation\":{\"reason\":")
            json.string(revocation.reason)
            json.field("decisionNumber", revocation.decisionNumber)
            json.raw("}")
        }
        if let issuer = c.issuer { json.field("issuer", issuer) }
        if let money = c.money {
            json.field("coefficient", money.coefficient.description)
            json.field("collectiveFactor", money.collectiveFactor)
            json.field("baseSalary", money.baseSalary)
            json.field("rewardAmount", money.rewardAmount)
        }
        json.raw(c.revocation == nil ? ",\"version\":1}" : ",\"version\":2}")
    }
}

/// JSON text into bytes: strings escaped as RFC 8259 asks (quote, backslash, control characters); everything else,
/// Vietnamese included, as UTF-8.
struct JSONWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func field(_ key: StaticString, _ value: String) {
        raw(",\"")
        raw(key)
        raw("\":")
        string(value)
    }

    mutating func field(_ key: StaticString, id: UUID) {
        raw(",\"")
        raw(key)
        raw("\":")
        self.id(id)
    }

    mutating func field(_ key: StaticString, _ value: Int) {
        raw(",\"")
        raw(key)
        raw("\":")
        bytes.append(contentsOf: String(value).utf8)
    }

    mutating func value(_ text: String?) {
        if let text { string(text) } else { raw("null") }
    }

    mutating func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            // Most strings need no escape at all: copied in one append, runs between escapes likewise.
            var start = 0
            for (index, byte) in utf8.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
                escape(byte)
                start = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// An id as a JSON string, its 36 characters written straight into the bytes.
    mutating func id(_ uuid: UUID) {
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: uuid.lowercasedString.utf8)
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func escape(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "\""): raw("\\\"")
        case UInt8(ascii: "\\"): raw("\\\\")
        case UInt8(ascii: "\n"): raw("\\n")
        case UInt8(ascii: "\r"): raw("\\r")
        case UInt8(ascii: "\t"): raw("\\t")
        default:  // another control character, rare: \u and four hex digits
            let hex = String(byte, radix: 16)
            bytes.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
        }
    }
}
