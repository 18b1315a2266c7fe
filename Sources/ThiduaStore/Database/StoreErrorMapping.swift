import PostgresNIO
import ThiduaCore

/// Turns PostgreSQL's refusals into `DomainError`s by constraint name; `PSQLError` never leaves ThiduaStore.
/// Anything not recognised is rethrown as it is (and becomes a generic 500 at the edge).
enum StoreErrorMapping {
    static func map(_ error: any Error) -> any Error {
        guard let error = error as? PSQLError, let info = error.serverInfo else { return error }
        let constraint = info[.constraintName] ?? ""
        if let known = byConstraint[constraint] { return known }
        switch info[.sqlState] {
        case "23505": return DomainError(.conflict, "Dữ liệu trùng với một bản ghi đã có.")
        case "23503": return DomainError.validation([.init(field: constraint, message: "Tham chiếu tới bản ghi không tồn tại.")])
        case "23514", "23502", "22P02", "22001":
            return DomainError.validation([.init(field: constraint, message: "Dữ liệu vi phạm ràng buộc \(constraint).")])
        default: return error
        }
    }

    private static let byConstraint: [String: DomainError] = [
        "units_code_key": DomainError(.conflict, "Mã đơn vị đã tồn tại.", violations: [.init(field: "code", message: "Mã đơn vị đã tồn tại.")]),
        "units_parent_fkey": .validation([.init(field: "parent", message: "Không tìm thấy đơn vị cấp trên.")]),
        "units_parent_cycle": .validation([.init(field: "parent", message: "Đơn vị không thể nằm dưới chính nó.")]),
        "people_unit_fkey": .validation([.init(field: "unitId", message: "Không tìm thấy đơn vị.")]),
        "people_code_key": DomainError(.conflict, "Mã nhân sự đã tồn tại.", violations: [.init(field: "code", message: "Mã nhân sự đã tồn tại.")]),
        "people_name_parts_match": .validation([.init(field: "familyName", message: "Họ, tên đệm và tên phải ghép lại đúng bằng họ và tên.")]),
        "accounts_person_fkey": .validation([.init(field: "personId", message: "Không tìm thấy cá nhân.")]),
        "audit_log_append_only": DomainError(.immutableRecord, "Nhật ký thay đổi chỉ được ghi thêm, không được sửa hay xoá."),
    ]
}
