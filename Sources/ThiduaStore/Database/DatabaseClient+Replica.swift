import Logging
import PostgresNIO

/// Reads from a streaming replica (`serve --read-database-url`, issue "One thidua for a whole district").
///
/// A replica replays the primary's WAL a little later. So that nobody reads a page older than what they just did, each
/// read sent to the replica first asks the primary for its WAL position (`pg_current_wal_lsn()`, no table touched)
/// and runs on the replica only once the replica has replayed up to it (`pg_last_wal_replay_lsn()`), waiting at most
/// `replicaPatience`. A read therefore sees every write acknowledged before it began — the user's own and everyone
/// else's — on whichever instance it lands. A replica further behind, one that is not a standby (promoted), or one that
/// cannot be reached: the primary answers, and the log says why.
extension DatabaseClient {
    private enum ReplicaRead<Value> {
        case done(Value)
        case behind(String)
    }

    func withFreshReplica<Result>(after primary: DatabaseClient, _ body: (PostgresConnection) async throws -> Result) async throws
        -> Result
    {
        let logger = Logger(label: "thidua.replica")
        let position = try await primary.rows("SELECT pg_current_wal_lsn()::text", logger: logger).first?.decode(String.self)
        guard let position else { return try await primary.withOwnConnection(body) }
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: replicaPatience)
        var started = false
        let outcome: ReplicaRead<Result>
        do {
            outcome = try await withOwnConnection { connection -> ReplicaRead<Result> in
                while true {
                    let replayed = try await connection.send(
                        "SELECT pg_last_wal_replay_lsn() >= \(position)::pg_lsn", logger: logger
                    ).collect().first?.decode(Bool?.self)
                    guard let replayed else { return .behind("the replica is not a standby") }
                    if replayed {
                        started = true
                        return .done(try await body(connection))
                    }
                    if clock.now >= deadline { return .behind("the replica is more than \(replicaPatience) behind") }
                    try await Task.sleep(for: .milliseconds(5))
                }
            }
        } catch  where !started && StoreErrorMapping.isDatabaseUnavailable(error) {
            outcome = .behind("the replica cannot be reached")
        }
        switch outcome {
        case .done(let value):
            return value
        case .behind(let reason):
            logger.notice("read from the primary", metadata: ["reason": "\(reason)", "position": "\(position)"])
            return try await primary.withOwnConnection(body)
        }
    }
}
