import Foundation
import ThiduaCore
import ZIPFoundation

/// A real workbook (Office Open XML): one sheet with a title row, a styled and frozen header row, section and group
/// rows, the numbered lines with money as numbers ("#,##0"), totals per group and overall, and column widths.
/// Text cells are inline strings, so every cell's text is in the sheet itself. The sheet is written to a temporary
/// file as rows arrive and the package is built on disk, so memory stays flat however long the list is.
struct XLSXHonorListWriter: HonorListWriter {
    private var rows = ""
    private var row = 0
    let folder: URL
    private let sheetFile: URL
    private let sheetHandle: FileHandle
    private var failure: (any Error)?

    init() throws {
        folder = FileManager.default.temporaryDirectory.appending(path: "thidua-xlsx-\(UUID().uuidString)")
        // The list holds people's names and money: its parts are readable by this user only (security review F19c).
        try FileManager.default.createDirectory(
            at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        sheetFile = folder.appending(path: "sheet1.xml")
        FileManager.default.createFile(atPath: sheetFile.path, contents: nil, attributes: [.posixPermissions: 0o600])
        sheetHandle = try FileHandle(forWritingTo: sheetFile)
        try sheetHandle.write(contentsOf: Data(Self.sheetStart.utf8))
    }

    /// Removes the temporary files.
    func discard() {
        try? sheetHandle.close()
        try? FileManager.default.removeItem(at: folder)
    }

    /// Style indexes of `styles.xml`.
    enum Style: Int {
        case plain = 0, header, text, money, title, group, totalText, totalMoney, number
    }

    mutating func begin(_ request: HonorList.Request, issuer: HonorList.Issuer) {
        append([.text(request.title)], style: .title)
        append(HonorList.columns.map { .text($0) }, style: .header)
    }

    /// Moves the rows written so far to the sheet file. A workbook is one ZIP package, sent whole at the end
    /// (`package(to:)`), so nothing goes out here.
    mutating func take() -> Data {
        guard failure == nil, !rows.isEmpty else { return Data() }
        do { try sheetHandle.write(contentsOf: Data(rows.utf8)) } catch { failure = error }
        rows = ""
        return Data()
    }

    mutating func school(_ name: String) { append([.text(name.uppercased())], style: .group) }
    mutating func schoolTotal(count: Int, amount: Int) {
        append(
            [.empty, .text("Cộng đơn vị: \(count)"), .empty, .empty, .empty, .empty, .empty, amount > 0 ? .money(amount) : .empty],
            style: .totalText)
    }
    mutating func section(_ section: HonorList.Section) { append([.text(section.heading)], style: .group) }
    mutating func group(_ awardName: String) { append([.empty, .text(awardName)], style: .group) }

    mutating func entry(_ number: Int, _ entry: HonorList.Entry) {
        let cells = entry.cells(number)
        var values: [Value] = [.number(number)] + cells.dropFirst().dropLast().map { $0.isEmpty ? .empty : .text($0) }
        values.append(entry.amount.map { .money($0) } ?? .empty)
        append(values, style: .text)
    }

    mutating func groupTotal(count: Int, amount: Int) {
        append(
            [.empty, .text("Cộng: \(count)"), .empty, .empty, .empty, .empty, .empty, amount > 0 ? .money(amount) : .empty],
            style: .totalText)
    }

    mutating func end(count: Int, amount: Int) {
        append(
            [.empty, .text("Tổng cộng: \(count)"), .empty, .empty, .empty, .empty, .empty, amount > 0 ? .money(amount) : .empty],
            style: .totalText)
    }

    enum Value {
        case text(String)
        case number(Int)
        case money(Int)
        case empty
    }

    private mutating func append(_ values: [Value], style: Style) {
        row += 1
        rows += "<row r=\"\(row)\">"
        for (index, value) in values.enumerated() {
            let reference = "\(Self.column(index))\(row)"
            switch value {
            case .text(let text):
                rows +=
                    "<c r=\"\(reference)\" s=\"\(style.rawValue)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">\(Self.escape(text))</t></is></c>"
            case .number(let number):
                rows += "<c r=\"\(reference)\" s=\"\(Style.number.rawValue)\"><v>\(number)</v></c>"
            case .money(let amount):
                let moneyStyle: Style = style == .totalText ? .totalMoney : .money
                rows += "<c r=\"\(reference)\" s=\"\(moneyStyle.rawValue)\"><v>\(amount)</v></c>"
            case .empty:
                if style != .title { rows += "<c r=\"\(reference)\" s=\"\(style.rawValue)\"/>" }
            }
        }
        rows += "</row>"
    }

    static func column(_ index: Int) -> String { String(UnicodeScalar(UInt8(65 + index))) }

    /// XML text: the markup characters escaped as in HTML, and characters XML 1.0 forbids (control characters other than
    /// tab and line breaks) dropped.
    static func escape(_ text: String) -> String {
        func allowed(_ scalar: Unicode.Scalar) -> Bool {
            scalar == "\t" || scalar == "\n" || scalar == "\r" || (scalar.value >= 0x20 && scalar.value != 0xFFFE && scalar.value != 0xFFFF)
        }
        guard !text.unicodeScalars.allSatisfy(allowed) else { return HTMLParts.escape(text) }
        return HTMLParts.escape(String(String.UnicodeScalarView(text.unicodeScalars.filter(allowed))))
    }

    /// Column widths in characters: STT, name, position, unit, achievements, decision, level, money.
    static let widths = [6, 28, 18, 26, 48, 24, 26, 16]

    static var sheetStart: String {
        let columns = Self.widths.enumerated().map {
            "<col min=\"\($0.offset + 1)\" max=\"\($0.offset + 1)\" width=\"\($0.element)\" customWidth=\"1\"/>"
        }
        .joined()
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
            <sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>\
            <sheetViews><sheetView workbookViewId="0"><pane ySplit="2" topLeftCell="A3" activePane="bottomLeft" state="frozen"/>\
            <selection pane="bottomLeft" activeCell="A3" sqref="A3"/></sheetView></sheetViews>\
            <sheetFormatPr defaultRowHeight="15"/><cols>\(columns)</cols><sheetData>
            """
    }

    static let sheetEnd = """
        </sheetData><pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>\
        <pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/></worksheet>
        """

    /// Builds the workbook package on disk and hands it to `sink` in 1 MiB pieces. Entries carry a fixed date, so the
    /// same list always gives the same bytes.
    mutating func package(to sink: (Data) async throws -> Void) async throws {
        _ = take()
        if let failure { throw failure }
        try sheetHandle.write(contentsOf: Data(Self.sheetEnd.utf8))
        try sheetHandle.close()
        let book = folder.appending(path: "book.xlsx")
        let archive = try Archive(url: book, accessMode: .create)
        let fixedDate = Date(timeIntervalSince1970: 1_704_067_200)
        let parts: [(String, String)] = [
            ("[Content_Types].xml", Self.contentTypes), ("_rels/.rels", Self.rootRelationships),
            ("xl/workbook.xml", Self.workbook), ("xl/_rels/workbook.xml.rels", Self.workbookRelationships),
            ("xl/styles.xml", Self.styles),
        ]
        for (path, text) in parts {
            let data = Data(text.utf8)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: fixedDate, compressionMethod: .deflate,
                provider: { position, size in data.subdata(in: Int(position)..<Int(position) + size) })
        }
        let sheet = try FileHandle(forReadingFrom: sheetFile)
        defer { try? sheet.close() }
        let size = try FileManager.default.attributesOfItem(atPath: sheetFile.path)[.size] as? Int ?? 0
        try archive.addEntry(
            with: "xl/worksheets/sheet1.xml", type: .file, uncompressedSize: Int64(size), modificationDate: fixedDate,
            compressionMethod: .deflate,
            provider: { position, length in
                try sheet.seek(toOffset: UInt64(position))
                return try sheet.read(upToCount: length) ?? Data()
            })
        let reader = try FileHandle(forReadingFrom: book)
        defer { try? reader.close() }
        while let chunk = try reader.read(upToCount: 1 << 20), !chunk.isEmpty { try await sink(chunk) }
    }

    static let contentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
        <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
        <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
        </Types>
        """

    static let rootRelationships = OfficePackage.rootRelationships(target: "xl/workbook.xml")

    static let workbook = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
        <sheets><sheet name="Danh sách khen thưởng" sheetId="1" r:id="rId1"/></sheets>\
        <definedNames><definedName name="_xlnm.Print_Titles" localSheetId="0">'Danh sách khen thưởng'!$2:$2</definedName></definedNames>\
        </workbook>
        """

    static let workbookRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
        <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
        </Relationships>
        """

    /// Fonts: Times New Roman 12, bold, bold 14. Fills: none, gray125 (required), light grey. Borders: none, thin.
    /// Cell formats in `Style` order; money uses the built-in "#,##0" (numFmtId 3).
    static let styles = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
        <fonts count="3"><font><sz val="12"/><name val="Times New Roman"/></font>\
        <font><b/><sz val="12"/><name val="Times New Roman"/></font>\
        <font><b/><sz val="14"/><name val="Times New Roman"/></font></fonts>\
        <fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>\
        <fill><patternFill patternType="solid"><fgColor rgb="FFD9D9D9"/><bgColor indexed="64"/></patternFill></fill></fills>\
        <borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>\
        <border><left style="thin"/><right style="thin"/><top style="thin"/><bottom style="thin"/><diagonal/></border></borders>\
        <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
        <cellXfs count="9">\
        <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
        <xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>\
        <xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>\
        <xf numFmtId="3" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment vertical="top"/></xf>\
        <xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/>\
        <xf numFmtId="0" fontId="1" fillId="0" borderId="1" xfId="0" applyFont="1" applyBorder="1"/>\
        <xf numFmtId="0" fontId="1" fillId="0" borderId="1" xfId="0" applyFont="1" applyBorder="1"/>\
        <xf numFmtId="3" fontId="1" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyFont="1" applyBorder="1"/>\
        <xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><alignment horizontal="right" vertical="top"/></xf>\
        </cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>
        """
}
