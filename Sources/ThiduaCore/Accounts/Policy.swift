/// Who may do what. The API and the CLI ask the same questions here, so both enforce the same rules.
public enum Policy {
    /// Actions guarded by a role check.
    public enum Action: String, CaseIterable, Sendable {
        case readDirectory
        case manageUnits
        case managePeople
        case readAudit
        case manageDocuments
        case launchMovement
        case registerModel
        case recognizeModel
        case nominate
        case review
        case returnNomination
        case recommend
        case decide
        case recordRecusal
        case readRegistry
        case readReviews
        /// Change the award catalogue, base salaries, rounding and unit policies (always with a reason).
        case manageCatalogue
        /// Let a nomination pass a failed eligibility rule, with a written reason.
        case overrideEligibility
        /// Read a person's or collective's lifetime record (ratings, titles, disciplines).
        case readRecords
        /// Record the council the head's decision set up for the year (members, chair, secretary).
        case manageCouncil
        /// Record the council's meeting and its secret ballots (the secretary's minutes).
        case recordMeeting
        /// Record a tổ's bình xét (a team lead for the tổ their account is scoped to).
        case recordTeamReview
        /// Record a union's or the sector's commendation from its decision (which issuer's: `OutsideCommendation.roles`).
        case recordOutsideCommendation
        /// Record the initiative council's points and conclusion on a sáng kiến.
        case scoreInitiative
        /// Recognise a sáng kiến by decision (cơ sở), and record a wider scope from the higher level's decision.
        case recognizeInitiative
    }

    /// The roles allowed to perform each action (the permission matrix in the README).
    public static func roles(allowedTo action: Action) -> Set<Role> {
        switch action {
        case .readDirectory: Set(Role.allCases)
        case .manageUnits: [.admin]
        case .managePeople: [.admin]
        case .readAudit: [.admin, .headmaster]
        case .manageDocuments: [.admin, .headmaster]
        case .launchMovement: [.admin, .headmaster]
        case .registerModel: [.admin, .union]
        case .recognizeModel: [.headmaster]
        case .nominate: [.admin, .union]
        case .review: [.council]
        case .returnNomination: [.council, .headmaster]
        // The council's chair records its recommendation; in a school the headmaster chairs the council.
        case .recommend: [.headmaster]
        case .decide: [.headmaster]
        case .recordRecusal: [.admin]
        // Everything in the registry; staff-only accounts see only what concerns them.
        case .readRegistry: [.admin, .headmaster, .council, .union]
        case .readReviews: [.admin, .headmaster, .council]
        case .manageCatalogue: [.admin]
        case .overrideEligibility: [.headmaster]
        case .readRecords: [.admin, .headmaster, .council, .union]
        case .manageCouncil: [.admin, .headmaster]
        case .recordMeeting: [.admin, .headmaster, .council]
        case .recordTeamReview: [.admin, .teamLead]
        case .recordOutsideCommendation: [.admin, .headmaster, .union]
        case .scoreInitiative: [.admin, .headmaster, .council]
        case .recognizeInitiative: [.headmaster]
        }
    }

    public static func can(_ account: Account, _ action: Action) -> Bool {
        !account.disabled && !roles(allowedTo: action).isDisjoint(with: account.roles)
    }

    /// Throws `forbidden` naming the roles that may perform the action.
    public static func require(_ account: Account, _ action: Action) throws(DomainError) {
        guard can(account, action) else {
            let names = roles(allowedTo: action).sorted().map(\.rawValue).joined(separator: ", ")
            throw DomainError.forbidden("Tài khoản không có quyền thực hiện thao tác này (cần vai trò: \(names)).")
        }
    }
}
