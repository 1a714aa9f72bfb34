/// One file read from the site, before it is understood.
public struct SourceFile: Sendable {
    /// Path relative to the site root, with `/` separators (`content/blog/x.md`).
    public var path: String
    public var bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }

    /// A hash of the bytes (within one process): equal files, equal hash.
    public var contentHash: Int {
        var hasher = Hasher()
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
        return hasher.finalize()
    }
}
