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
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst()) + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        do { try process.run() } catch { throw OutputError("cannot start \(command[0]): \(error.localizedDescription)") }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0 else { throw OutputError(text.trimmingCharacters(in: .whitespacesAndNewlines)) }
        return text
    }
}
