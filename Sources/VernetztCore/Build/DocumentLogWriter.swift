import Foundation
import VernetztEngine
import VernetztModel

/// The build state's log being written while the parse stage runs: each document goes in as
/// soon as it is parsed, and comes back with its body's HTML left in the log, read again only
/// when its page is made — so a site of 100,000 posts never holds all its bodies at once.
///
/// Documents the last state holds for the same bytes stay where they are and new ones are
/// appended; when more than half the old log would be documents no longer used, all go into a
/// new log instead. Nothing here may fail the build: a log that cannot be written is not there.
final class DocumentLogWriter: Sendable {
    let generation: Int
    private let file: SharedFile
    private let appends: Bool
    private let archive: DocumentArchive
    private let end: Locked<Int>
    private let entries = Locked<[String: BuildState.Entry]>([:])
    private let failed = Locked(false)

    private init(generation: Int, file: SharedFile, appends: Bool, archive: DocumentArchive, start: Int) {
        self.generation = generation
        self.file = file
        self.appends = appends
        self.archive = archive
        self.end = Locked(start)
    }

    /// The log for a build into `output` of the Markdown files at `paths`; nil when it cannot be opened.
    static func open(folder: URL, output: URL, last: BuildState?, settings: Int, paths: [String],
                     archive: DocumentArchive) -> DocumentLogWriter? {
        let indexPath = BuildState.index(in: folder, for: output)
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let usable = last.flatMap { $0.settings == settings && !$0.isDamaged ? $0 : nil }
        // Most files are as they were: what the log holds for the paths still there stays used.
        let appending = usable.flatMap { state -> BuildState? in
            let liveBytes = paths.reduce(0) { sum, path in sum + (state.entries[path].map { $0.length + $0.bodyLength } ?? 0) }
            return liveBytes > 0 && liveBytes * 2 >= state.logLength ? state : nil
        }
        let generation = appending?.logGeneration ?? (last?.logGeneration ?? 0) + 1
        let descriptor = Glibc.open(BuildState.logPath(indexPath, generation: generation),
                                    O_RDWR | O_CREAT | O_CLOEXEC | (appending == nil ? O_TRUNC : 0), 0o644)
        guard descriptor >= 0 else { return nil }
        return DocumentLogWriter(generation: generation, file: SharedFile(descriptor: descriptor), appends: appending != nil,
                                 archive: archive, start: appending?.logLength ?? 0)
    }

    /// A document just parsed: written to the log and given back with its body's HTML left
    /// there. A document that cannot be written stays as it is (and is parsed again next time).
    func store(_ document: Document, stamp: Int) -> Document {
        guard let encoded = archive.encode(document), let html = document.body.html() else { return document }
        // The document and its body in one write, not a system call each.
        var record = encoded
        record.append(contentsOf: html)
        guard let offset = append(record) else { return document }
        let bodyChecksum = StoredBytes.checksum(of: html)
        let entry = BuildState.Entry(contentHash: document.fingerprint, stamp: stamp, offset: offset, length: encoded.count,
                                     checksum: StoredBytes.checksum(of: encoded), bodyLength: html.count, bodyChecksum: bodyChecksum)
        entries.withLock { $0[document.path] = entry }
        return document.storingBody(in: StoredBytes(file: file, offset: offset + encoded.count, count: html.count, checksum: bodyChecksum))
    }

    /// A document read back from the last state (`BuildState.document(for:)`): its entry stays
    /// where it is when this log is the last one, else its bytes are copied over unchanged.
    func keep(_ document: Document, from state: BuildState, stamp: Int) {
        guard var entry = state.entries[document.path] else { return }
        entry.stamp = stamp
        if !appends {
            guard let bytes = state.logFile.read(at: entry.offset, count: entry.length + entry.bodyLength) else {
                failed.withLock { $0 = true }
                return
            }
            guard let offset = append(bytes) else { return }
            entry.offset = offset
        }
        entries.withLock { $0[document.path] = entry }
    }

    /// Writes `bytes` at the log's end: where they start, or nil when the log failed (then, or
    /// before: a log with a hole is no log).
    private func append(_ bytes: [UInt8]) -> Int? {
        guard !failed.withLock({ $0 }) else { return nil }
        let start = end.withLock { end in
            defer { end += bytes.count }
            return end
        }
        guard bytes.withUnsafeBytes({ file.write($0, at: start) }) else {
            failed.withLock { $0 = true }
            return nil
        }
        return start
    }

    /// The log as written, for the index (`BuildState.writeIndex`); nil when a write failed.
    func finish() -> BuildState.DocumentLog? {
        guard !failed.withLock({ $0 }) else { return nil }
        let length = end.withLock { $0 }
        // What a build that did not finish appended after the last log's end goes.
        if appends { ftruncate(file.descriptor, off_t(length)) }
        return BuildState.DocumentLog(generation: generation, length: length, entries: entries.withLock { $0 })
    }
}
