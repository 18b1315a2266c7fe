/// What the văn thư sets once for the documents a unit issues (Nghị định 30/2020/NĐ-CP, Phụ lục I): the managing agency
/// above the unit's name, the place before the date, the signer's position, the default Nơi nhận, the fund reward money
/// is paid from, and how amounts are written in words. A unit without settings prints what can be derived: its parent's
/// name as the agency, that name without "Huyện …" as the place.
public struct DocumentSettings: Equatable, Sendable, Codable {
    /// "UBND HUYỆN TÂN HỒNG", "PHÒNG GD&ĐT HUYỆN TÂN HỒNG": printed upper-cased above the unit's name.
    public var managingAgency: String
    /// "Tân Hồng": before the date ("Tân Hồng, ngày 24 tháng 5 năm 2024").
    public var place: String
    /// "Hiệu trưởng": who signs for the unit ("HIỆU TRƯỞNG", "KT. HIỆU TRƯỞNG / PHÓ HIỆU TRƯỞNG", "Q. HIỆU TRƯỞNG").
    public var signerPosition: String
    /// The default Nơi nhận of a decision, one line each; a decision may carry its own.
    public var recipients: [String]
    /// "quỹ thi đua, khen thưởng của nhà trường"; empty: "quỹ thi đua, khen thưởng năm 2024 của Trường …".
    public var fund: String
    public var wordsStyle: AmountInWords.Style
    /// False while the unit has saved none: the values shown are derived.
    public var saved: Bool

    public init(
        managingAgency: String, place: String, signerPosition: String = "Hiệu trưởng", recipients: [String] = Self.standardRecipients,
        fund: String = "", wordsStyle: AmountInWords.Style = .northern, saved: Bool = true
    ) {
        self.managingAgency = managingAgency
        self.place = place
        self.signerPosition = signerPosition
        self.recipients = recipients
        self.fund = fund
        self.wordsStyle = wordsStyle
        self.saved = saved
    }

    /// What is wrong with a Nơi nhận (already normalized), if anything: one to ten lines, none blank, each at most 200.
    public static func recipientsProblem(_ lines: [String]) -> String? {
        guard (1...10).contains(lines.count) else { return "Nơi nhận cần từ 1 đến 10 dòng." }
        guard !lines.contains(where: \.isEmpty) else { return "Nơi nhận có dòng trống." }
        guard lines.allSatisfy({ $0.count <= 200 }) else { return "Mỗi dòng nơi nhận tối đa 200 ký tự." }
        return nil
    }

    public static let standardRecipients = ["Như Điều 3;", "Phòng GD&ĐT (b/c);", "Lưu: VT, TĐKT."]

    /// What a unit prints before its văn thư saves settings: derived from its parent's name ("Huyện Tân Hồng"); a
    /// district's office is signed by its Trưởng phòng, a province's by its Giám đốc, a school by its Hiệu trưởng.
    public static func derived(parentName: String, kind: UnitKind = .school) -> DocumentSettings {
        DocumentSettings(
            managingAgency: parentName, place: HonorList.Issuer.place(of: parentName), signerPosition: kind.headTitle, saved: false)
    }

    /// Reads the văn thư's form (CLI, API or page): every field trimmed and NFC; the agency, place and position
    /// required; one to ten recipients of at most 200 characters.
    public static func validate(
        managingAgency: String?, place: String?, signerPosition: String?, recipients: [String]?, fund: String?, wordsStyle: String?
    ) throws(DomainError) -> DocumentSettings {
        var violations: [DomainError.FieldViolation] = []
        func line(_ value: String?, _ field: String, _ name: String, required: Bool) -> String {
            let text = VietnameseText.normalized(value ?? "")
            if required && text.isEmpty { violations.append(.init(field: field, message: "Cần \(name).")) }
            if text.count > 200 { violations.append(.init(field: field, message: "\(name.capitalizedFirst) dài quá 200 ký tự.")) }
            return text
        }
        let agency = line(managingAgency, "managingAgency", "cơ quan quản lý (ví dụ UBND HUYỆN TÂN HỒNG)", required: true)
        let place = line(place, "place", "địa danh ghi trước ngày tháng (ví dụ Tân Hồng)", required: true)
        let position = line(signerPosition, "signerPosition", "chức vụ người ký (ví dụ Hiệu trưởng)", required: true)
        let fund = line(fund, "fund", "tên quỹ", required: false)
        let lines = (recipients ?? Self.standardRecipients).map { VietnameseText.normalized($0) }
        if let problem = Self.recipientsProblem(lines) { violations.append(.init(field: "recipients", message: problem)) }
        let style = AmountInWords.Style(rawValue: wordsStyle ?? "northern")
        if style == nil {
            violations.append(.init(field: "wordsStyle", message: "Cách đọc số tiền là northern (nghìn, linh) hoặc southern (ngàn, lẻ)."))
        }
        guard violations.isEmpty, let style else { throw DomainError.validation(violations) }
        return DocumentSettings(
            managingAgency: agency, place: place, signerPosition: position, recipients: lines, fund: fund, wordsStyle: style)
    }
}

/// How the person signing holds the position (Nghị định 30/2020/NĐ-CP, Phụ lục I, mục signature): the head, a deputy
/// signing on the head's behalf ("KT. HIỆU TRƯỞNG / PHÓ HIỆU TRƯỞNG"), or someone acting in the position ("Q. HIỆU TRƯỞNG").
public enum SignedAs: String, Codable, Sendable, CaseIterable {
    case head, deputy, acting

    /// The lines above the signature, upper-cased: ["KT. HIỆU TRƯỞNG", "PHÓ HIỆU TRƯỞNG"].
    public func lines(position: String) -> [String] {
        let upper = position.uppercased()
        switch self {
        case .head: return [upper]
        case .deputy: return ["KT. \(upper)", "PHÓ \(upper)"]
        case .acting: return ["Q. \(upper)"]
        }
    }

    public var vietnamese: String {
        switch self {
        case .head: "Người đứng đầu ký"
        case .deputy: "Cấp phó ký thay (KT.)"
        case .acting: "Quyền (Q.)"
        }
    }
}

extension String {
    /// "cơ quan …" → "Cơ quan …".
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
