import Foundation
import ThiduaCore

/// The revocation decision's formats: printable HTML and Markdown in the layout of the decision it revokes, and a Word
/// document the clerk finishes.
public enum RevocationFormat: String, CaseIterable, Sendable {
    case html, md, docx

    public var contentType: String { MediaType.of(rawValue) }

    public func render(_ document: RevocationDocument) throws -> Data {
        switch self {
        case .html: Data(Self.html(document).utf8)
        case .md: Data(Self.markdown(document).utf8)
        case .docx: try Self.docx(document)
        }
    }

    static func dated(_ d: RevocationDocument) -> String { "\(d.issuer.place), \(d.date.written)" }

    static func markdown(_ d: RevocationDocument) -> String {
        let m = MarkdownText.escape
        var text = "\(m(d.issuer.parentName.uppercased()))  \n**\(m(d.issuer.unitName.uppercased()))**\n\n"
        text += "**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**  \n**Độc lập - Tự do - Hạnh phúc**\n\n"
        text += "Số: \(m(d.number)) — *\(m(dated(d)))*\n\n"
        text += "# QUYẾT ĐỊNH\n\n**\(m(d.subject))**\n\n**\(m(d.authority))**\n\n"
        for line in d.bases { text += "*\(m(line))*\n\n" }
        text += "## QUYẾT ĐỊNH:\n\n"
        text += "**Điều 1.** \(m(d.articleOne))\n\n**Điều 2.** \(m(d.articleTwo))\n\n"
        text += "**Điều 3.** \(m(RevocationDocument.articleThree))\n\n"
        text += "***Nơi nhận:***\n\n" + d.recipients.map { "- \(m($0))\n" }.joined()
        text += "\n**\(d.signatureLines.map(m).joined(separator: "**  \n**"))**\n\n**\(m(d.signer))**\n"
        return text
    }

    static func html(_ d: RevocationDocument) -> String {
        let e = HTMLParts.escape
        var text = """
            <!DOCTYPE html>
            <html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Quyết định \(e(d.number))</title><style>
            @page { size: A4 portrait; margin: 20mm 15mm 20mm 30mm; }
            \(HTMLParts.headerStyle)
            h1 { text-align: center; font-size: 14pt; margin: 4mm 0 0; }
            .subject, .authority, .decide { text-align: center; font-weight: bold; }
            hr.short { width: 30%; border: none; border-top: 1px solid #000; margin: 1mm auto 4mm; }
            p.basis { font-style: italic; }
            p.basis, p.article { text-indent: 10mm; text-align: justify; margin: 1mm 0; }
            .close { break-inside: avoid; page-break-inside: avoid; }
            .foot { width: 100%; border-collapse: collapse; margin-top: 6mm; }
            .foot td { vertical-align: top; border: none; width: 50%; }
            .recipients { font-size: 11pt; }
            .sign { text-align: center; font-weight: bold; }
            .sign .space { height: 25mm; }
            @media screen and (max-width: 600px) { body { margin: 8px; font-size: 12pt; } }
            </style></head><body>
            \(HTMLParts.header(d.issuer, number: d.number, dated: dated(d)))
            <h1>QUYẾT ĐỊNH</h1>
            <p class="subject">\(e(d.subject))</p>
            <hr class="short">
            <p class="authority">\(e(d.authority))</p>

            """
        for line in d.bases { text += "<p class=\"basis\">\(e(line))</p>\n" }
        text += """
            <p class="decide">QUYẾT ĐỊNH:</p>
            <p class="article"><b>Điều 1.</b> \(e(d.articleOne))</p>
            <p class="article"><b>Điều 2.</b> \(e(d.articleTwo))</p>
            <div class="close"><p class="article"><b>Điều 3.</b> \(e(RevocationDocument.articleThree))</p>
            <table class="foot"><tr>
            <td class="recipients"><b><i>Nơi nhận:</i></b><br>\(d.recipients.map { "- \(e($0))" }.joined(separator: "<br>"))</td>
            <td class="sign">\(d.signatureLines.map(e).joined(separator: "<br>"))<div class="space"></div>\(e(d.signer))</td>
            </tr></table></div>
            </body></html>

            """
        return text
    }

    static func docx(_ d: RevocationDocument) throws -> Data {
        var doc = Docx()
        DecisionDocx.header(&doc, agency: d.issuer.parentName, unit: d.issuer.unitName, number: d.number, dated: dated(d))
        doc.paragraph([.bold("QUYẾT ĐỊNH")], align: .center, before: 12, after: 0)
        doc.paragraph([.bold(d.subject)], align: .center, after: 0)
        doc.paragraph([.plain("________", size: 10)], align: .center, after: 6)
        doc.paragraph([.bold(d.authority)], align: .center, after: 6)
        for line in d.bases { doc.paragraph([.italic(line)], firstLine: 10) }
        doc.paragraph([.bold("QUYẾT ĐỊNH:")], align: .center, before: 6, after: 6)
        doc.paragraph([.bold("Điều 1. "), .plain(d.articleOne)], firstLine: 10)
        doc.paragraph([.bold("Điều 2. "), .plain(d.articleTwo)], firstLine: 10)
        doc.paragraph([.bold("Điều 3. "), .plain(RevocationDocument.articleThree)], firstLine: 10, keepNext: true)
        DecisionDocx.signature(&doc, recipients: d.recipients, lines: d.signatureLines, signer: d.signer)
        return try doc.package()
    }
}
