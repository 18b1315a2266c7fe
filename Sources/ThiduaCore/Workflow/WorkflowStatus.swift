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

    /// A 409-style error for an action that this status does not allow, naming where the record may go instead.
    public func refusal(_ message: String) -> DomainError {
        var error = DomainError(.invalidTransition, message)
        error.currentStatus = rawValue
        error.allowedStatuses = allowedNext.map(\.rawValue).sorted()
        return error
    }

    /// Throws a 409-style error naming the current status and the allowed ones when `next` is not allowed.
    public func check(_ next: Self) throws(DomainError) {
        guard allowedNext.contains(next) else {
            let names = allowedNext.map(\.vietnameseName).sorted().joined(separator: ", ")
            throw refusal(
                "Không thể chuyển từ \"\(vietnameseName)\" sang \"\(next.vietnameseName)\"."
                    + (allowedNext.isEmpty ? " Hồ sơ đã ở trạng thái cuối." : " Có thể chuyển sang: \(names)."))
        }
    }
}
