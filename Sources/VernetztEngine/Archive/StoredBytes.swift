/// Bytes left in a file until they are needed, with the hash they must have when read back.
package struct StoredBytes: Sendable {
    package let file: SharedFile
    package let offset: Int
    package let count: Int
    package let checksum: Int

    package init(file: SharedFile, offset: Int, count: Int, checksum: Int) {
        self.file = file
        self.offset = offset
        self.count = count
        self.checksum = checksum
    }

    /// The bytes, or nil when they cannot be read or are not what was stored.
    package func read() -> [UInt8]? {
        guard let bytes = file.read(at: offset, count: count),
              Self.checksum(of: bytes) == checksum else { return nil }
        return bytes
    }

    /// The hash stored bytes are checked against when they are read back.
    package static func checksum(of bytes: [UInt8]) -> Int {
        var hasher = StableHasher()
        hasher.combine(bytes)
        return hasher.finalize()
    }
}
