import Foundation
import VernetztEngine
import VernetztModel

/// What an earlier build rendered, reused when nothing a page shows has changed: the key of a
/// page covers everything it is made from (see `Fingerprints`). `serve` keeps one across
/// rebuilds, with the files' bytes; `build` starts one from the keys the last builds left on
/// disk (`BuildState`) for the files the folder being written and the live output still hold
/// as written, and a page whose key is unchanged is then neither made nor written.
public final class RenderCache: @unchecked Sendable {
    /// Whether the files' bytes are kept (serve), or only their keys (a build, whose output holds the bytes).
    private let keepsFiles: Bool
    private let lock = NSLock()
    private var previous: [String: (key: Int, file: OutputFile)] = [:]
    private var current: [String: (key: Int, file: OutputFile)] = [:]
    private var previousBodies: [String: (key: Int, html: [UInt8])] = [:]
    private var currentBodies: [String: (key: Int, html: [UInt8])] = [:]
    /// Pages rendered anew / reused in the last build, for tests and `--verbose`.
    public private(set) var rendered = 0
    public private(set) var reused = 0

    public init() {
        keepsFiles = true
    }

    /// The keys of the files the folder being written holds as made (`inPlace`), and of those
    /// the live output holds (`live`); `liveIsIntact` says whether a live file is still as made
    /// (asked only for the few files taken from there).
    init(inPlace: [String: Int], live: [String: Int], liveIsIntact: @escaping @Sendable (String) -> Bool) {
        keepsFiles = false
        previous = inPlace.reduce(into: [:]) { $0[$1.key] = ($1.value, OutputFile.reused($1.key, .inPlace)) }
        self.live = live
        self.liveIsIntact = liveIsIntact
    }

    private var live: [String: Int] = [:]
    private var liveIsIntact: @Sendable (String) -> Bool = { _ in false }

    /// Each file's key in this build (files made every time have none).
    var keys: [String: Int] { lock.withLock { current.mapValues(\.key) } }

    func file(_ path: String, key: Int, make: () -> OutputFile) -> OutputFile {
        lock.lock()
        if let hit = previous[path], hit.key == key {
            current[path] = hit
            reused += 1
            let changed = !keepsFiles && live[path] != key
            lock.unlock()
            return changed ? OutputFile.reused(path, .inPlaceOnly) : hit.file
        }
        let liveKey = live[path]
        lock.unlock()
        if liveKey == key, liveIsIntact(path) {
            lock.lock()
            current[path] = (key, OutputFile(path: path, bytes: []))
            reused += 1
            lock.unlock()
            return OutputFile.reused(path, .fromOutput)
        }
        let file = make()
        lock.lock()
        current[path] = (key, keepsFiles ? file : OutputFile(path: path, bytes: []))
        rendered += 1
        lock.unlock()
        return file
    }

    func body(_ document: String, key: Int, make: () -> [UInt8]) -> [UInt8] {
        lock.lock()
        if let hit = previousBodies[document], hit.key == key {
            currentBodies[document] = hit
            lock.unlock()
            return hit.html
        }
        lock.unlock()
        let html = make()
        guard keepsFiles else { return html }
        lock.lock()
        currentBodies[document] = (key, html)
        lock.unlock()
        return html
    }

    private var lastOrder: (paths: [String], order: [Int])?

    /// The permutation that sorts `paths` by their bytes: the last one when the paths came
    /// in the same order (checked string by string, which is quick for the same strings).
    func sortedOrder(of paths: [String]) -> [Int] {
        lock.lock()
        defer { lock.unlock() }
        if let last = lastOrder, last.paths == paths { return last.order }
        let order = RenderCache.sortedOrder(of: paths)
        lastOrder = (paths, order)
        return order
    }

    static func sortedOrder(of paths: [String]) -> [Int] {
        paths.indices.sorted { ByteOrder.precedes(paths[$0], paths[$1]) }
    }

    /// Starts a build: what the last one made is what the next may reuse.
    func begin() {
        lock.lock()
        defer { lock.unlock() }
        if !current.isEmpty { previous = current }
        if !currentBodies.isEmpty { previousBodies = currentBodies }
        current = [:]
        currentBodies = [:]
        rendered = 0
        reused = 0
    }
}

extension Optional where Wrapped == RenderCache {
    /// The cached page, or a fresh one when there is no cache.
    func file(_ path: String, key: @autoclosure () -> Int, make: () -> OutputFile) -> OutputFile {
        guard let cache = self else { return make() }
        return cache.file(path, key: key(), make: make)
    }
}
