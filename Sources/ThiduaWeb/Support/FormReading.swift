import Foundation
import ThiduaCore

/// What the pages' forms have in common beyond their fields: dates typed as dd/mm/yyyy, a decision's number and date,
/// and Core's checks reported together with the page's own, so a refused form shows every problem at once and no
/// message written for the API ("YYYY-MM-DD") reaches a clerk.
extension FormFields {
    static let dateMessage = "Ngày phải có dạng ngày/tháng/năm, ví dụ 15/09/2025."

    /// Why a typed date was refused: one written right that is not in the calendar (31/02/2025) is told so with its
    /// month's number of days, as a clerk would otherwise retype the same shape; anything else gets `message`.
    static func dateMessage(for text: String?, otherwise message: String = dateMessage) -> String {
        let typed = (text ?? "").trimmingCharacters(in: .whitespaces)
        let parts = typed.split(separator: "/", omittingEmptySubsequences: false).map { Int($0) }
        guard parts.count == 3, let day = parts[0], let month = parts[1], let year = parts[2], (1...12).contains(month),
            LocalDate.years.contains(year), day > LocalDate.days(inMonth: month, of: year)
        else { return message }
        return "Không có ngày \(typed) trong lịch: tháng \(month) năm \(year) chỉ có \(LocalDate.days(inMonth: month, of: year)) ngày."
    }

    /// The date typed in `field` (dd/mm/yyyy, or the yyyy-mm-dd a date picker sends) as the ISO text Core reads. A blank
    /// optional date is nil; a wrong one, or a blank required one, adds the page's message to `problems` and is nil.
    func isoDate(_ field: String, required: Bool = false, problems: inout [DomainError.FieldViolation]) -> String? {
        let text = (self[field] ?? "").trimmingCharacters(in: .whitespaces)
        if text.isEmpty && !required { return nil }
        guard let date = LocalDate.parse(vietnamese: text) else {
            problems.append(.init(field: field, message: Self.dateMessage(for: text)))
            return nil
        }
        return date.description
    }

    /// The lines typed in a text area, blank ones left out (Nơi nhận, one place per line).
    func lines(_ field: String) -> [String] {
        (self[field] ?? "").split(whereSeparator: \.isNewline).map(String.init).filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
    }

    /// The nominations ticked on a list (`ids`), with the page's message when there are none.
    func tickedNominations() -> (ids: [ID<Nomination>], errors: [String]) {
        let ids = all("ids").compactMap(ID<Nomination>.init)
        return (ids, ids.isEmpty ? ["Chọn ít nhất một đề nghị."] : [])
    }

    /// A unit's tờ trình: its number and its date typed as dd/mm/yyyy (Core's `OnwardSubmission.reference`).
    func submissionReference(number: String, date: String, dateMessage: String = Self.dateMessage) throws(DomainError)
        -> DecisionReference
    {
        try OnwardSubmission.reference(
            number: self[number], date: LocalDate.parse(vietnamese: self[date] ?? ""),
            dateMessage: Self.dateMessage(for: self[date], otherwise: dateMessage))
    }

    /// A decision's number and its date typed as dd/mm/yyyy.
    func decisionReference(
        number: String = "decisionNumber", date: String = "decisionDate", dateMessage: String = Self.dateMessage
    ) throws(DomainError) -> DecisionReference {
        try DecisionReference.validate(
            number: self[number], date: LocalDate.parse(vietnamese: self[date] ?? ""),
            dateMessage: Self.dateMessage(for: self[date], otherwise: dateMessage))
    }
}

/// Runs Core's check of a form and reports the page's own `problems` (found first, such as a date typed wrong) with
/// Core's, all at once; where both name a field, the page's message comes first.
func validated<Value>(adding problems: [DomainError.FieldViolation], _ check: () throws(DomainError) -> Value) throws(DomainError)
    -> Value
{
    let result = Result { () throws(DomainError) -> Value in try check() }
    switch result {
    case .success(let value) where problems.isEmpty: return value
    case .success: throw DomainError.validation(problems)
    case .failure(let error):
        throw DomainError.validation(problems + (error.violations.isEmpty ? [.init(field: "", message: error.message)] : error.violations))
    }
}

/// The messages a refused form shows: each under the form's own name for its field (`aliases` renames Core's), and the
/// ones for no field of the form together under "form", shown at the top of the form — none is lost. `words` gives the
/// page's own message for a field whose Core message names the API's codes ("owner.personId", "culture_society").
func formErrors(
    _ error: DomainError, fields: Set<String>, aliases: [String: String] = [:], words: [String: String] = [:]
) -> [String: String] {
    var errors: [String: String] = [:]
    var other: [String] = []
    for violation in error.violations.isEmpty ? [.init(field: "", message: error.message)] : error.violations {
        let field = aliases[violation.field] ?? violation.field
        if fields.contains(field) {
            errors[field] = errors[field] ?? words[field] ?? violation.message
        } else {
            other.append(violation.message)
        }
    }
    if !other.isEmpty { errors["form"] = other.joined(separator: " ") }
    return errors
}
