/// The validated content of a new unit: code, name and kind (the parent is given by id or, in imports, by code).
public struct UnitDraft: Equatable, Sendable {
    public var code: String
    public var name: String
    public var kind: UnitKind

    public init(code: String, name: String, kind: UnitKind) {
        self.code = code
        self.name = name
        self.kind = kind
    }

    /// Validates raw input; field names are the API's.
    public static func validate(code: String?, name: String?, kind: String?) -> Result<UnitDraft, DomainError> {
        var violations: [DomainError.FieldViolation] = []
        let code = VietnameseText.normalized(code ?? "")
        if !isValidCode(code) {
            violations.append(
                .init(
                    field: "code",
                    message: "Mã đơn vị chỉ gồm chữ cái không dấu, chữ số, dấu gạch ngang, gạch dưới hoặc dấu chấm (tối đa 64 ký tự)."))
        }
        let name = VietnameseText.normalized(name ?? "")
        if name.isEmpty {
            violations.append(.init(field: "name", message: "Tên đơn vị không được để trống."))
        }
        let kindValue = VietnameseText.normalized(kind ?? "").lowercased()
        let parsedKind = UnitKind(rawValue: kindValue)
        if parsedKind == nil {
            let allowed = UnitKind.allCases.map(\.rawValue).joined(separator: ", ")
            violations.append(.init(field: "kind", message: "Loại đơn vị phải là một trong: \(allowed) (nhận: \"\(kind ?? "")\")."))
        }
        guard violations.isEmpty, let parsedKind else { return .failure(.validation(violations)) }
        return .success(UnitDraft(code: code, name: name, kind: parsedKind))
    }

    /// Codes are ASCII so they can be typed anywhere: letters, digits, `_`, `-`, `.`; 1–64 characters.
    static func isValidCode(_ code: String) -> Bool {
        guard let first = code.unicodeScalars.first, code.unicodeScalars.count <= 64 else { return false }
        let allowed = { (s: Unicode.Scalar) in
            s.isASCII && (s.properties.isAlphabetic || ("0"..."9").contains(s) || "_-.".unicodeScalars.contains(s))
        }
        return first.isASCII && (first.properties.isAlphabetic || ("0"..."9").contains(first)) && code.unicodeScalars.allSatisfy(allowed)
    }
}
