import Testing
@testable import ThiduaCore

@Suite("Workflows")
struct WorkflowTests {
    static var everyNominationPair: [(NominationStatus, NominationStatus)] {
        NominationStatus.allCases.flatMap { from in NominationStatus.allCases.map { (from, $0) } }
    }

    static let allowedNominationMoves: Set<String> = [
        "draft>submitted", "draft>withdrawn", "returned>submitted", "returned>withdrawn",
        "submitted>in_review", "submitted>returned", "submitted>withdrawn",
        "in_review>recommended", "in_review>not_recommended", "in_review>returned", "in_review>withdrawn",
        "recommended>approved", "recommended>forwarded", "forwarded>approved", "forwarded>declined", "recommended>declined",
        "recommended>withdrawn", "not_recommended>withdrawn",
    ]

    @Test("Every pair of nomination states is allowed or refused as the product says", arguments: everyNominationPair)
    func nominationPairs(from: NominationStatus, to: NominationStatus) {
        let allowed = Self.allowedNominationMoves.contains("\(from.rawValue)>\(to.rawValue)")
        if allowed {
            #expect(throws: Never.self) { try from.check(to) }
        } else {
            do {
                try from.check(to)
                Issue.record("\(from) → \(to) should be refused")
            } catch {
                #expect(error.code == .invalidTransition)
                #expect(error.currentStatus == from.rawValue)
                #expect(error.allowedStatuses == from.allowedNext.map(\.rawValue).sorted())
            }
        }
    }

    @Test("Approved, declined and withdrawn nominations are final")
    func finalStates() {
        for status in [NominationStatus.approved, .declined, .withdrawn] { #expect(status.allowedNext.isEmpty) }
    }

    @Test("Models: recognition only after submission; movements only move forward")
    func modelsAndMovements() {
        #expect(throws: DomainError.self) { try ModelStatus.registered.check(.recognized) }
        #expect(throws: Never.self) { try ModelStatus.submitted.check(.recognized) }
        #expect(throws: DomainError.self) { try MovementStatus.closed.check(.open) }
        #expect(throws: Never.self) { try MovementStatus.draft.check(.open) }
    }

    @Test(
        "Periods: a school year runs 1 September to 31 August",
        arguments: [
            ("2023-2024", "2023-09-01", "2024-08-31"), ("2024", "2024-01-01", "2024-12-31"),
        ])
    func periods(text: String, starts: String, ends: String) throws {
        let period = try #require(Period(text))
        #expect(period.startsOn.description == starts)
        #expect(period.endsOn.description == ends)
        #expect(period.contains(try #require(LocalDate(ends))))
        #expect(!period.contains(try #require(LocalDate(ends == "2024-08-31" ? "2024-09-01" : "2025-01-01"))))
    }

    @Test("Malformed periods and impossible dates are refused", arguments: ["2023-2025", "24", "2024-2023", "abc"])
    func badPeriods(text: String) {
        #expect(Period(text) == nil)
        #expect(LocalDate("2024-02-30") == nil)
    }

    @Test("A month's days are the calendar's: the last day of each month exists, the day after does not")
    func daysInMonth() {
        #expect(LocalDate.days(inMonth: 2, of: 2024) == 29 && LocalDate.days(inMonth: 2, of: 2025) == 28)
        #expect(LocalDate.days(inMonth: 2, of: 1900) == 28 && LocalDate.days(inMonth: 2, of: 2000) == 29)
        for (year, month) in [1900, 2000, 2023, 2024].flatMap({ year in (1...12).map { (year, $0) } }) {
            let days = LocalDate.days(inMonth: month, of: year)
            let iso = { (day: Int) in "\(year)-\(month < 10 ? "0" : "")\(month)-\(day)" }
            #expect(LocalDate(iso(days)) != nil && (days == 31 || LocalDate(iso(days + 1)) == nil), "\(year)-\(month)")
        }
    }
}

@Suite("Decision documents")
struct DecisionDocumentTests {
    @Test(
        "The kind of a legal document is read from its symbol",
        arguments: [
            ("817/QĐ-UBND-HC", "Quyết định số"), ("311-QĐ/TU", "Quyết định số"), ("135/KH-UBND", "Kế hoạch số"),
            ("33/CT-TTg", "Chỉ thị số"), ("01-CTr/BDVHU", "Chương trình số"), ("01-NQ/TU", "Nghị quyết số"),
        ])
    func kinds(number: String, kind: String) {
        let basis = DecisionDocument.Basis(number: number, date: LocalDate(2024, 1, 1), issuer: "x", title: "y")
        #expect(basis.kind == kind)
    }
}
