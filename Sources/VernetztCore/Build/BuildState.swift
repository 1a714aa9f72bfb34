import Foundation
import VernetztEngine
import VernetztModel

/// What a build leaves for the next one into the same output, under `.cache/vernetzt/`: each
/// content file's parsed document (by the file's hash), and each output file's render key and
/// stamp. The next build parses only the files that changed, renders only the pages whose key
/// changed, and writes only the files whose bytes changed (`OutputUpdate`).
///
/// The output's folders are kept with their stamps too, so that the next build lists only those
/// whose time of change moved (`OutputSurvey`).
///
/// Two files per output: an index (rewritten whole, through a temporary file and a rename) and
/// a log of encoded documents that new documents are appended to, so that one changed post
/// writes one document. When more than half the log is documents no longer used, the next
/// save writes a new log. Anything unreadable — another version of vernetzt, a cut-off file,
/// a checksum that does not match — is ignored: the build then does everything itself.
final class BuildState: @unchecked Sendable {
    /// A content file's document in the log: its encoded bytes (`DocumentArchive`), then its
    /// body's HTML, each with its checksum.
    struct Entry: Sendable {
        var contentHash: Int
        /// The file's stamp when it was read (`SourceFile.stamp(of:now:)`), 0 for none.
        var stamp: Int
        var offset: Int
        var length: Int
        var checksum: Int
        var bodyLength: Int
        var bodyChecksum: Int
    }

    /// An output file as the last build left it.
    struct Output: Sendable {
        /// The render key of what it shows; nil for files made every time (calendars, copies).
        var key: Int?
        var stamp: FileStamp
    }

    /// What parsing depended on besides the file (site.yml, schema).
    let settings: Int
    let entries: [String: Entry]
    let outputs: [String: Output]
    /// The output's folders as the last build left them, by path with a trailing `/`.
    let folders: [String: FileStamp]
    /// The spare tree's files and folders (`OutputUpdate`): the output of the build before.
    let spareOutputs: [String: Output]
    let spareFolders: [String: FileStamp]
    /// The related items the last build worked out, and the key of what they came from (`RelatedContent.inputKey`).
    let related: (key: Int, related: [[Int]])
    let log: String
    let logGeneration: Int
    let logLength: Int
    /// The log, open for reading: documents read back keep it open until their bodies are read.
    let logFile: SharedFile
    /// Set when a document in the log could not be read back: the next save writes a new log.
    private let damaged = Locked(false)

    private init(settings: Int, entries: [String: Entry], outputs: [String: Output], folders: [String: FileStamp],
                 spareOutputs: [String: Output], spareFolders: [String: FileStamp], related: (key: Int, related: [[Int]]), log: String,
                 logGeneration: Int, logLength: Int, logFile: SharedFile) {
        self.related = related
        self.settings = settings
        self.entries = entries
        self.outputs = outputs
        self.folders = folders
        self.spareOutputs = spareOutputs
        self.spareFolders = spareFolders
        self.log = log
        self.logGeneration = logGeneration
        self.logLength = logLength
        self.logFile = logFile
    }

    /// The index's format: a state of another format is not read.
    static let currentFormat = 8
    static let magic = Array("vernetzt-stand \(currentFormat)\n".utf8)

    /// Where the state of a build into `output` lies: a name made of the output's path.
    static func index(in folder: URL, for output: URL) -> String {
        folder.appendingPathComponent("stand-" + String(UInt64(bitPattern: Int64(Self.digest(output.standardizedFileURL.path))), radix: 16)).path
    }

    private static func digest(_ text: String) -> Int {
        var hasher = StableHasher()
        hasher.combine(text)
        return hasher.finalize()
    }

    /// The vernetzt that runs: a state another build of the program left is not trusted.
    static let tool: Int = {
        var hasher = StableHasher()
        hasher.combine(BuildState.magic)
        if let stamp = FileStamp.of(URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path) {
            hasher.combine(stamp.size)
            hasher.combine(stamp.seconds)
            hasher.combine(stamp.nanoseconds)
            hasher.combine(Int(truncatingIfNeeded: stamp.inode))
        }
        return hasher.finalize()
    }()

    /// The state the last build into `output` left, or nil.
    static func load(folder: URL, output: URL) -> BuildState? {
        let indexPath = index(in: folder, for: output)
        guard let bytes = FileBytes.read(indexPath), bytes.starts(with: magic) else { return nil }
        return bytes.withUnsafeBytes { raw -> BuildState? in
            var reader = ArchiveReader(raw, offset: magic.count)
            do throws(ArchiveReader.Damaged) {
                _ = try reader.readString()  // the output's path (`removeStale`)
                guard try reader.readInt() == tool else { return nil }
                let settings = try reader.readInt()
                let generation = try reader.readInt()
                let length = try reader.readInt()
                var entries: [String: Entry] = [:]
                let count = try reader.readCount()
                entries.reserveCapacity(count)
                for _ in 0..<count {
                    let path = try reader.readString()
                    entries[path] = Entry(contentHash: try reader.readInt(), stamp: try reader.readInt(), offset: try reader.readInt(),
                                          length: try reader.readInt(), checksum: try reader.readInt(), bodyLength: try reader.readInt(),
                                          bodyChecksum: try reader.readInt())
                }
                let (outputs, liveFolders) = try readTree(&reader)
                let (spareOutputs, spareFolders) = try readSpare(&reader, live: outputs, liveFolders: liveFolders)
                let folders = Dictionary(liveFolders, uniquingKeysWith: { a, _ in a })
                let relatedKey = try reader.readInt()
                var related: [[Int]] = []
                for _ in 0..<(try reader.readCount()) {
                    var row: [Int] = []
                    for _ in 0..<(try reader.readCount()) { row.append(try reader.readInt()) }
                    related.append(row)
                }
                guard reader.isAtEnd else { return nil }
                let log = logPath(indexPath, generation: generation)
                let descriptor = open(log, O_RDONLY | O_CLOEXEC)
                guard descriptor >= 0 else { return nil }
                return BuildState(settings: settings, entries: entries, outputs: outputs, folders: folders, spareOutputs: spareOutputs,
                                  spareFolders: spareFolders, related: (relatedKey, related), log: log, logGeneration: generation,
                                  logLength: length, logFile: SharedFile(descriptor: descriptor))
            } catch {
                return nil
            }
        }
    }

    /// The live tree's files and folders, the folders in the order written.
    private static func readTree(_ reader: inout ArchiveReader) throws(ArchiveReader.Damaged) -> ([String: Output], [(String, FileStamp)]) {
        var outputs: [String: Output] = [:]
        let outputCount = try reader.readCount()
        outputs.reserveCapacity(outputCount)
        for _ in 0..<outputCount {
            let path = try reader.readString()
            outputs[path] = try readOutput(&reader)
        }
        var folders: [(String, FileStamp)] = []
        let folderCount = try reader.readCount()
        folders.reserveCapacity(folderCount)
        for _ in 0..<folderCount { folders.append((try reader.readString(), try readStamp(&reader))) }
        return (outputs, folders)
    }

    private static func readOutput(_ reader: inout ArchiveReader) throws(ArchiveReader.Damaged) -> Output {
        let key: Int? = try reader.readBool() ? try reader.readInt() : nil
        return Output(key: key, stamp: try readStamp(&reader))
    }

    private static func write(_ output: Output, to out: inout ArchiveWriter) {
        out.write(output.key != nil)
        if let key = output.key { out.write(key) }
        write(output.stamp, to: &out)
    }

    /// The spare tree as it differs from the live one: most of its files are the live tree's
    /// (hard links, the same stamps), and its folders have the live folders' paths. So: the
    /// live files it lacks, the files it has otherwise; then per live folder (in the order
    /// written) whether it has it and its stamp, and its other folders.
    private static func writeSpare(_ spare: [String: Output], folders spareFolders: [String: FileStamp], live: [String: Output],
                                   liveFolders: [String], to out: inout ArchiveWriter, spill: (inout ArchiveWriter) -> Void) {
        // No spare (the first build into an output): one byte, not every live path as missing.
        out.write(!spare.isEmpty || !spareFolders.isEmpty)
        guard !spare.isEmpty || !spareFolders.isEmpty else { return }
        let missing = live.keys.filter { spare[$0] == nil }
        out.write(UInt64(missing.count))
        for path in missing {
            out.write(path)
            spill(&out)
        }
        let own = spare.filter { path, output in live[path].map { $0.key != output.key || $0.stamp != output.stamp } ?? true }
        out.write(UInt64(own.count))
        for (path, output) in own {
            out.write(path)
            write(output, to: &out)
            spill(&out)
        }
        for folder in liveFolders {
            out.write(spareFolders[folder] != nil)
            if let stamp = spareFolders[folder] { write(stamp, to: &out) }
            spill(&out)
        }
        let known = Set(liveFolders)
        let others = spareFolders.filter { !known.contains($0.key) }
        out.write(UInt64(others.count))
        for (path, stamp) in others {
            out.write(path)
            write(stamp, to: &out)
        }
    }

    private static func readSpare(_ reader: inout ArchiveReader, live: [String: Output],
                                  liveFolders: [(String, FileStamp)]) throws(ArchiveReader.Damaged) -> ([String: Output], [String: FileStamp]) {
        guard try reader.readBool() else { return ([:], [:]) }
        var spare = live
        for _ in 0..<(try reader.readCount()) { spare[try reader.readString()] = nil }
        for _ in 0..<(try reader.readCount()) {
            let path = try reader.readString()
            spare[path] = try readOutput(&reader)
        }
        var folders: [String: FileStamp] = [:]
        folders.reserveCapacity(liveFolders.count)
        for (folder, _) in liveFolders where try reader.readBool() { folders[folder] = try readStamp(&reader) }
        for _ in 0..<(try reader.readCount()) {
            let path = try reader.readString()
            folders[path] = try readStamp(&reader)
        }
        return (spare, folders)
    }

    private static func readStamp(_ reader: inout ArchiveReader) throws(ArchiveReader.Damaged) -> FileStamp {
        FileStamp(size: try reader.readInt(), seconds: try reader.readInt(), nanoseconds: try reader.readInt(), inode: try reader.readUInt())
    }

    private static func write(_ stamp: FileStamp, to out: inout ArchiveWriter) {
        out.write(stamp.size)
        out.write(stamp.seconds)
        out.write(stamp.nanoseconds)
        out.write(stamp.inode)
    }

    static func logPath(_ index: String, generation: Int) -> String {
        index + "-\(generation).dokumente"
    }

    /// What the loader may trust without reading: each file's stamp and hash.
    var known: [String: (stamp: Int, contentHash: Int)] {
        guard !isDamaged else { return [:] }
        return entries.compactMapValues { $0.stamp == 0 ? nil : ($0.stamp, $0.contentHash) }
    }

    /// Whether a document or body in the log was found not as it was stored.
    var isDamaged: Bool { damaged.withLock { $0 } }

    /// A document in the log could not be read back: what the loader may trust goes, and the
    /// next log is a new one (`DocumentLogWriter.open`).
    private func markDamaged() {
        damaged.withLock { $0 = true }
    }

    /// The document the last build parsed from these very bytes, with the same settings, its
    /// body's HTML left in the log; nil when there is none or it cannot be read back.
    func document(for file: SourceFile, settings: Int, archive: DocumentArchive) -> Document? {
        guard settings == self.settings, let entry = entries[file.path], entry.contentHash == file.contentHash,
              entry.offset >= 0, entry.length >= 0, entry.bodyLength >= 0,
              entry.offset + entry.length + entry.bodyLength <= logLength else { return nil }
        guard let bytes = logFile.read(at: entry.offset, count: entry.length) else {
            markDamaged()
            return nil
        }
        do throws(ArchiveReader.Damaged) {
            guard StoredBytes.checksum(of: bytes) == entry.checksum else { throw ArchiveReader.Damaged() }
            let html = StoredBytes(file: logFile, offset: entry.offset + entry.length, count: entry.bodyLength, checksum: entry.bodyChecksum)
            let decoded = bytes.withUnsafeBytes { raw in
                Result { () throws(ArchiveReader.Damaged) in try archive.decode(raw, html: .stored(html)) }
            }
            return try decoded.get()
        } catch {
            markDamaged()
            return nil
        }
    }

    /// The documents as the log holds them after this build (`DocumentLogWriter`).
    struct DocumentLog: Sendable {
        var generation: Int
        var length: Int
        var entries: [String: Entry]
    }

    /// Removes the state of `output`: the next build into it starts from nothing.
    static func forget(folder: URL, output: URL) {
        unlink(index(in: folder, for: output))
    }

    /// Writes the index that makes `log` and the output's files the state of `output` (through
    /// a temporary file and a rename: the last index stands until this one is complete), and
    /// removes what no state names any more (`removeStale`).
    ///
    /// The output's files are `paths` with their `stamps` (a file without one is left out) and
    /// render keys (`key`): taken as they are written, not gathered first (225,000 files at
    /// 100,000 posts, when memory peaks).
    static func writeIndex(folder: URL, output: URL, settings: Int, log: DocumentLog,
                           paths: [String], stamps: [FileStamp?], key: (String) -> Int?, folders: [(path: String, stamp: FileStamp)],
                           spareOutputs: [String: Output], spareFolders: [String: FileStamp], related: (key: Int, related: [[Int]])) {
        let indexPath = index(in: folder, for: output)
        let temporary = indexPath + ".neu"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return }
        let file = SharedFile(descriptor: descriptor)
        // The index goes to its file a megabyte at a time (40 MB at 100,000 posts).
        var written = 0
        var complete = true
        func spill(_ out: inout ArchiveWriter, atLeast threshold: Int = 1 << 20) {
            out.spill(atLeast: threshold) { bytes in
                complete = complete && file.write(bytes, at: written)
                written += bytes.count
            }
        }
        magic.withUnsafeBytes { complete = file.write($0, at: 0) }
        written = magic.count
        var out = ArchiveWriter(capacity: (1 << 20) + 4096)
        out.write(output.standardizedFileURL.path)
        out.write(tool)
        out.write(settings)
        out.write(log.generation)
        out.write(log.length)
        out.write(UInt64(log.entries.count))
        for (path, entry) in log.entries {
            out.write(path)
            out.write(entry.contentHash)
            out.write(entry.stamp)
            out.write(entry.offset)
            out.write(entry.length)
            out.write(entry.checksum)
            out.write(entry.bodyLength)
            out.write(entry.bodyChecksum)
            spill(&out)
        }
        out.write(UInt64(stamps.count { $0 != nil }))
        // The live files by path, to write the spare as it differs from them: only when there is one.
        let hasSpare = !spareOutputs.isEmpty || !spareFolders.isEmpty
        var live: [String: Output] = [:]
        if hasSpare { live.reserveCapacity(paths.count) }
        for (path, stamp) in zip(paths, stamps) {
            guard let stamp else { continue }
            let output = Output(key: key(path), stamp: stamp)
            out.write(path)
            write(output, to: &out)
            if hasSpare { live[path] = output }
            spill(&out)
        }
        out.write(UInt64(folders.count))
        for (path, stamp) in folders {
            out.write(path)
            write(stamp, to: &out)
            spill(&out)
        }
        writeSpare(spareOutputs, folders: spareFolders, live: live, liveFolders: folders.map(\.path), to: &out) { spill(&$0) }
        out.write(related.key)
        out.write(UInt64(related.related.count))
        for row in related.related {
            out.write(UInt64(row.count))
            for i in row { out.write(i) }
            spill(&out)
        }
        spill(&out, atLeast: 0)
        guard complete else {
            unlink(temporary)
            return
        }
        guard rename(temporary, indexPath) == 0 else { return }
        removeStale(in: folder, besides: indexPath, keepingLog: logPath(indexPath, generation: log.generation))
    }

    /// Removes the states of outputs that are gone (a folder built into once, then deleted),
    /// with their logs and spare trees, and states an older vernetzt wrote: at 100,000 posts
    /// a state is a gigabyte, and nothing else would ever remove it.
    ///
    /// Of this output's own logs only `keepingLog` stays: the last build's, when this one wrote a
    /// new log, and one a failed or killed build began, when this one went on with the old.
    static func removeStale(in folder: URL, besides own: String, keepingLog: String) {
        let ownName = URL(fileURLWithPath: own).lastPathComponent
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        let kept = URL(fileURLWithPath: keepingLog).lastPathComponent
        for log in names where log.hasPrefix(ownName + "-") && log.hasSuffix(".dokumente") && log != kept {
            unlink(folder.appendingPathComponent(log).path)
        }
        for name in names where name.hasPrefix("stand-") && !name.contains(".") && name != ownName
            && !name.dropFirst("stand-".count).contains("-") {
            let index = folder.appendingPathComponent(name).path
            guard isStale(index) else { continue }
            unlink(index)
            for log in names where log.hasPrefix(name + "-") && log.hasSuffix(".dokumente") {
                unlink(folder.appendingPathComponent(log).path)
            }
            try? FileManager.default.removeItem(at: folder.appendingPathComponent("ausgabe-" + name.dropFirst("stand-".count)))
        }
    }

    /// Whether the state at `index` is of an output that no longer exists, or of an older
    /// format (which names no output, and which no vernetzt of today reads).
    private static func isStale(_ index: String) -> Bool {
        let descriptor = open(index, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        guard let head = SharedFile(descriptor: descriptor).read(at: 0, count: min(FileStamp.of(index)?.size ?? 0, 8192)) else { return false }
        let older = Array("vernetzt-stand ".utf8)
        guard head.starts(with: magic) else {
            guard head.starts(with: older), let version = Int(String(decoding: head[older.count...].prefix { $0 != 0x0A }, as: UTF8.self)) else {
                return false
            }
            return version < currentFormat
        }
        let output = head.withUnsafeBytes { raw -> String? in
            var reader = ArchiveReader(raw, offset: magic.count)
            return try? reader.readString()
        }
        guard let output else { return false }
        var info = stat()
        return lstat(output, &info) != 0
    }
}
