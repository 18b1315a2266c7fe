/// Staff category as the plan names it: CBQL (cán bộ quản lý), VC (viên chức), NLĐ (người lao động).
public enum StaffCategory: String, Codable, CaseIterable, Sendable {
    case manager = "CBQL"
    case publicEmployee = "VC"
    case worker = "NLD"

    /// Accepts the codes with or without diacritics ("NLĐ" or "NLD"), any case.
    public init?(code: String) {
        let key = VietnameseText.searchKey(code).uppercased()
        guard let category = StaffCategory(rawValue: key) else { return nil }
        self = category
    }

    public var vietnameseName: String {
        switch self {
        case .manager: "Cán bộ quản lý"
        case .publicEmployee: "Viên chức"
        case .worker: "Người lao động"
        }
    }
}
