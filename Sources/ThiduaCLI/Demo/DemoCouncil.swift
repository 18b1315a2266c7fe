import ThiduaCore
import ThiduaStore

extension DemoRegistry {
    /// The council the headmaster set up in September 2023 — the three members who review in thidua — and its meeting
    /// of 20/05/2024 on the school year's nominations, whose biên bản `report council-minutes` prints.
    func recordCouncil(for movement: Movement) async throws {
        let people = PersonRepository(client: client)
        var ids: [String] = []
        for code in ["AP001", "AP002", "AP027"] {
            guard let person = try await people.find(code: code, logger: logger) else { return }
            ids.append(person.id.description)
        }
        let repository = CouncilRepository(client: client)
        _ = try await repository.create(
            try CouncilDraft.validate(
                period: movement.period, decisionNumber: "09/QĐ-THAP", decisionDate: "2023-09-06",
                members: [(ids[0], "chair"), (ids[1], "vice_chair"), (ids[2], "secretary")]),
            unit: movement.unitId, by: actor, logger: logger)
        _ = try await repository.recordMeeting(
            movement: movement.id, heldOn: "2024-05-20", startsAt: "14:00", endsAt: "16:30",
            place: "Phòng họp Trường Tiểu học An Phước", chairId: ids[0], secretaryId: ids[2], absences: [], by: actor, logger: logger)
    }
}

extension DemoRegistry {
    /// Tổ 1's bình xét of 15/05/2024 in the school year's movement: Cao Thị Yến absent, five members present, each teacher
    /// considered for Lao động tiên tiến (she with 2 of 5 votes, not proposed); the biên bản is
    /// `report team-minutes --unit THAP-K1`.
    func recordTeamReview(for movement: Movement) async throws {
        let people = PersonRepository(client: client)
        var ids: [String: String] = [:]
        for code in ["AP004", "AP005", "AP006", "AP007", "AP008", "AP029"] {
            guard let person = try await people.find(code: code, logger: logger) else { return }
            ids[code] = person.id.description
        }
        let team = try await UnitRepository(client: client).find(code: "THAP-K1", logger: logger)
        let agreeing = [("AP004", 5), ("AP005", 5), ("AP006", 4), ("AP007", 5), ("AP008", 5), ("AP029", 2)]
        _ = try await TeamReviewRepository(client: client).record(
            movement: movement.id, unit: team.id, heldOn: "2024-05-15", startsAt: "15:30", endsAt: "17:00",
            place: "Phòng họp tổ chuyên môn khối 1", chairId: ids["AP004"], secretaryId: ids["AP005"],
            absences: [(ids["AP029"] ?? "", "Nghỉ ốm")],
            votes: agreeing.map { (ids[$0.0] ?? "", "LDTT", $0.1) }, by: actor, logger: logger)
    }
}
