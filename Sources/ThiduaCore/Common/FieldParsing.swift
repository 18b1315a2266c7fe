/// Reading one field a client sent (a JSON key or a query parameter). Every refusal names the field exactly as the
/// client wrote it, so `errors[].field` always equals the key in the request.
public enum FieldParsing {
    /// A required id: missing or not a UUID is a field error (a bad id in a body is not a 404).
    public static func id<Entity>(_ text: String?, _ entity: Entity.Type, field: String) throws(DomainError) -> ID<Entity> {
        guard let text, let id = ID<Entity>(text) else {
            throw DomainError.validation([.init(field: field, message: "\(field) phải là mã UUID.")])
        }
        return id
    }

    /// An optional id: absent is nil, present but not a UUID is a field error.
    public static func optionalID<Entity>(_ text: String?, _ entity: Entity.Type, field: String) throws(DomainError) -> ID<Entity>? {
        guard let text else { return nil }
        return try id(text, entity, field: field)
    }

    /// Several ids, all UUIDs.
    public static func ids<Entity>(_ texts: [String]?, _ entity: Entity.Type, field: String) throws(DomainError) -> [ID<Entity>] {
        var result: [ID<Entity>] = []
        for text in texts ?? [] { result.append(try id(text, entity, field: field)) }
        return result
    }

    /// An optional date `YYYY-MM-DD`: absent is nil, present but malformed is a field error.
    public static func optionalDate(_ text: String?, field: String) throws(DomainError) -> LocalDate? {
        guard let text else { return nil }
        guard let date = LocalDate(text) else {
            throw DomainError.validation([.init(field: field, message: "\(field) phải có dạng YYYY-MM-DD.")])
        }
        return date
    }

    /// A required date `YYYY-MM-DD`.
    public static func date(_ text: String?, field: String, message: String) throws(DomainError) -> LocalDate {
        guard let date = text.flatMap(LocalDate.init) else { throw DomainError.validation([.init(field: field, message: message)]) }
        return date
    }

    /// One of an enumeration's raw values; the message lists the allowed ones unless one is given.
    public static func choice<T: RawRepresentable & CaseIterable>(
        _ text: String?, _ type: T.Type, field: String, message: String? = nil
    ) throws(DomainError) -> T where T.RawValue == String {
        guard let value = text.flatMap(T.init(rawValue:)) else {
            let allowed = T.allCases.map(\.rawValue).joined(separator: ", ")
            throw DomainError.validation([.init(field: field, message: message ?? "\(field) phải là một trong: \(allowed).")])
        }
        return value
    }

    /// An optional choice: absent is nil.
    public static func optionalChoice<T: RawRepresentable & CaseIterable>(
        _ text: String?, _ type: T.Type, field: String
    ) throws(DomainError) -> T? where T.RawValue == String {
        guard let text else { return nil }
        return try choice(text, type, field: field)
    }

    /// Required text, NFC and trimmed, not empty.
    public static func text(_ text: String?, field: String, message: String) throws(DomainError) -> String {
        let value = VietnameseText.normalized(text ?? "")
        guard !value.isEmpty else { throw DomainError.validation([.init(field: field, message: message)]) }
        return value
    }

    /// A required yes/no.
    public static func flag(_ value: Bool?, field: String, message: String) throws(DomainError) -> Bool {
        guard let value else { throw DomainError.validation([.init(field: field, message: message)]) }
        return value
    }

    /// `true` / `false` in a query string; absent is `false`.
    public static func queryFlag(_ text: String?, field: String) throws(DomainError) -> Bool {
        switch text {
        case nil, "false": return false
        case "true": return true
        default: throw DomainError.validation([.init(field: field, message: "\(field) là true hoặc false.")])
        }
    }

    /// A period typed as "2023-2024" or "2024", its mistake added to `violations`: "2023-2025" has the form of a period
    /// but not its rule (a school year's years follow each other), so it breaks a rule rather than the field's form.
    public static func period(_ text: String?, field: String, message: String, into violations: inout [DomainError.FieldViolation])
        -> Period?
    {
        let text = (text ?? "").trimmingCharacters(in: .whitespaces)
        if let period = Period(text) { return period }
        let years = text.split(separator: "-", omittingEmptySubsequences: false)
        let shaped = (1...2).contains(years.count) && years.allSatisfy { $0.count == 4 && $0.allSatisfy { $0.isASCII && $0.isNumber } }
        violations.append(shaped ? .rule(field: field, message: message) : .init(field: field, message: message))
        return nil
    }

    /// An optional period filter: `year=2024` or `schoolYear=2023-2024` (the school year wins when both are sent).
    public static func optionalPeriod(year: String?, schoolYear: String?) throws(DomainError) -> Period? {
        let calendar = try year.map { text throws(DomainError) in try Period.calendarYear(text) }
        return try schoolYear.map { text throws(DomainError) in try Period.schoolYear(text) } ?? calendar
    }
}
