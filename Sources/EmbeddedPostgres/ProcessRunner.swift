import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Runs a program to completion, optionally as another user (via `runuser`), capturing its output.
///
/// It spawns with posix_spawn and reaps with waitpid rather than Foundation's `Process`: `pg_ctl start`
/// leaves a server behind that inherits Process's exit-watch descriptor, so Process would wait for the server.
struct ProcessRunner: Sendable {
    struct Result: Sendable {
        let status: Int32
        let output: String
    }

    /// The user to run as, or nil for the current user.
    let user: String?

    /// Runs with absolute paths only: the working directory is inherited (the server's user may not be able to enter it).
    /// `environment` is added to this process's own (e.g. `PGPASSWORD` for a client program).
    func run(_ executable: URL, _ arguments: [String], environment: [String: String] = [:], stopOnCancel: Bool = false) async throws
        -> Result
    {
        let argv = user.map { ["/usr/sbin/runuser", "-u", $0, "--", executable.path] } ?? [executable.path]
        let command = argv + arguments
        let outputURL = FileManager.default.temporaryDirectory.appending(path: "thidua-\(UUID().uuidString).out")
        defer { try? FileManager.default.removeItem(at: outputURL) }
        // With `stopOnCancel`, a cancelled task sends the program SIGTERM (a backup under way when the server is asked to
        // stop: the stop no longer waits for pg_dump to finish).
        let child = Mutex<(pid: pid_t?, cancelled: Bool)>((nil, false))
        let status = try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Int32, any Error>) in
                DispatchQueue.global().async {
                    continuation.resume(
                        with: Swift.Result<Int32, any Error> {
                            try Self.spawnAndWait(command, output: outputURL.path, environment: environment) { pid in
                                let cancelled = child.withLock {
                                    $0.pid = pid
                                    return $0.cancelled
                                }
                                if stopOnCancel, cancelled { kill(pid, SIGTERM) }
                            }
                        })
                }
            }
        } onCancel: {
            let pid = child.withLock {
                $0.cancelled = true
                return $0.pid
            }
            if stopOnCancel, let pid { kill(pid, SIGTERM) }
        }
        let output = (try? String(contentsOf: outputURL, encoding: .utf8)) ?? ""
        return Result(status: status, output: output)
    }

    /// Blocking: spawns `command` with stdout and stderr to `output` and stdin from /dev/null, then waits for it.
    private static func spawnAndWait(
        _ command: [String], output: String, environment: [String: String], spawned started: (pid_t) -> Void = { _ in }
    ) throws -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let cArguments = command.map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        var merged = ProcessInfo.processInfo.environment
        merged.merge(environment) { _, new in new }
        let cEnvironment = merged.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { cEnvironment.forEach { free($0) } }
        // The child starts with no signal blocked and the usual handlers: this process's threads block signals (the
        // server's signal handling), and a program that does not reset its mask — PgBouncer — would never see SIGTERM.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGUSR1, SIGUSR2, SIGCHLD, SIGPIPE] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, command[0], &actions, &attributes, cArguments, cEnvironment)
        guard spawned == 0 else {
            throw EmbeddedPostgresError.commandFailed(command: command[0], output: String(cString: strerror(spawned)))
        }
        started(pid)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        // WIFEXITED / WEXITSTATUS, spelled out: the macros are not imported into Swift.
        return status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }
}
