/// A CSV file with a header: rows as dictionaries keyed by column name, checked against the columns a kind of import knows.
struct CSVTable {
    struct Row {
        let line: Int
        let values: [String: String]
        subscript(_ column: String) -> String? {
            guard let value = values[column], !value.isEmpty else { return nil }
            return value
        }
    }

    let rows: [Row]

    init(text: String, required: [String], optional: [String]) throws(ImportFailed) {
        let records = try CSVReader.records(text)
        guard let header = records.first else {
            throw ImportFailed([ImportIssue(line: 1, message: "Tệp trống: cần dòng tiêu đề \(required.joined(separator: ",")).")])
        }
        let columns = header.fields.map { VietnameseText.normalized($0).lowercased() }
        var issues: [ImportIssue] = []
        let missing = required.filter { !columns.contains($0) }
        if !missing.isEmpty {
            issues.append(
                ImportIssue(
                    line: 1, message: "Thiếu cột: \(missing.joined(separator: ", ")). Tiêu đề cần có: \(required.joined(separator: ","))."))
        }
        let unknown = columns.filter { !required.contains($0) && !optional.contains($0) }
        if !unknown.isEmpty {
            issues.append(
                ImportIssue(
                    line: 1,
                    message:
                        "Cột không được hỗ trợ: \(unknown.joined(separator: ", ")). Các cột hợp lệ: \((required + optional).joined(separator: ", "))."
                ))
        }
        guard issues.isEmpty else { throw ImportFailed(issues) }
        var rows: [Row] = []
        for record in records.dropFirst() {
            guard record.fields.count == columns.count else {
                issues.append(
                    ImportIssue(line: record.line, message: "Dòng có \(record.fields.count) cột nhưng tiêu đề có \(columns.count) cột."))
                continue
            }
            rows.append(
                Row(
                    line: record.line,
                    values: Dictionary(zip(columns, record.fields.map(VietnameseText.normalized)), uniquingKeysWith: { a, _ in a })))
        }
        guard issues.isEmpty else { throw ImportFailed(issues) }
        self.rows = rows
    }
}
