import Foundation
import Logging
import PostgresNIO
import ThiduaCore
import ThiduaStore

/// The registry part of the demo: the ten documents of the plan's "Danh mục văn bản", the movements it names,
/// model initiatives with evidence, nominations in every state, and commendations (calendar 2024 and school
/// year 2023-2024, one revoked). Loaded once: if movements exist already, nothing is added.
struct DemoRegistry {
    let client: DatabaseClient
    let logger: Logger
    let actor: Actor

    static let documents: [(String, String, String, String)] = [
        (
            "33/CT-TTg", "2021-11-26", "Thủ tướng Chính phủ",
            "Về tiếp tục tăng cường và đổi mới công tác dân vận của các cơ quan hành chính nhà nước, chính quyền các cấp trong tình hình mới"
        ),
        ("311-QĐ/TU", "2022-01-06", "Ban Thường vụ Tỉnh ủy Đồng Tháp", "Ban hành Quy chế công tác dân vận của hệ thống chính trị Tỉnh"),
        (
            "67-KH/HU", "2021-12-20", "Ban Chấp hành Đảng bộ huyện Tân Hồng",
            "Thực hiện Nghị quyết số 01-NQ/TU về tăng cường và đổi mới sự lãnh đạo của các cấp ủy, tổ chức đảng đối với công tác dân vận đến năm 2025"
        ),
        (
            "01-CTr/BDVHU", "2021-03-24", "Ban Dân vận Huyện ủy và Ủy ban nhân dân huyện Tân Hồng",
            "Chương trình phối hợp về công tác dân vận, giai đoạn 2021 – 2026"
        ),
        ("43/KH-UBND", "2022-02-10", "Ủy ban nhân dân huyện Tân Hồng", "Thực hiện công tác dân vận chính quyền đến năm 2025"),
        (
            "22-KH/BDVHU-UBND", "2024-04-01", "Ban Dân vận Huyện ủy và Ủy ban nhân dân huyện Tân Hồng",
            "Phối hợp thực hiện công tác dân vận của cơ quan hành chính nhà nước, chính quyền các cấp năm 2024"
        ),
        (
            "379/QĐ-UBND-HC", "2021-09-30", "Ủy ban nhân dân huyện Tân Hồng",
            "Ban hành Kế hoạch Cải cách hành chính huyện Tân Hồng giai đoạn 2021 - 2030"
        ),
        ("02/KH-UBND", "2024-01-03", "Ủy ban nhân dân huyện Tân Hồng", "Cải cách hành chính năm 2024"),
        (
            "817/QĐ-UBND-HC", "2023-08-07", "Ủy ban nhân dân tỉnh Đồng Tháp",
            "Ban hành quy định tiêu chí đánh giá, xếp loại công tác dân vận trong các cơ quan hành chính nhà nước và chính quyền các cấp trên địa bàn tỉnh Đồng Tháp"
        ),
        ("135/KH-UBND", "2024-04-09", "Ủy ban nhân dân huyện Tân Hồng", "Thực hiện công tác dân vận của Ủy ban nhân dân Huyện năm 2024"),
    ]

    /// Loads the registry demo; returns a line to print.
    func load(accounts: [String: Account]) async throws -> String {
        let movements = MovementRepository(client: client)
        if try await !movements.list(status: nil, page: try PageRequest(limit: 1), logger: logger).items.isEmpty {
            return "Phong trào, mô hình, đề nghị demo đã có từ trước."
        }
        guard let union = accounts["Huỳnh Thị Thanh Tâm"], let head = accounts["Trần Văn Minh"],
            let viceHead = accounts["Nguyễn Thị Ngọc Hân"]
        else {
            return "Thiếu tài khoản demo; bỏ qua phần phong trào."
        }
        let people = PersonRepository(client: client)
        func person(_ code: String) async throws -> ID<Person> {
            guard let person = try await people.find(code: code, logger: logger) else { throw DomainError.notFound("cá nhân \(code)") }
            return person.id
        }
        let units = try await UnitRepository(client: client).list(try PageRequest(limit: 200), logger: logger).items
        func unit(_ code: String) throws -> ID<OrgUnit> {
            guard let unit = units.first(where: { $0.code == code }) else { throw DomainError.notFound("đơn vị \(code)") }
            return unit.id
        }
        try await saveDocumentSettings(
            school: try unit(DemoData.schoolCode), district: try unit(DemoData.districtCode), head: head,
            admin: accounts["Quản trị (demo)"] ?? head)
        // The headmaster signs LĐTT and the school's Giấy khen; the district's regulation (here) also leaves TTLĐTT to the
        // school, so the admin widens the school's list — with the reason, as every change of it.
        _ = try await CatalogueRepository(client: client).setPolicy(
            try unit("THAP"), authorityLevel: nil, caps: [], grantChanges: [.init(award: "TTLDTT", grants: true)],
            reason: "Quy chế thi đua, khen thưởng của huyện giao Hiệu trưởng công nhận danh hiệu Tập thể lao động tiên tiến",
            by: Actor(account: accounts["Quản trị (demo)"] ?? head), logger: logger)

        var documentIds: [ID<LegalDocument>] = []
        for (number, date, issuer, title) in Self.documents {
            documentIds.append(
                try await DocumentRepository(client: client).create(
                    number: number, date: LocalDate(date) ?? LocalDate(2024, 1, 1), issuer: issuer, title: title, by: actor, logger: logger
                ).id)
        }
        // The school's own bases, cited in each of its decisions before the movements' plans: the charter and its
        // emulation regulation, each with its kind.
        let documents = DocumentRepository(client: client)
        let charter = try await documents.create(
            number: "28/2020/TT-BGDĐT", date: LocalDate(2020, 9, 4), issuer: "Bộ trưởng Bộ Giáo dục và Đào tạo",
            title: "Ban hành Điều lệ Trường tiểu học", kind: .circular, by: actor, logger: logger)
        let regulation = try await documents.create(
            number: "08/QĐ-THAP", date: LocalDate(2023, 9, 5), issuer: "Hiệu trưởng Trường Tiểu học An Phước",
            title: "Ban hành Quy chế thi đua, khen thưởng của Trường Tiểu học An Phước", kind: .decision, by: actor, logger: logger)
        _ = try await UnitLegalBasesRepository(client: client).replace(
            [regulation.id, charter.id], of: try unit("THAP"), by: actor, logger: logger)
        func movement(_ name: String, _ period: String, _ bases: [Int], _ criteria: [(String, String, Int)]) async throws -> Movement {
            let draft = try MovementDraft.validate(
                name: name, unitId: try unit("THAP").description, period: period, registrationDeadline: nil, nominationDeadline: nil,
                legalBases: bases.map { documentIds[$0].description }, criteria: criteria.map { ($0.0, $0.1, $0.2) }
            ).get()
            let created = try await movements.create(draft, by: actor, logger: logger)
            return try await movements.transition(created.id, to: .open, expectedVersion: nil, by: actor, logger: logger)
        }
        let rubric = [("KQ", "Kết quả thực hiện", 40), ("LT", "Sức lan tỏa", 30), ("DM", "Tính đổi mới, sáng tạo", 30)]
        let danVan = try await movement("Phong trào thi đua \"Dân vận khéo\" năm 2024", "2024", [0, 1, 8, 9], rubric)
        _ = try await movement("Phong trào thi đua thực hiện quy chế dân chủ ở cơ sở năm 2024", "2024", [0, 5], rubric)
        _ = try await movement("Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh – chuyên đề năm 2024", "2024", [1], rubric)
        let friendly = try await movement(
            "Xây dựng trường học thân thiện, học sinh tích cực, năm học 2023-2024", "2023-2024", [4, 6, 7], rubric)
        let registered = try await registrations(in: friendly)

        // Model initiatives with evidence.
        let models = ModelInitiativeRepository(client: client)
        let attendance = try await models.register(
            movementId: danVan.id, title: "Mô hình \"Dân vận khéo\" vận động học sinh ra lớp, chống bỏ học", field: "culture_society",
            owner: .unit(try unit("THAP-K1")), goals: "Duy trì sĩ số 100%, không có học sinh bỏ học giữa chừng",
            startsOn: LocalDate(2024, 1, 15), endsOn: LocalDate(2024, 12, 31), by: actor, logger: logger)
        for next in [ModelStatus.inProgress, .submitted] {
            _ = try await models.transition(
                attendance.id, to: next, recognition: nil, expectedVersion: nil, by: Actor(account: union), logger: logger)
        }
        for (member, scores) in [(head, ["KQ": 36, "LT": 27, "DM": 26]), (viceHead, ["KQ": 35, "LT": 28, "DM": 25])] {
            _ = try await ReviewRepository(client: client).review(
                .model(attendance.id), by: member, scores: scores, vote: .agree, comment: "Hiệu quả, có thể nhân rộng", logger: logger)
        }
        _ = try await models.transition(
            attendance.id, to: .recognized, recognition: .init(level: "school", decision: "44/QĐ-THAP", date: LocalDate(2024, 12, 18)),
            expectedVersion: nil, by: Actor(account: head), logger: logger)
        let saturday = try await models.register(
            movementId: danVan.id, title: "Mô hình \"Ngày thứ bảy vì trường em\"", field: "political_system",
            owner: .unit(try unit("THAP-CDTN")),
            goals: "Đoàn viên cùng phụ huynh làm sạch, đẹp khuôn viên trường mỗi tháng", startsOn: nil, endsOn: nil, by: actor,
            logger: logger)
        _ = try await models.transition(
            saturday.id, to: .inProgress, recognition: nil, expectedVersion: nil, by: Actor(account: union), logger: logger)
        _ = try await models.register(
            movementId: danVan.id, title: "Cán bộ, giáo viên gương mẫu nơi cư trú", field: "political_system",
            owner: .person(try await person("AP004")),
            goals: "Tham gia sinh hoạt tổ dân cư, vận động gia đình chấp hành tốt chính sách", startsOn: nil, endsOn: nil, by: actor,
            logger: logger)
        let evidence = EvidenceRepository(client: client)
        let minutes = "BIÊN BẢN họp Tổ chuyên môn khối 1 ngày 15/01/2024: triển khai mô hình vận động học sinh ra lớp.\n"
        _ = try await evidence.add(
            .file(Data(minutes.utf8), filename: "Biên bản họp tổ khối 1.txt", contentType: "text/plain; charset=utf-8"),
            to: .model(attendance.id), by: union, logger: logger)
        _ = try await evidence.add(
            .note("Sĩ số cuối năm học 2023-2024: 100% học sinh ra lớp."), to: .model(attendance.id), by: union, logger: logger)

        // What the eligibility rules read: ratings, one disciplinary measure, commendations from before thidua.
        let law = LawImportRepository(client: client)
        _ = try await law.importRatings(try RatingImport.parse(DemoLaw.ratings), by: actor, logger: logger)
        _ = try await law.importDisciplines(try DisciplineImport.parse(DemoLaw.disciplines), by: actor, logger: logger)
        _ = try await law.importCommendations(try PastCommendationImport.parse(DemoLaw.pastCommendations), by: actor, logger: logger)

        // Nominations in every state, reviewed by the three council members who have no conflict.
        let nominations = NominationRepository(client: client)
        let council = [head, viceHead, union]
        func nominate(
            _ movement: Movement, _ award: String, _ nominee: Owner, _ achievements: String, to status: NominationStatus,
            override: (EligibilityRule, String)? = nil
        ) async throws -> Nomination {
            var nomination = try await nominations.create(
                movementId: movement.id, awardCode: award, nominee: nominee, achievements: achievements, modelIds: [], by: union,
                logger: logger)
            try await writeReport(nomination, award: award, by: union)
            if let (rule, reason) = override {
                _ = try await EligibilityRepository(client: client).override(
                    nomination.id, rule: rule, reason: reason, by: head, logger: logger)
            }
            let path: [NominationStatus] =
                switch status {
                case .draft: []
                case .submitted, .withdrawn: [.submitted]
                case .returned: [.submitted, .returned]
                default: [.submitted, .inReview]
                }
            for step in path {
                switch step {
                case .inReview:
                    for (index, member) in council.enumerated() {
                        _ = try await ReviewRepository(client: client).review(
                            .nomination(nomination.id), by: member, scores: ["KQ": 36 - index, "LT": 27, "DM": 25 + index], vote: .agree,
                            comment: "Đạt yêu cầu", logger: logger)
                    }
                case .returned:
                    nomination = try await nominations.transition(
                        nomination.id, to: .returned, reason: "Bổ sung minh chứng về sáng kiến", expectedVersion: nil,
                        by: Actor(account: viceHead), logger: logger)
                default:
                    nomination = try await nominations.transition(
                        nomination.id, to: step, expectedVersion: nil, by: Actor(account: union), logger: logger)
                }
            }
            switch status {
            case .withdrawn:
                nomination = try await nominations.transition(
                    nomination.id, to: .withdrawn, expectedVersion: nil, by: Actor(account: union), logger: logger)
            case .recommended, .notRecommended, .approved, .declined, .forwarded:
                nomination = try await nominations.recommend(
                    nomination.id, recommended: status != .notRecommended, expectedVersion: nil, by: head, logger: logger
                ).0
                if status == .forwarded {
                    nomination = try await nominations.forward(
                        nomination.id, submission: DecisionReference.validate(number: "52/TTr-THAP", date: "2024-12-10"),
                        addressee: "Hội đồng Thi đua - Khen thưởng huyện Tân Hồng", expectedVersion: nil, by: head, logger: logger)
                }
                if status == .declined {
                    nomination = try await nominations.transition(
                        nomination.id, to: .declined, reason: "Chưa đủ thời gian công tác trong năm", expectedVersion: nil,
                        by: Actor(account: head), logger: logger)
                }
            default: break
            }
            return nomination
        }
        // Titles are reviewed by school year (sql/0025): LĐTT and CSTĐ cơ sở are nominated in the school year's movement.
        _ = try await nominate(
            friendly, "LDTT", .person(try await person("AP016")), "Hoàn thành tốt nhiệm vụ năm học 2023-2024", to: .draft)
        _ = try await nominate(
            friendly, "LDTT", .person(try await person("AP015")), "Hoàn thành tốt nhiệm vụ; tích cực vận động học sinh", to: .submitted)
        _ = try await nominate(
            friendly, "CSTD_CS", .person(try await person("AP015")), "Có sáng kiến kinh nghiệm được Hội đồng khoa học công nhận",
            to: .inReview)
        _ = try await nominate(danVan, "GK", .person(try await person("AP020")), "Có sáng kiến dạy Tiếng Anh qua trò chơi", to: .returned)
        // Titles (LĐTT, CSTĐ) are given by school year, in the yearly review; the calendar-year movement gives Giấy khen.
        _ = try await nominate(
            danVan, "GK", .person(try await person("AP009")), "Tổ trưởng gương mẫu, tổ đạt danh hiệu tổ xuất sắc", to: .recommended)
        _ = try await nominate(danVan, "GK", .person(try await person("AP026")), "Giữ gìn vệ sinh trường lớp", to: .notRecommended)
        _ = try await nominate(danVan, "GK", .person(try await person("AP024")), "Bảo vệ tài sản nhà trường", to: .declined)
        _ = try await nominate(friendly, "LDTT", .person(try await person("AP029")), "Hoàn thành nhiệm vụ", to: .withdrawn)
        _ = try await nominate(
            danVan, "BK_TINH", .person(try await person("AP003")),
            "Chỉ đạo hiệu quả công tác dân vận và cải cách hành chính của nhà trường năm 2024", to: .forwarded)
        var schoolYear: [Nomination] = []
        for code in ["AP004", "AP005", "AP006", "AP007"] {
            schoolYear.append(
                try await nominate(
                    friendly, "LDTT", .person(try await person(code)), "Hoàn thành tốt nhiệm vụ năm học 2023-2024", to: .approved))
        }
        schoolYear += [
            try await nominate(
                friendly, "LDTT", .person(try await person("AP008")), "Hoàn thành tốt nhiệm vụ năm học 2023-2024", to: .approved,
                override: (
                    .monthsWorked,
                    "Nghỉ điều trị tai nạn lao động từ tháng 02/2024; thời gian điều trị được tính là thời gian công tác"
                )),
            try await nominate(
                friendly, "TTLDTT", .unit(try unit("THAP-K1")), "Tổ hoàn thành tốt nhiệm vụ, 100% học sinh hoàn thành chương trình lớp học",
                to: .approved),
        ]
        try await postForComment(friendly, nominations: schoolYear, commenter: accounts["Phạm Thị Lan"])
        _ = try await nominations.approveAll(
            schoolYear.map(\.id), decision: DecisionReference.validate(number: "15/QĐ-THAP", date: "2024-05-24"), dryRun: false, by: head,
            logger: logger)
        try await recordTeamReview(for: friendly)
        try await recordCouncil(for: friendly)
        try await recordInitiatives(person: person, council: accounts["Nguyễn Thị Ngọc Hân"], head: head)
        let toDistrict = [
            try await nominate(
                friendly, "CSTD_CS", .person(try await person("AP004")), "Tổ trưởng tổ khối 1; sáng kiến dạy đọc trơn qua trò chơi",
                to: .recommended),
            try await nominate(
                friendly, "CSTD_CS", .person(try await person("AP006")), "Hoàn thành tốt nhiệm vụ; bồi dưỡng học sinh năng khiếu",
                to: .recommended),
            try await nominate(
                friendly, "GK_HUYEN", .unit(try unit("THAP-K1")), "Tổ dẫn đầu phong trào thi đua năm học 2023-2024", to: .recommended),
        ]
        try await recordFileToDistrict(
            friendly, nominations: toDistrict, head: head, union: union, districtHead: accounts["Lê Văn Quang (Phòng GD&ĐT)"] ?? head)
        try await recordOutsideCommendations(head: head, union: union, person: person, unit: unit)
        let yearEnd = [
            try await nominate(
                danVan, "GK", .unit(try unit("THAP-K1")), "Thực hiện hiệu quả mô hình \"Dân vận khéo\" vận động học sinh ra lớp",
                to: .approved),
            try await nominate(
                danVan, "GK", .person(try await person("AP017")), "Vận động phụ huynh đưa trẻ ra lớp đúng độ tuổi", to: .approved),
        ]
        // The deputy head signs this one on the headmaster's behalf (KT. HIỆU TRƯỞNG / PHÓ HIỆU TRƯỞNG).
        let signed = try await nominations.approveAll(
            yearEnd.map(\.id),
            decision: DecisionReference.validate(number: "45/QĐ-THAP", date: "2024-12-20").signed(as: "deputy", recipients: nil),
            dryRun: false, by: viceHead, logger: logger)
        if let revoked = signed.last?.commendationId.flatMap({ ID<Commendation>($0) }) {
            _ = try await CommendationRepository(client: client).revoke(
                revoked, reason: "Phát hiện vi phạm quy định về dạy thêm trong năm 2024", decisionNumber: "03/QĐ-THAP",
                decisionDate: LocalDate(2025, 1, 10), by: head,
                logger: logger)
        }
        return "Phong trào: 4; văn bản căn cứ: 12 (2 của trường); đăng ký thi đua: \(registered); mô hình: 3; "
            + "đề nghị: 20 (mọi trạng thái); tờ trình lên cấp trên: 2 (18/TTr-THAP đã có trả lời của huyện); khen thưởng: 10 (1 đã thu hồi); "
            + "khen thưởng của Công đoàn, của ngành: 4; sáng kiến: 3 (2 được công nhận cấp cơ sở); "
            + "xếp loại, kỷ luật và khen thưởng trước đây của nhân sự đã nhập."
    }
}
