/// A nomination (đề nghị khen thưởng): the nominee, the proposed award, the achievements and linked models.
public struct Nomination: Equatable, Sendable {
    public let id: ID<Nomination>
    public var movementId: ID<Movement>
    public var awardCode: String
    public var nominee: Owner
    public var achievements: String
    public var modelIds: [ID<ModelInitiative>]
    public var status: NominationStatus
    public var returnReason: String?
    public var declineReason: String?
    public var version: Int
    /// The submission (tờ trình) to the higher authority, once forwarded.
    public var submission: Submission? = nil
    /// Thường xuyên, chuyên đề or đột xuất; the commendation it leads to keeps it.
    public var kind: CommendationKind = .regular

    public init(
        id: ID<Nomination>, movementId: ID<Movement>, awardCode: String, nominee: Owner, achievements: String,
        modelIds: [ID<ModelInitiative>], status: NominationStatus, returnReason: String?, declineReason: String?, version: Int
    ) {
        self.id = id
        self.movementId = movementId
        self.awardCode = awardCode
        self.nominee = nominee
        self.achievements = achievements
        self.modelIds = modelIds
        self.status = status
        self.returnReason = returnReason
        self.declineReason = declineReason
        self.version = version
    }
}

/// A council member's vote.
public enum Vote: String, Codable, CaseIterable, Sendable {
    case agree, disagree, abstain
}

/// The vote count when the council recommends, stored with the recommendation.
public struct Tally: Equatable, Sendable, Codable {
    public var agree: Int
    public var disagree: Int
    public var abstain: Int
    /// Council members who may review this nomination (recused members excluded).
    public var members: Int
    /// The award's vote threshold when the recommendation was made ("2/3 tổng số thành viên hội đồng"), and the
    /// agreeing votes it needed.
    public var threshold: String? = nil
    public var required: Int? = nil

    public init(agree: Int, disagree: Int, abstain: Int, members: Int) {
        self.agree = agree
        self.disagree = disagree
        self.abstain = abstain
        self.members = members
    }

    public var reviewed: Int { agree + disagree + abstain }
}

/// A review's scores, checked against the movement's criteria: every criterion scored, 0…maximum, nothing extra.
public enum ReviewScores {
    public static func validate(_ scores: [String: Int], against criteria: [Criterion]) throws(DomainError) {
        var violations: [DomainError.FieldViolation] = []
        for criterion in criteria {
            guard let points = scores[criterion.code] else {
                violations.append(.init(field: "scores.\(criterion.code)", message: "Chưa chấm tiêu chí \"\(criterion.title)\"."))
                continue
            }
            if !(0...criterion.maxPoints).contains(points) {
                violations.append(
                    .init(
                        field: "scores.\(criterion.code)",
                        message: "Điểm tiêu chí \"\(criterion.title)\" phải từ 0 đến \(criterion.maxPoints)."))
            }
        }
        for code in scores.keys.sorted() where !criteria.contains(where: { $0.code == code }) {
            violations.append(.init(field: "scores.\(code)", message: "Phong trào không có tiêu chí \"\(code)\"."))
        }
        guard violations.isEmpty else { throw DomainError.validation(violations) }
    }
}

/// A submission (tờ trình) forwarding a nomination to the authority that grants its award.
public struct Submission: Equatable, Sendable, Codable {
    public let number: String
    public let date: LocalDate
    public let authorityLevel: String
    public let authorityName: String
    /// Whom the tờ trình is addressed to (Kính gửi), when it names someone else than the authority.
    public var addressee: String? = nil
    /// The unit in thidua the nomination was sent to (sql/0038: the nearest unit above whose authority is the level), whose
    /// head answers it there; nil when the level is outside thidua (the school records the answer it receives).
    public var receivingUnitId: ID<OrgUnit>? = nil
    public var receivingUnit: String? = nil
    /// The tờ trình each unit in thidua sent it on with after the school's (sql/0043), in order.
    public var onward: [OnwardSubmission] = []
    /// While it waits for an answer: the unit in thidua it goes to if the receiving unit sends it on; nil when nothing
    /// above up to the award's level is in thidua (the receiving unit's head then records the answer of that level).
    public var onwardUnitId: ID<OrgUnit>? = nil
    public var onwardUnit: String? = nil

    public init(number: String, date: LocalDate, authorityLevel: String, authorityName: String) {
        self.number = number
        self.date = date
        self.authorityLevel = authorityLevel
        self.authorityName = authorityName
    }
}

/// A new nomination as the union sends it. Fields are checked in the order a form shows them and the first fault is
/// reported, each under the JSON key the client sent.
public struct NominationDraft: Equatable, Sendable {
    public var movementId: ID<Movement>
    public var award: String
    public var nominee: Owner
    public var achievements: String
    public var modelIds: [ID<ModelInitiative>]

    public static func validate(
        movementId: String?, award: String?, nomineePersonId: String?, nomineeUnitId: String?, achievements: String?, modelIds: [String]?
    ) throws(DomainError) -> NominationDraft {
        let movement = try FieldParsing.id(movementId, Movement.self, field: "movementId")
        let nominee = try Owner.parse(personId: nomineePersonId, unitId: nomineeUnitId, field: "nominee")
        let award = try FieldParsing.text(
            award, field: "award", message: "Cần mã danh hiệu hoặc hình thức khen thưởng (ví dụ LDTT).")
        let models = try FieldParsing.ids(modelIds, ModelInitiative.self, field: "modelIds")
        return NominationDraft(
            movementId: movement, award: award, nominee: nominee, achievements: VietnameseText.normalized(achievements ?? ""),
            modelIds: models)
    }
}

/// A unit in thidua sending a forwarded nomination on to the next unit up (the district to the province), with a tờ
/// trình of its own.
public struct OnwardSubmission: Equatable, Sendable, Codable {
    public let fromUnit: String
    public let number: String
    public let date: LocalDate

    public init(fromUnit: String, number: String, date: LocalDate) {
        self.fromUnit = fromUnit
        self.number = number
        self.date = date
    }

    /// A unit's tờ trình, sending nominations up or on: its number (NFC, at most 100 characters) and date, each said next
    /// to its field.
    public static func reference(number: String?, date: LocalDate?, dateMessage: String) throws(DomainError) -> DecisionReference {
        var violations: [DomainError.FieldViolation] = []
        let number = VietnameseText.normalized(number ?? "")
        if number.isEmpty {
            violations.append(.init(field: "submissionNumber", message: "Cần số tờ trình (ví dụ 25/TTr-THAP)."))
        } else if number.count > 100 {
            violations.append(.init(field: "submissionNumber", message: "Số tờ trình dài quá 100 ký tự."))
        }
        if date == nil { violations.append(.init(field: "submissionDate", message: dateMessage)) }
        guard violations.isEmpty, let date else { throw DomainError.validation(violations) }
        return DecisionReference(number: number, date: date)
    }
}
