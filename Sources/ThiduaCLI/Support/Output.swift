import ArgumentParser
import Foundation

/// Writes a report to `-o FILE`, or to standard output.
func emit(_ data: Data, to output: String?) throws {
    if let output {
        try data.write(to: URL(fileURLWithPath: output))
    } else {
        FileHandle.standardOutput.write(data)
    }
}

/// Where a streamed report goes: standard output, or a file that appears only when the report is complete
/// (written beside it under a temporary name, then renamed), so a failed export leaves no half file.
final class OutputFile: @unchecked Sendable {
    private let handle: FileHandle
    private let path: String?
    private let temporary: String?

    init(_ path: String?) throws {
        self.path = path
        guard let path else {
            handle = .standardOutput
            temporary = nil
            return
        }
        let temporary = path + ".part"
        guard FileManager.default.createFile(atPath: temporary, contents: nil) else {
            throw ValidationError("Cannot write \(path): the folder does not exist or is not writable.")
        }
        self.temporary = temporary
        handle = try FileHandle(forWritingTo: URL(fileURLWithPath: temporary))
    }

    /// A reader that stops early (`| head`) closes standard output: stop quietly with the shell's SIGPIPE status.
    func write(_ data: Data) throws {
        do {
            try handle.write(contentsOf: data)
        } catch  where path == nil {
            throw ExitCode(141)
        }
    }

    func commit() throws {
        guard let path, let temporary else { return }
        try handle.close()
        _ = try? FileManager.default.removeItem(atPath: path)
        try FileManager.default.moveItem(atPath: temporary, toPath: path)
    }

    deinit {
        if let temporary, FileManager.default.fileExists(atPath: temporary) {
            try? handle.close()
            try? FileManager.default.removeItem(atPath: temporary)
        }
    }
}

/// "Đã ghi 25000 dòng…" on one line of a terminal, rewritten in place; silent when stderr is not a terminal.
final class ProgressLine: @unchecked Sendable {
    private let noun: String
    private let interactive = isatty(STDERR_FILENO) == 1
    private var shown = false

    init(noun: String) { self.noun = noun }

    func update(_ count: Int) {
        guard interactive else { return }
        shown = true
        FileHandle.standardError.write(Data("\rĐã xử lý \(count) \(noun)…".utf8))
    }

    func finish() {
        if shown { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
