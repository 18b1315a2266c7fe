import Foundation
import ThiduaCore

/// The honor list's file formats. CLI and API render through the same writers, so they give the same bytes.
public enum HonorListFormat: String, CaseIterable, Sendable {
    case csv, xlsx, md, json, html

    public var contentType: String { MediaType.of(rawValue) }

    /// Renders entries given in list order (as `HonorListRepository` yields them) into one `Data`.
    public func render(
        _ request: HonorList.Request, issuer: HonorList.Issuer, entries: ((HonorList.Entry) async throws -> Void) async throws -> Void
    ) async throws -> Data {
        var data = Data()
        try await stream(request, issuer: issuer, to: { data.append($0) }, entries: entries)
        return data
    }

    /// Renders entries as they come and hands the bytes to `sink` every few hundred lines, so memory stays flat however
    /// long the list is. A workbook is one ZIP package and goes out whole at the end.
    public func stream(
        _ request: HonorList.Request, issuer: HonorList.Issuer, to sink: (Data) async throws -> Void,
        entries: ((HonorList.Entry) async throws -> Void) async throws -> Void
    ) async throws {
        switch self {
        case .csv: try await Self.pipe(CSVHonorListWriter(), request, issuer, sink, entries) { try await sink($0.take()) }
        case .md: try await Self.pipe(MarkdownHonorListWriter(), request, issuer, sink, entries) { try await sink($0.take()) }
        case .json: try await Self.pipe(JSONHonorListWriter(), request, issuer, sink, entries) { try await sink($0.take()) }
        case .html: try await Self.pipe(HTMLHonorListWriter(), request, issuer, sink, entries) { try await sink($0.take()) }
        case .xlsx:
            let writer = try XLSXHonorListWriter()
            defer { writer.discard() }
            try await Self.pipe(writer, request, issuer, sink, entries) { try await $0.package(to: sink) }
        }
    }

    /// Feeds the writer line by line and hands its bytes to `sink` every 500 lines; `finish` sends the rest.
    private static func pipe<W: HonorListWriter>(
        _ writer: W, _ request: HonorList.Request, _ issuer: HonorList.Issuer, _ sink: (Data) async throws -> Void,
        _ entries: ((HonorList.Entry) async throws -> Void) async throws -> Void, finish: (inout W) async throws -> Void
    ) async throws {
        try await withoutActuallyEscaping(sink) { sink in
            var assembler = HonorListAssembler(writer, request: request, issuer: issuer)
            var pending = 0
            try await entries { entry in
                assembler.add(entry)
                pending += 1
                if pending == 500 {
                    pending = 0
                    let chunk = assembler.take()
                    if !chunk.isEmpty { try await sink(chunk) }
                }
            }
            var finished = assembler.finish()
            try await finish(&finished)
        }
    }
}

/// Money as a clerk writes it: 1.120.000 (dots between thousands).
func formatMoney(_ amount: Int?) -> String {
    amount.map(VietnameseText.grouped) ?? ""
}

extension HonorList.Entry {
    /// The achievements, with the revocation marked when revoked lines are included.
    var achievementsText: String {
        revocation.map { "\(achievements) [ĐÃ THU HỒI: \($0)]" } ?? achievements
    }

    /// The cells of one printed row; `plainMoney` writes the amount as bare digits (CSV: "540.000" would be read as
    /// 540 by a spreadsheet whose locale takes the dot for a decimal point).
    func cells(_ number: Int, plainMoney: Bool = false) -> [String] {
        [
            String(number), name, position, unit, achievementsText, decision, decisionLevel,
            plainMoney ? amount.map(String.init) ?? "" : formatMoney(amount),
        ]
    }
}
