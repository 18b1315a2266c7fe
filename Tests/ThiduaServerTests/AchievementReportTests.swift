import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import ThiduaCore
import ThiduaStore
import ThiduaTestSupport

/// The báo cáo thành tích over HTTP (issue "The school year's paperwork", item 4; sql/0033): a nomination for an award
/// that needs one is not sent while its required sections are empty; the union or the nominee writes it, a stale copy
/// is refused, the printed report carries the registry's figures, and once the nomination is forwarded it stays as sent.
@Suite("The báo cáo thành tích")
struct AchievementReportTests {
    @Test("Submitting waits for the report's required sections; the writer, the version and the printed figures")
    func writeSubmitPrint() async throws {
        try await withTestApp { app, seed in
            let f = try await RegistryFixture.make(seed)
            let nomination = try await f.nomination(seed, status: .draft, award: "BK_TINH", overriding: "Đủ điều kiện theo hồ sơ")
            let plain = try await f.nomination(seed, status: .draft, award: "LDTT", nominee: .person(f.councilPeople[0].id))
            let path = "/v1/nominations/\(nomination.id)/achievement-report"
            try await app.test(.router) { client in
                let empty = try await client.send(.get, path, token: f.union)
                #expect(empty.status == 200 && empty.body["needed"] == .bool(true) && empty.body["version"]?.number == 0)
                #expect(empty.body["missing"]?.array?.compactMap(\.string) == ["profile", "duties", "achievements"])
                let notNeeded = try await client.send(.get, "/v1/nominations/\(plain.id)/achievement-report", token: f.union)
                #expect(notNeeded.body["needed"] == .bool(false))

                let refused = try await client.send(.post, "/v1/nominations/\(nomination.id)/submit", token: f.union)
                #expect(refused.status == 422 && refused.body["type"]?.string?.hasSuffix("rule-violated") == true)
                #expect(
                    refused.body["errors"]?.array?.compactMap { $0["field"]?.string } == [
                        "achievementReport.profile", "achievementReport.duties", "achievementReport.achievements",
                    ])
                #expect(refused.body["errors"]?.array?.first?["message"]?.string?.contains("mục \"Sơ lược lý lịch\" chưa viết") == true)
                #expect(try await NominationRepository(client: seed.client).find(nomination.id, logger: seed.logger).status == .draft)

                #expect(try await client.send(.put, path, token: f.headmaster, json: #"{"profile":"x"}"#).status == 403)
                let tooLong = String(repeating: "a", count: 10_001)
                let long = try await client.send(.put, path, token: f.union, json: #"{"profile":"\#(tooLong)"}"#)
                #expect(long.status == 422 && long.body["errors"]?.array?.first?["field"]?.string == "profile")
                let partial = try await client.send(
                    .put, path, token: f.union, json: #"{"profile":"Sinh năm 1985.\n\n\nQuê quán: Đồng Tháp.  ","duties":"Giảng dạy"}"#)
                #expect(partial.status == 200 && partial.body["version"]?.number == 1)
                #expect(
                    partial.body["profile"]?.string == "Sinh năm 1985.\n\nQuê quán: Đồng Tháp.", "paragraphs kept, blank runs collapsed")
                #expect(partial.body["missing"]?.array?.compactMap(\.string) == ["achievements"])
                let stale = try await client.send(
                    .put, path, token: f.staff, json: #"{"profile":"Sinh năm 1985","duties":"Giảng dạy","achievements":"Lớp đạt 100%"}"#,
                    headers: [.ifMatch: "\"0\""])
                #expect(stale.status == 412)
                // The teacher writes her own report.
                let written = try await client.send(
                    .put, path, token: f.staff,
                    json: #"{"profile":"Sinh năm 1985","duties":"Giảng dạy lớp 1","achievements":"Lớp đạt 100% hoàn thành chương trình"}"#,
                    headers: [.ifMatch: "\"1\""])
                #expect(written.status == 200 && written.body["version"]?.number == 2 && written.body["missing"]?.array?.isEmpty == true)
                #expect(
                    try await client.send(.put, "/v1/nominations/\(plain.id)/achievement-report", token: f.staff, json: "{}").status == 404)
                #expect(try await client.send(.post, "/v1/nominations/\(nomination.id)/submit", token: f.union).status == 200)

                let printed = try await client.execute(
                    uri: path + "/document?format=md&date=2024-12-01", method: .get, headers: Seed.headers(f.union)
                ) { $0.text }
                for phrase in [
                    "BÁO CÁO THÀNH TÍCH", "ĐỀ NGHỊ TẶNG BẰNG KHEN CỦA BỘ, BAN, NGÀNH, TỈNH", "Họ và tên: Nguyễn Thị Ngọc Hân",
                    "Sơ lược lý lịch".uppercased(), "Sinh năm 1985", "1. Quyền hạn, nhiệm vụ được giao", "Giảng dạy lớp 1",
                    "Lớp đạt 100% hoàn thành chương trình", "III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG", "NGƯỜI BÁO CÁO THÀNH TÍCH",
                    "BAN CHẤP HÀNH CÔNG ĐOÀN", "Ngày 01 tháng 12 năm 2024",
                ] {
                    #expect(printed.contains(phrase), "\(phrase)")
                }
            }
        }
    }

    @Test("Once forwarded, the report stays as it was sent")
    func frozenOnceForwarded() async throws {
        try await withTestApp { app, seed in
            let f = try await RegistryFixture.make(seed)
            let nomination = try await f.nomination(seed, status: .recommended, award: "BK_TINH", overriding: "Đủ điều kiện theo hồ sơ")
            let path = "/v1/nominations/\(nomination.id)/achievement-report"
            try await app.test(.router) { client in
                #expect(try await client.send(.put, path, token: f.union, json: #"{"profile":"Sửa lại"}"#).status == 200)
                let forwarded = try await client.send(
                    .post, "/v1/nominations/\(nomination.id)/approve", token: f.headmaster,
                    json: #"{"submissionNumber":"52/TTr-THAP","submissionDate":"2024-12-10"}"#)
                #expect(forwarded.status == 202)
                let late = try await client.send(.put, path, token: f.union, json: #"{"profile":"Sửa sau khi trình"}"#)
                #expect(late.status == 409 && late.body["detail"]?.string?.contains("giữ nguyên") == true)
                #expect(try await client.send(.get, path, token: f.union).body["profile"]?.string == "Sửa lại")
            }
        }
    }
}
