/// A model initiative as the union registers it, validated with every field error reported at once.
public struct ModelInitiativeDraft: Equatable, Sendable {
    public var title: String
    public var field: String
    public var owner: Owner
    public var goals: String
    public var startsOn: LocalDate?
    public var endsOn: LocalDate?

    public static func validate(
        title: String?, field: String?, ownerPersonId: String?, ownerUnitId: String?, goals: String?, startsOn: String?, endsOn: String?
    ) throws(DomainError) -> ModelInitiativeDraft {
        var violations: [DomainError.FieldViolation] = []
        let title = VietnameseText.normalized(title ?? "")
        if title.isEmpty { violations.append(.init(field: "title", message: "Cần tên mô hình.")) }
        if field == nil {
            violations.append(
                .init(field: "field", message: "Cần lĩnh vực (economy, culture_society, defence_security, political_system)."))
        }
        let owner = try? Owner.parse(personId: ownerPersonId, unitId: ownerUnitId, field: "owner")
        if owner == nil { violations.append(.rule(field: "owner", message: "Cần đúng một trong hai: owner.personId hoặc owner.unitId.")) }
        let starts = startsOn.flatMap(LocalDate.init)
        let ends = endsOn.flatMap(LocalDate.init)
        if startsOn != nil && starts == nil { violations.append(.init(field: "startsOn", message: "startsOn phải có dạng YYYY-MM-DD.")) }
        if endsOn != nil && ends == nil { violations.append(.init(field: "endsOn", message: "endsOn phải có dạng YYYY-MM-DD.")) }
        guard violations.isEmpty, let owner, let field else { throw DomainError.validation(violations) }
        return ModelInitiativeDraft(
            title: title, field: field, owner: owner, goals: VietnameseText.normalized(goals ?? ""), startsOn: starts, endsOn: ends)
    }
}

extension ModelInitiative.Recognition {
    /// The headmaster's recognition as sent: a level (school, district, province) and the decision's number and date.
    public static func validate(level: String?, decisionNumber: String?, decisionDate: String?) throws(DomainError) -> Self {
        let level = try checkedLevel(level)
        let decision = try DecisionReference.validate(number: decisionNumber, date: decisionDate)
        return .init(level: level, decision: decision.number, date: decision.date)
    }

    /// The same for a decision already read (a page reads its date as dd/mm/yyyy).
    public static func validate(level: String?, decision: DecisionReference) throws(DomainError) -> Self {
        .init(level: try checkedLevel(level), decision: decision.number, date: decision.date)
    }

    private static func checkedLevel(_ level: String?) throws(DomainError) -> String {
        guard let level, levels.contains(level) else {
            throw DomainError.validation([
                .init(field: "recognition.level", message: "Cấp công nhận phải là school, district hoặc province.")
            ])
        }
        return level
    }
}
