import Foundation

/// A tổ's bình xét (issue 14, item 2): before the council meets, the tổ's members vote on the title each of them is
/// considered for; a member is proposed to the council with the votes of more than half of the members present.
public enum TeamReview {
    public struct Vote: Equatable, Sendable {
        public let personId: ID<Person>
        public let titleCode: String
        public let agree: Int

        public init(personId: ID<Person>, titleCode: String, agree: Int) {
            self.personId = personId
            self.titleCode = titleCode
            self.agree = agree
        }
    }

    public static let noun = "biên bản bình xét của tổ"

    /// Proposed to the council: more than half of the members present agree.
    public static func proposes(agree: Int, present: Int) -> Bool { present > 0 && agree * 2 > present }
}

/// What the tổ trưởng enters after the tổ's meeting: the meeting itself and one vote per member considered.
public struct TeamReviewDraft: Equatable, Sendable {
    public let meeting: MeetingDraft
    public let votes: [TeamReview.Vote]

    /// Every problem at once: the meeting's (against the tổ's `members`), then each vote — a member of the tổ, once, a title,
    /// between 0 and the members present.
    public static func validate(
        heldOn: String?, startsAt: String?, endsAt: String?, place: String?, chairId: String?, secretaryId: String?,
        absences: [(personId: String, reason: String)], votes: [(personId: String, title: String, agree: Int?)],
        members: Set<ID<Person>>
    ) throws(DomainError) -> TeamReviewDraft {
        var violations: [DomainError.FieldViolation] = []
        var meeting: MeetingDraft?
        do {
            meeting = try MeetingDraft.validate(
                heldOn: heldOn, startsAt: startsAt, endsAt: endsAt, place: place, chairId: chairId, secretaryId: secretaryId,
                absences: absences, members: members, body: "tổ")
        } catch {
            violations += error.violations
        }
        let present = members.count - Set(absences.compactMap { ID<Person>($0.personId) }).intersection(members).count
        var parsed: [TeamReview.Vote] = []
        var seen: Set<ID<Person>> = []
        if votes.isEmpty { violations.append(.init(field: "votes", message: "Cần ít nhất một người được bình xét.")) }
        for (index, vote) in votes.enumerated() {
            let title = vote.title.trimmingCharacters(in: .whitespaces).uppercased()
            guard let id = ID<Person>(vote.personId), members.contains(id) else {
                violations.append(.rule(field: "votes[\(index)].personId", message: "Người được bình xét phải là thành viên của tổ."))
                continue
            }
            if !seen.insert(id).inserted {
                violations.append(.rule(field: "votes[\(index)].personId", message: "Một người được bình xét hai lần."))
            }
            if title.isEmpty { violations.append(.init(field: "votes[\(index)].title", message: "Cần danh hiệu đề nghị, ví dụ LDTT.")) }
            guard let agree = vote.agree, (0...present).contains(agree) else {
                let message = "Số phiếu đồng ý từ 0 đến \(present) (số thành viên dự họp)."
                // Above those present is a rule of the meeting; a missing or negative count is the field's own form.
                violations.append(
                    (vote.agree ?? -1) >= 0
                        ? .rule(field: "votes[\(index)].agree", message: message) : .init(field: "votes[\(index)].agree", message: message))
                continue
            }
            parsed.append(.init(personId: id, titleCode: title, agree: agree))
        }
        guard violations.isEmpty, let meeting else { throw DomainError.validation(violations) }
        return TeamReviewDraft(meeting: meeting, votes: parsed)
    }
}
