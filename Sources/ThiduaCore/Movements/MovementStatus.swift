/// A movement's life: draft → open → closed → archived.
public enum MovementStatus: String, WorkflowStatus {
    case draft, open, closed, archived

    public static let entity = "movements"
    public static let moves: [MovementStatus: Set<MovementStatus>] = [.draft: [.open], .open: [.closed], .closed: [.archived]]

    public var vietnameseName: String {
        switch self {
        case .draft: "dự thảo"
        case .open: "đang phát động"
        case .closed: "đã kết thúc"
        case .archived: "đã lưu trữ"
        }
    }
}
