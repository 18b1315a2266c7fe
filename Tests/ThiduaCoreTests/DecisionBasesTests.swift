import Foundation
import Testing
import ThiduaCore

/// Which documents a decision cites after the Law and the decree, in which order, under which name (issue "Documents":
/// the unit's own bases with stored kinds, then the movements' plans).
@Suite("Decision: the bases it cites")
struct DecisionBasesTests {
    static func document(_ number: String, _ date: LocalDate, _ kind: DocumentKind?) -> LegalDocument {
        var document = LegalDocument(id: ID(UUID()), number: number, date: date, issuer: "Cơ quan", title: "Trích yếu", version: 1)
        document.kind = kind
        return document
    }

    @Test("A stored kind names the basis whatever its symbol shows")
    func storedKindWins() {
        let basis = DecisionDocument.Basis(Self.document("12/KH-THAP", LocalDate(2024, 1, 1), .decision))
        #expect(basis.kind == "Quyết định số")
        #expect(DecisionDocument.Basis(Self.document("12/KH-THAP", LocalDate(2024, 1, 1), nil)).kind == "Kế hoạch số")
    }

    @Test("The unit's own bases come by legal force then date, none issued after the decision; then the plans, each once")
    func orderAndDate() {
        let regulation = Self.document("08/QĐ-THAP", LocalDate(2023, 9, 5), .decision)
        let charter = Self.document("28/2020/TT-BGDĐT", LocalDate(2020, 9, 4), .circular)
        let later = Self.document("09/QĐ-THAP", LocalDate(2024, 12, 1), .decision)
        let unknownKind = Self.document("817/QĐ-UBND-HC", LocalDate(2023, 8, 7), nil)
        let plan = Self.document("43/KH-UBND", LocalDate(2022, 2, 10), .plan)
        let bases = DecisionDocument.bases(
            own: [unknownKind, regulation, later, charter], plans: [plan, unknownKind], on: LocalDate(2024, 5, 24))
        #expect(bases.map(\.number) == ["28/2020/TT-BGDĐT", "08/QĐ-THAP", "817/QĐ-UBND-HC", "43/KH-UBND"])
        let afterLater = DecisionDocument.bases(own: [later, regulation], plans: [], on: LocalDate(2024, 12, 1))
        #expect(afterLater.map(\.number) == ["08/QĐ-THAP", "09/QĐ-THAP"], "a document dated the decision's day is cited")
    }
}
