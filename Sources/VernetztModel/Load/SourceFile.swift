import Foundation
import VernetztEngine

/// One file read from the site, before it is understood.
public struct SourceFile: Sendable {
    /// Path relative to the site root, with `/` separators (`content/blog/x.md`).
    public let path: String
    /// Empty for a picture, which is read when it is used (`diskPath`): a site's photos are
    /// many megabytes each and never all in memory at once.
    public let bytes: [UInt8]
    /// Where a picture lies on disk; nil for files read at load.
    public let diskPath: String?
    /// A hash of the bytes, the same in every run (`StableHasher`): equal files, equal hash. Worked out once, when
    /// the file is read: parsing and `serve`'s caches all ask for it.
    public let contentHash: Int
    /// For a Markdown file: its place and times on disk as one number (`stamp(of:)`), when they
    /// had settled as it was read; 0 otherwise. The next build trusts an equal stamp without reading.
    public var stamp = 0
    /// A Markdown file whose bytes are read by the parse stage (`read()`), not by the loader:
    /// a site's text is then never all in memory at once. Its hash is not known until then.
    public private(set) var isUnread = false

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
        diskPath = nil
        var hasher = StableHasher()
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
        contentHash = hasher.finalize()
    }

    /// A picture left on disk; its hash comes from its size, time and inode, which change when
    /// it is written anew.
    public init(path: String, diskPath: String, info: stat) {
        self.path = path
        self.bytes = []
        self.diskPath = diskPath
        var hasher = StableHasher()
        hasher.combine(Int(info.st_size))
        hasher.combine(info.st_mtim.tv_sec)
        hasher.combine(info.st_mtim.tv_nsec)
        hasher.combine(UInt64(info.st_ino))
        contentHash = hasher.finalize()
    }

    /// A Markdown file not read, because its stamp is what the last build read it with; its
    /// hash is what that build worked out. `read()` reads it when it is needed after all.
    public init(path: String, diskPath: String, contentHash: Int, stamp: Int) {
        self.path = path
        self.bytes = []
        self.diskPath = diskPath
        self.contentHash = contentHash
        self.stamp = stamp
    }

    /// A Markdown file left for the parse stage to read (`read()`).
    public init(path: String, unreadAt diskPath: String, stamp: Int) {
        self.path = path
        self.bytes = []
        self.diskPath = diskPath
        self.contentHash = 0
        self.stamp = stamp
        isUnread = true
    }

    /// The file with its bytes (read now when they were left on disk), its stamp kept; nil
    /// when it cannot be read (any more).
    public func read() -> SourceFile? {
        guard let diskPath else { return self }
        guard let bytes = FileBytes.read(diskPath) else { return nil }
        var file = SourceFile(path: path, bytes: bytes)
        file.stamp = stamp
        return file
    }

    /// The file's stamp as `serve` keeps it (device, inode, size, both change times) as one
    /// number; 0 when either time lies less than `SourceCache.settledSeconds` before `now`.
    public static func stamp(of info: stat, now: Int) -> Int {
        let settled = SourceCache.settledSeconds
        guard now - info.st_mtim.tv_sec >= settled, now - info.st_ctim.tv_sec >= settled else { return 0 }
        return SourceCache.Stamp(info).digest
    }

    /// The bytes, read from disk for a picture; nil when it cannot be read (any more).
    public func readBytes() -> [UInt8]? {
        guard let diskPath else { return bytes }
        return FileBytes.read(diskPath)
    }

    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }
}
