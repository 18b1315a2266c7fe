import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import ThiduaCore
import ThiduaServer
import ThiduaTestSupport

/// The demo's revocation decision 03/QĐ-THAP (issue "Documents": a revocation produces its own decision): the golden
/// HTML and Markdown from the CLI, the same bytes from the API for the registry's roles and none for a teacher.
@Suite("The revocation decision's golden files")
struct RevocationGoldenTests {
    @Test("03/QĐ-THAP prints as the golden HTML and Markdown from CLI and API; a teacher may not read it; an unknown number is said")
    func revocationDocument() async throws {
        try await TestDatabase.with { database, client in
            let cli = CLIRunner(databaseURL: database.url)
            #expect(try cli.run("demo", "--force").status == 0)
            let seed = Seed(client: client, logger: database.logger)
            let union = try await seed.account(.union).token
            let staff = try await seed.account(.staff).token
            let id = try await client.query(
                "SELECT commendation_id FROM commendation_revocations WHERE decision_number = '03/QĐ-THAP'", logger: database.logger
            ).collect().first?.decode(UUID.self)
            let path = "/v1/commendations/\(try #require(id).uuidString.lowercased())/revocation"
            let app = try await buildApplication(
                ServerConfiguration(database: database.configuration, databaseDescription: "test"), logger: database.logger)
            try await app.test(.router) { api in
                for format in ["html", "md"] {
                    let printed = try cli.run("report", "revocation", "03/QĐ-THAP", "--format", format)
                    #expect(printed.status == 0, "\(printed.stderr)")
                    let file = HonorListGoldenTests.folder.appending(path: "revocation-03.\(format)")
                    if ProcessInfo.processInfo.environment["THIDUA_UPDATE_GOLDEN"] == "1" { try Data(printed.stdout.utf8).write(to: file) }
                    #expect(Data(printed.stdout.utf8) == (try Data(contentsOf: file)))
                    for phrase in [
                        "Số: 03/QĐ-THAP", "Tân Hồng, ngày 10 tháng 01 năm 2025",
                        "Về việc hủy bỏ Quyết định khen thưởng số 45/QĐ-THAP ngày 20/12/2024 đối với",
                        "Lý do: Phát hiện vi phạm quy định về dạy thêm trong năm 2024", "Bằng chữ:", "HIỆU TRƯỞNG", "Trần Văn Minh",
                    ] {
                        #expect(printed.stdout.contains(phrase), "\(format): \(phrase)")
                    }
                    let fromAPI = try await api.execute(uri: "\(path)?format=\(format)", method: .get, headers: Seed.headers(union)) {
                        ($0.status, Data($0.body.readableBytesView))
                    }
                    #expect(fromAPI.0 == .ok && fromAPI.1 == Data(printed.stdout.utf8))
                }
                let teacher = try await api.execute(uri: path, method: .get, headers: Seed.headers(staff)) { $0.status }
                #expect(teacher == .forbidden)
                let badFormat = try await api.execute(uri: "\(path)?format=pdf", method: .get, headers: Seed.headers(union)) { $0.status }
                #expect(badFormat == .unprocessableContent)
            }
            let unknown = try cli.run("report", "revocation", "99/QĐ-THAP")
            #expect(unknown.status != 0 && unknown.stderr.contains("quyết định thu hồi \"99/QĐ-THAP\""), "\(unknown.stderr)")
        }
    }
}
