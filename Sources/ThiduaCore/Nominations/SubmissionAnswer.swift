/// What the higher level answered on a forwarded nominee (sql/0032): the award as proposed, another award (usually a lower
/// one: "Giấy khen của Chủ tịch UBND huyện" instead of "Chiến sĩ thi đua cơ sở"), or a refusal with its reason.
public enum AnswerOutcome: String, Codable, CaseIterable, Sendable {
    case approved, reduced, refused

    public var vietnameseName: String {
        switch self {
        case .approved: "Được duyệt"
        case .reduced: "Duyệt hình thức khác"
        case .refused: "Không duyệt"
        }
    }
}

/// The higher level's answer as recorded: who answered, with which document, the award granted (none when refused).
public struct SubmissionAnswer: Equatable, Sendable, Codable {
    public let outcome: AnswerOutcome
    public let issuer: String
    public let number: String
    public let date: LocalDate
    public let awardCode: String?
    public let awardName: String?
    public let reason: String?
    public let commendationId: String?

    public init(
        outcome: AnswerOutcome, issuer: String, number: String, date: LocalDate, awardCode: String?, awardName: String?, reason: String?,
        commendationId: String?
    ) {
        self.outcome = outcome
        self.issuer = issuer
        self.number = number
        self.date = date
        self.awardCode = awardCode
        self.awardName = awardName
        self.reason = reason
        self.commendationId = commendationId
    }

    /// "Bằng khen của bộ, ban, ngành, tỉnh (Quyết định số 1520/QĐ-UBND ngày 25/06/2024 của UBND huyện Tân Hồng)", or the
    /// refusal with its reason.
    public var summary: String {
        let document = "số \(number) ngày \(date.vietnamese) của \(issuer)"
        switch outcome {
        case .approved, .reduced: return "\(outcome.vietnameseName): \(awardName ?? awardCode ?? "") (\(document))"
        case .refused: return "Không duyệt (\(document)): \(reason ?? "")"
        }
    }
}

/// An answer as the clerk enters it: the outcome, the issuer and the document's number and date; the award granted when it
/// is another one than proposed; the reason of a refusal.
public struct AnswerDraft: Equatable, Sendable {
    public let outcome: AnswerOutcome
    public let issuer: String
    public let reference: DecisionReference
    /// The award granted instead of the one proposed (reduced only).
    public let award: String?
    public let reason: String?

    public static func validate(
        outcome: String?, issuer: String?, number: String?, date: String?, award: String?, reason: String?
    ) throws(DomainError) -> AnswerDraft {
        var violations: [DomainError.FieldViolation] = []
        let chosen = AnswerOutcome(rawValue: outcome ?? "")
        if chosen == nil {
            violations.append(
                .init(
                    field: "outcome",
                    message: "Cần kết quả: approved (được duyệt), reduced (duyệt hình thức khác) hoặc refused (không duyệt)."))
        }
        let issuer = VietnameseText.normalized(issuer ?? "")
        if issuer.isEmpty {
            violations.append(.init(field: "issuer", message: "Cần cơ quan trả lời, ví dụ UBND huyện Tân Hồng."))
        }
        let number = VietnameseText.normalized(number ?? "")
        if number.isEmpty {
            violations.append(.init(field: "decisionNumber", message: "Cần số văn bản trả lời (quyết định hoặc công văn)."))
        }
        let day = date.flatMap(LocalDate.init)
        if day == nil { violations.append(.init(field: "decisionDate", message: "Ngày văn bản phải có dạng YYYY-MM-DD.")) }
        let award = award.map(VietnameseText.normalized).flatMap { $0.isEmpty ? nil : $0 }
        let reason = reason.map(VietnameseText.normalized).flatMap { $0.isEmpty ? nil : $0 }
        switch chosen {
        case .reduced where award == nil:
            violations.append(.rule(field: "award", message: "Cần mã hình thức cấp trên đã duyệt thay (ví dụ GK_HUYEN)."))
        case .approved where award != nil, .refused where award != nil:
            violations.append(.rule(field: "award", message: "Chỉ ghi hình thức khác khi cấp trên duyệt hình thức khác (reduced)."))
        case .refused where reason == nil:
            violations.append(.rule(field: "reason", message: "Cần ghi lý do cấp trên không duyệt."))
        default: break
        }
        guard violations.isEmpty, let chosen, let day else { throw DomainError.validation(violations) }
        return AnswerDraft(
            outcome: chosen, issuer: issuer, reference: DecisionReference(number: number, date: day), award: award, reason: reason)
    }
}
