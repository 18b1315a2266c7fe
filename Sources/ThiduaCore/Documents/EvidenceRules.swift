import Foundation

/// What evidence thidua keeps (security review F7, F11): the kinds of files a school attaches, and how much each account
/// and each model or nomination may store. Files are never deleted (a retraction keeps them), so the limits count every
/// file ever added, retracted ones included.
public enum EvidenceRules {
    /// Media types accepted on upload and served back as themselves; anything else is refused (415).
    public static let allowedTypes: Set<String> = [
        "application/pdf", "image/jpeg", "image/png", "image/gif", "image/webp", "image/heic", "text/plain", "text/csv",
        "application/msword", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.ms-excel", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "application/vnd.ms-powerpoint", "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.spreadsheet", "application/zip",
        "video/mp4", "audio/mpeg",
    ]

    /// The media type without parameters, lower-cased: "Application/PDF; name=x" → "application/pdf".
    public static func mediaType(_ contentType: String) -> String {
        String(contentType.split(separator: ";", maxSplits: 1).first ?? "").trimmingCharacters(in: .whitespaces).lowercased()
    }

    /// The type an upload is stored with, or a 415 naming what is accepted.
    public static func acceptedType(_ contentType: String) throws(DomainError) -> String {
        let type = mediaType(contentType)
        guard allowedTypes.contains(type) else {
            throw DomainError(
                .unsupportedMediaType,
                "Không nhận tệp loại \"\(type)\". Hãy gửi PDF, ảnh (JPEG, PNG), văn bản Word/Excel/PowerPoint hoặc OpenDocument, "
                    + "tệp văn bản, ZIP, MP4 hay MP3.",
                violations: [.init(field: "Content-Type", message: "Loại tệp không được nhận.")])
        }
        return type
    }

    /// A file as uploaded: its name may not hide characters (bidi, zero-width: security review F12) nor be longer than a
    /// name; its type must be one thidua keeps. Returns the type to store.
    public static func validateFile(filename: String, contentType: String) throws(DomainError) -> String {
        for (field, text) in [("filename", filename), ("Content-Type", contentType)] {
            if let scalar = VietnameseText.forbiddenScalar(in: text) {
                throw DomainError.validation([.init(field: field, message: VietnameseText.forbiddenMessage(scalar))])
            }
        }
        if filename.count > FieldLimits.shortText {
            throw DomainError.validation([.init(field: "filename", message: "Tên tệp dài quá \(FieldLimits.shortText) ký tự.")])
        }
        return try acceptedType(contentType)
    }

    /// The type a stored file is served with: its own when allowed, else a download (`application/octet-stream`).
    public static func servedType(_ stored: String) -> String {
        allowedTypes.contains(mediaType(stored)) ? mediaType(stored) : "application/octet-stream"
    }

    /// How much one account, and one model or nomination, may store.
    public struct Quota: Sendable {
        public var filesPerAccount = 500
        public var bytesPerAccount = 2 * 1_073_741_824
        public var filesPerSubject = 50
        public var bytesPerSubject = 500 * 1_048_576

        public init() {}
    }

    /// What is already stored, counted before a new file is added.
    public struct Usage: Sendable {
        public let accountFiles: Int
        public let accountBytes: Int
        public let subjectFiles: Int
        public let subjectBytes: Int

        public init(accountFiles: Int, accountBytes: Int, subjectFiles: Int, subjectBytes: Int) {
            (self.accountFiles, self.accountBytes, self.subjectFiles, self.subjectBytes) = (
                accountFiles, accountBytes, subjectFiles, subjectBytes
            )
        }
    }

    /// Refuses a file of `size` bytes that would take the account or the subject over its quota.
    public static func check(adding size: Int, to usage: Usage, quota: Quota = Quota()) throws(DomainError) {
        func mib(_ bytes: Int) -> String { "\(bytes / 1_048_576) MiB" }
        if usage.accountFiles + 1 > quota.filesPerAccount || usage.accountBytes + size > quota.bytesPerAccount {
            throw DomainError(
                .quotaExceeded,
                "Tài khoản đã lưu \(usage.accountFiles) tệp (\(mib(usage.accountBytes))); hạn mức là \(quota.filesPerAccount) tệp, "
                    + "\(mib(quota.bytesPerAccount)). Hãy báo quản trị viên.")
        }
        if usage.subjectFiles + 1 > quota.filesPerSubject || usage.subjectBytes + size > quota.bytesPerSubject {
            throw DomainError(
                .quotaExceeded,
                "Hồ sơ này đã có \(usage.subjectFiles) tệp (\(mib(usage.subjectBytes))); hạn mức là \(quota.filesPerSubject) tệp, "
                    + "\(mib(quota.bytesPerSubject)) cho một mô hình hay đề nghị.")
        }
    }
}

/// A paper of a nomination's file that a piece of evidence is (sql/0032): the clerk marks the scanned báo cáo thành tích or
/// an initiative's recognition when adding it, and the file's checklist finds it.
public enum EvidencePaper: String, CaseIterable, Sendable {
    case achievementReport = "achievement_report"
    case initiativeRecognition = "initiative_recognition"
}
