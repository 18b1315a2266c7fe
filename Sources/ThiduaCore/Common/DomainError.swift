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
        /// A limit on stored evidence is reached (409): the files already there count, retracted ones included.
        public static let quotaExceeded = Code(rawValue: "quota-exceeded")
        public var description: String { rawValue }
    }

    /// One field's problem, as shown next to the field in a form.
    public struct FieldViolation: Equatable, Sendable, Codable {
        public let field: String
        public let message: String
        public init(field: String, message: String) {
            self.field = field
            self.message = message
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

    public static func validation(_ violations: [FieldViolation]) -> DomainError {
        DomainError(.validationFailed, "Dữ liệu chưa hợp lệ.", violations: violations)
    }

    public static func forbidden(_ message: String = "Tài khoản không có quyền thực hiện thao tác này.") -> DomainError {
        DomainError(.forbidden, message)
    }
}
