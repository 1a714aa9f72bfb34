import CSystem
import Foundation

/// The write stage: writes the whole site into a staging folder beside the output folder and
/// swaps it in only when complete, so a failed build leaves the published site untouched.
/// Files whose bytes did not change are hard-linked from the old output and keep their mtime.
public struct OutputWriter: Sendable {
    public var output: URL

    public init(output: URL) {
        self.output = output.standardizedFileURL
    }

    public struct Summary: Sendable {
        public var written = 0
        public var unchanged = 0
    }

    /// `finish` runs on the complete staging folder before it goes live (the search index).
    public func write(_ files: [OutputFile], finish: (URL) throws(OutputError) -> Void = { _ in }) throws(OutputError) -> Summary {
        let fm = FileManager.default
        let parent = output.deletingLastPathComponent()
        let name = output.lastPathComponent
        let staging = parent.appendingPathComponent(".\(name).vernetzt-staging")
        // A staging folder left by a build that was killed is not anyone's site.
        try? fm.removeItem(at: staging)
        do {
            try fm.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            throw OutputError("cannot create \(staging.path): \(error.localizedDescription)")
        }
        var summary = Summary()
        do {
            try Self.makeFolders(for: files, in: staging.path)
            let outcomes = try Self.writeAll(files, into: staging.path, previous: output.path)
            summary.unchanged = outcomes.filter { $0 }.count
            summary.written = files.count - summary.unchanged
            try Self.writeFile(staging.appendingPathComponent(OutputGuard.marker).path,
                               Array("Written by vernetzt. The next build replaces this folder.\n".utf8))
            try keepHiddenFiles(into: staging, except: Set(files.map(\.path) + [OutputGuard.marker]))
            try finish(staging)
        } catch let error as OutputError {
            try? fm.removeItem(at: staging)
            throw error
        } catch {
            try? fm.removeItem(at: staging)
            throw OutputError("cannot write the site into \(staging.path): \(error.localizedDescription)")
        }
        try swapIn(staging)
        return summary
    }

    /// Hidden files at the top of the old output that the build does not make (`.gitkeep`,
    /// `.nojekyll`, `.well-known`) belong to whoever put them there; they move into the new one.
    private func keepHiddenFiles(into staging: URL, except produced: Set<String>) throws {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: output.path) else { return }
        for name in names where name.hasPrefix(".") && !produced.contains(name) {
            try fm.copyItem(at: output.appendingPathComponent(name), to: staging.appendingPathComponent(name))
        }
    }

    /// Puts the new site in place. With an existing output the two folders are exchanged in
    /// one step, so that at no moment is there no site or half a site; the old one then goes.
    private func swapIn(_ staging: URL) throws(OutputError) {
        let fm = FileManager.default
        if fm.fileExists(atPath: output.path) {
            guard vernetzt_exchange_paths(staging.path, output.path) == 0 else {
                let reason = String(cString: strerror(errno))
                try? fm.removeItem(at: staging)
                throw OutputError("cannot put the new site in place of \(output.path): \(reason)")
            }
            try? fm.removeItem(at: staging)  // now the old site
        } else if rename(staging.path, output.path) != 0 {
            let reason = String(cString: strerror(errno))
            try? fm.removeItem(at: staging)
            throw OutputError("cannot move the new site into \(output.path): \(reason)")
        }
    }

    /// Creates every folder the files need with one `mkdir` each: a level at a time (parents
    /// first), the folders of a level in parallel — on virtual disks each `mkdir` mostly waits.
    static func makeFolders(for files: [OutputFile], in root: String) throws(OutputError) {
        var folders = Set<Substring>()
        for file in files {
            var path = Substring(file.path)
            while let slash = path.lastIndex(of: "/") {
                path = path[..<slash]
                guard folders.insert(path).inserted else { break }
            }
        }
        let levels = Dictionary(grouping: folders) { $0.reduce(0) { $1 == "/" ? $0 + 1 : $0 } }
        let failure = FirstError()
        for depth in levels.keys.sorted() {
            let level = levels[depth]!.map { root + "/" + $0 }
            let workers = min(8, level.count)
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                for i in stride(from: worker, to: level.count, by: workers) where mkdir(level[i], 0o755) != 0 && errno != EEXIST {
                    failure.record(OutputError("cannot create \(level[i]): \(String(cString: strerror(errno)))"))
                }
            }
            if let error = failure.error { throw error }
        }
    }

    /// Writes the files with several workers: on network and virtual disks each file costs
    /// more waiting than computing. Returns, per file, whether it was kept unchanged.
    static func writeAll(_ files: [OutputFile], into root: String, previous: String) throws(OutputError) -> [Bool] {
        let workers = min(8, max(1, files.count))
        let failure = FirstError()
        let unchanged = UnsafeMutableBufferPointer<Bool>.allocate(capacity: files.count)
        unchanged.initialize(repeating: false)
        defer { unchanged.deallocate() }
        let shared = UncheckedBox((files, unchanged))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let (files, unchanged) = shared.value
            for i in stride(from: worker, to: files.count, by: workers) {
                let target = root + "/" + files[i].path
                let old = previous + "/" + files[i].path
                if hasSameBytes(old, files[i].bytes), link(old, target) == 0 {
                    unchanged[i] = true
                    continue
                }
                do throws(OutputError) {
                    try writeFile(target, files[i].bytes)
                } catch {
                    failure.record(error)
                    return
                }
            }
        }
        if let error = failure.error { throw error }
        return Array(unchanged)
    }

    /// A plain write: Foundation's `createFile` goes through a temporary file per call, which
    /// the staging folder already makes unnecessary.
    static func writeFile(_ path: String, _ bytes: [UInt8]) throws(OutputError) {
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
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var existing = [UInt8](repeating: 0, count: bytes.count)
        var offset = 0
        while offset < existing.count {
            let count = existing.withUnsafeMutableBytes { raw in read(fd, raw.baseAddress! + offset, raw.count - offset) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return false }
            offset += count
        }
        return existing == bytes
    }
}

/// The output folder could not be written; the previous site is left as it was.
public struct OutputError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
