/// A public posting of the list the council proposes (sql/0034): from a day, for some days, at a place; the nominations
/// as they stood, and the comments made while it was up.
public struct Posting: Equatable, Sendable {
    public struct Line: Equatable, Sendable {
        public let nominationId: ID<Nomination>
        public let name: String
        public let position: String
        public let awardName: String

        public init(nominationId: ID<Nomination>, name: String, position: String, awardName: String) {
            self.nominationId = nominationId
            self.name = name
            self.position = position
            self.awardName = awardName
        }
    }

    public struct Comment: Equatable, Sendable {
        public let nominee: String?
        public let author: String
        public let body: String
        public let commentedOn: LocalDate

        public init(nominee: String?, author: String, body: String, commentedOn: LocalDate) {
            self.nominee = nominee
            self.author = author
            self.body = body
            self.commentedOn = commentedOn
        }
    }

    public let id: ID<Posting>
    public let movementId: ID<Movement>
    public let postedOn: LocalDate
    public let days: Int
    public let place: String
    public let lines: [Line]
    public let comments: [Comment]

    public init(
        id: ID<Posting>, movementId: ID<Movement>, postedOn: LocalDate, days: Int, place: String, lines: [Line], comments: [Comment]
    ) {
        self.id = id
        self.movementId = movementId
        self.postedOn = postedOn
        self.days = days
        self.place = place
        self.lines = lines
        self.comments = comments
    }

    /// The last day of posting.
    public var endsOn: LocalDate { postedOn.adding(days: days - 1) }

    /// Whether comments are taken on `day`.
    public func isOpen(on day: LocalDate) -> Bool { day >= postedOn && day <= endsOn }

    public static let noun = "đợt niêm yết"
}

/// A posting as the headmaster enters it: the first day, 1 to 30 days, the place.
public struct PostingDraft: Equatable, Sendable {
    public let postedOn: LocalDate
    public let days: Int
    public let place: String

    public static func validate(postedOn: String?, days: Int?, place: String?) throws(DomainError) -> PostingDraft {
        var violations: [DomainError.FieldViolation] = []
        let date = postedOn.flatMap(LocalDate.init)
        if date == nil { violations.append(.init(field: "postedOn", message: "Ngày niêm yết phải có dạng YYYY-MM-DD.")) }
        if !(1...30).contains(days ?? 0) { violations.append(.init(field: "days", message: "Số ngày niêm yết từ 1 đến 30.")) }
        let place = VietnameseText.normalized(place ?? "")
        if place.isEmpty || place.count > 200 {
            violations.append(.init(field: "place", message: "Cần nơi niêm yết (tối đa 200 ký tự), ví dụ Bảng tin phòng giáo viên."))
        }
        guard violations.isEmpty, let date, let days else { throw DomainError.validation(violations) }
        return PostingDraft(postedOn: date, days: days, place: place)
    }
}

/// A comment as written: 1 to 2,000 characters, on a nominee of the list or on the whole list.
public enum PostingComment {
    public static func validate(_ body: String?) throws(DomainError) -> String {
        let text = VietnameseText.normalizedParagraphs(body ?? "")
        guard !text.isEmpty, text.count <= 2000 else {
            throw DomainError.validation([.init(field: "body", message: "Cần nội dung góp ý (tối đa 2.000 ký tự).")])
        }
        return text
    }
}
