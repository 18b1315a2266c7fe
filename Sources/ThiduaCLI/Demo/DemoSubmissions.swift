import Foundation
import ThiduaCore
import ThiduaStore

extension DemoRegistry {
    /// The school year's file to the district (issue 14, item 3): tờ trình 18/TTr-THAP of 27/05/2024 to the district's
    /// council through Phòng GD&ĐT — Chiến sĩ thi đua cơ sở for Phạm Thị Lan and Huỳnh Ngọc Ánh (voted by secret ballot at
    /// the council's meeting), the district chairman's Giấy khen for tổ 1. The answers of 25/06/2024: the first title granted,
    /// the second reduced to the chairman's Giấy khen, the tổ refused. `report submission --number 18/TTr-THAP --year 2024`.
    /// The district is in thidua (its education office, above the school): the file arrives there, the district's council reviews
    /// it (sql/0041) and the district's account records the answers (sql/0038).
    func recordFileToDistrict(_ movement: Movement, nominations: [Nomination], head: Account, union: Account, districtHead: Account)
        async throws
    {
        guard nominations.count == 3 else { return }
        let repository = NominationRepository(client: client)
        let addressee = "Hội đồng Thi đua - Khen thưởng huyện Tân Hồng (qua Phòng Giáo dục và Đào tạo)"
        for (index, nomination) in nominations.enumerated() {
            if index < 2 {
                _ = try await CouncilRepository(client: client).recordBallot(
                    movement: movement.id, nomination: nomination.id, issued: 3, returned: 3, valid: 3, agree: 3 - index, by: actor,
                    logger: logger)
            }
            _ = try await repository.forward(
                nomination.id, submission: DecisionReference.validate(number: "18/TTr-THAP", date: "2024-05-27"), addressee: addressee,
                expectedVersion: nil, by: head, logger: logger)
        }
        let evidence = EvidenceRepository(client: client)
        let report = "BÁO CÁO THÀNH TÍCH đề nghị tặng danh hiệu Chiến sĩ thi đua cơ sở năm học 2023-2024.\n"
        for (nomination, name) in zip(nominations.prefix(2), ["Phạm Thị Lan", "Huỳnh Ngọc Ánh"]) {
            _ = try await evidence.add(
                .file(Data(report.utf8), filename: "Báo cáo thành tích - \(name).txt", contentType: "text/plain; charset=utf-8"),
                to: .nomination(nomination.id), paper: .achievementReport, by: union, logger: logger)
        }
        _ = try await evidence.add(
            .note("Sáng kiến \"Dạy học sinh lớp 1 đọc trơn qua trò chơi\" được Hội đồng sáng kiến trường công nhận ngày 10/05/2024"),
            to: .nomination(nominations[0].id), paper: .initiativeRecognition, by: union, logger: logger)
        // The district's council (its one member in the demo) reviews the two it grants before its head answers (sql/0041).
        let scores = Dictionary(uniqueKeysWithValues: movement.criteria.map { ($0.code, $0.maxPoints * 4 / 5) })
        for nomination in nominations.prefix(2) {
            _ = try await ReviewRepository(client: client).review(
                .nomination(nomination.id), by: districtHead, scores: scores, vote: .agree, comment: "Thống nhất trình Chủ tịch UBND huyện",
                logger: logger)
        }
        let answers = SubmissionRepository(client: client)
        let district = "UBND huyện Tân Hồng"
        _ = try await answers.answer(
            nominations[0].id,
            try AnswerDraft.validate(
                outcome: "approved", issuer: district, number: "1520/QĐ-UBND", date: "2024-06-25", award: nil, reason: nil),
            by: districtHead, logger: logger)
        _ = try await answers.answer(
            nominations[1].id,
            try AnswerDraft.validate(
                outcome: "reduced", issuer: district, number: "1521/QĐ-UBND", date: "2024-06-25", award: "GK_HUYEN", reason: nil),
            by: districtHead, logger: logger)
        _ = try await answers.answer(
            nominations[2].id,
            try AnswerDraft.validate(
                outcome: "refused", issuer: district, number: "245/UBND-NV", date: "2024-06-25", award: nil,
                reason: "Số lượng Giấy khen của Chủ tịch UBND huyện dành cho khối tiểu học năm học 2023-2024 đã đủ"),
            by: districtHead, logger: logger)
    }

    /// The báo cáo thành tích of a nomination whose award needs one, as its nominee and the union wrote it: the profile,
    /// the duties, the achievements (the nomination's summary, then the year's result).
    func writeReport(_ nomination: Nomination, award: String, by union: Account) async throws {
        let reports = AchievementReportRepository(client: client)
        guard try await reports.find(nomination.id, logger: logger).needed else { return }
        let collective = nomination.nominee.unitId != nil
        let report = try AchievementReport.validate(
            profile: collective
                ? "Tổ có 6 giáo viên, phụ trách 5 lớp 1 với 168 học sinh.\nTổ trưởng: Phạm Thị Lan."
                : "Trình độ chuyên môn: Đại học Sư phạm Giáo dục Tiểu học.\nNăm vào ngành giáo dục: 2010.",
            duties: collective
                ? "Tổ chức dạy học khối lớp 1; sinh hoạt chuyên môn hai tuần một lần; bồi dưỡng giáo viên mới."
                : "Giảng dạy và chủ nhiệm lớp; tham gia các phong trào thi đua của nhà trường.",
            achievements: nomination.achievements + "\n100% học sinh của \(collective ? "tổ" : "lớp") hoàn thành chương trình lớp học.",
            measures: award == "CSTD_CS" ? "Tổ chức trò chơi học tập trong giờ Tiếng Việt để học sinh đọc trơn sớm." : "")
        _ = try await reports.save(nomination.id, report, expectedVersion: nil, by: Actor(account: union), logger: logger)
    }

    /// The school year's list posted on the staff room's board from 21/05/2024 for three days, before the head signs on
    /// 24/05, with one comment (`report posting`).
    func postForComment(_ movement: Movement, nominations: [Nomination], commenter: Account?) async throws {
        let postings = PostingRepository(client: client)
        let posting = try await postings.create(
            movement: movement.id, try PostingDraft.validate(postedOn: "2024-05-21", days: 3, place: "Bảng tin phòng giáo viên"),
            nominations: nominations.map(\.id), by: actor, logger: logger)
        guard let commenter else { return }
        _ = try await postings.comment(
            posting.id, nomination: nil, body: "Đồng ý với danh sách; đề nghị Hội đồng ghi nhận thêm phong trào đọc sách của tổ khối 1.",
            by: Actor(account: commenter), on: LocalDate(2024, 5, 22), logger: logger)
    }
}

extension DemoRegistry {
    /// The union's and the sector's commendations (issue 14, item 6), recorded from their decisions: Công đoàn Giáo dục
    /// huyện's Giấy khen for Trương Thị Mỹ Duyên and tổ 4-5 and "Giỏi việc trường, đảm việc nhà" for Lý Thị Thu Hà (by the
    /// union's chair), the Kỷ niệm chương "Vì sự nghiệp giáo dục" for Ngô Văn Hùng (by the head). `outside list`.
    func recordOutsideCommendations(
        head: Account, union: Account, person: (String) async throws -> ID<Person>, unit: (String) throws -> ID<OrgUnit>
    ) async throws {
        let outside = OutsideCommendationRepository(client: client)
        let catalogue = CatalogueRepository(client: client)
        let lines: [(String, Owner, String, String, String, Account)] = [
            ("CDGD_GK", .person(try await person("AP011")), "2023-2024", "28/QĐ-CĐGD", "2024-07-15", union),
            ("CDGD_GK", .unit(try unit("THAP-K45")), "2023-2024", "28/QĐ-CĐGD", "2024-07-15", union),
            ("CD_GVTDVN", .person(try await person("AP012")), "2023-2024", "29/QĐ-CĐGD", "2024-07-15", union),
            ("KNC_GD", .person(try await person("AP009")), "2024-2025", "4521/QĐ-BGDĐT", "2024-11-14", head),
        ]
        for (award, nominee, period, number, date, account) in lines {
            let draft = try OutsideCommendationDraft.validate(
                personId: nominee.personId?.description, unitId: nominee.unitId?.description, award: award, period: period,
                decisionNumber: number, decisionDate: date, issuer: nil, kind: nil)
            let catalogued = try await catalogue.award(award, logger: logger)
            try OutsideCommendation.checkRecording(catalogued, as: account)
            _ = try await outside.record(draft, award: catalogued, by: Actor(account: account), logger: logger)
        }
    }
}
