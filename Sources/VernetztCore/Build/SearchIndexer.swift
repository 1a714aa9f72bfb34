import Foundation

/// Runs Pagefind on the finished site (in its staging folder, before it goes live) to build
/// the full-text index that the search page loads from `/pagefind/`.
public struct SearchIndexer: Sendable {
    public var command: [String]

    public static let installHint = "install it with 'pip install pagefind-bin' (make site does)"

    /// `PAGEFIND` when set, a `pagefind` on the PATH, or the binary that PyPI's pagefind-bin ships.
    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) -> SearchIndexer? {
        if let path = environment["PAGEFIND"], FileManager.default.isExecutableFile(atPath: path) {
            return SearchIndexer(command: [path])
        }
        for folder in (environment["PATH"] ?? "").split(separator: ":") {
            for name in ["pagefind", "pagefind_extended"] {
                let path = "\(folder)/\(name)"
                if FileManager.default.isExecutableFile(atPath: path) { return SearchIndexer(command: [path]) }
            }
        }
        let python = SearchIndexer(command: ["/usr/bin/env", "python3", "-m", "pagefind_bin"])
        return (try? python.run(["--version"])) != nil ? python : nil
    }

    func index(_ site: URL) throws(OutputError) {
        do {
            try run(["--site", site.path, "--silent"])
        } catch {
            throw OutputError("search: Pagefind failed on \(site.path): \(error.description)")
        }
    }

    @discardableResult
    private func run(_ arguments: [String]) throws(OutputError) -> String {
        let child: ChildProcess
        let reader: FileHandle
        do {
            let output = try ChildPipe()
            reader = FileHandle(fileDescriptor: output.read, closeOnDealloc: true)
            defer { close(output.write) }  // the child has its own copy; the end of output is when that closes
            child = try ChildProcess(command[0], Array(command.dropFirst()) + arguments, output: output.write, error: output.write)
        } catch {
            throw OutputError("cannot start \(command[0]): \(error.localizedDescription)")
        }
        let data = reader.readDataToEndOfFile()
        let text = String(decoding: data, as: UTF8.self)
        guard child.wait() == 0 else { throw OutputError(text.trimmingCharacters(in: .whitespacesAndNewlines)) }
        return text
    }
}
