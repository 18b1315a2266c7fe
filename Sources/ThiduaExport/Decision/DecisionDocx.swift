import Foundation
import ThiduaCore

/// The decision as a Word document a clerk finishes in Word or LibreOffice: the same text as the HTML, in the layout of
/// Nghị định 30/2020/NĐ-CP (A4, Times New Roman, header in two columns, articles indented, Nơi nhận beside the signature,
/// the annex on a page of its own).
enum DecisionDocx {
    static func render(_ d: DecisionDocument) throws -> Data {
        var doc = Docx()
        DecisionBody(d).docx(&doc)
        doc.paragraph([.bold(d.annexTitle)], align: .center, pageBreakBefore: true)
        doc.paragraph([.italic(d.annexNote)], align: .center, after: 6)
        for table in DecisionDocumentFormat.annexTables(d) {
            doc.paragraph([.bold(table.heading)], align: .left, before: 6)
            let widths = table.columns.count == 7 ? [12.0, 31, 19, 26, 24, 35, 18] : [12.0, 39, 30, 25, 39, 20]
            let head = table.columns.map { Docx.paragraphXML([.bold($0, size: 12)], align: .center) }
            let rows = table.rows.map { row in
                row.cells.enumerated().map { column, cell in
                    let align: Docx.Align = column == 0 || column == row.cells.count - 1 ? .right : .left
                    return Docx.paragraphXML([Docx.Run(text: cell, strike: row.revoked, size: 12)], align: align)
                }
            }
            doc.table(widths: widths, rows: [head] + rows, borders: true)
        }
        doc.paragraph([.bold(d.annexTotal)], before: 6)
        return try doc.package()
    }

    /// The header of Nghị định 30/2020: the agency and the unit (bold) over the number on the left; the national name and
    /// motto over the place and date (italic) on the right.
    /// The signatures under a paper, side by side: each title over the space to sign and the name.
    static func signatures(_ doc: inout Docx, _ signatures: [(title: [String], name: String)]) {
        let cells = signatures.map { signature in
            signature.title.map { Docx.paragraphXML([.bold($0, size: 13)], align: .center, keepNext: true) }.joined()
                + Docx.paragraphXML([.plain("\n\n\n")], align: .center, keepNext: true)
                + Docx.paragraphXML([.bold(signature.name, size: 13)], align: .center)
        }
        doc.table(widths: [80, 80], rows: [cells], borders: false)
    }

    static func header(_ doc: inout Docx, agency: String, unit: String, number: String?, dated: String?) {
        var left =
            Docx.paragraphXML([.plain(agency.uppercased(), size: 12)], align: .center)
            + Docx.paragraphXML([.bold(unit.uppercased(), size: 12)], align: .center)
            + Docx.paragraphXML([.plain("________", size: 10)], align: .center, after: 6)
        if let number { left += Docx.paragraphXML([.plain("Số: \(number)", size: 13)], align: .center) }
        var right =
            Docx.paragraphXML([.bold("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", size: 12)], align: .center)
            + Docx.paragraphXML([.bold("Độc lập - Tự do - Hạnh phúc", size: 13)], align: .center)
            + Docx.paragraphXML([.plain("________________", size: 10)], align: .center, after: 6)
        if let dated { right += Docx.paragraphXML([.italic(dated, size: 13)], align: .center) }
        doc.table(widths: [75, 90], rows: [[left, right]], borders: false)
    }

    /// Nơi nhận (bold italic, its lines in 11 pt) beside the signature: the position lines, room to sign, the name.
    static func signature(_ doc: inout Docx, recipients: [String], lines: [String], signer: String) {
        let left =
            Docx.paragraphXML([Docx.Run(text: "Nơi nhận:", bold: true, italic: true, size: 12)], align: .left, keepNext: true)
            + recipients.map { Docx.paragraphXML([.plain("- \($0)", size: 11)], align: .left, keepNext: true) }.joined()
        let right =
            lines.map { Docx.paragraphXML([.bold($0)], align: .center, keepNext: true) }.joined()
            + Docx.paragraphXML([.plain("\n\n\n")], align: .center, keepNext: true)
            + Docx.paragraphXML([.bold(signer)], align: .center)
        doc.table(widths: [75, 90], rows: [[left, right]], borders: false)
    }
}
