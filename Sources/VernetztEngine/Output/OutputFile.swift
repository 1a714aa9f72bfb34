/// One file of the built site: where it goes (relative to the output root) and its bytes.
public struct OutputFile: Sendable {
    public var path: String
    public var bytes: [UInt8]
    /// Where a file that was not made again (its key unchanged) already is; `bytes` is then empty.
    public var reuse = Reuse.none
    /// The file's stamp as the staging folder wrote it (for the build state, without reading
    /// it again); nil for files linked or not written there.
    package var stamp: FileStamp?

    public enum Reuse: Sendable {
        /// Made now: `bytes` are the file.
        case none
        /// The folder being written holds it already, as it was made (a spare output brought up
        /// to date), and so does the live output.
        case inPlace
        /// The folder being written holds it already, the live output another version.
        case inPlaceOnly
        /// The live output holds it as it was made: linked from there, never read.
        case fromOutput
    }

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    /// A file that is not made again (see `reuse`).
    public static func reused(_ path: String, _ reuse: Reuse) -> OutputFile {
        var file = OutputFile(path: path, bytes: [])
        file.reuse = reuse
        return file
    }

    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }
}
