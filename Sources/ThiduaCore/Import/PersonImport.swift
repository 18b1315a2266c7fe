/// `thidua import people FILE.csv`: header `full_name,unit,position,category`, the unit by its code,
/// optional `family_name,middle_name,given_name` to correct the default split, optional `code` (mã nhân sự).
public enum PersonImport {
    public struct Row: Equatable, Sendable {
        public let line: Int
        public let unitCode: String
        public let draft: PersonDraft
    }

    public static let columns = ["full_name", "unit", "position", "category"]
    public static let optionalColumns = ["family_name", "middle_name", "given_name", "code"]

    /// Validates every row. A person is matched on re-import by `code`, or else by full name within the unit,
    /// so two rows with the same name in the same unit need codes to tell them apart.
    public static func parse(_ text: String) throws(ImportFailed) -> [Row] {
        let table = try CSVTable(text: text, required: columns, optional: optionalColumns)
        var issues: [ImportIssue] = []
        var rows: [Row] = []
        var seen: [String: Int] = [:]
        for row in table.rows {
            let hasParts = row["family_name"] != nil || row["middle_name"] != nil || row["given_name"] != nil
            let result = PersonDraft.validate(
                fullName: row["full_name"],
                familyName: hasParts ? row["family_name"] ?? "" : nil,
                middleName: hasParts ? row["middle_name"] ?? "" : nil,
                givenName: hasParts ? row["given_name"] ?? "" : nil,
                position: row["position"], category: row["category"], code: row["code"])
            guard let unitCode = row["unit"] else {
                issues.append(ImportIssue(line: row.line, message: "Thiếu mã đơn vị (cột unit)."))
                continue
            }
            switch result {
            case .failure(let error):
                issues += error.violations.map { ImportIssue(line: row.line, message: $0.message) }
            case .success(let valid):
                let key = valid.code.map { "code:\($0)" } ?? "name:\(unitCode)|\(valid.name.full)"
                if let first = seen[key] {
                    let reason =
                        valid.code != nil
                        ? "Mã nhân sự \"\(valid.code!)\" đã có ở dòng \(first)."
                        : "\"\(valid.name.full)\" thuộc đơn vị \(unitCode) đã có ở dòng \(first); nếu là hai người khác nhau, hãy thêm cột code (mã nhân sự)."
                    issues.append(ImportIssue(line: row.line, message: reason))
                    continue
                }
                seen[key] = row.line
                rows.append(Row(line: row.line, unitCode: unitCode, draft: valid))
            }
        }
        guard issues.isEmpty else { throw ImportFailed(issues) }
        return rows
    }
}
