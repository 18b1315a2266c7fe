import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import ThiduaCore
import ThiduaStore
import ThiduaTestSupport

/// The school year's paperwork walked through the API and the command line only (issue "The school year's paperwork",
/// "Done when"): registrations in January, the council of the year, a sáng kiến recognised, the tổ's bình xét, the
/// council's meeting with its votes and a secret ballot, the list posted, the head's decision, the file sent to the
/// district with its answer, the union's own Giấy khen — and each paper printed by the CLI with its figures.
@Suite("A school year from registration to the district's answer")
struct SchoolYearWalkTests {
    @Test("Each paper of the year carries its figures: registered vs achieved, votes x/y and %, the file's checklist, the answer")
    func wholeYear() async throws {
        try await withTestAppAndURL { app, seed, url in
            let f = try await RegistryFixture.make(seed)
            let cli = CLIRunner(databaseURL: url)
            let (han, lan, phuc, muoi) = (f.teacher.id, f.councilPeople[0].id, f.councilPeople[1].id, f.councilPeople[2].id)
            let movement = "/v1/movements/\(f.movement.id)"
            try await app.test(.router) { client in
                func send(_ method: HTTPRequest.Method, _ path: String, _ token: String, _ json: String? = nil, expect status: Int = 200)
                    async throws -> JSONValue
                {
                    let answer = try await client.send(method, path, token: token, json: json)
                    #expect(answer.status == status, "\(method) \(path): \(answer.body)")
                    return answer.body
                }
                // January: registrations — a teacher for herself, the union for a tổ trưởng and for the tổ.
                _ = try await send(
                    .post, movement + "/registrations", f.staff,
                    #"{"nominee":{"personId":"\#(han)"},"title":"LDTT","registeredOn":"2024-01-20"}"#, expect: 201)
                _ = try await send(
                    .post, movement + "/registrations", f.union,
                    #"{"nominee":{"personId":"\#(lan)"},"title":"CSTD_CS","initiative":"Trò chơi ghép vần","registeredOn":"2024-01-20"}"#,
                    expect: 201)
                _ = try await send(
                    .post, movement + "/registrations", f.union,
                    #"{"nominee":{"unitId":"\#(f.collective.id)"},"title":"TTLDTT","registeredOn":"2024-01-22"}"#, expect: 201)
                // The council of the year, from the head's decision: three members, the denominator of every vote.
                _ = try await send(
                    .post, "/v1/councils", f.headmaster,
                    """
                    {"period":"2024","decisionNumber":"09/QĐ-THAP","decisionDate":"2024-01-05","members":[
                     {"personId":"\(phuc)","duty":"chair"},{"personId":"\(lan)","duty":"member"},{"personId":"\(muoi)","duty":"secretary"}]}
                    """, expect: 201)
                // The sáng kiến: registered, applied for by its author, scored, recognised cấp cơ sở.
                let initiative = try await send(
                    .post, "/v1/initiatives", f.union,
                    #"{"personId":"\#(lan)","title":"Trò chơi ghép vần","period":"2024","registeredOn":"2024-01-25"}"#, expect: 201)
                let initiativePath = "/v1/initiatives/\(initiative["id"]?.string ?? "")"
                _ = try await send(
                    .post, initiativePath + "/application", f.council[0].token,
                    #"{"description":"Ghép vần mỗi tiết","appliedOn":"2024-03-15"}"#)
                _ = try await send(
                    .post, initiativePath + "/score", f.council[1].token, #"{"score":88,"passed":true,"scoredOn":"2024-04-20"}"#)
                _ = try await send(
                    .post, initiativePath + "/recognitions", f.headmaster,
                    #"{"scope":"unit","decisionNumber":"12/QĐ-THAP","decisionDate":"2024-05-10"}"#, expect: 201)
                // The year's ratings, imported from the school's file by code (the CLI).
                for (id, code) in [(han, "AP001"), (lan, "AP002")] {
                    _ = try await send(.patch, "/v1/people/\(id)", f.admin, #"{"code":"\#(code)"}"#)
                }
                let ratings = FileManager.default.temporaryDirectory.appending(path: "ratings-\(UUID().uuidString).csv")
                try "person,period,rating,months_worked\nAP001,2024,good,12\nAP002,2024,excellent,12\n".write(
                    to: ratings, atomically: true, encoding: .utf8)
                defer { try? FileManager.default.removeItem(at: ratings) }
                let imported = try cli.run("import", "ratings", ratings.path)
                #expect(imported.status == 0, "\(imported.stderr)")

                // May: the tổ's bình xét, then the nominations (a CSTĐ's báo cáo thành tích first).
                _ = try await send(
                    .post, movement + "/team-reviews", f.admin,
                    """
                    {"unitId":"\(f.collective.id)","heldOn":"2024-05-15","startsAt":"15:30","endsAt":"17:00","place":"Phòng họp tổ",
                     "chairId":"\(lan)","secretaryId":"\(han)","absences":[],
                     "votes":[{"personId":"\(han)","title":"LDTT","agree":2},{"personId":"\(lan)","title":"CSTD_CS","agree":2}]}
                    """, expect: 201)
                var ids: [String: String] = [:]
                for (key, person, award) in [("hanLDTT", han, "LDTT"), ("lanLDTT", lan, "LDTT"), ("lanCSTD", lan, "CSTD_CS")] {
                    let created = try await send(
                        .post, "/v1/nominations", f.union,
                        #"{"movementId":"\#(f.movement.id)","award":"\#(award)","nominee":{"personId":"\#(person)"},"achievements":"Hoàn thành xuất sắc nhiệm vụ"}"#,
                        expect: 201)
                    ids[key] = created["id"]?.string ?? ""
                }
                let cstd = "/v1/nominations/\(ids["lanCSTD"] ?? "")"
                _ = try await send(
                    .put, cstd + "/achievement-report", f.union,
                    #"{"profile":"Giáo viên tiểu học","duties":"Tổ trưởng tổ khối 1","achievements":"Lớp dẫn đầu khối","measures":""}"#)
                for id in ids.values { _ = try await send(.post, "/v1/nominations/\(id)/submit", f.union) }
                for (id, reviewers) in [(ids["hanLDTT"], [0, 1, 2]), (ids["lanLDTT"], [1, 2]), (ids["lanCSTD"], [1, 2])] {
                    for member in reviewers {
                        _ = try await send(
                            .post, "/v1/nominations/\(id ?? "")/reviews", f.council[member].token,
                            #"{"scores":{"KQ":35,"LT":50},"vote":"agree"}"#, expect: 201)
                    }
                }
                _ = try await send(
                    .post, movement + "/council-meeting", f.council[2].token,
                    #"{"heldOn":"2024-05-20","startsAt":"14:00","endsAt":"16:30","place":"Phòng họp","chairId":"\#(phuc)","secretaryId":"\#(muoi)"}"#,
                    expect: 201)
                _ = try await send(
                    .post, movement + "/council-meeting/ballots", f.council[2].token,
                    #"{"nominationId":"\#(ids["lanCSTD"] ?? "")","issued":3,"returned":3,"valid":3,"agree":2}"#)
                for id in ids.values {
                    _ = try await send(.post, "/v1/nominations/\(id)/recommendation", f.headmaster, #"{"recommended":true}"#)
                }
                // Posted for three days, then the head's decision and the file sent to the district.
                _ = try await send(
                    .post, movement + "/postings", f.headmaster, #"{"postedOn":"2024-05-21","days":3,"place":"Bảng tin phòng giáo viên"}"#,
                    expect: 201)
                _ = try await send(
                    .post, "/v1/decisions", f.headmaster,
                    #"{"number":"15/QĐ-THAP","date":"2024-05-27","nominationIds":["\#(ids["hanLDTT"] ?? "")","\#(ids["lanLDTT"] ?? "")"]}"#,
                    expect: 201)
                _ = try await send(
                    .post, cstd + "/approve", f.headmaster,
                    #"{"submissionNumber":"18/TTr-THAP","submissionDate":"2024-05-28","addressee":"Hội đồng Thi đua - Khen thưởng huyện"}"#,
                    expect: 202)
                _ = try await send(
                    .post, cstd + "/answer", f.headmaster,
                    #"{"outcome":"approved","issuer":"UBND huyện Tân Hồng","decisionNumber":"1520/QĐ-UBND","decisionDate":"2024-06-25"}"#,
                    expect: 201)
                // July: the union's own Giấy khen, from the union's decision.
                _ = try await send(
                    .post, "/v1/outside-commendations", f.union,
                    #"{"nominee":{"personId":"\#(han)"},"award":"CDGD_GK","period":"2024","decisionNumber":"28/QĐ-CĐGD","decisionDate":"2024-07-15"}"#,
                    expect: 201)
            }
            try Self.papers(cli, movement: f.movement.id.description)
        }
    }

    /// Each paper of the year from the command line, with the figures the walk above produced.
    static func papers(_ cli: CLIRunner, movement: String) throws {
        func printed(_ arguments: String..., has phrases: [String]) throws {
            let result = try cli.run(arguments)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            for phrase in phrases { #expect(result.stdout.contains(phrase), "\(arguments): \(phrase)\n\(result.stdout)") }
        }
        try printed(
            "report", "registrations", "--movement", movement, "--format", "md", "--date", "2024-12-31",
            has: [
                // No place set for the school's papers: the date line starts with "Ngày", without a stray comma.
                "*Ngày 31 tháng 12 năm 2024*",
                "| Nguyễn Thị Ngọc Hân | Giáo viên | Tổ chuyên môn khối 1 | Lao động tiên tiến |  |  | Lao động tiên tiến |",
                "| Chiến sĩ thi đua cơ sở |  | Trò chơi ghép vần | Chiến sĩ thi đua cơ sở; Lao động tiên tiến |",
                "| Tổ chuyên môn khối 1 |  | Trường Tiểu học An Phước | Tập thể lao động tiên tiến |  |  | Chưa có |",
                "- Lao động tiên tiến: 1 đăng ký, 1 đạt.", "- Chiến sĩ thi đua cơ sở: 1 đăng ký, 1 đạt.",
                "- Tập thể lao động tiên tiến: 1 đăng ký, 0 đạt.",
            ])
        try printed(
            "report", "team-minutes", "--movement", movement, "--unit", "THAP-K1", "--format", "md",
            has: [
                "Thành viên có mặt: 2/2", "| Phạm Thị Lan | Giáo viên | Chiến sĩ thi đua cơ sở | 2/2 | 100,00% | Đề nghị |",
                "| Nguyễn Thị Ngọc Hân | Giáo viên | Lao động tiên tiến | 2/2 | 100,00% | Đề nghị |",
            ])
        try printed(
            "report", "council-minutes", "--movement", movement, "--format", "md",
            has: [
                "Thành viên có mặt: 3/3", "| 3/3 | 100,00% | Đề nghị |", "| 2/3 | 66,67% | Đề nghị |",
                "số phiếu phát ra 3, thu về 3, hợp lệ 3, đồng ý 2",
            ])
        try printed(
            "report", "submission", "--number", "18/TTr-THAP", "--year", "2024", "--format", "md",
            has: [
                "Có (viết trong thidua)", "Có (họp ngày 20/05/2024)", "Có (Trò chơi ghép vần — Quyết định số 12/QĐ-THAP, cấp cơ sở)",
                "Có (ngày 20/01/2024)", "Được duyệt: Chiến sĩ thi đua cơ sở (số 1520/QĐ-UBND ngày 25/06/2024 của UBND huyện Tân Hồng)",
                "Hồ sơ đã đủ.",
            ])
        try printed("report", "posting", "--movement", movement, "--format", "md", has: ["21/05/2024", "Bảng tin phòng giáo viên"])
        try printed("outside", "list", "--period", "2024", has: ["Nguyễn Thị Ngọc Hân", "28/QĐ-CĐGD ngày 15/07/2024", "300.000"])
        try printed(
            "initiative", "list", "--period", "2024", has: ["Phạm Thị Lan\tTrò chơi ghép vần\t2024\tđược công nhận\t88/100\tcấp cơ sở"])
    }
}
