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
