import Foundation
import VernetztEngine

/// Files read by an earlier build, kept by `serve`: a file whose inode, size and change times
/// are what they were is not read (nor hashed) again. On a site of 10,000 posts that is most
/// of what a rebuild after one saved file would otherwise spend loading.
public final class SourceCache: @unchecked Sendable {
    /// What tells a changed file from an unchanged one without reading it.
    struct Stamp: Equatable {
        var device: UInt64
        var inode: UInt64
        var size: Int64
        var modified: timespec
        var changed: timespec

        init(_ info: stat) {
            device = UInt64(info.st_dev)
            inode = UInt64(info.st_ino)
            size = Int64(info.st_size)
            modified = info.st_mtim
            changed = info.st_ctim
        }

        /// The stamp as one number, the same in every run (for the build state); never 0.
        var digest: Int {
            var hasher = StableHasher()
            for number in [Int(bitPattern: UInt(device)), Int(bitPattern: UInt(inode)), Int(size), modified.tv_sec, modified.tv_nsec,
                           changed.tv_sec, changed.tv_nsec] {
                hasher.combine(number)
            }
            return hasher.finalize() | 1
        }

        static func == (a: Stamp, b: Stamp) -> Bool {
            a.device == b.device && a.inode == b.inode && a.size == b.size
                && a.modified.tv_sec == b.modified.tv_sec && a.modified.tv_nsec == b.modified.tv_nsec
                && a.changed.tv_sec == b.changed.tv_sec && a.changed.tv_nsec == b.changed.tv_nsec
        }
    }

    private let lock = NSLock()
    private var files: [String: (stamp: Stamp, file: SourceFile)] = [:]
    /// File times are coarse (a clock tick, not a nanosecond): a file changed in the same tick
    /// as it was read would look unchanged. Files changed this recently are read every time.
    static let settledSeconds = 2
    /// Files read anew by the last load (the rest were kept).
    public private(set) var readFiles = 0

    public init() {}

    /// The file at `path` (on disk) as `relative`, read only when it changed since it was
    /// last read; `info` is what the walk just found on disk.
    func file(at path: String, as relative: String, info: stat) -> SourceFile? {
        let stamp = Stamp(info)
        lock.lock()
        if let kept = files[relative], kept.stamp == stamp {
            lock.unlock()
            return kept.file
        }
        lock.unlock()
        guard let bytes = FileBytes.read(path) else { return nil }
        let file = SourceFile(path: relative, bytes: bytes)
        lock.lock()
        if time(nil) - info.st_mtim.tv_sec >= Self.settledSeconds { files[relative] = (stamp, file) } else { files[relative] = nil }
        readFiles += 1
        lock.unlock()
        return file
    }

    /// Starts counting the reads of a new load.
    func begin() {
        lock.lock()
        readFiles = 0
        lock.unlock()
    }

    /// Forgets files that are gone.
    func keep(only present: Set<String>) {
        lock.lock()
        defer { lock.unlock() }
        files = files.filter { present.contains($0.key) }
    }
}
