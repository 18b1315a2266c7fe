import Foundation
import Testing
import ThiduaCore
import ThiduaExport

/// The honor list's layout from plain entries: no database. Which lines and in which order is the Store's job
/// (HonorListRepositoryTests); here the renderer groups, numbers, marks and totals what it is given.
@Suite("Honor list rendering")
struct HonorListRenderingTests {
    static let issuer = HonorList.Issuer(unitName: "Trường Tiểu học An Phước", parentName: "Phòng GD&ĐT Tân Hồng", place: "Tân Hồng")

    static func entry(
        _ name: String, _ award: String, _ awardName: String, section: HonorList.Section = .individuals, amount: Int? = 540_000,
        achievements: String = "Hoàn thành tốt nhiệm vụ", revocation: String? = nil
    ) -> HonorList.Entry {
        HonorList.Entry(
            section: section, awardCode: award, awardName: awardName, name: name, position: "Giáo viên", unit: "Tổ chuyên môn khối 1",
            achievements: achievements, decisionNumber: "15/QĐ-THAP", decisionDate: LocalDate("2024-05-24")!,
            decisionLevel: issuer.unitName, amount: amount, revocation: revocation)
    }

    static func render(_ entries: [HonorList.Entry], _ format: HonorListFormat, includeRevoked: Bool = false) async throws -> Data {
        let request = HonorList.Request(period: Period("2024")!, includeRevoked: includeRevoked)
        return try await HonorListReport.render(request, format: format, issuer: issuer) { each in
            for entry in entries { try await each(entry) }
        }.data
    }

    static func text(_ entries: [HonorList.Entry], _ format: HonorListFormat, includeRevoked: Bool = false) async throws -> String {
        String(decoding: try await render(entries, format, includeRevoked: includeRevoked), as: UTF8.self)
    }

    @Test("A heading per section and award, in the order given; STT restarts in each group; the total counts every line")
    func groupingAndNumbering() async throws {
        let md = try await Self.text(
            [
                Self.entry("Trần Văn An", "CSTD_CS", "Chiến sĩ thi đua cơ sở"), Self.entry("Lê Văn Bình", "GK", "Giấy khen"),
                Self.entry("Hà Văn Dũng", "GK", "Giấy khen"), Self.entry("Ngô Văn Cường", "LDTT", "Lao động tiên tiến"),
                Self.entry("Tổ văn phòng", "TTLDTT", "Tập thể lao động tiên tiến", section: .collectives),
            ], .md)
        let headings = md.split(separator: "\n").filter { $0.hasPrefix("## ") || $0.hasPrefix("### ") }.map(String.init)
        #expect(
            headings == [
                "## I. Cá nhân", "### Chiến sĩ thi đua cơ sở", "### Giấy khen", "### Lao động tiên tiến", "## II. Tập thể",
                "### Tập thể lao động tiên tiến",
            ])
        #expect(md.contains("| 1 | Lê Văn Bình |"))
        #expect(md.contains("| 2 | Hà Văn Dũng |"))
        #expect(md.contains("**Tổng cộng: 5**"))
    }

    @Test("A revoked line is marked with its reason and left out of the total")
    func revokedMarked() async throws {
        let md = try await Self.text(
            [
                Self.entry("Lê Văn An", "LDTT", "Lao động tiên tiến"),
                Self.entry("Trần Văn Bình", "LDTT", "Lao động tiên tiến", revocation: "Vi phạm kỷ luật"),
            ],
            .md, includeRevoked: true)
        #expect(md.contains("Trần Văn Bình"))
        #expect(md.contains("\\[ĐÃ THU HỒI: Vi phạm kỷ luật\\]"))  // escaped: rendered, it reads [ĐÃ THU HỒI: …]
        #expect(md.contains("**Tổng cộng: 1**"))
    }

    @Test("CSV keeps achievements with commas, quotes and line breaks in one cell")
    func csvQuoting() async throws {
        let achievements = "Dạy giỏi, chủ nhiệm tốt;\nmô hình \"Dân vận khéo\""
        let data = try await Self.render([Self.entry("Lê Văn An", "LDTT", "Lao động tiên tiến", achievements: achievements)], .csv)
        #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let records = try CSVReader.records(try CSVReader.decode(data))
        let row = try #require(records.first { $0.fields.count > 1 && $0.fields[1] == "Lê Văn An" })
        #expect(row.fields[4] == achievements)
        #expect(row.fields.count == HonorList.columns.count)
    }

    @Test("An empty list gives a valid file with headings and a zero total in every format")
    func emptyList() async throws {
        let json = try await Self.render([], .json)
        let object = try JSONSerialization.jsonObject(with: json) as? [String: Any]
        #expect(object?["count"] as? Int == 0)
        #expect(try await Self.text([], .md).contains("Không có khen thưởng nào"))
        #expect(try await Self.text([], .html).hasSuffix("</html>\n"))
    }
}

@Suite("Markdown escaping (security review F10)")
struct MarkdownEscapingTests {
    @Test("Names, units and awards with HTML or Markdown in them are written as text in every Markdown report")
    func markupIsText() async throws {
        let hostile = HonorListRenderingTests.entry(
            "<img src=x onerror=alert(1)> **Bùi** [x](http://evil.example)", "LDTT", "<script>alert(1)</script>")
        let md = try await HonorListRenderingTests.text([hostile], .md)
        // Every "<" is escaped: none is left that a renderer could read as the start of a tag.
        #expect(!md.replacingOccurrences(of: "\\<", with: "").contains("<"))
        #expect(md.contains(#"\<img src=x onerror=alert(1)\> \*\*Bùi\*\* \[x\](http://evil.example)"#))
        #expect(md.contains(#"### \<script\>alert(1)\</script\>"#))
    }

    @Test("Ordinary Vietnamese text, GD&ĐT included, is left as it is")
    func ordinaryTextUnchanged() async throws {
        let plain = HonorListRenderingTests.entry("Phòng GD&ĐT Tân Hồng", "LDTT", "Lao động tiên tiến")
        let md = try await HonorListRenderingTests.text([plain], .md)
        #expect(md.contains("| Phòng GD&ĐT Tân Hồng |"))
    }
}
