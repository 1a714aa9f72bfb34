/// One file of the built site: where it goes (relative to the output root) and its bytes.
public struct OutputFile: Sendable {
    public var path: String
    public var bytes: [UInt8]
    /// The output already holds this file as the last build wrote it (its key and the file on
    /// disk are unchanged): nothing is made or written, and `bytes` is empty.
    public var isUnchanged = false

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    /// A file the output already holds (see `isUnchanged`).
    public static func unchanged(_ path: String) -> OutputFile {
        var file = OutputFile(path: path, bytes: [])
        file.isUnchanged = true
        return file
    }

    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }
}
