import Foundation
import ThiduaCore
import ThiduaStore

extension DemoRegistry {
    /// The school year's sáng kiến (issue 14, item 5): Phạm Thị Lan's and Huỳnh Ngọc Ánh's, registered in October,
    /// applied for in March, scored by the initiative council in April and recognised by the head's decision 12/QĐ-THAP of
    /// 10/05/2024 (cơ sở) — what their CSTĐ cơ sở reads; Đỗ Minh Hùng's applied for and not yet scored.
    /// `thidua initiative list --period 2023-2024`.
    func recordInitiatives(person: (String) async throws -> ID<Person>, council: Account?, head: Account) async throws {
        let initiatives = InitiativeRepository(client: client)
        let scorer = council.map(Actor.init(account:)) ?? actor
        let lines: [(String, String, Int?)] = [
            ("AP004", "Dạy học sinh lớp 1 đọc trơn qua trò chơi", 88),
            ("AP006", "Câu lạc bộ Toán vui bồi dưỡng học sinh năng khiếu", 81),
            ("AP010", "Sổ liên lạc điện tử với phụ huynh khối 2-3", nil),
        ]
        for (code, title, score) in lines {
            var initiative = try await initiatives.register(
                try InitiativeDraft.validate(
                    personId: try await person(code).description, title: title, period: "2023-2024", registeredOn: "2023-10-05"),
                by: actor, logger: logger)
            initiative = try await initiatives.apply(
                initiative.id,
                try InitiativeApplication.validate(
                    description: "Thực trạng: \(title.lowercased()) chưa được áp dụng ở trường.\n"
                        + "Giải pháp mới: áp dụng trong các tiết học từ học kỳ I.\nHiệu quả: học sinh tiến bộ rõ sau một học kỳ.",
                    appliedOn: "2024-03-15"),
                by: actor, logger: logger)
            guard let score else { continue }
            _ = try await initiatives.score(
                initiative.id, try InitiativeScore.validate(score: score, passed: true, scoredOn: "2024-04-25"), by: scorer, logger: logger)
            _ = try await initiatives.recognize(
                initiative.id,
                try InitiativeRecognitionDraft.validate(
                    scope: "unit", decisionNumber: "12/QĐ-THAP", decisionDate: "2024-05-10", issuer: nil),
                by: Actor(account: head), logger: logger)
        }
    }
}
