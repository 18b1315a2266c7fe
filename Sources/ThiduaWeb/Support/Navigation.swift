import ThiduaCore
import ThiduaStore

/// The layout of a page for whoever is signed in: their name and roles, and the entries of the menu their roles use
/// (web-ui.md, "Navigation by role"; only pages that exist are listed).
enum Pages {
    static func layout(title: String, session: SignInRepository.Session?, current: String?) -> Layout {
        guard let session else { return Layout(title: title, user: nil, csrf: "", navigation: []) }
        let account = session.account
        let roles = account.roles.sorted().map { roleName($0, heading: session.headOf) }.joined(separator: ", ")
        let navigation = entries(for: account).map { NavigationItem(title: $0.title, path: $0.path, current: $0.path == current) }
        return Layout(
            title: title, user: .init(name: account.displayName, roles: roles), csrf: session.csrfToken, navigation: navigation)
    }

    static func entries(for account: Account) -> [(title: String, path: String)] {
        var entries = [(title: "Việc cần làm", path: "/")]
        if Policy.can(account, .readRegistry) { entries.append((title: "Phong trào", path: "/movements")) }
        if Policy.can(account, .nominate) { entries.append((title: "Đề nghị", path: "/nominations/new")) }
        if Policy.can(account, .decide) { entries.append((title: "Chờ duyệt", path: "/decisions/new")) }
        if Policy.can(account, .readRegistry) || account.personId != nil {
            entries.append((title: "Sáng kiến", path: "/initiatives"))
        }
        if Policy.can(account, .recordOutsideCommendation) {
            entries.append((title: "Khen thưởng Công đoàn, ngành", path: "/outside-commendations"))
        }
        if Policy.can(account, .review) { entries.append((title: "Chấm điểm", path: "/reviews")) }
        if Policy.can(account, .managePeople) {
            entries.append((title: "Nhân sự", path: "/people"))
            entries.append((title: "Nhập dữ liệu", path: "/imports"))
        }
        if Policy.can(account, .manageCatalogue) { entries.append((title: "Danh mục khen thưởng", path: "/catalogue")) }
        if account.personId != nil { entries.append((title: "Hồ sơ của tôi", path: "/record")) }
        entries.append((title: "Báo cáo", path: "/reports/honor-list"))
        if Policy.can(account, .readAudit) { entries.append((title: "Nhật ký", path: "/audit")) }
        return entries
    }

    /// A role's name in the header; the head of a district's office is its Trưởng phòng, not a Hiệu trưởng.
    static func roleName(_ role: Role, heading kinds: [UnitKind] = []) -> String {
        switch role {
        case .admin: "Quản trị"
        case .headmaster: kinds.isEmpty ? "Hiệu trưởng" : Array(Set(kinds.map(\.headTitle))).sorted().joined(separator: ", ")
        case .council: "Hội đồng thi đua – khen thưởng"
        case .union: "Công đoàn"
        case .staff: "Giáo viên, nhân viên"
        case .teamLead: "Tổ trưởng"
        }
    }
}
