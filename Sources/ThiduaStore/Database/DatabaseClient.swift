import Logging
import PostgresNIO
import ServiceLifecycle
import Synchronization

/// The PostgreSQL connection pool the repositories use, kept usable through a database outage (security review, "a
/// database crash under load").
///
/// PostgresNIO's pool waits for a connection when the server is gone, backing off for up to a minute, and does not say
/// so. When `serve` runs it (`DatabaseClient(configuration:logger:)`, a `Service`), this client watches instead: a
/// query that loses its connection, or a failed check made every second, leads to one fresh connection attempt. If
/// that fails too — at once after a lost connection, at the second failed check in a row when there are only timeouts
/// (a starved machine is not a dead database) — the database is *down*: every call fails at once with
/// `StoreErrorMapping.unavailable` (503 at the edge)
/// and the old pool is shut down, which releases the requests waiting on it. Every half second a fresh pool tries
/// again; the first that answers replaces the old one, so the API serves again within a second of the database.
///
/// `DatabaseClient(client)` wraps a pool its caller runs (the command line, the tests): no watching, no replacing.
public final class DatabaseClient: Sendable {
    private let state: Mutex<State>
    private let supervision: Supervision?
    private let nudged = Atomic<Bool>(false)
    private let failedRoutineChecks = Atomic<Int>(0)
    /// Whether the hot statements are prepared on each connection (off behind PgBouncer in transaction mode).
    public let preparedStatements: Bool
    /// For a streaming replica's client: the primary whose writes a read here must see (`DatabaseClient+Replica.swift`).
    let primary: DatabaseClient?
    /// How long a read waits for the replica to catch up before the primary answers it.
    let replicaPatience: Duration

    struct State {
        /// The pool in use; `nil` while the database is down.
        var pool: Pool?
    }

    struct Supervision {
        let configuration: PostgresClient.Configuration
        let logger: Logger
        let checkEvery: Duration
        let downRetryEvery: Duration
        let pingTimeout: Duration
        let freshTimeout: Duration
    }

    /// A pool this client runs (`serve`): watched and replaced after an outage. Start it with `run()`.
    public init(
        configuration: PostgresClient.Configuration, logger: Logger, checkEvery: Duration = .seconds(1),
        downRetryEvery: Duration = .milliseconds(500), pingTimeout: Duration = .seconds(2), freshTimeout: Duration = .seconds(1),
        preparedStatements: Bool = true, readsAfter primary: DatabaseClient? = nil, replicaPatience: Duration = .seconds(1)
    ) {
        self.preparedStatements = preparedStatements
        self.primary = primary
        self.replicaPatience = replicaPatience
        let configuration = configuration.inVietnamTime
        let supervision = Supervision(
            configuration: configuration, logger: logger, checkEvery: checkEvery, downRetryEvery: downRetryEvery,
            pingTimeout: pingTimeout, freshTimeout: freshTimeout)
        self.supervision = supervision
        self.state = Mutex(State(pool: Pool(PostgresClient(configuration: configuration, backgroundLogger: logger))))
    }

    /// A pool its caller runs (`PostgresClient.withRunning`).
    public init(_ client: PostgresClient, preparedStatements: Bool = true) {
        self.preparedStatements = preparedStatements
        self.primary = nil
        self.replicaPatience = .zero
        self.supervision = nil
        self.state = Mutex(State(pool: Pool(client)))
    }

    /// Whether the last check found the database unreachable (every call then fails at once).
    public var isDown: Bool { state.withLock { $0.pool == nil } }

    /// Connections leased right now by this process's requests (a gauge for `/metrics`).
    public var leased: Int { state.withLock { $0.pool?.leased.load(ordering: .relaxed) ?? 0 } }

    /// Runs `body` with one connection from the pool; fails at once while the database is down. A replica's client
    /// runs it on the replica once it has replayed the primary's writes, else on the primary.
    public func withConnection<Result>(_ body: (PostgresConnection) async throws -> Result) async throws -> Result {
        if let primary { return try await withFreshReplica(after: primary, body) }
        return try await withOwnConnection(body)
    }

    /// Runs `body` with one connection from this client's own pool.
    func withOwnConnection<Result>(_ body: (PostgresConnection) async throws -> Result) async throws -> Result {
        let pool = try current()
        pool.leased.add(1, ordering: .relaxed)
        defer { pool.leased.subtract(1, ordering: .relaxed) }
        do {
            return try await pool.client.withConnection { connection in
                // The pool can lend a connection whose server has just gone (see `PostgresConnection.send`).
                guard !connection.isClosed else { throw StoreErrorMapping.unavailable }
                return try await body(connection)
            }
        } catch {
            if StoreErrorMapping.isDatabaseUnavailable(error) { nudged.store(true, ordering: .relaxed) }
            throw error
        }
    }

    /// Runs one statement on a connection the pool picks (tools and tests; repositories use `rows`, which refuses a
    /// closed connection).
    public func query(_ query: PostgresQuery, logger: Logger) async throws -> PostgresRowSequence {
        let pool = try current()
        do {
            return try await pool.client.query(query, logger: logger)
        } catch {
            if StoreErrorMapping.isDatabaseUnavailable(error) { nudged.store(true, ordering: .relaxed) }
            throw error
        }
    }

    private func current() throws -> Pool {
        guard let pool = state.withLock({ $0.pool }) else { throw StoreErrorMapping.unavailable }
        return pool
    }
}

extension DatabaseClient {
    /// One running PostgresNIO pool and the count of connections leased from it.
    final class Pool: Sendable {
        let client: PostgresClient
        let leased = Atomic<Int>(0)
        private let task = Mutex<Task<Void, Never>?>(nil)

        init(_ client: PostgresClient) { self.client = client }

        /// Starts the pool's run() at once (`Task.immediate`): it has begun by the time this returns, so a query made right
        /// after does not find it not yet running (PostgresNIO logged a warning at every start of the CLI and serve).
        func start() {
            let client = self.client
            let running = Task.immediate { await client.run() }
            task.withLock { $0 = running }
        }

        /// Shuts the pool down: requests waiting for a connection fail with "pool shut down" (a 503), connections close.
        /// Waits at most `patience` for the pool to finish, so a pool stuck closing cannot hold up `serve`'s shutdown.
        func stop(patience: Duration = .seconds(3)) async {
            let running = task.withLock { task -> Task<Void, Never>? in
                defer { task = nil }
                return task
            }
            guard let running else { return }
            running.cancel()
            _ = await firstAnswer(within: patience, orElse: false) {
                await running.value
                return true
            }
        }

        /// Stops the pool once the requests using it are done (at most `patience` later): used when a fresh pool
        /// replaces one that still works, so no request in flight is cut off.
        func retire(patience: Duration = .seconds(30)) {
            Task {
                let clock = ContinuousClock()
                let deadline = clock.now.advanced(by: patience)
                while leased.load(ordering: .relaxed) > 0, clock.now < deadline { try? await Task.sleep(for: .milliseconds(100)) }
                await stop()
            }
        }
    }
}

extension DatabaseClient: Service {
    /// Runs the pool and watches the database until the service group shuts down; a wrapped pool is not run here.
    public func run() async throws {
        guard let supervision else { return }
        state.withLock { $0.pool }?.start()
        await cancelWhenGracefulShutdown { await self.watch(supervision) }
        await state.withLock { state -> Pool? in
            defer { state.pool = nil }
            return state.pool
        }?.stop()
    }

    private func watch(_ supervision: Supervision) async {
        while !Task.isCancelled {
            let wait = isDown ? supervision.downRetryEvery : supervision.checkEvery
            var wasNudged = false
            for _ in 0..<max(1, Int(wait / .milliseconds(50))) {
                wasNudged = nudged.exchange(false, ordering: .relaxed)
                if wasNudged { break }
                try? await Task.sleep(for: .milliseconds(50))
            }
            guard !Task.isCancelled else { return }
            await check(supervision, afterLostConnection: wasNudged)
        }
    }

    /// Keeps the pool in use if it answers; otherwise a fresh pool replaces it if that answers, and if neither does the
    /// database is down. The routine check gives the pool in use a longer time (a busy pool is not a dead one) before
    /// a fresh pool is tried; after a lost connection both are asked at once, with the shorter time.
    private func check(_ supervision: Supervision, afterLostConnection: Bool) async {
        let logger = supervision.logger
        let old = state.withLock { $0.pool }
        if !afterLostConnection, let old, await Self.answers(old.client, within: supervision.pingTimeout, logger: logger) {
            failedRoutineChecks.store(0, ordering: .relaxed)
            return
        }
        let fresh = Pool(PostgresClient(configuration: supervision.configuration, backgroundLogger: logger))
        fresh.start()
        // After a lost connection the pool in use is asked again beside the fresh one (the routine check asked it above).
        let oldClient = afterLostConnection ? old?.client : nil
        async let oldAnswers = Self.answers(oldClient, within: supervision.freshTimeout, logger: logger)
        async let freshAnswers = Self.answers(fresh.client, within: supervision.freshTimeout, logger: logger)
        let (keepOld, useFresh) = await (oldAnswers, freshAnswers)
        if keepOld {
            await fresh.stop()
        } else if useFresh {
            failedRoutineChecks.store(0, ordering: .relaxed)
            state.withLock { $0.pool = fresh }
            if let old {
                old.retire()
            } else {
                logger.notice("database reachable again; serving requests")
            }
        } else {
            await fresh.stop()
            guard let old else { return }
            // Timeouts alone can come from a starved machine rather than a dead database: without a lost connection to
            // show for it, only the second failed routine check in a row marks the database down.
            let strikes = afterLostConnection ? 2 : failedRoutineChecks.add(1, ordering: .relaxed).newValue
            guard strikes >= 2 else { return }
            failedRoutineChecks.store(0, ordering: .relaxed)
            logger.error("database unreachable; answering 503 until it is back")
            state.withLock { $0.pool = nil }
            await old.stop()
        }
    }

    /// Whether `SELECT 1` comes back within `timeout` (no pool: no).
    static func answers(_ client: PostgresClient?, within timeout: Duration, logger: Logger) async -> Bool {
        guard let client else { return false }
        return await firstAnswer(within: timeout, orElse: false) { (try? await client.query("SELECT 1", logger: logger)) != nil }
    }
}

/// `work`'s result if it comes within `timeout`, else `fallback`. The work runs in a task of its own and is left to
/// finish by itself: a lease from a pool that cannot connect ignores cancellation for seconds, and a task group would
/// wait for it. Used for the watcher's checks, a pool's shutdown and `/health`.
public func firstAnswer<Value: Sendable>(
    within timeout: Duration, orElse fallback: Value, _ work: @escaping @Sendable () async -> Value
) async -> Value {
    await withCheckedContinuation { continuation in
        let answer = FirstAnswer(continuation)
        Task { answer.give(await work()) }
        Task {
            try? await Task.sleep(for: timeout)
            answer.give(fallback)
        }
    }
}

/// Resumes a continuation once, with whichever answer comes first.
private final class FirstAnswer<Value: Sendable>: Sendable {
    private let continuation: Mutex<CheckedContinuation<Value, Never>?>

    init(_ continuation: CheckedContinuation<Value, Never>) { self.continuation = Mutex(continuation) }

    func give(_ value: Value) {
        let waiting = continuation.withLock { stored -> CheckedContinuation<Value, Never>? in
            defer { stored = nil }
            return stored
        }
        waiting?.resume(returning: value)
    }
}
