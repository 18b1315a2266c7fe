import Foundation

/// What is typed at each step of a sáng kiến, read the same way from the API, the CLI and the pages; every mistake is
/// named with its field. The database checks the order of the steps and their dates again.
public struct InitiativeDraft: Equatable, Sendable {
    public let personId: ID<Person>
    public let title: String
    public let period: Period
    public let registeredOn: LocalDate?

    public static func validate(personId: String?, title: String?, period: String?, registeredOn: String?) throws(DomainError)
        -> InitiativeDraft
    {
        var violations: [DomainError.FieldViolation] = []
        let person = personId.flatMap { ID<Person>($0) }
        if person == nil { violations.append(.rule(field: "personId", message: "Hãy chọn tác giả của sáng kiến.")) }
        let title = VietnameseText.normalized(title ?? "")
        if title.isEmpty || title.count > FieldLimits.shortText {
            violations.append(.init(field: "title", message: "Cần tên sáng kiến, không quá 200 ký tự."))
        }
        let parsed = FieldParsing.period(
            period, field: "period", message: "Năm áp dụng là năm học (2023-2024) hoặc năm (2024).", into: &violations)
        let date = InitiativeDraft.optionalDate(registeredOn, field: "registeredOn", into: &violations)
        guard violations.isEmpty, let person, let parsed else { throw DomainError.validation(violations) }
        return InitiativeDraft(personId: person, title: title, period: parsed, registeredOn: date)
    }

    static func optionalDate(_ text: String?, field: String, into violations: inout [DomainError.FieldViolation]) -> LocalDate? {
        guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        guard let date = LocalDate(text) else {
            violations.append(.init(field: field, message: "Ngày phải có dạng YYYY-MM-DD, ví dụ 2024-03-15."))
            return nil
        }
        return date
    }
}

/// The application for recognition (đơn đề nghị công nhận sáng kiến): what the initiative changes and its effect.
public struct InitiativeApplication: Equatable, Sendable {
    public let description: String
    public let appliedOn: LocalDate?

    public static func validate(description: String?, appliedOn: String?) throws(DomainError) -> InitiativeApplication {
        var violations: [DomainError.FieldViolation] = []
        let text = VietnameseText.normalizedParagraphs(description ?? "")
        if text.isEmpty || text.count > 10_000 {
            violations.append(
                .init(
                    field: "description",
                    message: "Cần mô tả sáng kiến (vấn đề, giải pháp mới, hiệu quả khi áp dụng), không quá 10.000 ký tự."))
        }
        let date = InitiativeDraft.optionalDate(appliedOn, field: "appliedOn", into: &violations)
        guard violations.isEmpty else { throw DomainError.validation(violations) }
        return InitiativeApplication(description: text, appliedOn: date)
    }
}

/// The initiative council's points out of 100 and its conclusion.
public struct InitiativeScore: Equatable, Sendable {
    public let score: Int
    public let passed: Bool
    public let scoredOn: LocalDate?

    public static func validate(score: Int?, passed: Bool?, scoredOn: String?) throws(DomainError) -> InitiativeScore {
        var violations: [DomainError.FieldViolation] = []
        if score == nil || !(0...100).contains(score!) {
            violations.append(.init(field: "score", message: "Điểm của hội đồng sáng kiến là số nguyên từ 0 đến 100."))
        }
        if passed == nil {
            violations.append(.init(field: "passed", message: "Cần kết luận của hội đồng: đạt (true) hay không đạt (false)."))
        }
        let date = InitiativeDraft.optionalDate(scoredOn, field: "scoredOn", into: &violations)
        guard violations.isEmpty, let score, let passed else { throw DomainError.validation(violations) }
        return InitiativeScore(score: score, passed: passed, scoredOn: date)
    }
}

/// A recognition from its decision: the school's (cơ sở) by the head, a wider scope from the higher level's decision.
public struct InitiativeRecognitionDraft: Equatable, Sendable {
    public let scope: Initiative.Scope
    public let decisionNumber: String
    public let decisionDate: LocalDate
    /// nil for the school's own: the head of the author's school.
    public let issuer: String?

    public static func validate(scope: String?, decisionNumber: String?, decisionDate: String?, issuer: String?) throws(DomainError)
        -> InitiativeRecognitionDraft
    {
        var violations: [DomainError.FieldViolation] = []
        let parsedScope = scope.flatMap(Initiative.Scope.init(rawValue:))
        if parsedScope == nil {
            violations.append(.init(field: "scope", message: "Phạm vi là unit (cấp cơ sở), district (cấp huyện) hoặc province (cấp tỉnh)."))
        }
        let number = VietnameseText.normalized(decisionNumber ?? "")
        if number.isEmpty || number.count > 200 {
            violations.append(.init(field: "decisionNumber", message: "Cần số quyết định công nhận, ví dụ 12/QĐ-THAP."))
        }
        let date = decisionDate.flatMap { LocalDate($0.trimmingCharacters(in: .whitespaces)) }
        if date == nil {
            violations.append(.init(field: "decisionDate", message: "Ngày quyết định phải có dạng YYYY-MM-DD, ví dụ 2024-05-10."))
        }
        let issuer = issuer.map(VietnameseText.normalized).flatMap { $0.isEmpty ? nil : $0 }
        if let issuer, issuer.count > 200 {
            violations.append(.init(field: "issuer", message: "Tên cơ quan ban hành không quá 200 ký tự."))
        }
        if parsedScope != nil, parsedScope != .unit, issuer == nil {
            violations.append(
                .rule(field: "issuer", message: "Cần cơ quan công nhận phạm vi rộng hơn, ví dụ \"Chủ tịch UBND huyện Tân Hồng\"."))
        }
        guard violations.isEmpty, let parsedScope, let date else { throw DomainError.validation(violations) }
        return InitiativeRecognitionDraft(scope: parsedScope, decisionNumber: number, decisionDate: date, issuer: issuer)
    }
}
