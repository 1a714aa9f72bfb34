import CSystem
import Foundation

/// The new site while it is being written: a folder beside the output folder that files are
/// stored into as soon as they are made (from many threads), and that replaces the output in
/// one step once complete — or is removed, so that a failed build leaves the old site as it was.
/// Files whose bytes did not change are hard-linked from the old output and keep their mtime.
public final class StagingFolder: @unchecked Sendable {
    public let output: URL
    let url: URL
    private let root: String
    private let previous: String
    /// Whether there is an old output to compare with; a first build skips every lookup in it.
    private let hasPrevious: Bool
    private let failure = FirstError()
    private let lock = NSLock()
    private var unchanged = 0
    private var stored = 0

    init(output: URL) throws(OutputError) {
        self.output = output
        url = output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).vernetzt-staging")
        root = url.path
        previous = output.path
        hasPrevious = FileManager.default.fileExists(atPath: output.path)
        // A staging folder left by a build that was killed is not anyone's site.
        try? FileManager.default.removeItem(at: url)
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw OutputError("cannot create \(url.path): \(error.localizedDescription)")
        }
    }

    /// Writes the file (or links the old, identical one) and gives it back without its bytes,
    /// which the build need not hold any longer. Errors are kept for `commit`.
    public func store(_ file: OutputFile) -> OutputFile {
        let target = root + "/" + file.path
        let old = previous + "/" + file.path
        var kept = false
        if hasPrevious, Self.hasSameBytes(old, file.bytes), Self.makeParent(of: target), link(old, target) == 0 {
            kept = true
        } else {
            do throws(OutputError) {
                try Self.writeFile(target, file.bytes)
            } catch {
                failure.record(error)
            }
        }
        lock.lock()
        stored += 1
        if kept { unchanged += 1 }
        lock.unlock()
        return OutputFile(path: file.path, bytes: [])
    }

    /// Completes the folder (marker, the old output's hidden files, then `finish` — the
    /// search index) and puts it in place of the output. `paths` are all the files stored.
    func commit(paths: [String], finish: (URL) throws(OutputError) -> Void) throws(OutputError) -> OutputWriter.Summary {
        do {
            if let error = failure.error { throw error }
            try Self.writeFile(root + "/" + OutputGuard.marker,
                               Array("Written by vernetzt. The next build replaces this folder.\n".utf8))
            try keepHiddenFiles(except: Set(paths + [OutputGuard.marker]))
            try finish(url)
        } catch let error as OutputError {
            abandon()
            throw error
        } catch {
            abandon()
            throw OutputError("cannot write the site into \(root): \(error.localizedDescription)")
        }
        try swapIn()
        lock.lock()
        defer { lock.unlock() }
        return OutputWriter.Summary(written: stored - unchanged, unchanged: unchanged)
    }

    /// Removes what was written; the output stays as it was.
    public func abandon() {
        try? FileManager.default.removeItem(at: url)
    }

    /// Hidden files at the top of the old output that the build does not make (`.gitkeep`,
    /// `.nojekyll`, `.well-known`) belong to whoever put them there; they move into the new one.
    private func keepHiddenFiles(except produced: Set<String>) throws {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: output.path) else { return }
        for name in names where name.hasPrefix(".") && !produced.contains(name) {
            try fm.copyItem(at: output.appendingPathComponent(name), to: url.appendingPathComponent(name))
        }
    }

    /// Puts the new site in place. With an existing output the two folders are exchanged in
    /// one step, so that at no moment is there no site or half a site; the old one then goes.
    private func swapIn() throws(OutputError) {
        let fm = FileManager.default
        if fm.fileExists(atPath: output.path) {
            guard vernetzt_exchange_paths(root, output.path) == 0 else {
                let reason = String(cString: strerror(errno))
                abandon()
                throw OutputError("cannot put the new site in place of \(output.path): \(reason)")
            }
            abandon()  // now the old site
        } else if rename(root, output.path) != 0 {
            let reason = String(cString: strerror(errno))
            abandon()
            throw OutputError("cannot move the new site into \(output.path): \(reason)")
        }
    }

    /// Creates the folders above `path` that are missing: one `mkdir` when the parent exists
    /// (the usual case — most pages are a folder of their own), more only when it does not.
    static func makeParent(of path: String) -> Bool {
        guard let slash = path.lastIndex(of: "/") else { return true }
        let folder = String(path[..<slash])
        if mkdir(folder, 0o755) == 0 || errno == EEXIST { return true }
        guard errno == ENOENT, makeParent(of: folder) else { return false }
        return mkdir(folder, 0o755) == 0 || errno == EEXIST
    }

    /// A plain write: Foundation's `createFile` goes through a temporary file per call, which
    /// the staging folder already makes unnecessary.
    static func writeFile(_ path: String, _ bytes: [UInt8]) throws(OutputError) {
        guard makeParent(of: path) else {
            throw OutputError("cannot create the folder of \(path): \(String(cString: strerror(errno)))")
        }
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw OutputError("cannot write \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { raw in
                Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw OutputError("cannot write \(path): \(String(cString: strerror(errno)))")
            }
            offset += written
        }
    }

    /// Whether the file at `path` holds exactly `bytes` (size first, then content).
    static func hasSameBytes(_ path: String, _ bytes: [UInt8]) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0, info.st_size == bytes.count else { return false }
        return SiteLoader.readBytes(path) == bytes
    }
}
