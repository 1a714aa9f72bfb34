import Foundation
import VernetztEngine
import VernetztModel

/// Runs Pagefind on the finished site (in its staging folder, before it goes live) to build
/// the full-text index that the search page loads from `/pagefind/`.
public struct SearchIndexer: Sendable {
    public var command: [String]


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

    /// How long Pagefind may take: `VERNETZT_SEARCH_TIMEOUT` seconds, else ten minutes (a site
    /// of 100,000 pages takes about a minute).
    static func timeLimit(environment: [String: String] = ProcessInfo.processInfo.environment) -> Double {
        environment["VERNETZT_SEARCH_TIMEOUT"].flatMap(Double.init).flatMap { $0 > 0 ? $0 : nil } ?? 600
    }

    /// Indexes the staging folder, unless the old output has an index of the very same pages
    /// made by the same command: then that one is carried over, so that a build of unchanged
    /// content leaves the whole output byte for byte as it was (Pagefind's own output varies
    /// from run to run). Returns the marker line that names what was indexed.
    func index(_ site: URL, reusingFrom staging: StagingFolder) throws(OutputError) -> String {
        let note = "search-index: \(staging.htmlDigest) \(command.joined(separator: " "))"
        if staging.previousMarkerLines.contains(where: { $0 == note }), staging.carryOver(folder: SitePaths.searchIndex) {
            return note
        }
        try? FileManager.default.removeItem(at: site.appendingPathComponent(SitePaths.searchIndex))
        try index(site)
        return note
    }

    func index(_ site: URL) throws(OutputError) {
        do {
            try run(["--site", site.path, "--silent"], seconds: Self.timeLimit())
        } catch {
            throw OutputError(.pagefindFailed(site.path, reason: error.message))
        }
    }

    /// Runs the command; its output goes to an unlinked temporary file, so that a child that
    /// never ends cannot block a read, only the time limit.
    @discardableResult
    private func run(_ arguments: [String], seconds: Double = 60) throws(OutputError) -> String {
        var template = Array((FileManager.default.temporaryDirectory.path + "/vernetzt-pagefind-XXXXXX").utf8CString)
        let file = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard file >= 0 else { throw OutputError(.fileFailed(.temporaryFile, "", reason: String(cString: strerror(errno)))) }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        defer { close(file) }
        let child: ChildProcess
        do {
            child = try ChildProcess(command[0], Array(command.dropFirst()) + arguments, output: file, error: file)
        } catch {
            throw OutputError(.programNotStarted(command[0], reason: error.localizedDescription))
        }
        let status = child.wait(seconds: seconds)
        lseek(file, 0, SEEK_SET)
        var text = ""
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while case let count = read(file, &buffer, buffer.count), count > 0, text.utf8.count < 1_000_000 {
            text += String(decoding: buffer[..<count], as: UTF8.self)
        }
        guard let status else {
            throw OutputError(.pagefindTimeout(Int(seconds)))
        }
        guard status == 0 else { throw OutputError(.programOutput(text.trimmingCharacters(in: .whitespacesAndNewlines))) }
        return text
    }
}
