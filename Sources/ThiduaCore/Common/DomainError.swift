/// An error a user can act on: a stable code, a plain Vietnamese message, and the fields at fault.
public struct DomainError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Stable slugs that clients may switch on.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        public let rawValue: String
        public static let notFound = Code(rawValue: "not-found")
        public static let validationFailed = Code(rawValue: "validation-failed")
        public static let conflict = Code(rawValue: "conflict")
        public static let forbidden = Code(rawValue: "forbidden")
        public static let unauthenticated = Code(rawValue: "unauthenticated")
        public static let invalidTransition = Code(rawValue: "invalid-transition")
        public static let immutableRecord = Code(rawValue: "immutable-record")
        public static let preconditionFailed = Code(rawValue: "precondition-failed")
        /// A nomination fails an eligibility rule of its award.
        public static let ineligible = Code(rawValue: "ineligible")
        /// An upload of a kind of file thidua does not keep (415).
        public static let unsupportedMediaType = Code(rawValue: "unsupported-media-type")
        /// The database cannot be reached right now (503 with Retry-After): nothing was done, try again shortly.
        public static let databaseUnavailable = Code(rawValue: "database-unavailable")
        /// A rule no schema can state (422): one field against another (exactly one period; a school year's years in a
        /// row; a raw file and its name) or against stored data (a rule of the catalogue in force on the date). Input
        /// refused for its own form is `validationFailed`.
        public static let ruleViolated = Code(rawValue: "rule-violated")
        /// A page cursor this server did not hand out (422): start again from the first page.
        public static let invalidCursor = Code(rawValue: "invalid-cursor")
        /// A limit on stored evidence is reached (409): the files already there count, retracted ones included.
        public static let quotaExceeded = Code(rawValue: "quota-exceeded")
        public var description: String { rawValue }
    }

    /// One field's problem, as shown next to the field in a form.
    public struct FieldViolation: Equatable, Sendable, Codable {
        public let field: String
        public let message: String
        /// A rule across fields or against stored data rather than the field's own form (not sent to clients: the
        /// problem's code says it).
        public let isRule: Bool

        public init(field: String, message: String) {
            self.init(field: field, message: message, isRule: false)
        }

        init(field: String, message: String, isRule: Bool) {
            self.field = field
            self.message = message
            self.isRule = isRule
        }

        /// A field's problem that no schema can state: it depends on another field or on stored data.
        public static func rule(field: String, message: String) -> FieldViolation {
            FieldViolation(field: field, message: message, isRule: true)
        }

        enum CodingKeys: String, CodingKey { case field, message }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            self.init(
                field: try container.decode(String.self, forKey: .field), message: try container.decode(String.self, forKey: .message))
        }
    }

    public let code: Code
    public let message: String
    public let violations: [FieldViolation]
    /// For a refused transition: the state the record is in, and the states it may move to.
    public var currentStatus: String?
    public var allowedStatuses: [String]?

    public init(_ code: Code, _ message: String, violations: [FieldViolation] = []) {
        self.code = code
        self.message = message
        self.violations = violations
    }

    /// The message followed by each field's problem: what the command line prints.
    public var description: String {
        ([message] + violations.map { "- \($0.message)" }).joined(separator: "\n")
    }

    public static func notFound(_ what: String) -> DomainError {
        DomainError(.notFound, "Không tìm thấy \(what).")
    }

    /// Refused input: `validationFailed` when any field fails its own form, `ruleViolated` when only rules are broken.
    public static func validation(_ violations: [FieldViolation]) -> DomainError {
        let rulesOnly = !violations.isEmpty && violations.allSatisfy(\.isRule)
        return DomainError(rulesOnly ? .ruleViolated : .validationFailed, "Dữ liệu chưa hợp lệ.", violations: violations)
    }

    /// A rule across fields or against stored data was broken (422 rule-violated), with the field it is shown beside.
    public static func rule(field: String, _ message: String) -> DomainError {
        validation([.rule(field: field, message: message)])
    }

    public static func forbidden(_ message: String = "Tài khoản không có quyền thực hiện thao tác này.") -> DomainError {
        DomainError(.forbidden, message)
    }
}
