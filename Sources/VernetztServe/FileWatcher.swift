import Foundation
import VernetztEngine
import VernetztModel
import VernetztCore

/// Watches folders (recursively) and single files with Linux inotify and reports changes in
/// batches: editors save in several steps (temporary file, rename), so events that arrive
/// within `settle` of each other become one change.
final class FileWatcher: @unchecked Sendable {
    private let fd: Int32
    private var folders: [Int32: String] = [:]
    private let files: Set<String>
    private let trees: [String]
    private let settle: TimeInterval
    private let onChange: @Sendable ([String]) -> Void
    private let runningLock = NSLock()
    private var runningFlag = true
    private var started = false
    private var running: Bool {
        get { runningLock.lock(); defer { runningLock.unlock() }; return runningFlag }
        set { runningLock.lock(); runningFlag = newValue; runningLock.unlock() }
    }

    /// `folders` are watched with everything below them; `files` are single files (site.yml).
    init(folders: [URL], files: [URL], settle: TimeInterval = 0.03,
         onChange: @escaping @Sendable ([String]) -> Void) throws(BuildFailure) {
        fd = inotify_init1(Int32(IN_CLOEXEC))
        guard fd >= 0 else { throw BuildFailure([.error(SourceLocation(path: folders.first?.path ?? "."), .previewCannotWatch(String(cString: strerror(errno))))]) }
        self.files = Set(files.map(\.standardizedFileURL.path))
        self.trees = folders.map(\.standardizedFileURL.path)
        self.settle = settle
        self.onChange = onChange
        for folder in folders { watchTree(folder.standardizedFileURL.path) }
        for parent in Set(files.map { $0.standardizedFileURL.deletingLastPathComponent().path }) { watch(parent) }
    }

    private static let mask = UInt32(IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF)

    private func watch(_ path: String) {
        let descriptor = inotify_add_watch(fd, path, Self.mask)
        if descriptor >= 0 { folders[descriptor] = path }
    }

    private func watchTree(_ path: String) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else { return }
        watch(path)
        for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] where !name.hasPrefix(".") {
            watchTree(path + "/" + name)
        }
    }

    func start() {
        runningLock.withLock { started = true }
        let thread = Thread { [self] in run() }
        thread.name = "vernetzt.serve.watch"
        thread.start()
    }

    private func run() {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        var pending: [String] = []
        while running {
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, pending.isEmpty ? 500 : Int32(settle * 1000))
            if ready == 0 {
                if !pending.isEmpty { onChange(pending); pending = [] }
                continue
            }
            guard ready > 0 else { continue }
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            guard count > 0 else { continue }
            pending += parse(buffer, count: count)
        }
        close(fd)
    }

    /// The paths in a read of inotify events; folders created meanwhile are watched too.
    private func parse(_ buffer: [UInt8], count: Int) -> [String] {
        var paths: [String] = []
        var offset = 0
        let headerSize = MemoryLayout<inotify_event>.size
        while offset + headerSize <= count {
            let event = buffer.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: inotify_event.self) }
            let nameBytes = buffer[(offset + headerSize)..<min(count, offset + headerSize + Int(event.len))]
            let name = String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self)
            offset += headerSize + Int(event.len)
            // Events were lost: report the folders themselves, so that everything is read again.
            if event.mask & UInt32(IN_Q_OVERFLOW) != 0 { paths += trees; continue }
            guard let folder = folders[event.wd] else { continue }
            let path = name.isEmpty ? folder : folder + "/" + name
            if name.hasPrefix(".") || name.hasSuffix("~") || name.hasSuffix(".swp") { continue }  // editors' scratch files
            if event.mask & UInt32(IN_ISDIR) != 0 && event.mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 { watchTree(path) }
            // In the folder of a single watched file (the site root), only that file counts.
            let inTree = trees.contains { path == $0 || path.hasPrefix($0 + "/") }
            if inTree || files.contains(path) { paths.append(path) }
        }
        return paths
    }

    /// Stops watching. The watching thread closes the descriptor itself when it leaves its
    /// loop: closed here, its number could be given to another file or socket meanwhile, which
    /// the thread would then read from.
    func stop() {
        let closesHere = runningLock.withLock { () -> Bool in
            runningFlag = false
            return !started
        }
        if closesHere { close(fd) }
    }
}
