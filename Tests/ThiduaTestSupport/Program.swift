import Foundation

/// Runs a program to its end and keeps what it printed: the checkers the tests call (python3 with PyYAML or
/// openpyxl, the OpenAPI validator, psql, curl). The `thidua` binary itself goes through the CLI tests' `CLIRunner`.
public enum Program {
    public struct Outcome: Sendable {
        public let status: Int32
        public let output: Data
        public var text: String { String(decoding: output, as: UTF8.self) }
    }

    /// `errorsToo` sends standard error into the same output (for a message to show when a check fails).
    public static func run(
        _ executable: String, _ arguments: [String], environment: [String: String]? = nil, errorsToo: Bool = false
    ) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment { process.environment = environment }
        let pipe = Pipe()
        process.standardOutput = pipe
        if errorsToo { process.standardError = pipe }
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, output: output)
    }

    /// Runs a Python snippet with `python3 -c` and reads what it prints as JSON.
    public static func python(_ script: String, _ arguments: [String], failure: String) throws -> JSONValue {
        let outcome = try run("/usr/bin/env", ["python3", "-c", script] + arguments)
        guard outcome.status == 0 else { throw ProgramFailed(description: failure) }
        return try JSONDecoder().decode(JSONValue.self, from: outcome.output)
    }

    /// A YAML file as JSON, read by PyYAML (installed by scripts/setup).
    public static func yaml(_ file: URL) throws -> JSONValue {
        try python(
            "import json,sys,yaml; print(json.dumps(yaml.safe_load(open(sys.argv[1]))))", [file.path],
            failure: "\(file.lastPathComponent) must parse as YAML (PyYAML comes from scripts/setup)")
    }

    /// A checker program that exited non-zero; the description says what that means for the test.
    public struct ProgramFailed: Error, CustomStringConvertible {
        public let description: String
    }
}
