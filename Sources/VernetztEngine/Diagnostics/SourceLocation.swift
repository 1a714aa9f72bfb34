/// A place in a source file, 1-based, as editors and compilers count.
public struct SourceLocation: Sendable, Hashable, Comparable {
    /// Path relative to the site root, e.g. `content/blog/x.md`.
    public var path: String
    public var line: Int
    public var column: Int

    public init(path: String, line: Int = 1, column: Int = 1) {
        self.path = path
        self.line = line
        self.column = column
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.path, a.line, a.column) < (b.path, b.line, b.column)
    }
}
