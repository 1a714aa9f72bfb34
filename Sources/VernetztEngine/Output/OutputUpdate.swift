import Foundation

/// The write stage of a build that knows the output's last state (`BuildState`): only the files
/// whose bytes change are written — into a pending folder beside the output, complete before
/// any goes live — and then moved into place one by one, and the files the site no longer has
/// are removed. A build that changes one post touches a handful of files, not the whole tree.
///
/// Each file is replaced in one step, so no reader meets half a file; while the moves run (a
/// few milliseconds) a reader may meet new and old pages side by side. A journal beside the
/// output lists the moves while they run: a build that finds one (the last was killed in the
/// middle) distrusts the output and rebuilds it whole, through the staging folder.
public final class OutputUpdate: @unchecked Sendable {
    public let output: URL
    private let pending: String
    private let journal: String
    private let previous: String
    /// The files in the output before this build, with their stamps.
    package let found: [String: FileStamp?]
    private let failure = FirstError()
    private let counting = NSLock()
    private var written: [String] = []
    private var removed: [String] = []
    private var unchanged = 0
    private var stored = 0
    /// Held from before the last state was read until the update is done.
    private var lock: OutputLock?

    /// `found`: the output's files as the survey found them.
    package init(output: URL, lock: OutputLock, found: [String: FileStamp?]) throws(OutputError) {
        self.output = output
        self.lock = lock
        previous = output.path
        pending = Self.pendingLocation(for: output)
        journal = Self.journalLocation(for: output)
        try? FileManager.default.removeItem(atPath: pending)
        guard mkdir(pending, 0o755) == 0 else {
            throw OutputError(.fileFailed(.create, pending, reason: String(cString: strerror(errno))))
        }
        self.found = found
    }

    /// Whether a journal says that the last update of `output` did not finish.
    package static func wasInterrupted(_ output: URL) -> Bool {
        FileManager.default.fileExists(atPath: journalLocation(for: output))
    }

    /// Forgets an interrupted update (after which the output is rebuilt whole).
    package static func clearInterrupted(_ output: URL) {
        try? FileManager.default.removeItem(atPath: pendingLocation(for: output))
        unlink(journalLocation(for: output))
    }

    static func pendingLocation(for output: URL) -> String {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).vernetzt-pending").path
    }

    static func journalLocation(for output: URL) -> String {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).vernetzt-journal").path
    }

    /// Writes the file into the pending folder unless the output holds these very bytes
    /// already; gives it back without its bytes. Errors are kept for `commit`.
    public func store(_ file: OutputFile) -> OutputFile {
        var same = file.isUnchanged
        if !same, case .some(.some(let stamp)) = found[file.path], stamp.size == file.bytes.count {
            same = FileBytes.read(previous + "/" + file.path) == file.bytes
        }
        if !same {
            do throws(OutputError) {
                try StagingFolder.writeFile(pending + "/" + file.path, file.bytes)
            } catch {
                failure.record(error)
            }
        }
        counting.lock()
        stored += 1
        if same { unchanged += 1 } else { written.append(file.path) }
        counting.unlock()
        return OutputFile.unchanged(file.path)
    }

    /// A picture from the cache: linked into the pending folder unless the output has it
    /// (a picture's name holds a digest of its bytes).
    public func place(_ path: String, from file: String) -> OutputFile {
        if case .some(.some(let stamp)) = found[path], let made = FileStamp.of(file), made.size == stamp.size {
            counting.withLock {
                stored += 1
                unchanged += 1
            }
            return OutputFile.unchanged(path)
        }
        let target = pending + "/" + path
        if !(StagingFolder.makeParent(of: target) && link(file, target) == 0) {
            do throws(OutputError) {
                guard let bytes = FileBytes.read(file) else { throw OutputError(.fileFailed(.read, file)) }
                try StagingFolder.writeFile(target, bytes)
            } catch {
                failure.record(error)
            }
        }
        counting.withLock {
            stored += 1
            written.append(path)
        }
        return OutputFile.unchanged(path)
    }

    /// Puts the written files in place and removes those the site no longer has (`paths` are
    /// all its files); then the marker, when it is not as a build leaves it.
    package func commit(paths: [String], marker: [UInt8]) throws(OutputError) -> OutputWriter.Summary {
        if let error = failure.error {
            abandon()
            throw error
        }
        let keep = Set(paths)
        let removals = found.keys.filter { !keep.contains($0) }.sorted()
        let moves = counting.withLock { written.sorted() }
        var list: [UInt8] = []
        for path in removals { list += Array(("-" + path).utf8) + [0] }
        for path in moves { list += Array(("+" + path).utf8) + [0] }
        do throws(OutputError) {
            try StagingFolder.writeFile(journal, list)
        } catch {
            abandon()
            throw error
        }
        // Removals first: a folder that gives way to a file (or a file to a folder) must be gone.
        for path in removals {
            let target = previous + "/" + path
            if unlink(target) != 0 && errno != ENOENT {
                try? FileManager.default.removeItem(atPath: target)
            }
            removeEmptyFolders(above: path)
        }
        counting.withLock { self.removed = removals }
        for path in moves {
            let target = previous + "/" + path
            guard StagingFolder.makeParent(of: target), rename(pending + "/" + path, target) == 0 else {
                // The journal stays: the next build rebuilds the output whole.
                throw OutputError(.fileFailed(.replaceSite, target, reason: String(cString: strerror(errno))))
            }
        }
        let markerPath = previous + "/" + OutputGuard.marker
        if FileBytes.read(markerPath) != marker {
            try StagingFolder.writeFile(markerPath, marker)
        }
        unlink(journal)
        try? FileManager.default.removeItem(atPath: pending)
        lock = nil
        return counting.withLock { OutputWriter.Summary(written: stored - unchanged, unchanged: unchanged) }
    }

    /// The stamps of the output's files after `commit`: those it wrote stamped anew, the rest as found.
    package func stamps(of paths: [String]) -> [FileStamp?] {
        let moved = Set(counting.withLock { written })
        return Parallel.map(paths) { path in
            moved.contains(path) ? FileStamp.of(self.previous + "/" + path) : self.found[path] ?? nil
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
        while let slash = folder.lastIndex(of: "/") {
            folder = folder[..<slash]
            if rmdir(previous + "/" + folder) != 0 { return }
        }
    }

    /// Removes what was written; the output stays as it was.
    public func abandon() {
        try? FileManager.default.removeItem(atPath: pending)
        lock = nil
    }
}
