/// A unit (đơn vị) in the tree: province, district, commune, school or agency, and collectives inside them.
public struct OrgUnit: Equatable, Sendable, Codable {
    public let id: ID<OrgUnit>
    public var code: String
    public var name: String
    public var kind: UnitKind
    public var parentId: ID<OrgUnit>?
    public var version: Int

    public init(id: ID<OrgUnit>, code: String, name: String, kind: UnitKind, parentId: ID<OrgUnit>?, version: Int) {
        self.id = id
        self.code = code
        self.name = name
        self.kind = kind
        self.parentId = parentId
        self.version = version
    }
}

/// What a unit is. A collective (tổ chuyên môn, tổ văn phòng, công đoàn, chi đoàn…) can be nominated.
public enum UnitKind: String, Codable, CaseIterable, Sendable {
    case province, district, commune, school, agency, collective

    /// A unit above schools (a district's or a province's office, a commune): its reports list and count its schools one
    /// by one, its own lines first.
    public var groupsBySchool: Bool { [.province, .district, .commune].contains(self) }

    /// Who heads such a unit and signs for it: a district's education office its Trưởng phòng, a province's its Giám
    /// đốc, a school (and anything else) its Hiệu trưởng.
    public var headTitle: String {
        switch self {
        case .district: "Trưởng phòng"
        case .province: "Giám đốc"
        default: "Hiệu trưởng"
        }
    }

    public var vietnameseName: String {
        switch self {
        case .province: "Tỉnh, thành phố"
        case .district: "Huyện, quận"
        case .commune: "Xã, phường"
        case .school: "Trường học"
        case .agency: "Cơ quan"
        case .collective: "Tập thể (tổ, đoàn thể)"
        }
    }
}
