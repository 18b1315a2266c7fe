import Testing
import ThiduaCore

@Suite("Money in Vietnamese words (Bằng chữ)")
struct AmountInWordsTests {
    @Test(
        "Northern usage: nghìn, linh; mốt and lăm after tens; a following group says its empty hundreds",
        arguments: [
            (0, "Không đồng"),
            (5, "Năm đồng"),
            (15, "Mười lăm đồng"),
            (21, "Hai mươi mốt đồng"),
            (105, "Một trăm linh năm đồng"),
            (110, "Một trăm mười đồng"),
            (10_000, "Mười nghìn đồng"),
            (540_000, "Năm trăm bốn mươi nghìn đồng"),
            (1_005_000, "Một triệu không trăm linh năm nghìn đồng"),
            (1_440_000, "Một triệu bốn trăm bốn mươi nghìn đồng"),
            (4_140_000, "Bốn triệu một trăm bốn mươi nghìn đồng"),
            (21_000_000, "Hai mươi mốt triệu đồng"),
            (25_055_015, "Hai mươi lăm triệu không trăm năm mươi lăm nghìn không trăm mười lăm đồng"),
            (1_000_000_000, "Một tỷ đồng"),
            (1_000_000_001, "Một tỷ không trăm linh một đồng"),
            (2_340_000_000_000, "Hai nghìn ba trăm bốn mươi tỷ đồng"),
        ])
    func northern(amount: Int, words: String) {
        #expect(AmountInWords.vietnamese(amount) == words)
    }

    @Test(
        "Southern usage, a unit's setting: ngàn and lẻ",
        arguments: [
            (10_000, "Mười ngàn đồng"),
            (1_005_000, "Một triệu không trăm lẻ năm ngàn đồng"),
            (101, "Một trăm lẻ một đồng"),
        ])
    func southern(amount: Int, words: String) {
        #expect(AmountInWords.vietnamese(amount, style: .southern) == words)
    }
}
