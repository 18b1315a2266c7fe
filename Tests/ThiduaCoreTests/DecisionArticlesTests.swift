import Testing
import ThiduaCore

/// The words of a decision follow from what it gives (documents-and-law.md §1): the subject, Điều 1 and Điều 2.
@Suite("Decision: subject and articles")
struct DecisionArticlesTests {
    static let school = HonorList.Issuer(unitName: "Trường Tiểu học An Phước", parentName: "Huyện Tân Hồng", place: "Tân Hồng")

    static func entry(_ name: String, _ code: String, _ award: String, collective: Bool = false, amount: Int?) -> HonorList.Entry {
        HonorList.Entry(
            section: collective ? .collectives : .individuals, awardCode: code, awardName: award, name: name, position: "",
            unit: "Trường Tiểu học An Phước", achievements: "Hoàn thành tốt nhiệm vụ", decisionNumber: "45/QĐ-THAP",
            decisionDate: LocalDate(2025, 1, 5), decisionLevel: "Trường Tiểu học An Phước", amount: amount, revocation: nil)
    }

    @Test(
        "Giấy khen alone: 'Về việc tặng Giấy khen cho …' in the movement, each count with a leading zero, the rate per person and per collective"
    )
    func formsOnly() {
        let document = DecisionDocument(
            number: "45/QĐ-THAP", date: LocalDate(2025, 1, 5), signer: "Trần Văn Minh", issuer: Self.school,
            movements: ["Xây dựng trường học thân thiện"], period: Period("2024-2025"), bases: [],
            entries: [
                Self.entry("Lê Văn An", "GK", "Giấy khen", amount: 710_000),
                Self.entry("Trần Thị Bình", "GK", "Giấy khen", amount: 710_000),
                Self.entry("Tổ văn phòng", "GK", "Giấy khen", collective: true, amount: 1_410_000),
            ],
            terms: [.init(code: "GK", isTitle: false, coefficient: "0.3", collectiveCoefficient: "0.6")])
        #expect(
            document.subject
                == "Về việc tặng Giấy khen cho các tập thể, cá nhân có thành tích xuất sắc trong phong trào thi đua \"Xây dựng trường học thân thiện\""
        )
        #expect(document.articleOne == "Tặng Giấy khen cho 02 cá nhân và 01 tập thể (có danh sách kèm theo).")
        #expect(
            document.articleTwo.contains(
                "Giấy khen (cá nhân) 0,3 lần mức lương cơ sở (710.000 đồng/người); Giấy khen (tập thể) 0,6 lần mức lương cơ sở (1.410.000 đồng/tập thể)"
            ))
        #expect(document.articleTwo.contains("Tổng số tiền: 2.830.000 đồng (Bằng chữ: Hai triệu tám trăm ba mươi nghìn đồng)"))
        #expect(document.annexTitle == "DANH SÁCH KHEN THƯỞNG")
        #expect(document.annexNote == "(Kèm theo Quyết định số 45/QĐ-THAP ngày 05/01/2025 của Hiệu trưởng Trường Tiểu học An Phước)")
    }

    @Test("Dates carry leading zeros; the decree cited is the one in force on the decision's date")
    func datesAndDecree() {
        #expect(LocalDate(2025, 1, 5).written == "ngày 05 tháng 01 năm 2025")
        #expect(LocalDate(2024, 2, 29).written == "ngày 29 tháng 02 năm 2024")
        #expect(LocalDate(2024, 5, 24).written == "ngày 24 tháng 5 năm 2024", "ND 30: only months 1 and 2 take a zero")
        #expect(LocalDate(2024, 12, 9).written == "ngày 09 tháng 12 năm 2024")
        #expect(DecisionDocument.decree(on: LocalDate(2025, 6, 30)).contains("98/2023/NĐ-CP ngày 31 tháng 12 năm 2023"))
        #expect(DecisionDocument.decree(on: LocalDate(2025, 7, 1)).contains("152/2025/NĐ-CP"))
    }

    @Test("Without money Điều 2 says so; a mixed decision names titles first, then forms")
    func mixedWithoutMoney() {
        let document = DecisionDocument(
            number: "3/QĐ-THAP", date: LocalDate(2024, 12, 20), signer: "Trần Văn Minh", issuer: Self.school, movements: ["A", "B"],
            period: Period("2024"), bases: [],
            entries: [
                Self.entry("Lê Văn An", "LDTT", "Lao động tiên tiến", amount: nil),
                Self.entry("Lê Văn Bình", "GK", "Giấy khen", amount: nil),
            ],
            terms: [
                .init(code: "LDTT", isTitle: true, coefficient: "0.3", collectiveCoefficient: ""),
                .init(code: "GK", isTitle: false, coefficient: "0.3", collectiveCoefficient: ""),
            ])
        #expect(document.subject == "Về việc khen thưởng năm 2024")
        #expect(
            document.articleOne
                == "Công nhận danh hiệu \"Lao động tiên tiến\" năm 2024 cho 01 cá nhân; tặng Giấy khen cho 01 cá nhân (có danh sách kèm theo)."
        )
        #expect(document.articleTwo == "Khen thưởng tại Điều 1 không kèm theo tiền thưởng.")
    }
}

extension DecisionArticlesTests {
    @Test(
        "A basis is named by the kind its symbol shows, decrees and circulars included",
        arguments: [
            ("817/QĐ-UBND-HC", "Quyết định số"), ("311-QĐ/TU", "Quyết định số"), ("43/KH-UBND", "Kế hoạch số"),
            ("98/2023/NĐ-CP", "Nghị định số"), ("28/2020/TT-BGDĐT", "Thông tư số"), ("06/2022/QH15", "Luật số"),
            ("33/CT-TTg", "Chỉ thị số"), ("01-CTr/BDVHU", "Chương trình số"), ("12/CV-PGD", "Công văn số"), ("5/BC-THAP", "Báo cáo số"),
            ("15", nil),
        ])
    func basisKind(number: String, kind: String?) {
        #expect(DecisionDocument.Basis(number: number, date: LocalDate(2024, 1, 1), issuer: "", title: "").kind == kind)
    }
}

extension DecisionArticlesTests {
    @Test("The annex of titles names who is listed: individuals alone are not headed 'cá nhân, tập thể'")
    func annexTitleNamesWho() {
        let document = DecisionDocument(
            number: "46/QĐ-THAP", date: LocalDate(2024, 12, 20), signer: "Trần Văn Minh", issuer: Self.school, movements: ["A"],
            period: Period("2024"), bases: [], entries: [Self.entry("Ngô Văn Hùng", "LDTT", "Lao động tiên tiến", amount: 710_000)],
            terms: [.init(code: "LDTT", isTitle: true, coefficient: "0.3", collectiveCoefficient: "")])
        #expect(document.annexTitle == "DANH SÁCH CÁ NHÂN ĐƯỢC CÔNG NHẬN DANH HIỆU THI ĐUA NĂM 2024")
    }
}
