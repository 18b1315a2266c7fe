import Foundation
import ThiduaCore

/// JSON written as it streams: `{"title", "period", "issuer", "sections": [{"section", "heading",
/// "groups": [{"awardName", "entries": [...], "count", "amount"}]}], "count", "amount"}`. A district's list gives each
/// section its `"school"` (sections repeat school by school) and ends with `"schools": [{"name", "count", "amount"}]`.
/// An entry names its award by code (`"award": "LDTT"`), as every other thidua JSON does.
struct JSONHonorListWriter: HonorListWriter {
    private(set) var text = ""

    mutating func take() -> Data {
        defer { text = "" }
        return Data(text.utf8)
    }
    private var firstSection = true
    private var firstGroup = true
    private var firstEntry = true
    private var award = ""
    private var school: String?
    private var schools: [String] = []
    private let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    private func json(_ value: some Encodable) -> String {
        (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "null"
    }

    mutating func begin(_ request: HonorList.Request, issuer: HonorList.Issuer) {
        text +=
            "{\"title\":\(json(request.title)),\"period\":\(json(request.period.label)),\"issuer\":\(json(issuer.unitName)),\"sections\":["
    }

    mutating func section(_ section: HonorList.Section) {
        // Close the previous section's groups array and object.
        if !firstSection { text += "]}," }
        text += "{\"section\":\(json(section.rawValue)),\"heading\":\(json(section.heading))"
        text += school.map { ",\"school\":\(json($0)),\"groups\":[" } ?? ",\"groups\":["
        firstSection = false
        firstGroup = true
    }

    mutating func school(_ name: String) { school = name }

    mutating func schoolTotal(count: Int, amount: Int) {
        schools.append("{\"amount\":\(amount),\"count\":\(count),\"name\":\(json(school ?? ""))}")
    }

    mutating func group(_ awardName: String) {
        text += (firstGroup ? "" : ",") + "{\"awardName\":\(json(awardName)),\"entries\":["
        firstGroup = false
        firstEntry = true
    }

    /// One line, keys sorted as `JSONEncoder` sorts them (the golden files were made with it), written by hand:
    /// encoding 100,000 lines one by one with `JSONEncoder` took seconds.
    mutating func entry(_ number: Int, _ entry: HonorList.Entry) {
        text += firstEntry ? "{\"achievements\":" : ",{\"achievements\":"
        Self.append(entry.achievements, to: &text)
        if let amount = entry.amount {
            text += ",\"amount\":"
            text += String(amount)
        }
        text += ",\"award\":"
        Self.append(entry.awardCode, to: &text)
        text += ",\"decisionDate\":\""
        text += entry.decisionDate.description
        text += "\",\"decisionLevel\":"
        Self.append(entry.decisionLevel, to: &text)
        text += ",\"decisionNumber\":"
        Self.append(entry.decisionNumber, to: &text)
        text += ",\"name\":"
        Self.append(entry.name, to: &text)
        text += ",\"position\":"
        Self.append(entry.position, to: &text)
        if let reason = entry.revocation {
            text += ",\"revocationReason\":"
            Self.append(reason, to: &text)
        }
        text += entry.revocation == nil ? ",\"revoked\":false,\"stt\":" : ",\"revoked\":true,\"stt\":"
        text += String(number)
        text += ",\"unit\":"
        Self.append(entry.unit, to: &text)
        text += "}"
        firstEntry = false
    }

    /// Appends a JSON string without building an intermediate one (most values need no escaping).
    static func append(_ value: String, to text: inout String) {
        if value.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) {
            text += quoted(value)
        } else {
            text += "\""
            text += value
            text += "\""
        }
    }

    /// A JSON string as `JSONEncoder` writes it (slashes unescaped): quotes, backslashes and control characters escaped.
    static func quoted(_ value: String) -> String {
        guard value.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else {
            return "\"" + value + "\""
        }
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    mutating func groupTotal(count: Int, amount: Int) { text += "],\"count\":\(count),\"amount\":\(amount)}" }

    mutating func end(count: Int, amount: Int) {
        if !firstSection { text += "]}" }
        text += schools.isEmpty ? "]" : "],\"schools\":[\(schools.joined(separator: ","))]"
        text += ",\"count\":\(count),\"amount\":\(amount)}\n"
    }
}
