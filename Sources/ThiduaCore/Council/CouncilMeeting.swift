import Foundation

/// The council's meeting on a movement's nominations: when and where, who chaired and took the minutes, who was absent
/// and why, and for each title voted by secret ballot the totals the vote counters read out.
public struct CouncilMeeting: Equatable, Sendable {
    public struct Absence: Equatable, Sendable {
        public let personId: ID<Person>
        public let reason: String

        public init(personId: ID<Person>, reason: String) {
            self.personId = personId
            self.reason = reason
        }
    }

    /// The totals of one secret ballot: issued ≥ returned ≥ valid ≥ agreeing.
    public struct Ballot: Equatable, Sendable, Codable {
        public let issued: Int
        public let returned: Int
        public let valid: Int
        public let agree: Int

        public init(issued: Int, returned: Int, valid: Int, agree: Int) {
            self.issued = issued
            self.returned = returned
            self.valid = valid
            self.agree = agree
        }

        /// Every problem at once; `present` is the most ballots that can be issued.
        public static func validate(issued: Int?, returned: Int?, valid: Int?, agree: Int?, present: Int) throws(DomainError) -> Ballot {
            var violations: [DomainError.FieldViolation] = []
            let fields = [
                ("issued", issued, "phiếu phát ra"), ("returned", returned, "phiếu thu về"), ("valid", valid, "phiếu hợp lệ"),
                ("agree", agree, "phiếu đồng ý"),
            ]
            for (field, value, name) in fields where (value ?? -1) < 0 {
                violations.append(.init(field: field, message: "Cần số \(name) (một số không âm)."))
            }
            guard violations.isEmpty, let issued, let returned, let valid, let agree else { throw DomainError.validation(violations) }
            if issued > present {
                violations.append(.rule(field: "issued", message: "Phát ra \(issued) phiếu nhưng chỉ có \(present) thành viên dự họp."))
            }
            if returned > issued { violations.append(.rule(field: "returned", message: "Số phiếu thu về không quá số phiếu phát ra.")) }
            if valid > returned { violations.append(.rule(field: "valid", message: "Số phiếu hợp lệ không quá số phiếu thu về.")) }
            if agree > valid { violations.append(.rule(field: "agree", message: "Số phiếu đồng ý không quá số phiếu hợp lệ.")) }
            guard violations.isEmpty else { throw DomainError.validation(violations) }
            return Ballot(issued: issued, returned: returned, valid: valid, agree: agree)
        }
    }

    public let id: ID<CouncilMeeting>
    public let movementId: ID<Movement>
    public let councilId: ID<Council>
    public let heldOn: LocalDate
    /// "14:00", "16:30".
    public let startsAt: String
    public let endsAt: String
    public let place: String
    public let chairId: ID<Person>
    public let secretaryId: ID<Person>
    public let absences: [Absence]
    public let ballots: [ID<Nomination>: Ballot]

    public init(
        id: ID<CouncilMeeting>, movementId: ID<Movement>, councilId: ID<Council>, heldOn: LocalDate, startsAt: String, endsAt: String,
        place: String, chairId: ID<Person>, secretaryId: ID<Person>, absences: [Absence], ballots: [ID<Nomination>: Ballot]
    ) {
        self.id = id
        self.movementId = movementId
        self.councilId = councilId
        self.heldOn = heldOn
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.place = place
        self.chairId = chairId
        self.secretaryId = secretaryId
        self.absences = absences
        self.ballots = ballots
    }

    public static let noun = "cuộc họp Hội đồng"
}

/// What the secretary enters after a meeting (the council's, or a tổ's bình xét), checked against who belongs to the body
/// before the database's own constraints: the chair and the secretary are members who attended, the absent are members,
/// the hours read "HH:mm".
public struct MeetingDraft: Equatable, Sendable {
    public let heldOn: LocalDate
    public let startsAt: String
    public let endsAt: String
    public let place: String
    public let chairId: ID<Person>
    public let secretaryId: ID<Person>
    public let absences: [CouncilMeeting.Absence]

    public init(
        heldOn: LocalDate, startsAt: String, endsAt: String, place: String, chairId: ID<Person>, secretaryId: ID<Person>,
        absences: [CouncilMeeting.Absence]
    ) {
        self.heldOn = heldOn
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.place = place
        self.chairId = chairId
        self.secretaryId = secretaryId
        self.absences = absences
    }

    public static func validate(
        heldOn: String?, startsAt: String?, endsAt: String?, place: String?, chairId: String?, secretaryId: String?,
        absences: [(personId: String, reason: String)], council: Council
    ) throws(DomainError) -> MeetingDraft {
        try validate(
            heldOn: heldOn, startsAt: startsAt, endsAt: endsAt, place: place, chairId: chairId, secretaryId: secretaryId,
            absences: absences, members: Set(council.members.map(\.personId)), body: "Hội đồng")
    }

    /// `members`: who belongs to the body; `body` names it in the messages ("Hội đồng", "tổ").
    public static func validate(
        heldOn: String?, startsAt: String?, endsAt: String?, place: String?, chairId: String?, secretaryId: String?,
        absences: [(personId: String, reason: String)], members: Set<ID<Person>>, body: String
    ) throws(DomainError) -> MeetingDraft {
        var violations: [DomainError.FieldViolation] = []
        let date = heldOn.flatMap { LocalDate($0.trimmingCharacters(in: .whitespaces)) }
        if date == nil { violations.append(.init(field: "heldOn", message: "Ngày họp phải có dạng YYYY-MM-DD, ví dụ 2024-05-20.")) }
        let starts = hour(startsAt)
        let ends = hour(endsAt)
        if starts == nil { violations.append(.init(field: "startsAt", message: "Giờ bắt đầu có dạng HH:mm, ví dụ 14:00.")) }
        if ends == nil { violations.append(.init(field: "endsAt", message: "Giờ kết thúc có dạng HH:mm, ví dụ 16:30.")) }
        if let starts, let ends, starts >= ends {
            violations.append(.rule(field: "endsAt", message: "Giờ kết thúc phải sau giờ bắt đầu."))
        }
        let place = VietnameseText.normalized(place ?? "")
        if place.isEmpty || place.count > 300 {
            violations.append(.init(field: "place", message: "Cần địa điểm họp (không quá 300 ký tự), ví dụ Phòng họp nhà trường."))
        }
        var parsed: [CouncilMeeting.Absence] = []
        for (index, absence) in absences.enumerated() {
            let reason = VietnameseText.normalized(absence.reason)
            guard let id = ID<Person>(absence.personId), members.contains(id) else {
                violations.append(.rule(field: "absences[\(index)].personId", message: "Người vắng mặt phải là thành viên \(body)."))
                continue
            }
            if reason.isEmpty || reason.count > 300 {
                violations.append(.init(field: "absences[\(index)].reason", message: "Cần lý do vắng mặt, ví dụ Đi công tác."))
            }
            parsed.append(.init(personId: id, reason: reason))
        }
        let absent = Set(parsed.map(\.personId))
        func attending(_ text: String?, field: String, role: String) -> ID<Person>? {
            guard let id = text.flatMap(ID<Person>.init), members.contains(id) else {
                violations.append(.rule(field: field, message: "\(role) phải là thành viên \(body)."))
                return nil
            }
            if absent.contains(id) { violations.append(.rule(field: field, message: "\(role) không thể vắng mặt.")) }
            return id
        }
        let chair = attending(chairId, field: "chairId", role: "Người chủ trì")
        let secretary = attending(secretaryId, field: "secretaryId", role: "Thư ký")
        if let chair, chair == secretary {
            violations.append(.rule(field: "secretaryId", message: "Thư ký và người chủ trì là hai người khác nhau."))
        }
        guard violations.isEmpty, let date, let starts, let ends, let chair, let secretary else { throw DomainError.validation(violations) }
        return MeetingDraft(
            heldOn: date, startsAt: starts, endsAt: ends, place: place, chairId: chair, secretaryId: secretary, absences: parsed)
    }

    /// "14:00" from "14:00" or "14h00"; nil when it is not a time of day.
    static func hour(_ text: String?) -> String? {
        let parts = (text ?? "").trimmingCharacters(in: .whitespaces).lowercased().split(whereSeparator: { $0 == ":" || $0 == "h" })
        guard parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]), (0...23).contains(h), (0...59).contains(m),
            parts[1].count == 2
        else { return nil }
        return (h < 10 ? "0" : "") + "\(h):" + (m < 10 ? "0" : "") + "\(m)"
    }
}
