import Foundation

/// The year-end honor list (danh sách khen thưởng): every commendation of a period, individuals then collectives,
/// grouped by award in order of precedence, numbered within each group, names in Vietnamese order. A district's or a
/// province's list is grouped by school first (each school's lines, then its total), the lines of the office itself
/// before the schools'.
public enum HonorList {
    /// What the list covers.
    public struct Request: Equatable, Sendable {
        public var period: Period
        public var unitId: ID<OrgUnit>?
        public var movementId: ID<Movement>?
        public var includeRevoked: Bool
        /// The date written on the printed list, after the place: the day it is printed unless the clerk gives one.
        public var printedOn: LocalDate?

        public init(
            period: Period, unitId: ID<OrgUnit>? = nil, movementId: ID<Movement>? = nil, includeRevoked: Bool = false,
            printedOn: LocalDate? = nil
        ) {
            self.period = period
            self.unitId = unitId
            self.movementId = movementId
            self.includeRevoked = includeRevoked
            self.printedOn = printedOn
        }

        public var title: String {
            "DANH SÁCH KHEN THƯỞNG " + period.vietnamese.uppercased()
        }
    }

    /// A school heading a district's or a province's lines: by id, since two schools of a province can share a name
    /// (the name then carries its district: "Trường Tiểu học An Phước, Huyện Tân Hồng").
    public struct School: Equatable, Sendable, Codable {
        public let id: ID<OrgUnit>
        public let name: String

        public init(id: ID<OrgUnit>, name: String) {
            self.id = id
            self.name = name
        }
    }

    public enum Section: String, Sendable, Codable, CaseIterable {
        case individuals, collectives
        public var heading: String { self == .individuals ? "I. \(name)" : "II. \(name)" }
        public var name: String { self == .individuals ? "Cá nhân" : "Tập thể" }
    }

    /// One line as stored, in list order (section, award precedence, Vietnamese name order).
    public struct Entry: Equatable, Sendable, Codable {
        public let section: Section
        public let awardCode: String
        public let awardName: String
        public let name: String
        public let position: String
        public let unit: String
        public let achievements: String
        public let decisionNumber: String
        public let decisionDate: LocalDate
        public let decisionLevel: String
        public let amount: Int?
        public let revocation: String?
        /// The school the line is counted under in a district's or a province's list (the office itself for its own
        /// staff); nil in a school's list, which is not grouped.
        public let school: School?

        public init(
            section: Section, awardCode: String, awardName: String, name: String, position: String, unit: String, achievements: String,
            decisionNumber: String, decisionDate: LocalDate, decisionLevel: String, amount: Int?, revocation: String?,
            school: School? = nil
        ) {
            self.section = section
            self.awardCode = awardCode
            self.awardName = awardName
            self.name = name
            self.position = position
            self.unit = unit
            self.achievements = achievements
            self.decisionNumber = decisionNumber
            self.decisionDate = decisionDate
            self.decisionLevel = decisionLevel
            self.amount = amount
            self.revocation = revocation
            self.school = school
        }

        /// "12/QĐ-THAP, 20/05/2024", as the column "Số, ngày quyết định" is written.
        public var decision: String {
            "\(decisionNumber), \(decisionDate.vietnamese)"
        }
    }

    /// Who issues the list and where: printed in the header and the signature block.
    public struct Issuer: Equatable, Sendable, Codable {
        public let unitName: String
        public let parentName: String
        public let place: String
        /// "Hiệu trưởng", "Trưởng phòng": over the signature (the unit's document settings).
        public let signerPosition: String

        public init(unitName: String, parentName: String, place: String, signerPosition: String = "Hiệu trưởng") {
            self.unitName = unitName
            self.parentName = parentName
            self.place = place
            self.signerPosition = signerPosition
        }

        /// A unit's name under the managing agency, with the place and signer its document settings give.
        public init(unitName: String, settings: DocumentSettings) {
            self.init(
                unitName: unitName, parentName: settings.managingAgency, place: settings.place, signerPosition: settings.signerPosition)
        }

        /// "Tân Hồng, ngày 20 tháng 5 năm 2024": the line under a paper's header — the place its settings name (or the
        /// issuer's own), then the date in words.
        public func placeAndDate(_ date: LocalDate, settings: DocumentSettings) -> String {
            Self.dated(settings.place.isEmpty ? place : settings.place, date)
        }

        /// "Tân Hồng, ngày 20 tháng 5 năm 2024"; with no place known, "Ngày 20 tháng 5 năm 2024" (never a stray comma).
        public static func dated(_ place: String, _ date: LocalDate) -> String {
            place.isEmpty ? date.written.capitalizedFirst : "\(place), \(date.written)"
        }

        /// The place written before the date of a document, from the name of the unit above: "Huyện Tân Hồng",
        /// "UBND huyện Tân Hồng", "Phòng Giáo dục và Đào tạo huyện Tân Hồng" → "Tân Hồng"; the name after its last
        /// "huyện", "quận", "thị xã", "thành phố", "tỉnh", "xã", "phường" or "thị trấn" (a name without one is the place);
        /// a unit named by its number keeps its level: "Phòng Giáo dục và Đào tạo Quận 1" → "Quận 1".
        public static func place(of unitName: String) -> String {
            let words = unitName.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            let levels: [[String]] = [
                ["thành", "phố"], ["thị", "xã"], ["thị", "trấn"], ["huyện"], ["quận"], ["tỉnh"], ["xã"], ["phường"],
            ]
            for start in stride(from: words.count - 2, through: 0, by: -1) {
                for level in levels where start + level.count < words.count {
                    if words[start..<start + level.count].map({ $0.lowercased() }) == level {
                        let name = words[(start + level.count)...].joined(separator: " ")
                        // A unit named by its number keeps its level (Nghị định 30/2020, Phụ lục I): "Quận 1", "Phường 5".
                        guard name.allSatisfy(\.isNumber) else { return name }
                        return (level.joined(separator: " ") + " " + name).capitalizedFirst
                    }
                }
            }
            return unitName
        }
    }

    /// The printed columns.
    public static let columns = [
        "STT", "Họ và tên", "Chức vụ", "Đơn vị", "Thành tích", "Số, ngày quyết định", "Cấp quyết định", "Số tiền (đồng)",
    ]
}

/// Receives an honor list line by line, with the group boundaries worked out, so every format streams.
public protocol HonorListWriter {
    mutating func begin(_ request: HonorList.Request, issuer: HonorList.Issuer)
    /// A school's lines begin (a district's or a province's list); its sections follow.
    mutating func school(_ name: String)
    /// A school's lines end: its count and money.
    mutating func schoolTotal(count: Int, amount: Int)
    mutating func section(_ section: HonorList.Section)
    mutating func group(_ awardName: String)
    mutating func entry(_ number: Int, _ entry: HonorList.Entry)
    mutating func groupTotal(count: Int, amount: Int)
    mutating func end(count: Int, amount: Int)
    /// The bytes written since the last call, so a long list goes out as it is written.
    mutating func take() -> Data
}

/// Drives a writer from entries in list order: numbering within groups, headings and totals.
public struct HonorListAssembler<Writer: HonorListWriter> {
    public private(set) var writer: Writer
    private var school: HonorList.School?
    private var section: HonorList.Section?
    private var award: String?
    private var number = 0
    private var groupCount = 0
    private var groupAmount = 0
    private var schoolCount = 0
    private var schoolAmount = 0
    private var count = 0
    private var amount = 0

    public init(_ writer: Writer, request: HonorList.Request, issuer: HonorList.Issuer) {
        self.writer = writer
        self.writer.begin(request, issuer: issuer)
    }

    public mutating func add(_ entry: HonorList.Entry) {
        if let next = entry.school, next != school {
            closeGroup()
            closeSchool()
            school = next
            section = nil
            writer.school(next.name)
        }
        if entry.section != section || entry.awardCode != award {
            closeGroup()
            if entry.section != section {
                section = entry.section
                writer.section(entry.section)
            }
            award = entry.awardCode
            writer.group(entry.awardName)
        }
        number += 1
        let money = entry.revocation == nil ? (entry.amount ?? 0) : 0
        groupAmount += money
        schoolAmount += money
        amount += money
        if entry.revocation == nil {
            count += 1
            groupCount += 1
            schoolCount += 1
        }
        writer.entry(number, entry)
    }

    /// The writer's bytes since the last call.
    public mutating func take() -> Data { writer.take() }

    /// Closes the last group and the list; returns the writer with everything written.
    public mutating func finish() -> Writer {
        closeGroup()
        closeSchool()
        writer.end(count: count, amount: amount)
        return writer
    }

    private mutating func closeSchool() {
        guard school != nil else { return }
        writer.schoolTotal(count: schoolCount, amount: schoolAmount)
        schoolCount = 0
        schoolAmount = 0
        school = nil
    }

    private mutating func closeGroup() {
        guard award != nil else { return }
        writer.groupTotal(count: groupCount, amount: groupAmount)
        number = 0
        groupCount = 0
        groupAmount = 0
        award = nil
    }
}
