import Logging
import PostgresNIO
import ThiduaCore

extension DatabaseClient {
    /// Runs `body` in one transaction on one leased connection; rolls back and rethrows the original error on failure.
    ///
    /// PostgresNIO's own `withTransaction` wraps errors in `PostgresTransactionError`; repositories need the
    /// underlying `PSQLError` to map constraint names, so this helper keeps it.
    /// With `dryRun`, a `body` that succeeds is rolled back all the same and its result returned: what would happen, with
    /// every check the database makes, and nothing kept.
    func transaction<Result: Sendable>(
        dryRun: Bool = false, logger: Logger, _ body: (PostgresConnection) async throws -> Result
    ) async throws -> Result {
        try await withConnection { connection in
            try await connection.send("BEGIN", logger: logger)
            do {
                let result = try await body(connection)
                try await connection.send(dryRun ? "ROLLBACK" : "COMMIT", logger: logger)
                return result
            } catch {
                _ = try? await connection.send("ROLLBACK", logger: logger)
                throw StoreErrorMapping.map(error)
            }
        }
    }
}

extension PostgresConnection {
    /// Runs `body` inside a savepoint of the current transaction. A `DomainError` (a refusal) undoes only what `body`
    /// did and is returned, so the caller can go on with the next item; any other error is thrown.
    func savepoint<Value>(_ name: String, logger: Logger, _ body: () async throws -> Value) async throws -> Result<Value, DomainError> {
        try await rows("SAVEPOINT \(unescaped: name)", logger: logger)
        do {
            let value = try await body()
            try await rows("RELEASE SAVEPOINT \(unescaped: name)", logger: logger)
            return .success(value)
        } catch let refusal as DomainError {
            try await rows("ROLLBACK TO SAVEPOINT \(unescaped: name)", logger: logger)
            return .failure(refusal)
        }
    }

    /// Runs one statement and collects its rows; PostgreSQL's refusals come back as `DomainError`s where known.
    @discardableResult
    func rows(_ query: PostgresQuery, logger: Logger) async throws -> [PostgresRow] {
        do {
            return try await send(query, logger: logger).collect()
        } catch {
            throw StoreErrorMapping.map(error)
        }
    }

    /// Sends one statement, refusing at once on a connection that has already closed. PostgresNIO 1.33 hands a
    /// statement to the channel without a promise: on a closed channel it is dropped and its answer never comes, so a
    /// request would wait forever (seen when PostgreSQL was killed under load).
    func send(_ query: PostgresQuery, logger: Logger) async throws -> PostgresRowSequence {
        guard !isClosed else { throw StoreErrorMapping.unavailable }
        return try await self.query(query, logger: logger)
    }
}

extension DatabaseClient {
    /// Runs one statement outside a transaction and collects its rows, mapping refusals like `PostgresConnection.rows`.
    @discardableResult
    func rows(_ query: PostgresQuery, logger: Logger) async throws -> [PostgresRow] {
        do {
            return try await withConnection { try await $0.send(query, logger: logger).collect() }
        } catch {
            throw StoreErrorMapping.map(error)
        }
    }
}

extension DatabaseClient {
    /// One round trip to the server (`SELECT 1`): whether it answers at all.
    public func ping(logger: Logger) async throws {
        try await rows("SELECT 1", logger: logger)
    }
}

extension DatabaseClient {
    /// Runs a client for the duration of `body` and shuts it down afterwards (its connections closed). The CLI, the
    /// server's migration step and the test support all use this one helper. The shutdown waits as `serve`'s does
    /// (`Pool.stop`): at most a few seconds. Awaiting `PostgresClient.run()` without a bound stalled the test suite three
    /// times on 04/12/2026 — the failover test's client to the primary it had just killed never returned from `run()`
    /// after cancellation, nor, once, forty tests' clients after their CREATE DATABASE.
    public static func withRunning<T: Sendable>(
        _ configuration: PostgresClient.Configuration, logger: Logger, _ body: @Sendable (DatabaseClient) async throws -> T
    ) async throws -> T {
        let pool = Pool(PostgresClient(configuration: configuration.inVietnamTime, backgroundLogger: logger))
        pool.start()
        let result: Result<T, any Error>
        do {
            result = .success(try await body(DatabaseClient(pool.client)))
        } catch {
            result = .failure(error)
        }
        await pool.stop()
        return try result.get()
    }
}
