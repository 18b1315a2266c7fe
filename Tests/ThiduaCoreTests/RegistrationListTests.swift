import Foundation
import Testing
import ThiduaCore

/// The registration list's own arithmetic (issue "The school year's paperwork", item 1): registered against achieved per
/// title, titles won without a registration, and the form's checks.
@Suite("The registration list")
struct RegistrationListTests {
    static let period = Period(kindCode: "school_year", year: 2023)!

    static func registration(_ name: String, _ owner: Owner, title: (String, String), award: String? = nil) -> Registration {
        Registration(
            id: ID(UUID()), movementId: ID(UUID()), nominee: owner, nomineeName: name, position: "Giáo viên", unitName: "Tổ 1",
            titleCode: title.0,
            titleName: title.1, awardCode: award, awardName: award.map { _ in "Giấy khen" }, initiativeTitle: nil,
            registeredOn: LocalDate(2023, 10, 2))
    }

    @Test("Each line carries its nominee's awards; the tally counts a title reached only when that title was awarded")
    func tally() {
        let (an, binh, chi, team) = (Owner.person(ID(UUID())), Owner.person(ID(UUID())), Owner.person(ID(UUID())), Owner.unit(ID(UUID())))
        let ldtt = ("LDTT", "Lao động tiên tiến")
        let list = RegistrationList(
            issuer: .init(unitName: "Trường Tiểu học An Phước", parentName: "Phòng GD&ĐT huyện Tân Hồng", place: "Tân Hồng"),
            settings: .derived(parentName: "Huyện Tân Hồng"), movementName: "Năm học 2023-2024", period: Self.period,
            registrations: [
                Self.registration("Nguyễn Văn An", an, title: ("CSTD_CS", "Chiến sĩ thi đua cơ sở"), award: "GK"),
                Self.registration("Trần Thị Bình", binh, title: ldtt),
                Self.registration("Tổ 1", team, title: ("TTLDTT", "Tập thể lao động tiên tiến")),
            ],
            awarded: [
                .init(nominee: an, nomineeName: "Nguyễn Văn An", code: "LDTT", name: "Lao động tiên tiến", isTitle: true),
                .init(nominee: binh, nomineeName: "Trần Thị Bình", code: "LDTT", name: "Lao động tiên tiến", isTitle: true),
                .init(nominee: chi, nomineeName: "Lê Văn Chí", code: "LDTT", name: "Lao động tiên tiến", isTitle: true),
                .init(nominee: chi, nomineeName: "Lê Văn Chí", code: "GK", name: "Giấy khen", isTitle: false),
            ],
            dated: LocalDate(2024, 5, 20))
        #expect(list.individuals.map(\.name) == ["Nguyễn Văn An", "Trần Thị Bình"] && list.collectives.map(\.number) == [1])
        #expect(RegistrationList.cells(list.individuals[0])[7] == "Lao động tiên tiến", "an LĐTT, not the CSTĐ he sought")
        #expect(RegistrationList.cells(list.collectives[0])[7] == "Chưa có")
        #expect(
            list.tally == [
                "Chiến sĩ thi đua cơ sở: 1 đăng ký, 0 đạt.", "Lao động tiên tiến: 1 đăng ký, 1 đạt.",
                "Tập thể lao động tiên tiến: 1 đăng ký, 0 đạt.",
            ])
        #expect(list.unregisteredLine == "Đạt danh hiệu nhưng không có bản đăng ký: Lê Văn Chí — Lao động tiên tiến.")
        #expect(list.titleLines == ["DANH SÁCH ĐĂNG KÝ THI ĐUA", "NĂM HỌC 2023-2024"])
        #expect(list.placeAndDate == "Tân Hồng, ngày 20 tháng 5 năm 2024")
    }

    @Test("The form names each mistake with its field; codes are read in capitals and an empty award is none")
    func draft() throws {
        let person = ID<Person>(UUID()).description
        let draft = try RegistrationDraft.validate(
            personId: person, unitId: nil, title: " ldtt ", award: "", initiative: "  Dạy học   qua trò chơi ", registeredOn: "2023-10-02")
        #expect(draft.titleCode == "LDTT" && draft.awardCode == nil && draft.initiativeTitle == "Dạy học qua trò chơi")
        do {
            _ = try RegistrationDraft.validate(
                personId: nil, unitId: nil, title: "", award: nil, initiative: String(repeating: "a", count: 501),
                registeredOn: "02/10/2023")
            Issue.record("accepted a registration with no nominee")
        } catch {
            #expect(error.violations.map(\.field) == ["personId", "title", "initiative", "registeredOn"])
        }
    }
}
