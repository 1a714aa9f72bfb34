import Foundation
import VernetztEngine
import VernetztModel

/// What `serve` keeps between rebuilds, so that a change costs what it touches: parsed
/// files by content, the compiled layouts, and rendered bodies and pages (`RenderCache`).
/// One rebuild at a time (the serve session serialises them).
public final class BuildCache: @unchecked Sendable {
    var parsed: [String: (key: Int, outcome: DocumentParser.Outcome)] = [:]
    var layouts: (key: Int, library: LayoutLibrary)?
    public let render = RenderCache()
    /// The files of the last load, kept where unchanged on disk.
    public let sources = SourceCache()
    /// Files parsed anew in the last build (the rest came from the cache).
    public internal(set) var parsedFiles = 0
    /// The last link result, for rebuilds whose changes link alike.
    var linked: LinkReuse?
    /// Whether the last build kept the link result of the one before.
    public internal(set) var reusedLinks = false

    public init() {}

    /// Outcomes for all files, parsing only those whose bytes (or the settings parsing
    /// depends on) changed since the last build.
    func parse(_ files: [SourceFile], with parser: DocumentParser, settings: Int) -> [DocumentParser.Outcome] {
        let keys = Parallel.map(files) { file -> Int in
            var hasher = Hasher()
            hasher.combine(settings)
            hasher.combine(file.contentHash)
            return hasher.finalize()
        }
        let stale = files.indices.filter { parsed[files[$0].path]?.key != keys[$0] }
        let fresh = Parallel.map(stale) { parser.parse(files[$0]) }
        for (i, outcome) in zip(stale, fresh) { parsed[files[i].path] = (keys[i], outcome) }
        let present = Set(files.map(\.path))
        parsed = parsed.filter { present.contains($0.key) }
        parsedFiles = stale.count
        return files.map { parsed[$0.path]!.outcome }
    }

    func layouts(_ files: [SourceFile], folder: String) throws(BuildFailure) -> LayoutLibrary {
        var hasher = Hasher()
        for file in files {
            hasher.combine(file.path)
            hasher.combine(file.contentHash)
        }
        let key = hasher.finalize()
        if let cached = layouts, cached.key == key { return cached.library }
        let library = try LayoutLibrary.compile(files, folder: folder)
        layouts = (key, library)
        return library
    }
}
