import Foundation
import Testing
@testable import ThiduaCore

@Suite("Vietnamese text")
struct VietnameseTextTests {
    @Test("Decomposed input is stored as NFC, trimmed, single-spaced")
    func normalizesToNFC() {
        let decomposed = "  Nguye\u{0302}\u{0303}n   Thi\u{0323} ".decomposedStringWithCanonicalMapping
        let normalized = VietnameseText.normalized(decomposed)
        #expect(normalized == "Nguyễn Thị")
        #expect(Array(normalized.unicodeScalars) == Array("Nguyễn Thị".precomposedStringWithCanonicalMapping.unicodeScalars))
    }

    @Test(
        "The search key drops tones and vowel marks and maps đ to d",
        arguments: [
            ("Nguyễn Thị Ngọc Hân", "nguyen thi ngoc han"),
            ("ĐẶNG VĂN ĐỨC", "dang van duc"),
            ("Huỳnh Ngọc Ánh", "huynh ngoc anh"),
            ("Bùi Thị Ân", "bui thi an"),
        ])
    func searchKeyFoldsDiacritics(name: String, key: String) {
        #expect(VietnameseText.searchKey(name) == key)
        #expect(VietnameseText.searchKey(name.decomposedStringWithCanonicalMapping) == key)
    }
}

@Suite("Person names")
struct PersonNameTests {
    @Test("The default split takes the first word as family name and the last as given name")
    func defaultSplit() throws {
        let name = try #require(PersonName(splitting: "Nguyễn Thị Ngọc Hân"))
        #expect(name.family == "Nguyễn")
        #expect(name.middle == "Thị Ngọc")
        #expect(name.given == "Hân")
        #expect(name.full == "Nguyễn Thị Ngọc Hân")
    }

    @Test("A two-word name has no middle name")
    func twoWords() throws {
        let name = try #require(PersonName(splitting: "Lê Hoa"))
        #expect(name.middle == "")
        #expect(name.given == "Hoa")
    }

    @Test("A single word is not a full name")
    func singleWordRefused() {
        #expect(PersonName(splitting: "Hoa") == nil)
    }

    @Test("A corrected split keeps the compound family name")
    func correctedSplit() throws {
        let name = try #require(PersonName(family: "Tôn Nữ", middle: "Minh", given: "Thư", fullName: "Tôn Nữ Minh Thư"))
        #expect(name.family == "Tôn Nữ")
        #expect(name.full == "Tôn Nữ Minh Thư")
    }

    @Test("Corrected parts that do not spell the full name are refused")
    func partsMustSpellFullName() {
        #expect(PersonName(family: "Tôn", middle: "Minh", given: "Thư", fullName: "Tôn Nữ Minh Thư") == nil)
    }

    @Test("Person validation names every field at fault")
    func validationNamesFields() {
        let result = PersonDraft.validate(fullName: "", position: nil, category: "GV")
        guard case .failure(let error) = result else {
            Issue.record("expected a failure")
            return
        }
        #expect(Set(error.violations.map(\.field)) == ["fullName", "category"])
    }

    @Test("Staff categories accept NLĐ with or without diacritics", arguments: ["NLĐ", "nld", "NLD"])
    func categoryCodes(code: String) {
        #expect(StaffCategory(code: code) == .worker)
    }
}
