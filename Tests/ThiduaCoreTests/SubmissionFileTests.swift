import Testing

@testable import ThiduaCore

/// The checklist of a forwarded nominee's file and the answer a clerk enters (issue "The school year's paperwork", item 3).
@Suite("The file sent upward")
struct SubmissionFileTests {
    @Test("A file needs the báo cáo thành tích and the council's biên bản; an initiative and a registration when the award reads them")
    func papers() {
        var facts = SubmissionFile.Facts()
        let empty = SubmissionFile.papers(facts)
        #expect(empty.map(\.state) == [.missing, .missing, .notRequired, .notRequired])
        facts.councilMeeting = LocalDate(2024, 5, 20)
        #expect(SubmissionFile.papers(facts)[1].state == .missing, "a meeting that did not vote on the nomination is not its biên bản")
        facts.voted = true
        facts.achievementReports = ["Báo cáo thành tích.pdf"]
        facts.initiativeRequired = true
        facts.registrationRequired = true
        let required = SubmissionFile.papers(facts)
        #expect(required.map(\.state) == [.present, .present, .missing, .missing])
        #expect(required[1].cell == "Có (họp ngày 20/05/2024)")
        facts.registeredOn = LocalDate(2023, 10, 2)
        facts.initiativeRequired = false
        facts.initiatives = ["Dạy đọc trơn qua trò chơi"]
        #expect(SubmissionFile.papers(facts).map(\.cell).suffix(2) == ["Có (Dạy đọc trơn qua trò chơi)", "Có (ngày 02/10/2023)"])
    }

    @Test("A tờ trình names its movements once: a name that says \"Phong trào thi đua\" is not prefixed with it again")
    func movementsInASentence() {
        #expect(Movement.inSentence(["Dân vận khéo"]) == "phong trào thi đua \"Dân vận khéo\"")
        #expect(
            Movement.inSentence(["Phong trào thi đua \"Dân vận khéo\" năm 2024"]) == "phong trào thi đua \"Dân vận khéo\" năm 2024")
        #expect(
            Movement.inSentence(["Dạy tốt", "Học tốt", "Phong trào Xanh – Sạch – Đẹp"])
                == "phong trào thi đua \"Dạy tốt\", \"Học tốt\", phong trào Xanh – Sạch – Đẹp")
    }

    @Test("An answer names its outcome, issuer, number and date; another award only when reduced, a reason when refused")
    func answerDraft() throws {
        func refusal(_ outcome: String?, award: String? = nil, reason: String? = nil, number: String? = "1520/QĐ-UBND") -> DomainError? {
            do {
                _ = try AnswerDraft.validate(
                    outcome: outcome, issuer: "UBND huyện Tân Hồng", number: number, date: "2024-06-25", award: award, reason: reason)
                return nil
            } catch { return error }
        }
        #expect(refusal("approved") == nil)
        #expect(refusal("maybe")?.code == .validationFailed)
        #expect(refusal("approved", number: "  ")?.violations.first?.field == "decisionNumber")
        #expect(refusal("reduced")?.code == .ruleViolated)
        #expect(refusal("reduced", award: "GK_HUYEN") == nil)
        #expect(refusal("approved", award: "GK_HUYEN")?.violations.first?.field == "award")
        #expect(refusal("refused")?.violations.first?.field == "reason")
        #expect(refusal("refused", reason: "  ")?.violations.first?.field == "reason")
        let refused = try AnswerDraft.validate(
            outcome: "refused", issuer: " UBND huyện Tân Hồng ", number: "245/UBND-NV", date: "2024-06-25", award: nil,
            reason: "Đã đủ số lượng")
        #expect(refused.issuer == "UBND huyện Tân Hồng" && refused.reason == "Đã đủ số lượng" && refused.award == nil)
    }
}

/// The written sections of a báo cáo thành tích (issue "The school year's paperwork", item 4).
@Suite("The báo cáo thành tích's sections")
struct AchievementReportSectionTests {
    @Test("Paragraphs are kept and blank runs collapsed; required sections are the profile, the duties and the achievements")
    func sections() throws {
        let report = try AchievementReport.validate(
            profile: "  Sinh năm 1985.\r\n\r\n\r\nQuê:  Đồng Tháp \n\n", duties: nil, achievements: "Lớp đạt 100%", measures: nil)
        #expect(report.profile == "Sinh năm 1985.\n\nQuê: Đồng Tháp")
        #expect(report.missing == [.duties])
        #expect(AchievementReport().missing == [.profile, .duties, .achievements])
        #expect(throws: DomainError.self) {
            try AchievementReport.validate(profile: nil, duties: String(repeating: "x", count: 10_001), achievements: nil, measures: nil)
        }
        let refusal = AchievementReport.refusal(missing: [.profile], collective: true, award: "Cờ thi đua")
        #expect(refusal.code == .ruleViolated)
        #expect(refusal.violations.first?.message == "\"Cờ thi đua\" cần báo cáo thành tích: mục \"Đặc điểm, tình hình\" chưa viết.")
    }
}

@Suite("The place before a document's date")
struct DocumentPlaceTests {
    @Test("The place is the name after the unit's administrative level, wherever the level stands in the name")
    func placeOfTheUnitAbove() {
        let places = [
            "Huyện Tân Hồng": "Tân Hồng", "UBND huyện Tân Hồng": "Tân Hồng", "Phòng Giáo dục và Đào tạo huyện Tân Hồng": "Tân Hồng",
            "Phòng GD&ĐT thị xã Hồng Ngự": "Hồng Ngự", "Ủy ban nhân dân thành phố Cao Lãnh": "Cao Lãnh", "Tỉnh Đồng Tháp": "Đồng Tháp",
            "Sở Giáo dục và Đào tạo tỉnh Đồng Tháp": "Đồng Tháp", "Thị trấn Sa Rài": "Sa Rài", "UBND xã Tân Hộ Cơ": "Tân Hộ Cơ",
            "Thành phố Hồ Chí Minh": "Hồ Chí Minh", "Phòng Giáo dục và Đào tạo Quận 1": "Quận 1", "UBND phường 5": "Phường 5",
            // No level in the name: the whole name; a level word at the end names no place.
            "Trường Tiểu học An Phước": "Trường Tiểu học An Phước", "Phòng Nội vụ huyện": "Phòng Nội vụ huyện",
        ]
        for (name, place) in places { #expect(HonorList.Issuer.place(of: name) == place, "\(name)") }
        let settings = DocumentSettings.derived(parentName: "Phòng Giáo dục và Đào tạo huyện Tân Hồng")
        #expect(settings.place == "Tân Hồng" && settings.managingAgency == "Phòng Giáo dục và Đào tạo huyện Tân Hồng")
    }
}
