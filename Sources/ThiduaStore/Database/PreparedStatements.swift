import Logging
import PostgresNIO

/// The statements every request runs (the token check, reading one record) are prepared once per connection: PostgreSQL
/// then parses and plans them once, and each request only binds (issue "Performance": the unprepared floor is a quarter
/// of the prepared one). PgBouncer in transaction mode cannot carry prepared statements, so `serve
/// --no-prepared-statements` sends the same SQL unprepared; both paths decode the same rows.
extension PostgresConnection {
    func rows<Statement: PostgresPreparedStatement>(_ statement: Statement, prepared: Bool, logger: Logger) async throws
        -> [Statement.Row]
    {
        guard !isClosed else { throw StoreErrorMapping.unavailable }
        do {
            if prepared {
                var rows: [Statement.Row] = []
                for try await row in try await execute(statement, logger: logger) { rows.append(row) }
                return rows
            }
            let query = PostgresQuery(unsafeSQL: Statement.sql, binds: try statement.makeBindings())
            return try await self.query(query, logger: logger).collect().map(statement.decodeRow)
        } catch {
            throw StoreErrorMapping.map(error)
        }
    }
}

extension DatabaseClient {
    /// Runs one hot statement on a pooled connection, prepared unless the client was made with `preparedStatements: false`.
    func rows<Statement: PostgresPreparedStatement>(_ statement: Statement, logger: Logger) async throws -> [Statement.Row] {
        let prepared = preparedStatements
        do {
            return try await withConnection { try await $0.rows(statement, prepared: prepared, logger: logger) }
        } catch {
            throw StoreErrorMapping.map(error)
        }
    }
}
