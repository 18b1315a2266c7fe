import Foundation
import Testing
@testable import ThiduaCore

@Suite("Permissions")
struct PolicyTests {
    static let cells: [(Policy.Action, Role, Bool)] = [
        (.readDirectory, .admin, true), (.readDirectory, .headmaster, true), (.readDirectory, .council, true),
        (.readDirectory, .union, true), (.readDirectory, .staff, true),
        (.manageUnits, .admin, true), (.manageUnits, .headmaster, false), (.manageUnits, .council, false),
        (.manageUnits, .union, false), (.manageUnits, .staff, false),
        (.managePeople, .admin, true), (.managePeople, .headmaster, false), (.managePeople, .council, false),
        (.managePeople, .union, false), (.managePeople, .staff, false),
        (.readAudit, .admin, true), (.readAudit, .headmaster, true), (.readAudit, .council, false),
        (.readAudit, .union, false), (.readAudit, .staff, false),
    ]

    @Test("Each cell of the permission matrix", arguments: cells)
    func matrix(action: Policy.Action, role: Role, allowed: Bool) {
        let account = Account(id: ID(UUID()), displayName: "x", roles: [role], personId: nil)
        #expect(Policy.can(account, action) == allowed)
    }

    @Test("A disabled account may do nothing")
    func disabledAccount() {
        let account = Account(id: ID(UUID()), displayName: "x", roles: [.admin], personId: nil, disabled: true)
        #expect(Policy.Action.allCases.allSatisfy { !Policy.can(account, $0) })
    }

    @Test("A cursor survives a round trip and a forged one is a validation error")
    func cursors() throws {
        let cursor = Cursor(["Ánh", "Ngọc", "Huỳnh", "id"])
        #expect(try Cursor(decoding: cursor.encoded, count: 4) == cursor)
        #expect(throws: DomainError.self) { try Cursor(decoding: "not-a-cursor", count: 4) }
    }
}
