/// A status of a workflow record. Each type lists its allowed moves; `sql/0004_workflow_rules.sql` lists the same
/// moves for the database, and a test keeps the two lists equal.
public protocol WorkflowStatus: RawRepresentable, CaseIterable, Hashable, Sendable, Codable where RawValue == String {
    /// The table name the database uses for this workflow.
    static var entity: String { get }
    /// Where each status may go next.
    static var moves: [Self: Set<Self>] { get }
    /// The status in Vietnamese, for messages.
    var vietnameseName: String { get }
}

extension WorkflowStatus {
    public var allowedNext: Set<Self> { Self.moves[self] ?? [] }

    /// Throws a 409-style error naming the current status and the allowed ones when `next` is not allowed.
    public func check(_ next: Self) throws(DomainError) {
        guard allowedNext.contains(next) else {
            let allowed = allowedNext.map(\.rawValue).sorted()
            let names = allowedNext.map(\.vietnameseName).sorted().joined(separator: ", ")
            var error = DomainError(
                .invalidTransition,
                "Không thể chuyển từ \"\(vietnameseName)\" sang \"\(next.vietnameseName)\"."
                    + (allowed.isEmpty ? " Hồ sơ đã ở trạng thái cuối." : " Có thể chuyển sang: \(names)."))
            error.currentStatus = rawValue
            error.allowedStatuses = allowed
            throw error
        }
    }
}
