import Foundation
import Testing

/// Runs the built `thidua` binary as a user would, with its own environment, and captures what it prints.
struct CLIRunner {
    struct Outcome {
        let status: Int32
        let stdout: String
        let stderr: String
        var lastLine: String { stdout.split(separator: "\n").last.map(String.init) ?? "" }
    }

    /// The `thidua` executable built next to the test bundle (`swift build --build-tests` builds both).
    static var binary: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appending(path: "thidua")
    }

    var environment: [String: String]

    init(databaseURL: String?, extra: [String: String] = [:]) {
        var environment = ProcessInfo.processInfo.environment
        environment["DATABASE_URL"] = databaseURL
        environment.merge(extra) { _, new in new }
        self.environment = environment
    }

    func run(_ arguments: String..., in directory: URL? = nil) throws -> Outcome {
        try run(arguments, in: directory)
    }

    func run(_ arguments: [String], in directory: URL? = nil) throws -> Outcome {
        let binary = Self.binary
        try #require(FileManager.default.isExecutableFile(atPath: binary.path), "build the CLI first: swift build --build-tests")
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.environment = environment
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }
}

/// Writes a temporary file for a command to read.
func temporaryFile(_ contents: String, bom: Bool = false) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appending(path: "thidua-\(UUID().uuidString).csv")
    try ((bom ? Data([0xEF, 0xBB, 0xBF]) : Data()) + Data(contents.utf8)).write(to: url)
    return url
}

/// The text of a file the CLI keeps secrets in (demo tokens and passwords), which only its owner may read (0600).
func privateFileText(_ file: URL, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
    let mode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
    #expect(mode == 0o600, "\(file.lastPathComponent) must be readable by its owner only", sourceLocation: sourceLocation)
    return try String(contentsOf: file, encoding: .utf8)
}
