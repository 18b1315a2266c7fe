/// The owner of an imported row: a person by `mã nhân sự` (column `person`) or a collective by unit code (`unit`).
public enum ImportedOwner: Hashable, Sendable {
    case person(code: String)
    case unit(code: String)

    static func parse(_ row: CSVTable.Row, unitAllowed: Bool, issues: inout [ImportIssue]) -> ImportedOwner? {
        switch (row["person"], unitAllowed ? row["unit"] : nil) {
        case (let person?, nil): return .person(code: person)
        case (nil, let unit?): return .unit(code: unit)
        default:
            issues.append(
                ImportIssue(
                    line: row.line,
                    message: unitAllowed
                        ? "Cần đúng một trong hai cột person (mã nhân sự) hoặc unit (mã đơn vị)." : "Thiếu mã nhân sự (cột person)."))
            return nil
        }
    }
}

private func period(_ row: CSVTable.Row, issues: inout [ImportIssue]) -> Period? {
    guard let period = row["period"].flatMap(Period.init) else {
        issues.append(ImportIssue(line: row.line, message: "Kỳ \"\(row["period"] ?? "")\" phải là năm (2024) hoặc năm học (2023-2024)."))
        return nil
    }
    return period
}

private func count(_ text: String?, field: String, range: ClosedRange<Int>, line: Int, issues: inout [ImportIssue]) -> Int?? {
    guard let text else { return .some(nil) }
    guard let value = Int(text), range.contains(value) else {
        issues.append(ImportIssue(line: line, message: "Cột \(field) phải là số nguyên từ \(range.lowerBound) đến \(range.upperBound)."))
        return nil
    }
    return .some(value)
}

/// `thidua import ratings FILE.csv`: yearly ratings. Header `period,rating` and `person` (mã nhân sự) or `unit`
/// (a collective's own rating); optional `months_worked`, `initiatives` (sáng kiến recognized in the period),
/// `recruited_on` (YYYY-MM-DD, for someone recruited during the period) and `maternity_months` (counted as time worked).
/// The rating may be written as the code (excellent, good, completed, not_completed) or in Vietnamese.
public enum RatingImport {
    public struct Row: Equatable, Sendable {
        public let line: Int
        public let owner: ImportedOwner
        public let period: Period
        public let rating: Rating
        public let monthsWorked: Int?
        public let initiatives: Int
        public var recruitedOn: LocalDate? = nil
        public var maternityMonths: Int = 0
    }

    public static let columns = ["period", "rating"]
    public static let optionalColumns = ["person", "unit", "months_worked", "initiatives", "recruited_on", "maternity_months"]

    public static func parse(_ text: String) throws(ImportFailed) -> [Row] {
        let table = try CSVTable(text: text, required: columns, optional: optionalColumns)
        var issues: [ImportIssue] = []
        var rows: [Row] = []
        var seen: [String: Int] = [:]
        for row in table.rows {
            let owner = ImportedOwner.parse(row, unitAllowed: true, issues: &issues)
            let period = period(row, issues: &issues)
            let rating = row["rating"].flatMap(Rating.init(label:))
            if rating == nil {
                issues.append(
                    ImportIssue(
                        line: row.line,
                        message:
                            "Xếp loại \"\(row["rating"] ?? "")\" không hợp lệ: dùng Hoàn thành xuất sắc / tốt / Hoàn thành / Không hoàn thành nhiệm vụ."
                    ))
            }
            let months = count(row["months_worked"], field: "months_worked", range: 0...12, line: row.line, issues: &issues)
            let initiatives = count(row["initiatives"], field: "initiatives", range: 0...99, line: row.line, issues: &issues)
            let maternity = count(row["maternity_months"], field: "maternity_months", range: 0...12, line: row.line, issues: &issues)
            let recruited = row["recruited_on"].map { LocalDate($0) }
            if let recruited, recruited == nil {
                issues.append(ImportIssue(line: row.line, message: "Ngày tuyển dụng (recruited_on) phải có dạng YYYY-MM-DD."))
            }
            if let period, let day = recruited ?? nil, !period.contains(day) {
                issues.append(
                    ImportIssue(
                        line: row.line,
                        message:
                            "Ngày tuyển dụng \(day.vietnamese) nằm ngoài \(period.vietnamese); chỉ ghi khi người đó mới tuyển dụng trong kỳ."
                    ))
            }
            guard let owner, let period, let rating, let months, let initiatives, let maternity else { continue }
            let key = "\(owner)|\(period.label)"
            if let first = seen[key] {
                issues.append(
                    ImportIssue(line: row.line, message: "Đã có xếp loại kỳ \(period.label) của cùng người/tập thể ở dòng \(first)."))
                continue
            }
            if case .unit = owner, months != nil || initiatives != nil || maternity != nil || recruited != nil {
                issues.append(
                    ImportIssue(line: row.line, message: "Tập thể không có months_worked, initiatives, recruited_on hay maternity_months."))
                continue
            }
            seen[key] = row.line
            rows.append(
                Row(
                    line: row.line, owner: owner, period: period, rating: rating, monthsWorked: months, initiatives: initiatives ?? 0,
                    recruitedOn: recruited ?? nil, maternityMonths: maternity ?? 0))
        }
        guard issues.isEmpty else { throw ImportFailed(issues) }
        return rows
    }
}

/// `thidua import disciplines FILE.csv`: header `person,measure,decided_on`, optional `decision_number`. The measure
/// is the code (reprimand, warning, …) or Vietnamese (Khiển trách, Cảnh cáo, Hạ bậc lương, Giáng chức, Cách chức,
/// Buộc thôi việc).
public enum DisciplineImport {
    public struct Row: Equatable, Sendable {
        public let line: Int
        public let personCode: String
        public let measure: DisciplineMeasure
        public let decidedOn: LocalDate
        public let decisionNumber: String
    }

    public static let columns = ["person", "measure", "decided_on"]
    public static let optionalColumns = ["decision_number"]

    public static func parse(_ text: String) throws(ImportFailed) -> [Row] {
        let table = try CSVTable(text: text, required: columns, optional: optionalColumns)
        var issues: [ImportIssue] = []
        var rows: [Row] = []
        for row in table.rows {
            let person = row["person"]
            if person == nil { issues.append(ImportIssue(line: row.line, message: "Thiếu mã nhân sự (cột person).")) }
            let measure = row["measure"].flatMap(DisciplineMeasure.init(label:))
            if measure == nil {
                issues.append(ImportIssue(line: row.line, message: "Hình thức kỷ luật \"\(row["measure"] ?? "")\" không hợp lệ."))
            }
            let date = row["decided_on"].flatMap(LocalDate.init)
            if date == nil { issues.append(ImportIssue(line: row.line, message: "Ngày kỷ luật phải có dạng YYYY-MM-DD.")) }
            guard let person, let measure, let date else { continue }
            rows.append(
                Row(line: row.line, personCode: person, measure: measure, decidedOn: date, decisionNumber: row["decision_number"] ?? ""))
        }
        guard issues.isEmpty else { throw ImportFailed(issues) }
        return rows
    }
}

/// `thidua import commendations FILE.csv`: commendations from before thidua. Header
/// `award,period,decision_number,decision_date,issuer` and `person` or `unit`; optional `amount` (đồng).
public enum PastCommendationImport {
    public struct Row: Equatable, Sendable {
        public let line: Int
        public let owner: ImportedOwner
        public let award: String
        public let period: Period
        public let decisionNumber: String
        public let decisionDate: LocalDate
        public let issuer: String
        public let amount: Int?
    }

    public static let columns = ["award", "period", "decision_number", "decision_date", "issuer"]
    public static let optionalColumns = ["person", "unit", "amount"]

    public static func parse(_ text: String) throws(ImportFailed) -> [Row] {
        let table = try CSVTable(text: text, required: columns, optional: optionalColumns)
        var issues: [ImportIssue] = []
        var rows: [Row] = []
        var seen: [String: Int] = [:]
        for row in table.rows {
            let owner = ImportedOwner.parse(row, unitAllowed: true, issues: &issues)
            let period = period(row, issues: &issues)
            let award = row["award"]?.uppercased()
            if award == nil { issues.append(ImportIssue(line: row.line, message: "Thiếu mã khen thưởng (cột award), ví dụ LDTT.")) }
            let number = row["decision_number"]
            if number == nil { issues.append(ImportIssue(line: row.line, message: "Thiếu số quyết định (cột decision_number).")) }
            let date = row["decision_date"].flatMap(LocalDate.init)
            if date == nil { issues.append(ImportIssue(line: row.line, message: "Ngày quyết định phải có dạng YYYY-MM-DD.")) }
            let issuer = row["issuer"]
            if issuer == nil { issues.append(ImportIssue(line: row.line, message: "Thiếu cơ quan ban hành (cột issuer).")) }
            var amount: Int?
            if let text = row["amount"] {
                amount = Int(text.filter { $0 != "." && $0 != "," && $0 != " " })
                if amount == nil || amount! < 0 {
                    issues.append(ImportIssue(line: row.line, message: "Số tiền \"\(text)\" phải là số đồng nguyên không âm."))
                    continue
                }
            }
            guard let owner, let period, let award, let number, let date, let issuer else { continue }
            let key = "\(owner)|\(award)|\(period.label)"
            if let first = seen[key] {
                issues.append(
                    ImportIssue(
                        line: row.line, message: "Khen thưởng \(award) kỳ \(period.label) của cùng đối tượng đã có ở dòng \(first)."))
                continue
            }
            seen[key] = row.line
            rows.append(
                Row(
                    line: row.line, owner: owner, award: award, period: period, decisionNumber: number, decisionDate: date, issuer: issuer,
                    amount: amount))
        }
        guard issues.isEmpty else { throw ImportFailed(issues) }
        return rows
    }
}
