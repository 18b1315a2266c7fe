/// The validated content of a new or changed person, before it has an id.
public struct PersonDraft: Equatable, Sendable {
    public var code: String?
    public var name: PersonName
    public var position: String
    public var category: StaffCategory

    public init(code: String?, name: PersonName, position: String, category: StaffCategory) {
        self.code = code
        self.name = name
        self.position = position
        self.category = category
    }

    /// Validates raw input. `familyName`/`middleName`/`givenName` override the default split of the full name.
    /// Field names in the violations are the API's (camelCase).
    public static func validate(
        fullName: String?, familyName: String? = nil, middleName: String? = nil, givenName: String? = nil,
        position: String?, category: String?, code: String? = nil
    ) -> Result<PersonDraft, DomainError> {
        var violations: [DomainError.FieldViolation] = []
        let full = VietnameseText.normalized(fullName ?? "")
        var name: PersonName?
        if full.isEmpty {
            violations.append(.init(field: "fullName", message: "Họ và tên không được để trống."))
        } else if familyName != nil || middleName != nil || givenName != nil {
            name = PersonName(family: familyName ?? "", middle: middleName ?? "", given: givenName ?? "", fullName: full)
            if name == nil {
                violations.append(
                    .rule(
                        field: "familyName",
                        message: "Họ, tên đệm và tên phải ghép lại đúng bằng họ và tên \"\(full)\"."))
            }
        } else {
            name = PersonName(splitting: full)
            if name == nil {
                violations.append(.init(field: "fullName", message: "Họ và tên phải có ít nhất họ và tên (hai từ)."))
            }
        }
        let parsedCategory = category.flatMap(StaffCategory.init(code:))
        if parsedCategory == nil {
            violations.append(
                .init(
                    field: "category",
                    message: "Loại nhân sự phải là CBQL, VC hoặc NLD (nhận: \"\(category ?? "")\")."))
        }
        let code = code.map(VietnameseText.normalized).flatMap { $0.isEmpty ? nil : $0 }
        if let code, code.count > 64 {
            violations.append(.init(field: "code", message: "Mã nhân sự dài quá 64 ký tự."))
        }
        guard violations.isEmpty, let name, let parsedCategory else { return .failure(.validation(violations)) }
        return .success(PersonDraft(code: code, name: name, position: VietnameseText.normalized(position ?? ""), category: parsedCategory))
    }
}
