/// The list the accountant pays from (danh sách ký nhận tiền thưởng): for one decision, who receives how much, with a
/// column to sign. Commendations without money are left out, and so are revoked ones (their money is not paid; a
/// revocation says what to recover); a collective signs through its representative.
public struct RewardList: Equatable, Sendable {
    public struct Line: Equatable, Sendable {
        public let number: Int
        public let name: String
        /// The person's position, or "Đại diện tập thể ký nhận" for a collective.
        public let position: String
        public let unit: String
        public let award: String
        public let amount: Int
    }

    public let decision: DecisionDocument
    public let lines: [Line]
    /// Revoked commendations of the decision that carried money: not paid.
    public let revokedLeftOut: Int

    public init(_ decision: DecisionDocument) {
        self.decision = decision
        let paid = decision.entries.filter { $0.revocation == nil && ($0.amount ?? 0) > 0 }
        // Individuals first, then collectives, as in the decision's annex; numbered straight through.
        let ordered = paid.filter { $0.section == .individuals } + paid.filter { $0.section == .collectives }
        lines = ordered.enumerated().map { index, entry in
            Line(
                number: index + 1, name: entry.name,
                position: entry.section == .individuals ? entry.position : "Đại diện tập thể ký nhận", unit: entry.unit,
                award: entry.awardName, amount: entry.amount ?? 0)
        }
        revokedLeftOut = decision.entries.filter { $0.revocation != nil && ($0.amount ?? 0) > 0 }.count
    }

    public static let title = "DANH SÁCH KÝ NHẬN TIỀN THƯỞNG"
    public static let columns = ["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Danh hiệu, hình thức", "Số tiền (đồng)", "Ký nhận"]

    public var total: Int { lines.map(\.amount).reduce(0, +) }

    /// "(Kèm theo Quyết định số 15/QĐ-THAP ngày 24/05/2024 của Hiệu trưởng Trường Tiểu học An Phước)"
    public var note: String { decision.annexNote }

    /// "Tổng cộng: 06 người nhận, 3.240.000 đồng (Bằng chữ: Ba triệu hai trăm bốn mươi nghìn đồng)."
    public var totalLine: String {
        "Tổng cộng: \(DecisionDocument.count(lines.count)) người nhận, \(VietnameseText.grouped(total)) đồng "
            + "(Bằng chữ: \(decision.inWords(total)))."
    }

    /// Said under the total when revoked commendations were left out.
    public var revokedNote: String? {
        revokedLeftOut == 0
            ? nil
            : "Không chi \(DecisionDocument.count(revokedLeftOut)) khen thưởng đã bị thu hồi sau khi quyết định được ký."
    }

    /// Who signs the list: who drew it up, the accountant, and the head (as the decision was signed).
    public var signatures: [(title: [String], name: String)] {
        [(["NGƯỜI LẬP BẢNG"], ""), (["KẾ TOÁN"], ""), (decision.signatureLines, decision.signer)]
    }

    /// The cells of a line, as printed.
    public static func cells(_ line: Line) -> [String] {
        [String(line.number), line.name, line.position, line.unit, line.award, VietnameseText.grouped(line.amount), ""]
    }
}
