import VernetztEngine
import VernetztModel

/// What the render stage does with a body left in the build state's log that cannot be read
/// back as it was stored (the log changed on disk): its Markdown file is parsed again. A file
/// for which that fails too is named, and the build fails with it before anything goes live.
final class BodyRepair: Sendable {
    private let parse: @Sendable (Document) -> [UInt8]?
    private let failed = Locked<[String]>([])
    private let used = Locked(false)

    /// `parse` gives the HTML of the document's body parsed anew from its file, or nil.
    init(parse: @escaping @Sendable (Document) -> [UInt8]?) {
        self.parse = parse
    }

    /// The body's HTML parsed anew; nil (and the file named) when it cannot be.
    func html(of document: Document) -> [UInt8]? {
        used.withLock { $0 = true }
        if let html = parse(document) { return html }
        failed.withLock { $0.append(document.path) }
        return nil
    }

    /// Whether a body had to be parsed anew: the state it came from is not to be trusted.
    var wasNeeded: Bool { used.withLock { $0 } }

    /// The files whose body could be read neither from the state nor from the file.
    var failures: [String] { failed.withLock { $0 }.sorted() }
}
