/// What an account may do in thidua. A person may hold several roles.
public enum Role: String, Codable, CaseIterable, Sendable, Comparable {
    /// quản trị: units, people, accounts, catalogue.
    case admin
    /// Hiệu trưởng: launches movements, approves, declines and revokes commendations.
    case headmaster
    /// Hội đồng thi đua – khen thưởng: reviews, scores and votes.
    case council
    /// Ban chấp hành công đoàn: registers model initiatives and nominations.
    case union
    /// CBQL, viên chức, người lao động: reads their own records.
    case staff
    /// Tổ trưởng: records the bình xét of the tổ the account is scoped to (`thidua user add … --unit`).
    case teamLead = "team_lead"

    public static func < (lhs: Role, rhs: Role) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
