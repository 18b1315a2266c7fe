/// Evaluates rules against facts. Pure: the store loads the facts, this decides.
public enum Eligibility {
    public static func evaluate(
        _ rules: [EligibilityRule], for subject: EligibilitySubject, in period: Period, kind: CommendationKind = .regular
    ) -> [RuleResult] {
        rules.map { rule in
            if rule.yearlyOnly && kind != .regular { return notYearly(rule, kind) }
            if rule == .registered { return registered(subject, period) }
            switch subject {
            case .person(let person):
                guard !rule.forCollectives else { return notApplicable(rule, collective: false) }
                return evaluate(rule, person: person, period: period)
            case .collective(let collective):
                guard rule.forCollectives else { return notApplicable(rule, collective: true) }
                return evaluate(rule, collective: collective, period: period)
            }
        }
    }

    /// A route through years of titles and ratings is the yearly (thường xuyên) commendation's; a chuyên đề or đột xuất one
    /// is judged on the achievement itself, by the council and the province's regulation (documents-and-law review §3.2).
    static func notYearly(_ rule: EligibilityRule, _ kind: CommendationKind) -> RuleResult {
        RuleResult(
            rule, .unknown,
            [
                Fact(
                    "Khen thưởng \(kind.vietnameseName): tiêu chuẩn theo thành tích các năm không áp dụng; hội đồng xét thành tích được đề nghị.",
                    "A \(kind.rawValue) commendation: the yearly route does not apply; the council judges the achievement.")
            ])
    }

    /// Registered in the period passes, with what and when; no registration fails: the list is the school's own.
    static func registered(_ subject: EligibilitySubject, _ period: Period) -> RuleResult {
        guard let found = subject.registration(in: period) else {
            return RuleResult(
                .registered, .failed,
                [Fact("Không có bản đăng ký thi đua \(period.vietnamese)", "No registration for \(period.english)")])
        }
        return RuleResult(
            .registered, .passed,
            [
                Fact(
                    "Đã đăng ký \(found.titleName) ngày \(found.registeredOn.vietnamese)",
                    "Registered for \(found.titleName) on \(found.registeredOn)")
            ])
    }

    static func notApplicable(_ rule: EligibilityRule, collective: Bool) -> RuleResult {
        RuleResult(
            rule, .unknown,
            [
                collective
                    ? Fact(
                        "Tiêu chuẩn dành cho cá nhân; hội đồng xem xét với tập thể.",
                        "A rule for individuals; the council judges a collective.")
                    : Fact(
                        "Tiêu chuẩn dành cho tập thể; hội đồng xem xét với cá nhân.",
                        "A rule for collectives; the council judges an individual.")
            ])
    }

    // MARK: individuals

    /// A title in a period: issued passes; pending is unknown; absent fails when the period has data, else unknown.
    static func titleFact(_ person: PersonFacts, _ title: TitleName, _ period: Period, current: Bool) -> (RuleResult.Outcome, Fact) {
        let (name, english) = (title.vietnamese, title.english)
        if let title = person.title(title.code, in: period) {
            switch title.status {
            case .issued:
                return (.passed, Fact("\(name) \(period.vietnamese): \(title.source)", "\(english) in \(period.english): \(title.source)"))
            case .pending:
                return (
                    .unknown,
                    Fact(
                        "Đề nghị \(name) \(period.vietnamese) đang chờ xét (\(title.source))", "\(english) in \(period.english) is pending")
                )
            }
        }
        if current || person.hasRecord(in: period) {
            return (.failed, Fact("Không có danh hiệu \(name) \(period.vietnamese)", "No \(english) title in \(period.english)"))
        }
        return (
            .unknown,
            Fact(
                "Chưa có dữ liệu \(period.vietnamese) (chưa nhập xếp loại hay khen thưởng của kỳ này)",
                "No data for \(period.english) (no rating or commendation imported)")
        )
    }

    static func combineAll(_ outcomes: [RuleResult.Outcome]) -> RuleResult.Outcome {
        if outcomes.contains(.failed) { return .failed }
        return outcomes.contains(.unknown) ? .unknown : .passed
    }

    static func ratingFact(_ rating: Rating, _ period: Period) -> Fact {
        Fact("Xếp loại \(period.vietnamese): \(rating.vietnamese)", "Rating for \(period.english): \(rating.english)")
    }

    static func noRating(_ period: Period) -> Fact {
        Fact("Chưa có xếp loại \(period.vietnamese)", "No rating stored for \(period.english)")
    }

    static func noDisciplineFact(_ period: Period) -> Fact {
        Fact("Không có hình thức kỷ luật nào được ghi nhận \(period.vietnamese)", "No disciplinary measure recorded in \(period.english)")
    }

    static func noMembers() -> Fact {
        Fact("Tập thể chưa có thành viên nào trong danh sách nhân sự", "The collective has no members on record")
    }

    static func disciplineFact(_ discipline: PersonFacts.DisciplineFact, name: String?) -> Fact {
        let who = name.map { "\($0): " } ?? ""
        let number = discipline.decisionNumber.isEmpty ? "" : " (QĐ số \(discipline.decisionNumber))"
        return Fact(
            "\(who)\(discipline.measure.vietnamese) ngày \(discipline.date.vietnamese)\(number)",
            "\(who)\(discipline.measure.rawValue) on \(discipline.date)")
    }
}

/// A title the rules read across periods, with its catalogue code and its names, written once.
struct TitleName: Sendable {
    let code: String
    let vietnamese: String
    let english: String

    static let ldtt = TitleName(code: "LDTT", vietnamese: "Lao động tiên tiến", english: "Advanced Worker")
    static let cstdCs = TitleName(code: "CSTD_CS", vietnamese: "Chiến sĩ thi đua cơ sở", english: "Grassroots Emulation Fighter")
    static let cstdTinh = TitleName(code: "CSTD_TINH", vietnamese: "Chiến sĩ thi đua cấp tỉnh", english: "Provincial Emulation Fighter")
}
