/// `thidua import units FILE.csv`: header `code,name,parent,kind`, the parent named by its code.
public enum UnitImport {
    public struct Row: Equatable, Sendable {
        public let line: Int
        public let draft: UnitDraft
        public let parentCode: String?
    }

    public static let columns = ["code", "name", "parent", "kind"]

    /// Validates every row; all problems are reported together, and none of the file is usable if any exists.
    public static func parse(_ text: String) throws(ImportFailed) -> [Row] {
        let table = try CSVTable(text: text, required: columns, optional: [])
        var issues: [ImportIssue] = []
        var rows: [Row] = []
        var firstLineOfCode: [String: Int] = [:]
        for row in table.rows {
            switch UnitDraft.validate(code: row["code"], name: row["name"], kind: row["kind"]) {
            case .failure(let error):
                issues += error.violations.map { ImportIssue(line: row.line, message: $0.message) }
            case .success(let draft):
                if row["parent"] == draft.code {
                    issues.append(
                        ImportIssue(line: row.line, message: "Đơn vị \"\(draft.code)\" không thể là đơn vị cấp trên của chính nó."))
                } else if let first = firstLineOfCode[draft.code] {
                    issues.append(ImportIssue(line: row.line, message: "Mã đơn vị \"\(draft.code)\" đã có ở dòng \(first)."))
                } else {
                    firstLineOfCode[draft.code] = row.line
                    rows.append(Row(line: row.line, draft: draft, parentCode: row["parent"]))
                }
            }
        }
        guard issues.isEmpty else { throw ImportFailed(issues) }
        return rows
    }
}
