import ThiduaCore
import ThiduaStore

extension DemoRegistry {
    /// The văn thư's settings of the two units that issue papers in the demo: the school, managed by the district's
    /// education office; that office, which issues its own (its tờ trình onward, its lists) under UBND huyện, signed by
    /// its Trưởng phòng.
    func saveDocumentSettings(school: ID<OrgUnit>, district: ID<OrgUnit>, head: Account, admin: Account) async throws {
        let settings = DocumentSettingsRepository(client: client)
        _ = try await settings.save(
            DocumentSettings(managingAgency: "PHÒNG GD&ĐT HUYỆN TÂN HỒNG", place: "Tân Hồng"), for: school, expectedVersion: nil,
            by: Actor(account: head), logger: logger)
        _ = try await settings.save(
            DocumentSettings(
                managingAgency: "UBND HUYỆN TÂN HỒNG", place: "Tân Hồng", signerPosition: UnitKind.district.headTitle,
                recipients: ["Như trên;", "Lưu: VT, TĐKT."]),
            for: district, expectedVersion: nil, by: Actor(account: admin), logger: logger)
    }
}
