import Foundation

/// A Word document (WordprocessingML) written by hand: paragraphs of runs and tables, on A4 with the margins of Nghị định
/// 30/2020/NĐ-CP (top and bottom 20 mm, left 30 mm, right 15 mm), Times New Roman 14 by default. Clerks open it in Word
/// or LibreOffice to finish it; a test converts it with LibreOffice and reads the text back.
struct Docx {
    enum Align: String {
        case left, center, right, both
    }

    struct Run {
        var text: String
        var bold = false
        var italic = false
        var strike = false
        /// In points; nil: the document's 14.
        var size: Double? = nil
        var pageBreakBefore = false

        static func plain(_ text: String, size: Double? = nil) -> Run { Run(text: text, size: size) }
        static func bold(_ text: String, size: Double? = nil) -> Run { Run(text: text, bold: true, size: size) }
        static func italic(_ text: String, size: Double? = nil) -> Run { Run(text: text, italic: true, size: size) }
    }

    private(set) var body = ""

    /// One paragraph. `firstLine` indents its first line (in mm, 10 for the articles and bases); `keepNext` holds it on
    /// the page of the next one (the last article, Nơi nhận and the signature stay together).
    mutating func paragraph(
        _ runs: [Run], align: Align = .both, firstLine: Double = 0, before: Double = 0, after: Double = 3, keepNext: Bool = false,
        pageBreakBefore: Bool = false
    ) {
        body += Self.paragraphXML(
            runs, align: align, firstLine: firstLine, before: before, after: after, keepNext: keepNext, pageBreakBefore: pageBreakBefore)
    }

    static func paragraphXML(
        _ runs: [Run], align: Align = .both, firstLine: Double = 0, before: Double = 0, after: Double = 0, keepNext: Bool = false,
        pageBreakBefore: Bool = false
    ) -> String {
        var properties = "<w:jc w:val=\"\(align.rawValue)\"/>"
        properties = "<w:spacing w:before=\"\(twips(points: before))\" w:after=\"\(twips(points: after))\"/>" + properties
        if firstLine > 0 { properties = "<w:ind w:firstLine=\"\(twips(mm: firstLine))\"/>" + properties }
        if keepNext { properties = "<w:keepNext/><w:keepLines/>" + properties }
        if pageBreakBefore { properties = "<w:pageBreakBefore/>" + properties }
        return "<w:p><w:pPr>\(properties)</w:pPr>" + runs.map(runXML).joined() + "</w:p>"
    }

    static func runXML(_ run: Run) -> String {
        var properties = ""
        if run.bold { properties += "<w:b/><w:bCs/>" }
        if run.italic { properties += "<w:i/><w:iCs/>" }
        if run.strike { properties += "<w:strike/>" }
        if let size = run.size { properties += "<w:sz w:val=\"\(Int(size * 2))\"/><w:szCs w:val=\"\(Int(size * 2))\"/>" }
        // A line break inside a run is Word's <w:br/>; text keeps its spaces.
        let pieces = run.text.split(separator: "\n", omittingEmptySubsequences: false).map {
            "<w:t xml:space=\"preserve\">\(XLSXHonorListWriter.escape(String($0)))</w:t>"
        }
        return "<w:r>" + (properties.isEmpty ? "" : "<w:rPr>\(properties)</w:rPr>") + pieces.joined(separator: "<w:br/>") + "</w:r>"
    }

    /// A table: column widths in mm, rows of cells, each cell its paragraphs' XML. Without borders it lays out the header
    /// and the signature blocks; with them it is a list whose first row repeats on every page.
    mutating func table(widths: [Double], rows: [[String]], borders: Bool) {
        let border = borders ? "single" : "nil"
        var xml = "<w:tbl><w:tblPr><w:tblW w:w=\"\(widths.map { Self.twips(mm: $0) }.reduce(0, +))\" w:type=\"dxa\"/>"
        xml += "<w:tblLayout w:type=\"fixed\"/><w:tblBorders>"
        for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
            xml += "<w:\(side) w:val=\"\(border)\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
        }
        xml +=
            "</w:tblBorders><w:tblCellMar><w:left w:w=\"60\" w:type=\"dxa\"/><w:right w:w=\"60\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr>"
        xml += "<w:tblGrid>" + widths.map { "<w:gridCol w:w=\"\(Self.twips(mm: $0))\"/>" }.joined() + "</w:tblGrid>"
        for (index, row) in rows.enumerated() {
            xml += "<w:tr>" + (borders && index == 0 ? "<w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>" : "<w:trPr><w:cantSplit/></w:trPr>")
            for (column, cell) in row.enumerated() {
                let width = Self.twips(mm: widths[min(column, widths.count - 1)])
                xml += "<w:tc><w:tcPr><w:tcW w:w=\"\(width)\" w:type=\"dxa\"/></w:tcPr>"
                xml += (cell.isEmpty ? Self.paragraphXML([]) : cell) + "</w:tc>"
            }
            xml += "</w:tr>"
        }
        body += xml + "</w:tbl>"
    }

    static func twips(mm: Double) -> Int { Int((mm * 1440 / 25.4).rounded()) }
    static func twips(points: Double) -> Int { Int((points * 20).rounded()) }

    /// The package: the document, its default font and language, A4 portrait with the decree's margins.
    func package() throws -> Data {
        let document = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>\(body)\
            <w:sectPr><w:pgSz w:w="11906" w:h="16838"/>\
            <w:pgMar w:top="\(Self.twips(mm: 20))" w:right="\(Self.twips(mm: 15))" w:bottom="\(Self.twips(mm: 20))" w:left="\(Self.twips(mm: 30))" \
            w:header="567" w:footer="567" w:gutter="0"/></w:sectPr></w:body></w:document>
            """
        return try OfficePackage.zip([
            ("[Content_Types].xml", Self.contentTypes), ("_rels/.rels", OfficePackage.rootRelationships(target: "word/document.xml")),
            ("word/_rels/document.xml.rels", Self.documentRelationships), ("word/styles.xml", Self.styles),
            ("word/document.xml", document),
        ])
    }

    static let contentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
        <Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>\
        </Types>
        """

    static let documentRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
        </Relationships>
        """

    static let styles = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">\
        <w:docDefaults><w:rPrDefault><w:rPr>\
        <w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/>\
        <w:sz w:val="28"/><w:szCs w:val="28"/><w:lang w:val="vi-VN" w:eastAsia="vi-VN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>\
        <w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>\
        <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>\
        </w:styles>
        """
}
