import PostgresNIO
import Testing

/// Expects PostgreSQL to refuse what `body` does by the named constraint (`people_name_parts_match`, …). A refusal for
/// another reason (a missing column, a syntax error, another constraint) fails the test and says what fired instead.
public func expectConstraint(
    _ name: String, sourceLocation: SourceLocation = #_sourceLocation, _ body: () async throws -> Void
) async {
    await expectRefusal(sourceLocation: sourceLocation, body) { info in
        info.constraint == name ? nil : "expected constraint \(name)"
    }
}

/// Expects a refusal raised by a trigger or a rule (no constraint name): its SQLSTATE and a part of its message.
public func expectRefusal(
    sqlState: String, containing text: String, sourceLocation: SourceLocation = #_sourceLocation, _ body: () async throws -> Void
) async {
    await expectRefusal(sourceLocation: sourceLocation, body) { info in
        info.sqlState == sqlState && (text.isEmpty || info.message.contains(text)) ? nil : "expected SQLSTATE \(sqlState) with \"\(text)\""
    }
}

/// What PostgreSQL said when it refused a statement.
public struct Refusal: Sendable {
    public let sqlState: String
    public let constraint: String
    public let message: String
}

private func expectRefusal(
    sourceLocation: SourceLocation, _ body: () async throws -> Void, _ mismatch: (Refusal) -> String?
) async {
    do {
        try await body()
        Issue.record("PostgreSQL accepted a statement it should refuse", sourceLocation: sourceLocation)
    } catch let error as PSQLError {
        let info = Refusal(
            sqlState: error.serverInfo?[.sqlState] ?? "", constraint: error.serverInfo?[.constraintName] ?? "",
            message: error.serverInfo?[.message] ?? "")
        if let expected = mismatch(info) {
            Issue.record(
                "\(expected); PostgreSQL refused with SQLSTATE \(info.sqlState), constraint \"\(info.constraint)\": \(info.message)",
                sourceLocation: sourceLocation)
        }
    } catch {
        Issue.record("expected a PostgreSQL refusal, got \(String(reflecting: error))", sourceLocation: sourceLocation)
    }
}
