import VernetztEngine
import VernetztModel

/// What a successful build did: counts, warnings, and the time each stage took.
public struct BuildReport: Sendable {
    public var documents: Int
    public var files: Int
    public var written: Int
    public var unchanged: Int
    public var warnings: [Diagnostic]
    /// Stage name, wall seconds and CPU seconds (all threads), in pipeline order.
    public var timings: [(stage: String, seconds: Double, cpuSeconds: Double)]
    /// The site's files when nothing was written (`check`, `serve`).
    public var output: [OutputFile] = []
    /// Pictures decoded and encoded by this build (the others came from the cache).
    public var picturesMade = 0
    /// Documents read back from the last build's state instead of parsed (`BuildState`).
    public var documentsKept = 0
    /// Pages whose key and file were unchanged since the last build: neither made nor written.
    public var pagesKept = 0

    public var totalSeconds: Double { timings.reduce(0) { $0 + $1.seconds } }
}
