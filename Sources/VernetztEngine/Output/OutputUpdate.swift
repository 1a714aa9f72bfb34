import CLinuxCalls
import Foundation

/// The write stage of a build that knows the last builds' state (`BuildState`): two trees take
/// turns. The live output, as the last build left it, is never touched; the spare — the tree
/// the build before it left, kept beside it — is brought up to date in place: files whose key
/// changed are written, files that changed in the last build are linked from the live output,
/// files the site no longer has are removed. Then the two are exchanged in one step. A build
/// killed at any moment leaves the live output as it was: the spare is nobody's site, and the
/// next build compares it by its files' stamps, whatever state it was left in.
///
/// Unchanged files are hard links shared by both trees, so the spare costs folders, not a
/// second copy of the site. No file is ever written where it lies: a new one is written under
/// a temporary name and renamed over the old, which the live output may share.
public final class OutputUpdate: @unchecked Sendable {
    /// The live output and the spare tree being brought up to date.
    private let live: String
    private let spare: String
    /// The spare's files as found, with their stamps.
    package let found: [String: FileStamp?]
    private let failure = FirstError()
    private let counting = NSLock()
    private var written: [String] = []
    private var removed: [String] = []
    private var unchanged = 0
    private var stored = 0
    private var temporary = 0
    /// Held from before the last state was read until the update is done.
    private var lock: OutputLock?

    /// `found`: the spare's files as the survey found them.
    package init(output: URL, spare: String, lock: OutputLock, found: [String: FileStamp?]) {
        self.lock = lock
        live = output.path
        self.spare = spare
        self.found = found
        try? FileManager.default.createDirectory(atPath: spare, withIntermediateDirectories: true)
    }

    /// Where the spare tree of `output` lies: in `stateFolder` when that is on the output's
    /// file system (a hard link and an exchange cannot cross file systems), else beside it.
    package static func spareLocation(for output: URL, stateFolder: URL) -> String {
        var folder = stat(), parent = stat()
        let outside = output.deletingLastPathComponent().path
        try? FileManager.default.createDirectory(at: stateFolder, withIntermediateDirectories: true)
        if stat(stateFolder.path, &folder) == 0, stat(outside, &parent) == 0, folder.st_dev == parent.st_dev {
            var hasher = StableHasher()
            hasher.combine(output.standardizedFileURL.path)
            return stateFolder.appendingPathComponent("ausgabe-" + String(UInt64(bitPattern: Int64(hasher.finalize())), radix: 16)).path
        }
        return outside + "/.\(output.lastPathComponent).vernetzt-spare"
    }

    /// Puts the file into the spare unless it holds it already: linked from the live output
    /// where that holds these bytes, else written. Errors are kept for `commit`.
    /// Counted as unchanged when the live output holds the same bytes (the site did not change there).
    public func store(_ file: OutputFile) -> OutputFile {
        var asLive = file.reuse == .inPlace
        var placed = false
        if file.reuse == .none || file.reuse == .fromOutput {
            do throws(OutputError) {
                if file.reuse == .fromOutput || Self.holds(live + "/" + file.path, file.bytes) {
                    try replace(file.path) { target in link(live + "/" + file.path, target) == 0 }
                    asLive = true
                } else if case .some(.some(let stamp)) = found[file.path], stamp.size == file.bytes.count,
                          FileBytes.read(spare + "/" + file.path) == file.bytes {
                    // The spare holds these bytes already.
                } else {
                    try replace(file.path) { target in (try? StagingFolder.writeFile(target, file.bytes)) != nil }
                }
                placed = true
            } catch {
                failure.record(error)
            }
        }
        counting.lock()
        stored += 1
        if asLive { unchanged += 1 }
        if placed { written.append(file.path) }
        counting.unlock()
        return OutputFile.reused(file.path, .inPlace)
    }

    /// Whether the regular file at `path` holds exactly `bytes`.
    private static func holds(_ path: String, _ bytes: [UInt8]) -> Bool {
        guard let stamp = FileStamp.of(path), stamp.size == bytes.count else { return false }
        return FileBytes.read(path) == bytes
    }

    /// Makes the file at `path` in the spare by `make` under a temporary name, then renames it
    /// over whatever is there (a file the live output may share, or a folder that gives way).
    private func replace(_ path: String, make: (String) -> Bool) throws(OutputError) {
        let target = spare + "/" + path
        let number = counting.withLock {
            temporary += 1
            return temporary
        }
        let scratch = spare + "/.vernetzt-neu-\(number)"
        // One a killed build left may be a link to a live file: never written through.
        unlink(scratch)
        guard make(scratch) else {
            unlink(scratch)
            throw OutputError(.fileFailed(.write, target, reason: String(cString: strerror(errno))))
        }
        var info = stat()
        if lstat(target, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR { try? FileManager.default.removeItem(atPath: target) }
        // A file where a folder of the path must be (`a` gives way to `a/index.html`) goes.
        var folder = Substring(path)
        while let slash = folder.utf8.lastIndex(of: UInt8(ascii: "/")) {
            folder = folder[..<slash]
            if lstat(spare + "/" + folder, &info) == 0, (info.st_mode & S_IFMT) != S_IFDIR { unlink(spare + "/" + folder) }
        }
        guard StagingFolder.makeParent(of: target), rename(scratch, target) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(scratch)
            throw OutputError(.fileFailed(.write, target, reason: reason))
        }
    }

    /// A picture from the cache (named by its bytes' digest): linked in unless the spare has it.
    public func place(_ path: String, from file: String) -> OutputFile {
        let made = FileStamp.of(file)
        let inLive = FileStamp.of(live + "/" + path).map { $0.size == made?.size } ?? false
        if case .some(.some(let stamp)) = found[path], stamp.size == made?.size {
            counting.withLock {
                stored += 1
                if inLive { unchanged += 1 }
            }
            return OutputFile.reused(path, .inPlace)
        }
        do throws(OutputError) {
            try replace(path) { target in
                link(file, target) == 0 || FileBytes.read(file).map { (try? StagingFolder.writeFile(target, $0)) != nil } == true
            }
        } catch {
            failure.record(error)
        }
        counting.withLock {
            stored += 1
            if inLive { unchanged += 1 }
            written.append(path)
        }
        return OutputFile.reused(path, .inPlace)
    }

    /// Completes the spare — removes the files the site no longer has (`paths` are all its
    /// files), takes over the live output's hidden files (`.well-known`) and the marker — and
    /// exchanges it with the live output in one step.
    package func commit(paths: [String], marker: [UInt8]) throws(OutputError) -> OutputWriter.Summary {
        if let error = failure.error { throw error }
        let keep = Set(paths)
        let removals = found.keys.filter { !keep.contains($0) }.sorted()
        for path in removals {
            // A file gone for good; a folder in its place was made by this build for its files.
            var info = stat()
            guard lstat(spare + "/" + path, &info) == 0, (info.st_mode & S_IFMT) != S_IFDIR else { continue }
            unlink(spare + "/" + path)
            removeEmptyFolders(above: path)
        }
        counting.withLock { removed = removals }
        do {
            try takeOverHiddenEntries(except: StagingFolder.topLevelNames(of: paths))
            if FileBytes.read(spare + "/" + OutputGuard.marker) != marker {
                try replace(OutputGuard.marker) { target in (try? StagingFolder.writeFile(target, marker)) != nil }
            }
        } catch let error as OutputError {
            throw error
        } catch {
            throw OutputError(.fileFailed(.writeSiteInto, spare, reason: error.localizedDescription))
        }
        guard vernetzt_exchange_paths(spare, live) == 0 else {
            throw OutputError(.fileFailed(.replaceSite, live, reason: String(cString: strerror(errno))))
        }
        lock = nil
        return counting.withLock { OutputWriter.Summary(written: stored - unchanged, unchanged: unchanged) }
    }

    /// The hidden entries at the top of the live output that the build does not make
    /// (`.well-known`, `.nojekyll`) belong to whoever put them there: the spare gets them as
    /// they are now (regular files and folders only), as a staging folder does.
    private func takeOverHiddenEntries(except produced: Set<String>) throws {
        let fm = FileManager.default
        for name in (try? fm.contentsOfDirectory(atPath: spare)) ?? [] where name.hasPrefix(".") && !produced.contains(name) && name != OutputGuard.marker {
            try? fm.removeItem(atPath: spare + "/" + name)
        }
        for name in ((try? fm.contentsOfDirectory(atPath: live)) ?? []).sorted()
        where name.hasPrefix(".") && !produced.contains(name) && name != OutputGuard.marker && name != StagingFolder.innerName {
            try StagingFolder.mirrorRegular(live + "/" + name, to: spare + "/" + name) { source, target in
                guard let bytes = FileBytes.read(source) else { throw OutputError(.fileFailed(.read, source)) }
                try StagingFolder.writeFile(target, bytes)
            }
        }
    }

    /// The stamps of the files after `commit` (now in the live output): those this update put
    /// in place stamped anew, the rest as found.
    package func stamps(of paths: [String]) -> [FileStamp?] {
        let moved = Set(counting.withLock { written })
        return Parallel.map(paths) { path in
            moved.contains(path) ? FileStamp.of(self.live + "/" + path) : self.found[path] ?? nil
        }
    }

    /// The folders whose time of change this update moved: those above each file it put in
    /// place or removed.
    package var touchedFolders: Set<String> {
        counting.withLock { OutputSurvey.folders(of: written + removed) }
    }

    /// The folders above a removed file that are now empty go too, as a clean build has no such folder.
    private func removeEmptyFolders(above path: String) {
        var folder = Substring(path)
        while let slash = folder.utf8.lastIndex(of: UInt8(ascii: "/")) {
            folder = folder[..<slash]
            if rmdir(spare + "/" + folder) != 0 { return }
        }
    }
}
