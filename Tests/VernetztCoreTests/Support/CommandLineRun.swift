import Foundation
@testable import VernetztCore
@testable import VernetztEngine
@testable import VernetztModel
@testable import VernetztServe

/// Runs the built `vernetzt` executable as a user would, capturing exit status and output.
struct CommandLineRun {
    var status: Int32
    var stdout: String
    var stderr: String

    static var executable: URL {
        // The test bundle sits in the same products folder as the executable it depends on.
        let products = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let beside = products.appendingPathComponent("vernetzt")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return TemporarySite.repoRoot.appendingPathComponent(".build/debug/vernetzt")
    }

    /// Runs a Python script (the independent parsers the tests check output with).
    init(python script: String, arguments: [String]) throws {
        try self.init(executable: URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", script] + arguments,
                      in: FileManager.default.temporaryDirectory)
    }

    /// `language`: what `VERNETZT_LANG` is set to — English unless a test checks the German
    /// (or, with nil, the site's own language).
    init(_ arguments: [String], in directory: URL, language: String? = "en") throws {
        try self.init(executable: Self.executable, arguments, in: directory, language: language)
    }

    init(executable: URL, _ arguments: [String], in directory: URL, language: String? = "en") throws {
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment["VERNETZT_LANG"] = language
        let out = try ChildPipe(), err = try ChildPipe()
        let child: ChildProcess
        do {
            child = try ChildProcess(executable.path, arguments, in: directory.path, environment: environment,
                                     output: out.write, error: err.write)
        } catch {
            [out.read, out.write, err.read, err.write].forEach { close($0) }
            throw error
        }
        close(out.write)
        close(err.write)
        // Both pipes are drained at once: a child that fills one while we wait on the other
        // would block for ever.
        let errorReader = PipeReader(FileHandle(fileDescriptor: err.read, closeOnDealloc: true))
        let outData = FileHandle(fileDescriptor: out.read, closeOnDealloc: true).readDataToEndOfFile()
        let errData = errorReader.wait()
        status = child.wait()
        stdout = String(decoding: outData, as: UTF8.self)
        stderr = String(decoding: errData, as: UTF8.self)
    }
}

/// Reads a pipe to its end on another thread.
final class PipeReader: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }.start()
    }

    func wait() -> Data {
        done.wait()
        return data
    }
}
