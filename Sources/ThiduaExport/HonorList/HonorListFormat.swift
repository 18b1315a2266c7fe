import Foundation
import ThiduaCore

/// The honor list's file formats. CLI and API render through the same writers, so they give the same bytes.
public enum HonorListFormat: String, CaseIterable, Sendable {
    case csv, xlsx, md, json, html

    public var contentType: String {
        switch self {
        case .csv: "text/csv; charset=utf-8"
        case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        case .md: "text/markdown; charset=utf-8"
        case .json: "application/json"
        case .html: "text/html; charset=utf-8"
        }
    }

    /// Renders entries given in list order (as `HonorListRepository` yields them).
    public func render(
        _ request: HonorList.Request, issuer: HonorList.Issuer, entries: ((HonorList.Entry) -> Void) async throws -> Void
    ) async throws -> Data {
        switch self {
        case .csv: try await Self.run(CSVHonorListWriter(), request, issuer, entries).data
        case .xlsx: try await Self.run(XLSXHonorListWriter(), request, issuer, entries).package()
        case .md: Data(try await Self.run(MarkdownHonorListWriter(), request, issuer, entries).text.utf8)
        case .json: Data(try await Self.run(JSONHonorListWriter(), request, issuer, entries).text.utf8)
        case .html: Data(try await Self.run(HTMLHonorListWriter(), request, issuer, entries).text.utf8)
        }
    }

    private static func run<W: HonorListWriter>(
        _ writer: W, _ request: HonorList.Request, _ issuer: HonorList.Issuer, _ entries: ((HonorList.Entry) -> Void) async throws -> Void
    ) async throws -> W {
        var assembler = HonorListAssembler(writer, request: request, issuer: issuer)
        try await entries { assembler.add($0) }
        return assembler.finish()
    }
}

/// Money as a clerk writes it: 1.120.000 (dots between thousands).
func formatMoney(_ amount: Int?) -> String {
    guard let amount else { return "" }
    let digits = String(amount)
    var out = ""
    for (index, character) in digits.enumerated() {
        if index > 0 && (digits.count - index) % 3 == 0 { out.append(".") }
        out.append(character)
    }
    return out
}

extension HonorList.Entry {
    /// The achievements, with the revocation marked when revoked lines are included.
    var achievementsText: String {
        revocation.map { "\(achievements) [ĐÃ THU HỒI: \($0)]" } ?? achievements
    }

    /// The cells of one printed row.
    func cells(_ number: Int) -> [String] {
        [String(number), name, position, unit, achievementsText, decision, decisionLevel, formatMoney(amount)]
    }
}
