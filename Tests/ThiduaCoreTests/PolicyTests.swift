import Foundation
import Testing
@testable import ThiduaCore

@Suite("Permissions")
struct PolicyTests {
    /// The permission matrix as the README states it, written out here independently of `Policy`.
    /// Columns: admin, headmaster, council, union, staff, team_lead.
    static let matrix: [(Policy.Action, [Bool])] = [
        (.readDirectory, [true, true, true, true, true, true]),
        (.manageUnits, [true, false, false, false, false, false]),
        (.managePeople, [true, false, false, false, false, false]),
        (.readAudit, [true, true, false, false, false, false]),
        (.manageDocuments, [true, true, false, false, false, false]),
        (.launchMovement, [true, true, false, false, false, false]),
        (.registerModel, [true, false, false, true, false, false]),
        (.recognizeModel, [false, true, false, false, false, false]),
        (.nominate, [true, false, false, true, false, false]),
        (.review, [false, false, true, false, false, false]),
        (.returnNomination, [false, true, true, false, false, false]),
        (.recommend, [false, true, false, false, false, false]),
        (.decide, [false, true, false, false, false, false]),
        (.recordRecusal, [true, false, false, false, false, false]),
        (.readRegistry, [true, true, true, true, false, false]),
        (.readReviews, [true, true, true, false, false, false]),
        (.manageCatalogue, [true, false, false, false, false, false]),
        (.overrideEligibility, [false, true, false, false, false, false]),
        (.readRecords, [true, true, true, true, false, false]),
        (.manageCouncil, [true, true, false, false, false, false]),
        (.recordMeeting, [true, true, true, false, false, false]),
        (.recordTeamReview, [true, false, false, false, false, true]),
        (.recordOutsideCommendation, [true, true, false, true, false, false]),
        (.scoreInitiative, [true, true, true, false, false, false]),
        (.recognizeInitiative, [false, true, false, false, false, false]),
    ]
    static let roles: [Role] = [.admin, .headmaster, .council, .union, .staff, .teamLead]

    static var cells: [(Policy.Action, Role, Bool)] {
        matrix.flatMap { action, allowed in zip(roles, allowed).map { (action, $0, $1) } }
    }

    @Test("Every action of the policy is in the matrix")
    func matrixIsComplete() {
        #expect(Set(Self.matrix.map(\.0)) == Set(Policy.Action.allCases))
    }

    @Test("Each cell of the permission matrix", arguments: cells)
    func cell(action: Policy.Action, role: Role, allowed: Bool) {
        let account = Account(id: ID(UUID()), displayName: "x", roles: [role], personId: nil)
        #expect(Policy.can(account, action) == allowed)
        if !allowed {
            #expect(throws: DomainError.self) { try Policy.require(account, action) }
        }
    }

    @Test("Evidence on a model: the union and admins on any, a teacher only on a model they lead, not on their unit's")
    func evidenceOnModels() {
        let teacher = ID<Person>(UUID())
        let own = Owner.person(teacher), other = Owner.person(ID(UUID())), unit = Owner.unit(ID(UUID()))
        let staff = Account(id: ID(UUID()), displayName: "x", roles: [.staff], personId: teacher)
        let union = Account(id: ID(UUID()), displayName: "x", roles: [.union], personId: nil)
        let council = Account(id: ID(UUID()), displayName: "x", roles: [.council], personId: ID(UUID()))
        #expect(Policy.canAddEvidence(toModelOwnedBy: own, as: staff))
        #expect(!Policy.canAddEvidence(toModelOwnedBy: other, as: staff) && !Policy.canAddEvidence(toModelOwnedBy: unit, as: staff))
        #expect([own, other, unit].allSatisfy { Policy.canAddEvidence(toModelOwnedBy: $0, as: union) })
        #expect(!Policy.canAddEvidence(toModelOwnedBy: unit, as: council))
        let disabled = Account(id: ID(UUID()), displayName: "x", roles: [.staff], personId: teacher, disabled: true)
        #expect(!Policy.canAddEvidence(toModelOwnedBy: own, as: disabled))
    }

    @Test("A disabled account may do nothing")
    func disabledAccount() {
        let account = Account(id: ID(UUID()), displayName: "x", roles: Set(Role.allCases), personId: nil, disabled: true)
        #expect(Policy.Action.allCases.allSatisfy { !Policy.can(account, $0) })
    }

    @Test("A cursor survives a round trip and a forged one is a validation error")
    func cursors() throws {
        let cursor = Cursor(["Ánh", "Ngọc", "Huỳnh", "id"])
        #expect(try Cursor(decoding: cursor.encoded, count: 4) == cursor)
        // Quotes, backslashes and characters whose base64 has '+', '/' and padding: URL-safe, and read back whole.
        for values in [["a\"b\\c", "ơ?>~"], ["2024-05-01 08:00:00.123456+00", "ffffffff-0000-0000-0000-00000000003f"], ["~~~", "???"]] {
            let encoded = Cursor(values).encoded
            #expect(!encoded.contains { "+/=".contains($0) }, "\(encoded)")
            #expect(try Cursor(decoding: encoded, count: values.count).values == values)
        }
        #expect(throws: DomainError.self) { try Cursor(decoding: "not-a-cursor", count: 4) }
    }
}

@Suite("Failure throttle (security review F14)")
struct FailureThrottleTests {
    @Test("Allows the limit, then asks the client to wait until the oldest failure leaves the window")
    func window() {
        var throttle = FailureThrottle(limit: 3, window: 60)
        let start = Date(timeIntervalSince1970: 1_000_000)
        for second in 0..<3 {
            #expect(throttle.retryAfter("a", now: start + Double(second)) == nil)
            throttle.fail("a", now: start + Double(second))
        }
        #expect(throttle.retryAfter("a", now: start + 3) == 57)
        #expect(throttle.retryAfter("b", now: start + 3) == nil)
        #expect(throttle.retryAfter("a", now: start + 60.5) == nil)
    }
}
