import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import ThiduaCore
import ThiduaServer
import ThiduaStore
import ThiduaTestSupport

/// Failover by hand (issue "One thidua for a whole district"; production does the same with Patroni, see the README):
/// a synchronous standby, the primary killed while four clients write, the standby promoted, thidua pointed at it.
@Suite("Failover to a synchronous standby")
struct FailoverTests {
    actor Acknowledged {
        var numbers: [String] = []
        func add(_ number: String) { numbers.append(number) }
        var count: Int { numbers.count }
    }

    @Test(
        "The primary killed during writes, the standby promoted: every acknowledged write is there, the audit chain is intact, thidua writes on"
    )
    func failover() async throws {
        try await ReplicatedClusters.with(synchronous: true) { primary, standby in
            let acknowledged = Acknowledged()
            let token = try await DatabaseClient.withRunning(primary.configuration, logger: primary.logger) { client in
                let f = try await RegistryFixture.make(Seed(client: client, logger: primary.logger))
                let app = try await buildApplication(primary.serverConfiguration, logger: primary.logger)
                try await app.test(.router) { api in
                    try await withThrowingTaskGroup(of: Void.self) { group in
                        for writer in 1...4 {
                            group.addTask {
                                for index in 1...500 {
                                    let number = "\(writer)-\(index)/KH-THAP"
                                    let body = """
                                        {"number":"\(number)","date":"2024-04-09","issuer":"Trường Tiểu học A","title":"Kế hoạch \(number)"}
                                        """
                                    let response = try await api.send(.post, "/v1/documents", token: f.headmaster, json: body)
                                    guard response.status == 201 else { return }
                                    await acknowledged.add(number)
                                }
                            }
                        }
                        group.addTask {
                            while await acknowledged.count < 40 { try await Task.sleep(for: .milliseconds(5)) }
                            try await primary.cluster.killAtOnce()
                        }
                        try await group.waitForAll()
                    }
                }
                return f.headmaster
            }
            let numbers = await acknowledged.numbers
            #expect(numbers.count >= 40 && numbers.count < 2000, "the primary died while the clients wrote")

            try await standby.cluster.promote()
            try await DatabaseClient.withRunning(standby.configuration, logger: standby.logger) { client in
                var stored = Set<String>()
                for try await number in try await client.query("SELECT number FROM legal_documents", logger: standby.logger).decode(
                    String.self)
                {
                    stored.insert(number)
                }
                #expect(Set(numbers).subtracting(stored).isEmpty, "acknowledged but lost: \(Set(numbers).subtracting(stored).sorted())")
                #expect(try await AuditLog(client: client).verify(logger: standby.logger).problems.isEmpty)
            }
            let app = try await buildApplication(standby.serverConfiguration, logger: standby.logger)
            try await app.test(.router) { api in
                let body = #"{"number":"99/KH-THAP","date":"2024-04-10","issuer":"Trường Tiểu học A","title":"Sau sự cố"}"#
                let created = try await api.send(.post, "/v1/documents", token: token, json: body)
                #expect(created.status == 201)
            }
        }
    }
}
