import VernetztEngine

/// One file read from the site, before it is understood.
public struct SourceFile: Sendable {
    /// Path relative to the site root, with `/` separators (`content/blog/x.md`).
    public let path: String
    public let bytes: [UInt8]
    /// A hash of the bytes (within one process): equal files, equal hash. Worked out once, when
    /// the file is read: parsing and `serve`'s caches all ask for it.
    public let contentHash: Int

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
        var hasher = Hasher()
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
        contentHash = hasher.finalize()
    }

    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }
}
