import ThiduaCore
import ThiduaStore

extension DemoRegistry {
    /// October 2023, the start of the school year: the staff's and tổ 1's registrations (đăng ký thi đua) in the school
    /// year's movement. AP008 did not register: the year-end list names her Lao động tiên tiến as won without one.
    func registrations(in movement: Movement) async throws -> Int {
        let repository = RegistrationRepository(client: client)
        let people = PersonRepository(client: client)
        let filed: [(code: String, title: String, award: String?, initiative: String?, day: String)] = [
            ("AP004", "LDTT", nil, nil, "2023-10-02"),
            ("AP005", "LDTT", nil, nil, "2023-10-02"),
            ("AP006", "LDTT", "GK", nil, "2023-10-03"),
            ("AP007", "LDTT", nil, nil, "2023-10-03"),
            ("AP015", "CSTD_CS", "GK", "Vận dụng trò chơi dân gian trong dạy học môn Toán lớp 2", "2023-10-04"),
            ("AP016", "LDTT", nil, nil, "2023-10-05"),
        ]
        for item in filed {
            guard let person = try await people.find(code: item.code, logger: logger) else { continue }
            _ = try await repository.register(
                try RegistrationDraft.validate(
                    personId: person.id.description, unitId: nil, title: item.title, award: item.award, initiative: item.initiative,
                    registeredOn: item.day),
                in: movement.id, by: actor, logger: logger)
        }
        let team = try await UnitRepository(client: client).find(code: "THAP-K1", logger: logger)
        _ = try await repository.register(
            try RegistrationDraft.validate(
                personId: nil, unitId: team.id.description, title: "TTLDTT", award: nil, initiative: nil, registeredOn: "2023-10-05"),
            in: movement.id, by: actor, logger: logger)
        return filed.count + 1
    }
}
