import Foundation
import ThiduaCore

/// What every decision prints before its annex, in the layout of Nghị định 30/2020: the header (agency and unit beside
/// the national name, the number beside the place and date), "QUYẾT ĐỊNH", the subject and its short rule, who decides,
/// the bases, the three articles, Nơi nhận beside the signature. A commendation decision adds its annex; a revocation
/// decision is this alone. One layout for both, in Markdown, HTML and Word.
struct DecisionBody {
    let issuer: HonorList.Issuer
    let number: String
    let date: LocalDate
    let subject: String
    let authority: String
    let bases: [String]
    /// Điều 1, Điều 2, Điều 3.
    let articles: [String]
    let recipients: [String]
    let signatureLines: [String]
    let signer: String

    init(_ d: DecisionDocument) {
        (issuer, number, date, subject, authority) = (d.issuer, d.number, d.date, d.subject, d.authority)
        bases = DecisionDocumentFormat.bases(d)
        articles = [d.articleOne, d.articleTwo, DecisionDocument.articleThree]
        (recipients, signatureLines, signer) = (d.recipients, d.signatureLines, d.signer)
    }

    init(_ r: RevocationDocument) {
        (issuer, number, date, subject, authority) = (r.issuer, r.number, r.date, r.subject, r.authority)
        bases = r.bases
        articles = [r.articleOne, r.articleTwo, RevocationDocument.articleThree]
        (recipients, signatureLines, signer) = (r.recipients, r.signatureLines, r.signer)
    }

    /// "Tân Hồng, ngày 24 tháng 5 năm 2024"
    var dated: String { HonorList.Issuer.dated(issuer.place, date) }

    /// Up to the signer's name, which ends the text.
    var markdown: String {
        let m = MarkdownText.escape
        var text = "\(m(issuer.parentName.uppercased()))  \n**\(m(issuer.unitName.uppercased()))**\n\n"
        text += "**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**  \n**Độc lập - Tự do - Hạnh phúc**\n\n"
        text += "Số: \(m(number)) — *\(m(dated))*\n\n"
        text += "# QUYẾT ĐỊNH\n\n**\(m(subject))**\n\n**\(m(authority))**\n\n"
        for line in bases { text += "*\(m(line))*\n\n" }
        text += "## QUYẾT ĐỊNH:\n\n"
        text += "**Điều 1.** \(m(articles[0]))\n\n**Điều 2.** \(m(articles[1]))\n\n"
        text += "**Điều 3.** \(m(articles[2]))\n\n"
        text += "***Nơi nhận:***\n\n" + recipients.map { "- \(m($0))\n" }.joined()
        text += "\n**\(signatureLines.map(m).joined(separator: "**  \n**"))**\n\n**\(m(signer))**\n"
        return text
    }

    /// The whole printable page: `annexStyle` and `annex` for what follows the signature, `mobileStyle` inside the
    /// phone-width rule.
    func html(annexStyle: String = "", mobileStyle: String = "", annex: String = "") -> String {
        let e = HTMLParts.escape
        var text = """
            <!DOCTYPE html>
            <html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Quyết định \(e(number))</title><style>
            @page { size: A4 portrait; margin: 20mm 15mm 20mm 30mm; }
            \(HTMLParts.headerStyle)
            h1 { text-align: center; font-size: 14pt; margin: 4mm 0 0; }
            .subject, .authority, .decide { text-align: center; font-weight: bold; }
            hr.short { width: 30%; border: none; border-top: 1px solid #000; margin: 1mm auto 4mm; }
            p.basis { font-style: italic; }
            p.basis, p.article { text-indent: 10mm; text-align: justify; margin: 1mm 0; }
            /* The last article, the recipients and the signature stay on one page: a page with only a signature is not signed. */
            .close { break-inside: avoid; page-break-inside: avoid; }
            .foot { width: 100%; border-collapse: collapse; margin-top: 6mm; }
            .foot td { vertical-align: top; border: none; width: 50%; }
            .recipients { font-size: 11pt; }
            .sign { text-align: center; font-weight: bold; }
            .sign .space { height: 25mm; }
            \(annexStyle)@media screen and (max-width: 600px) { body { margin: 8px; font-size: 12pt; }\(mobileStyle) }
            </style></head><body>
            \(HTMLParts.header(issuer, number: number, dated: dated))
            <h1>QUYẾT ĐỊNH</h1>
            <p class="subject">\(e(subject))</p>
            <hr class="short">
            <p class="authority">\(e(authority))</p>

            """
        for line in bases { text += "<p class=\"basis\">\(e(line))</p>\n" }
        text += """
            <p class="decide">QUYẾT ĐỊNH:</p>
            <p class="article"><b>Điều 1.</b> \(e(articles[0]))</p>
            <p class="article"><b>Điều 2.</b> \(e(articles[1]))</p>
            <div class="close"><p class="article"><b>Điều 3.</b> \(e(articles[2]))</p>
            <table class="foot"><tr>
            <td class="recipients"><b><i>Nơi nhận:</i></b><br>\(recipients.map { "- \(e($0))" }.joined(separator: "<br>"))</td>
            <td class="sign">\(signatureLines.map(e).joined(separator: "<br>"))<div class="space"></div>\(e(signer))</td>
            </tr></table></div>

            """
        return text + annex + "</body></html>\n"
    }

    /// Into a Word document: everything up to the signature.
    func docx(_ doc: inout Docx) {
        DecisionDocx.header(&doc, agency: issuer.parentName, unit: issuer.unitName, number: number, dated: dated)
        doc.paragraph([.bold("QUYẾT ĐỊNH")], align: .center, before: 12, after: 0)
        doc.paragraph([.bold(subject)], align: .center, after: 0)
        doc.paragraph([.plain("________", size: 10)], align: .center, after: 6)
        doc.paragraph([.bold(authority)], align: .center, after: 6)
        for line in bases { doc.paragraph([.italic(line)], firstLine: 10) }
        doc.paragraph([.bold("QUYẾT ĐỊNH:")], align: .center, before: 6, after: 6)
        doc.paragraph([.bold("Điều 1. "), .plain(articles[0])], firstLine: 10)
        doc.paragraph([.bold("Điều 2. "), .plain(articles[1])], firstLine: 10)
        doc.paragraph([.bold("Điều 3. "), .plain(articles[2])], firstLine: 10, keepNext: true)
        DecisionDocx.signature(&doc, recipients: recipients, lines: signatureLines, signer: signer)
    }
}
