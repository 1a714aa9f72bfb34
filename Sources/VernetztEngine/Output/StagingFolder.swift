import CLinuxCalls
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
    private let counting = NSLock()
    private var unchanged = 0
    private var stored = 0
    /// Held until the site is swapped in or abandoned (and released with this object).
    private var lock: OutputLock?
    /// The output is a mount point: staged inside it, swapped entry by entry.
    let isMountPoint: Bool
    /// The staging folder's name inside an output that is a mount point.
    static let innerName = ".vernetzt-staging"
    /// Where the old output goes once the new one is in place, to be the next build's spare
    /// tree (`OutputUpdate`); nil removes it.
    package var spare: String?
    /// Whether the old output was kept there.
    package private(set) var keptSpare = false
    /// Set when the site gets a search index: each HTML file's digest, by path, for `htmlDigest`.
    public var digestsHTML = false
    private var htmlDigests: [String: UInt64] = [:]
    /// The folders made so far (and the staging folder itself), by their paths' hashes: a file
    /// whose folder is known goes straight in, and a new folder is made once, without `mkdir`
    /// calls that fail. (Two paths with one hash cost a second try, never a missing folder.)
    private let madeFolders: Locked<Set<Int>>
    /// The staging folder, open: files and folders go in by paths relative to it, so that the
    /// kernel walks two or three names per file instead of the whole absolute path.
    private let rootFolder: OpenFolder

    /// `output` may be a symbolic link (to the web server's folder, say): the site is then
    /// written through it — its target is replaced, and the link keeps pointing at the new site.
    /// `lock`: the output's lock when the build took it already (to read its last state).
    init(output requested: URL, lock held: OutputLock? = nil, waiting: () -> Void = {}) throws(OutputError) {
        let output = Self.throughLink(requested)
        if let held { lock = held } else { lock = try OutputLock(for: output, waiting: waiting) }
        self.output = output
        // An output that is a mount point of its own (a container volume) cannot be renamed,
        // and a folder beside it lies on another file system: the site is then staged inside
        // it and put in place one top-level entry at a time (see `swapEntries`).
        isMountPoint = Self.isMountPoint(output)
        url = Self.location(for: output, isMountPoint: isMountPoint)
        root = url.path
        madeFolders = Locked([])
        previous = output.path
        hasPrevious = FileManager.default.fileExists(atPath: output.path)
        // A staging folder left by a build that was killed is not anyone's site.
        try? FileManager.default.removeItem(at: url)
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw OutputError(.fileFailed(.create, url.path, reason: error.localizedDescription))
        }
        rootFolder = OpenFolder(root)
        guard rootFolder.isOpen else {
            throw OutputError(.fileFailed(.create, url.path, reason: String(cString: strerror(errno))))
        }
    }

    /// Writes the file (or links the old, identical one) and gives it back without its bytes,
    /// which the build need not hold any longer. Errors are kept for `commit`.
    public func store(_ file: OutputFile) -> OutputFile {
        if digestsHTML && file.path.hasSuffix(".html") {
            let digest = StableDigest.of(file.bytes)
            counting.withLock { htmlDigests[file.path] = digest }
        }
        let old = previous + "/" + file.path
        var kept = false
        var stamp: FileStamp?
        if file.reuse != .none {
            // Its key and the file were checked against the last build's: linked, never read.
            kept = linked(old, to: file.path)
            if !kept { failure.record(OutputError(.fileFailed(.link, root + "/" + file.path))) }
        } else if hasPrevious, Self.hasSameBytes(old, file.bytes), linked(old, to: file.path) {
            kept = true
        } else {
            do throws(OutputError) {
                // Into a folder this build made; else (a folder taken for made, as its path shares
                // another's hash) `writeFile` makes what is missing, or says why it cannot. A file
                // without its stamp here is stamped after the build.
                if makeFolder(of: file.path), let written = try? Self.write(file.path, in: rootFolder.descriptor, file.bytes) {
                    stamp = written
                } else {
                    try Self.writeFile(root + "/" + file.path, file.bytes)
                }
            } catch {
                failure.record(error)
            }
        }
        counting.lock()
        stored += 1
        if kept { unchanged += 1 }
        counting.unlock()
        var stored = OutputFile(path: file.path, bytes: [])
        stored.stamp = stamp
        return stored
    }

    /// Makes the folder `path` (inside the staging folder) goes into, and those above it, as
    /// far as they were not made yet. (The last `/` is found on the bytes: searching the String
    /// goes character by character, twice for every file of the site.)
    private func makeFolder(of path: String) -> Bool {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return true }
        let folder = String(path[..<slash])
        let key = folder.hashValue
        if madeFolders.withLock({ $0.contains(key) }) { return true }
        guard makeFolder(of: folder), mkdirat(rootFolder.descriptor, folder, 0o755) == 0 || errno == EEXIST else { return false }
        madeFolders.withLock { _ = $0.insert(key) }
        return true
    }

    /// `source` hard-linked as `path` inside the staging folder, into a folder made as
    /// `makeFolder` makes it; where that folder turns out missing (taken for made, as its path
    /// shares another's hash), made anew.
    private func linked(_ source: String, to path: String) -> Bool {
        if makeFolder(of: path), linkat(AT_FDCWD, source, rootFolder.descriptor, path, 0) == 0 { return true }
        let target = root + "/" + path
        return errno == ENOENT && Self.makeParent(of: target) && link(source, target) == 0
    }

    /// A file made elsewhere — a picture in the cache, named by its content — put in by a hard
    /// link where the disk allows it (no byte is read), else copied.
    public func place(_ path: String, from file: String) -> OutputFile {
        var placed = linked(file, to: path)
        if !placed {
            do throws(OutputError) {
                guard let bytes = FileBytes.read(file) else { throw OutputError(.fileFailed(.read, file)) }
                try Self.writeFile(root + "/" + path, bytes)
                placed = true
            } catch {
                failure.record(error)
            }
        }
        var info = stat()
        let kept = hasPrevious && placed && lstat(previous + "/" + path, &info) == 0
        counting.lock()
        stored += 1
        if kept { unchanged += 1 }
        counting.unlock()
        return OutputFile(path: path, bytes: [])
    }

    /// Completes the folder (the old output's hidden files, then `finish` — the search index —
    /// then the marker, with the line `finish` gives to remember) and puts it in place of the
    /// output. `paths` are all the files stored.
    package func commit(paths: [String], finish: (URL) throws(OutputError) -> String?) throws(OutputError) -> OutputWriter.Summary {
        do {
            if let error = failure.error { throw error }
            try keepHiddenFiles(except: Self.topLevelNames(of: paths + [OutputGuard.marker]))
            let note = try finish(url)
            try Self.writeFile(root + "/" + OutputGuard.marker, Self.marker(note: note))
        } catch let error as OutputError {
            abandon()
            throw error
        } catch {
            abandon()
            throw OutputError(.fileFailed(.writeSiteInto, root, reason: error.localizedDescription))
        }
        try swapIn()
        lock = nil
        counting.lock()
        defer { counting.unlock() }
        return OutputWriter.Summary(written: stored - unchanged, unchanged: unchanged)
    }

    /// The marker file's bytes: what it says, and the line the build remembers (the search index's).
    package static func marker(note: String?) -> [UInt8] {
        Array(("Written by vernetzt. The next build replaces this folder.\n" + (note.map { $0 + "\n" } ?? "")).utf8)
    }

    /// Removes what was written; the output stays as it was.
    public func abandon() {
        try? FileManager.default.removeItem(at: url)
        lock = nil
    }

    /// One digest of every HTML file stored (path and bytes), the same for the same pages.
    public var htmlDigest: String {
        counting.withLock {
            var digest = StableDigest()
            for path in htmlDigests.keys.sorted() {
                digest.add(Array(path.utf8))
                digest.add(htmlDigests[path]!)
            }
            return String(digest.value, radix: 16)
        }
    }

    /// The lines of the old output's marker (what its build remembered).
    public var previousMarkerLines: [Substring] {
        guard let bytes = FileBytes.read(previous + "/" + OutputGuard.marker) else { return [] }
        return String(decoding: bytes, as: UTF8.self).split(separator: "\n")
    }

    /// Hard-links a folder of the old output (its regular files and folders) into the new
    /// site, keeping the files' bytes and times; false when the old output has no such folder.
    public func carryOver(folder: String) -> Bool {
        var info = stat()
        guard lstat(previous + "/" + folder, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { return false }
        do {
            try Self.mirrorRegular(previous + "/" + folder, to: root + "/" + folder) { source, target in
                guard link(source, target) == 0 else { throw OutputError(.fileFailed(.link, target)) }
            }
            return true
        } catch {
            return false
        }
    }

    /// Where the staging folder of `output` (a real folder, not a link) lies: beside it, or
    /// inside it when it is a mount point.
    package static func location(for output: URL, isMountPoint: Bool? = nil) -> URL {
        (isMountPoint ?? Self.isMountPoint(output))
            ? output.appendingPathComponent(innerName)
            : output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).vernetzt-staging")
    }

    /// The folder a symbolic link at `output` leads to (followed to the end), else `output`.
    package static func throughLink(_ output: URL) -> URL {
        var info = stat()
        guard lstat(output.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK,
              let real = realpath(output.path, nil) else { return output }
        defer { free(real) }
        return URL(fileURLWithPath: String(cString: real))
    }

    /// Hidden files at the top of the old output that the build does not make (`.gitkeep`,
    /// `.nojekyll`, `.well-known`) belong to whoever put them there; they move into the new one.
    /// Only regular files and folders: a symbolic link could publish a file from anywhere.
    /// The names at the top of the output that `paths` lie in (`.well-known` for
    /// `.well-known/security.txt`): a hidden entry the build makes is the build's, all of it.
    package static func topLevelNames(of paths: [String]) -> Set<String> {
        Set(paths.map { path in path.firstIndex(of: "/").map { String(path[..<$0]) } ?? path })
    }

    private func keepHiddenFiles(except produced: Set<String>) throws {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: output.path) else { return }
        for name in names.sorted() where name.hasPrefix(".") && !produced.contains(name) && name != Self.innerName {
            try Self.mirrorRegular(output.path + "/" + name, to: root + "/" + name) { source, target in
                guard let bytes = FileBytes.read(source) else { throw OutputError(.fileFailed(.read, source)) }
                try Self.writeFile(target, bytes)
            }
        }
    }

    /// Recreates `source` at `target` with only its regular files and folders — a symbolic link
    /// could publish a file from anywhere; `place` puts each file there.
    static func mirrorRegular(_ source: String, to target: String,
                                      place: (String, String) throws -> Void) throws {
        var info = stat()
        guard lstat(source, &info) == 0 else { return }
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            try place(source, target)
        case S_IFDIR:
            guard mkdir(target, 0o755) == 0 || errno == EEXIST else { throw OutputError(.fileFailed(.create, target)) }
            for name in (try? FileManager.default.contentsOfDirectory(atPath: source))?.sorted() ?? [] {
                try mirrorRegular(source + "/" + name, to: target + "/" + name, place: place)
            }
        default:
            return
        }
    }

    /// Puts the new site in place. With an existing output the two folders are exchanged in
    /// one step, so that at no moment is there no site or half a site; the old one then goes.
    private func swapIn() throws(OutputError) {
        let fm = FileManager.default
        if isMountPoint { return try swapEntries() }
        if fm.fileExists(atPath: output.path) {
            guard vernetzt_exchange_paths(root, output.path) == 0 else {
                let reason = String(cString: strerror(errno))
                abandon()
                throw OutputError(.fileFailed(.replaceSite, output.path, reason: reason))
            }
            // Now the old site: kept as the spare, or removed.
            if let spare {
                try? fm.removeItem(atPath: spare)
                keptSpare = rename(root, spare) == 0
            }
            if !keptSpare { abandon() }
        } else if rename(root, output.path) != 0 {
            let reason = String(cString: strerror(errno))
            abandon()
            throw OutputError(.fileFailed(.moveSiteInto, output.path, reason: reason))
        }
    }

    /// Puts the new site into an output that is a mount point: each top-level entry is
    /// exchanged with the old one in one step (or moved in, when new); then the old entries go.
    /// Readers may meet new and old top-level folders side by side for that moment, never a
    /// half-written file or folder.
    private func swapEntries() throws(OutputError) {
        let fm = FileManager.default
        let new = ((try? fm.contentsOfDirectory(atPath: root)) ?? []).sorted()
        for name in new {
            let target = previous + "/" + name
            let source = root + "/" + name
            var info = stat()
            let result = lstat(target, &info) == 0 ? vernetzt_exchange_paths(source, target) : rename(source, target)
            guard result == 0 else {
                let reason = String(cString: strerror(errno))
                abandon()
                throw OutputError(.fileFailed(.placeEntry(name), previous, reason: reason))
            }
        }
        abandon()  // now the old entries that were replaced
        let kept = Set(new + [Self.innerName])
        for name in (try? fm.contentsOfDirectory(atPath: previous)) ?? [] where !kept.contains(name) {
            try? fm.removeItem(atPath: previous + "/" + name)
        }
    }

    /// Whether `folder` is the root of a file system of its own (another device than its parent).
    package static func isMountPoint(_ folder: URL) -> Bool {
        var own = stat(), parent = stat()
        guard lstat(folder.path, &own) == 0, (own.st_mode & S_IFMT) == S_IFDIR,
              stat(folder.deletingLastPathComponent().path, &parent) == 0 else { return false }
        return own.st_dev != parent.st_dev
    }

    /// Creates the folders above `path` that are missing: one `mkdir` when the parent exists
    /// (the usual case — most pages are a folder of their own), more only when it does not.
    static func makeParent(of path: String) -> Bool {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return true }
        let folder = String(path[..<slash])
        if mkdir(folder, 0o755) == 0 || errno == EEXIST { return true }
        guard errno == ENOENT, makeParent(of: folder) else { return false }
        return mkdir(folder, 0o755) == 0 || errno == EEXIST
    }

    /// A plain write: Foundation's `createFile` goes through a temporary file per call, which
    /// the staging folder already makes unnecessary.
    package static func writeFile(_ path: String, _ bytes: [UInt8]) throws(OutputError) {
        guard makeParent(of: path) else {
            throw OutputError(.fileFailed(.createFolderOf, path, reason: String(cString: strerror(errno))))
        }
        _ = try write(path, in: AT_FDCWD, bytes)
    }

    /// Writes a file into a folder that exists (`path` relative to the open folder `folder`, or
    /// to the working folder); its stamp as written (nil when it cannot be read).
    private static func write(_ path: String, in folder: Int32, _ bytes: [UInt8]) throws(OutputError) -> FileStamp? {
        let fd = openat(folder, path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw OutputError(.fileFailed(.write, path, reason: String(cString: strerror(errno)))) }
        defer { close(fd) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { raw in
                Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw OutputError(.fileFailed(.write, path, reason: String(cString: strerror(errno))))
            }
            offset += written
        }
        var info = stat()
        return fstat(fd, &info) == 0 ? FileStamp(info) : nil
    }

    /// Whether the file at `path` is a regular file (not a link to one) holding exactly `bytes`
    /// (size first, then content). Only such a file may be carried into the new site.
    static func hasSameBytes(_ path: String, _ bytes: [UInt8]) -> Bool {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_size == bytes.count else { return false }
        return FileBytes.read(path) == bytes
    }
}
