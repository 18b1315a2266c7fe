/// A đăng ký thi đua: at the start of the year a person registers the title they seek (Lao động tiên tiến, Chiến sĩ thi
/// đua cơ sở), the award they seek and the sáng kiến they plan; a tổ registers its collective title. One per nominee in
/// the movement for the year's titles (sql/0029 keeps the rest: the title's kind, the dates, the movement).
public struct Registration: Equatable, Sendable {
    public let id: ID<Registration>
    public let movementId: ID<Movement>
    public let nominee: Owner
    public let nomineeName: String
    /// A person's position, empty for a collective.
    public let position: String
    /// A person's unit (tổ), or the tổ's parent unit.
    public let unitName: String
    public let titleCode: String
    public let titleName: String
    public let awardCode: String?
    public let awardName: String?
    public let initiativeTitle: String?
    public let registeredOn: LocalDate

    public init(
        id: ID<Registration>, movementId: ID<Movement>, nominee: Owner, nomineeName: String, position: String, unitName: String,
        titleCode: String, titleName: String, awardCode: String?, awardName: String?, initiativeTitle: String?, registeredOn: LocalDate
    ) {
        self.id = id
        self.movementId = movementId
        self.nominee = nominee
        self.nomineeName = nomineeName
        self.position = position
        self.unitName = unitName
        self.titleCode = titleCode
        self.titleName = titleName
        self.awardCode = awardCode
        self.awardName = awardName
        self.initiativeTitle = initiativeTitle
        self.registeredOn = registeredOn
    }

    public static let noun = "bản đăng ký thi đua"

    /// A registration is withdrawn only while its movement is open: after, it stays to be compared with the results.
    public static func checkWithdrawal(in movement: Movement) throws(DomainError) {
        guard movement.status == .open else {
            throw DomainError(.conflict, "Phong trào đã kết thúc; bản đăng ký được giữ nguyên để đối chiếu kết quả.")
        }
    }

    /// The titles the registration form offers: those a school's own review gives, from Chiến sĩ thi đua cơ sở
    /// (precedence 70) down — LĐTT, CSTĐ cơ sở, TTLĐTT, TTLĐXS; the database accepts any title of the nominee's kind.
    public static func offered(_ award: Award) -> Bool {
        award.kind == "title" && (award.recipient == .individual || award.recipient == .collective) && award.precedence >= 70
    }
}

/// What a clerk (or the person) enters: checked here, before the database's own checks.
public struct RegistrationDraft: Equatable, Sendable {
    public let nominee: Owner
    public let titleCode: String
    public let awardCode: String?
    public let initiativeTitle: String?
    public let registeredOn: LocalDate?

    public init(nominee: Owner, titleCode: String, awardCode: String?, initiativeTitle: String?, registeredOn: LocalDate?) {
        self.nominee = nominee
        self.titleCode = titleCode
        self.awardCode = awardCode
        self.initiativeTitle = initiativeTitle
        self.registeredOn = registeredOn
    }

    /// Reads the fields as the API, the CLI and the form send them; every mistake is named with its field.
    public static func validate(
        personId: String?, unitId: String?, title: String?, award: String?, initiative: String?, registeredOn: String?
    ) throws(DomainError) -> RegistrationDraft {
        var violations: [DomainError.FieldViolation] = []
        var nominee: Owner?
        do { nominee = try Owner.parse(personId: personId, unitId: unitId, field: "personId") } catch { violations += error.violations }
        let title = (title ?? "").trimmingCharacters(in: .whitespaces).uppercased()
        if title.isEmpty {
            violations.append(.init(field: "title", message: "Cần danh hiệu đăng ký (ví dụ LDTT, CSTD_CS, TTLDTT)."))
        }
        let award = award.map { $0.trimmingCharacters(in: .whitespaces).uppercased() }.flatMap { $0.isEmpty ? nil : $0 }
        let initiative = initiative.map(VietnameseText.normalized).flatMap { $0.isEmpty ? nil : $0 }
        if let initiative, initiative.count > 500 {
            violations.append(.init(field: "initiative", message: "Tên sáng kiến dự kiến không quá 500 ký tự."))
        }
        var date: LocalDate?
        if let text = registeredOn, !text.trimmingCharacters(in: .whitespaces).isEmpty {
            date = LocalDate(text.trimmingCharacters(in: .whitespaces))
            if date == nil {
                violations.append(.init(field: "registeredOn", message: "Ngày đăng ký phải có dạng YYYY-MM-DD, ví dụ 2024-10-05."))
            }
        }
        guard violations.isEmpty, let nominee else { throw DomainError.validation(violations) }
        return RegistrationDraft(nominee: nominee, titleCode: title, awardCode: award, initiativeTitle: initiative, registeredOn: date)
    }
}
