/// A commendation decision (quyết định khen thưởng) as the office prints it: header, legal bases, the articles,
/// recipients, the signer, and the attached list of people and collectives commended.
public struct DecisionDocument: Equatable, Sendable {
    public struct Basis: Equatable, Sendable {
        public let number: String
        public let date: LocalDate
        public let issuer: String
        public let title: String

        public init(number: String, date: LocalDate, issuer: String, title: String) {
            self.number = number
            self.date = date
            self.issuer = issuer
            self.title = title
        }

        /// The kind of document, read from its symbol: "817/QĐ-UBND-HC" → "Quyết định số", "311-QĐ/TU" likewise.
        public var kind: String? {
            let symbol = number.uppercased()
            for (code, name) in [
                ("CTR", "Chương trình số"), ("QĐ", "Quyết định số"), ("KH", "Kế hoạch số"), ("CT", "Chỉ thị số"),
                ("NQ", "Nghị quyết số"), ("TB", "Thông báo số"), ("HD", "Hướng dẫn số"),
            ]
            where symbol.contains("/\(code)") || symbol.contains("-\(code)") {
                return name
            }
            return nil
        }
    }

    public let number: String
    public let date: LocalDate
    public let signer: String
    public let issuer: HonorList.Issuer
    public let movements: [String]
    public let bases: [Basis]
    public let entries: [HonorList.Entry]
    // Eligibility-override reasons are internal (a maternity leave, an illness): they are shown with the nomination and
    // in the council's papers, never on the decision, whoever prints it (security review F4).

    /// The money of the commendations not revoked, in đồng.
    public var totalAmount: Int { entries.filter { $0.revocation == nil }.compactMap(\.amount).reduce(0, +) }

    public init(
        number: String, date: LocalDate, signer: String, issuer: HonorList.Issuer, movements: [String], bases: [Basis],
        entries: [HonorList.Entry]
    ) {
        self.number = number
        self.date = date
        self.signer = signer
        self.issuer = issuer
        self.movements = movements
        self.bases = bases
        self.entries = entries
    }

    /// "ngày 20 tháng 5 năm 2024"
    public static func longDate(_ date: LocalDate) -> String { "ngày \(date.day) tháng \(date.month) năm \(date.year)" }

    /// The law every commendation decision cites first.
    public static let law = "Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022;"

    public var subject: String {
        movements.count == 1 ? "Về việc khen thưởng trong \(movements[0])" : "Về việc khen thưởng"
    }

    /// Điều 1: who is commended, counted.
    public var articleOne: String {
        let people = entries.filter { $0.section == .individuals }.count
        let collectives = entries.count - people
        var parts: [String] = []
        if people > 0 { parts.append("\(people) cá nhân") }
        if collectives > 0 { parts.append("\(collectives) tập thể") }
        return
            "Điều 1. Khen thưởng \(parts.joined(separator: " và ")) có tên trong danh sách kèm theo, vì đã có thành tích được nêu trong danh sách."
    }

    public static let articleTwo = "Điều 2. Tiền thưởng (nếu có) được chi từ quỹ thi đua, khen thưởng của đơn vị theo quy định hiện hành."
    public static let articleThree =
        "Điều 3. Các tổ trưởng, bộ phận có liên quan và các cá nhân, tập thể có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./."
    public static let recipients = ["Như Điều 3;", "Lưu: VT."]
}
