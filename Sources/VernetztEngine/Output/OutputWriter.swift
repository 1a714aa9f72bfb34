import Foundation

/// The write stage: the files go into a staging folder beside the output folder, which is
/// swapped in only when complete (see `StagingFolder`). A build streams its pages into the
/// staging folder as they are rendered; this writes a list of files made beforehand.
public struct OutputWriter: Sendable {
    public var output: URL

    public init(output: URL) {
        self.output = output.standardizedFileURL
    }

    public struct Summary: Sendable {
        public var written = 0
        public var unchanged = 0

        package init(written: Int = 0, unchanged: Int = 0) {
            self.written = written
            self.unchanged = unchanged
        }
    }

    /// A new, empty staging folder for this output, once no other build writes it (`waiting`
    /// is told when this one must wait).
    public func begin(waiting: () -> Void = {}) throws(OutputError) -> StagingFolder {
        try StagingFolder(output: output, waiting: waiting)
    }

    /// A staging folder under a lock the build holds already.
    package func begin(holding lock: OutputLock) throws(OutputError) -> StagingFolder {
        try StagingFolder(output: output, lock: lock)
    }

    /// `finish` runs on the complete staging folder before it goes live (the search index).
    public func write(_ files: [OutputFile], finish: (URL) throws(OutputError) -> String? = { _ in nil }) throws(OutputError) -> Summary {
        let staging = try begin()
        _ = Parallel.map(files, staging.store)
        return try staging.commit(paths: files.map(\.path), finish: finish)
    }
}

/// The output folder could not be written; the previous site is left as it was.
public struct OutputError: Error, Sendable, CustomStringConvertible {
    public var message: Message
    public init(_ message: Message) { self.message = message }
    public var description: String { message.english }
}
