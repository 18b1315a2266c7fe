import Foundation
import ThiduaCore

/// JSON written as it streams: `{"title", "period", "issuer", "sections": [{"section", "heading",
/// "groups": [{"award", "count", "entries": [...]}]}], "count", "amount"}`.
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
        text += "{\"section\":\(json(section.rawValue)),\"heading\":\(json(section.heading)),\"groups\":["
        firstSection = false
        firstGroup = true
    }

    mutating func group(_ awardName: String) {
        text += (firstGroup ? "" : ",") + "{\"award\":\(json(awardName)),\"entries\":["
        firstGroup = false
        firstEntry = true
    }

    mutating func entry(_ number: Int, _ entry: HonorList.Entry) {
        struct Line: Encodable {
            let stt: Int, name: String, position: String, unit: String, achievements: String, awardCode: String
            let decisionNumber: String, decisionDate: LocalDate, decisionLevel: String, amount: Int?, revoked: Bool,
                revocationReason: String?
        }
        let line = Line(
            stt: number, name: entry.name, position: entry.position, unit: entry.unit, achievements: entry.achievements,
            awardCode: entry.awardCode,
            decisionNumber: entry.decisionNumber, decisionDate: entry.decisionDate, decisionLevel: entry.decisionLevel,
            amount: entry.amount,
            revoked: entry.revocation != nil, revocationReason: entry.revocation)
        text += (firstEntry ? "" : ",") + json(line)
        firstEntry = false
    }

    mutating func groupTotal(count: Int, amount: Int) { text += "],\"count\":\(count),\"amount\":\(amount)}" }

    mutating func end(count: Int, amount: Int) {
        if !firstSection { text += "]}" }
        text += "],\"count\":\(count),\"amount\":\(amount)}\n"
    }
}
