import Logging
import PostgresNIO

extension PostgresClient {
    /// Runs `body` in one transaction on one leased connection; rolls back and rethrows the original error on failure.
    ///
    /// PostgresNIO's own `withTransaction` wraps errors in `PostgresTransactionError`; repositories need the
    /// underlying `PSQLError` to map constraint names, so this helper keeps it.
    func transaction<Result: Sendable>(
        logger: Logger, _ body: (PostgresConnection) async throws -> Result
    ) async throws -> Result {
        try await withConnection { connection in
            try await connection.query("BEGIN", logger: logger)
            do {
                let result = try await body(connection)
                try await connection.query("COMMIT", logger: logger)
                return result
            } catch {
                _ = try? await connection.query("ROLLBACK", logger: logger)
                throw StoreErrorMapping.map(error)
            }
        }
    }
}

extension PostgresConnection {
    /// Runs one statement and collects its rows; PostgreSQL's refusals come back as `DomainError`s where known.
    @discardableResult
    func rows(_ query: PostgresQuery, logger: Logger) async throws -> [PostgresRow] {
        do {
            return try await self.query(query, logger: logger).collect()
        } catch {
            throw StoreErrorMapping.map(error)
        }
    }
}

extension PostgresClient {
    /// Runs one statement outside a transaction and collects its rows, mapping refusals like `PostgresConnection.rows`.
    @discardableResult
    func rows(_ query: PostgresQuery, logger: Logger) async throws -> [PostgresRow] {
        do {
            return try await self.query(query, logger: logger).collect()
        } catch {
            throw StoreErrorMapping.map(error)
        }
    }
}
