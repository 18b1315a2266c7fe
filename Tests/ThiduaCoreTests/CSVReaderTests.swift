import Foundation
import Testing
@testable import ThiduaCore

@Suite("CSV reading")
struct CSVReaderTests {
    @Test("A BOM is dropped and CRLF lines are split")
    func bomAndCRLF() throws {
        let data = Data([0xEF, 0xBB, 0xBF]) + Data("code,name\r\nA,Ánh\r\n".utf8)
        let records = try CSVReader.records(try CSVReader.decode(data))
        #expect(records.map(\.fields) == [["code", "name"], ["A", "Ánh"]])
    }

    @Test("Quoted fields keep commas, doubled quotes and line breaks, and lines are counted through them")
    func quotedFields() throws {
        let text = "a,b\n\"x, y\",\"say \"\"hi\"\"\"\n\"two\nlines\",z\nlast,row\n"
        let records = try CSVReader.records(text)
        #expect(records[1].fields == ["x, y", "say \"hi\""])
        #expect(records[2].fields == ["two\nlines", "z"])
        #expect(records.map(\.line) == [1, 2, 3, 5])
    }

    @Test("Blank lines are skipped but still counted")
    func blankLines() throws {
        let records = try CSVReader.records("a\n\nb\n")
        #expect(records.map(\.line) == [1, 3])
    }

    @Test("A file that is not UTF-8 is refused with advice")
    func notUTF8() {
        #expect(throws: ImportFailed.self) { try CSVReader.decode(Data([0x48, 0xC3, 0x28])) }
    }

    @Test("An unclosed quote is an error naming its line")
    func unclosedQuote() {
        #expect(throws: ImportFailed([ImportIssue(line: 2, message: "Dấu ngoặc kép mở nhưng không đóng.")])) {
            try CSVReader.records("a\n\"open\n")
        }
    }
}

@Suite("Import files")
struct ImportParsingTests {
    @Test("Every bad row is reported with its line number; the header is line 1")
    func badRowsReported() {
        let text = """
            full_name,unit,position,category
            Nguyễn Văn An,THAP,Giáo viên,VC
            Hoa,THAP,Giáo viên,VC
            Lê Thị Bình,THAP,Giáo viên,GV
            Trần Văn Cường,,Bảo vệ,NLD
            """
        #expect(throws: ImportFailed.self) { try PersonImport.parse(text) }
        do {
            _ = try PersonImport.parse(text)
        } catch {
            #expect(error.issues.map(\.line) == [3, 4, 5])
            #expect(error.description.contains("Dòng 4: Loại nhân sự phải là CBQL, VC hoặc NLD"))
        }
    }

    @Test("A missing or misspelt column is reported on line 1")
    func headerChecked() {
        do {
            _ = try PersonImport.parse("full_name,unit,position,categroy\n")
            Issue.record("expected a failure")
        } catch {
            #expect(error.issues.allSatisfy { $0.line == 1 })
            #expect(error.description.contains("Thiếu cột: category"))
            #expect(error.description.contains("categroy"))
        }
    }

    @Test("Optional name columns correct the default split")
    func nameOverride() throws {
        let rows = try PersonImport.parse(
            """
            full_name,unit,position,category,family_name,middle_name,given_name
            Tôn Nữ Minh Thư,THAP,Giáo viên,VC,Tôn Nữ,Minh,Thư
            Nguyễn Văn An,THAP,Giáo viên,VC,,,
            """)
        #expect(rows[0].draft.name.family == "Tôn Nữ")
        #expect(rows[1].draft.name.family == "Nguyễn")
    }

    @Test("The same name twice in one unit needs a staff code")
    func duplicateNames() {
        #expect(throws: ImportFailed.self) {
            try PersonImport.parse("full_name,unit,position,category\nNguyễn Văn An,THAP,,VC\nNguyễn Văn An,THAP,,VC\n")
        }
    }

    @Test("A unit file refuses a repeated code and a unit that is its own parent")
    func unitFileChecks() {
        do {
            _ = try UnitImport.parse("code,name,parent,kind\nA,Trường A,,school\nA,Trường A2,,school\nB,Tổ B,B,collective\n")
            Issue.record("expected a failure")
        } catch {
            #expect(error.issues.map(\.line) == [3, 4])
        }
    }
}
