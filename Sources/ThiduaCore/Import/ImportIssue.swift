/// One bad row of an import file: its line number (header = line 1) and the reason, in plain words.
public struct ImportIssue: Equatable, Sendable, CustomStringConvertible {
    public let line: Int
    public let message: String

    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }

    public var description: String { "Dòng \(line): \(message)" }
}

/// An import that was refused as a whole: nothing was written. Lists every bad row.
public struct ImportFailed: Error, Equatable, Sendable, CustomStringConvertible {
    public let issues: [ImportIssue]

    public init(_ issues: [ImportIssue]) { self.issues = issues.sorted { $0.line < $1.line } }

    public var description: String {
        (["Không nhập gì cả: tệp có \(issues.count) lỗi."] + issues.map(\.description)).joined(separator: "\n")
    }
}

/// What an import did: rows created, updated and left as they were.
public struct ImportSummary: Equatable, Sendable, CustomStringConvertible {
    public var created = 0
    public var updated = 0
    public var unchanged = 0

    public init(created: Int = 0, updated: Int = 0, unchanged: Int = 0) {
        self.created = created
        self.updated = updated
        self.unchanged = unchanged
    }

    public var description: String { "thêm mới \(created), cập nhật \(updated), không đổi \(unchanged)" }
}
