import Foundation

/// What `build` and `check` are asked to do.
public struct BuildOptions: Sendable {
    public var root: URL
    /// Where the site goes; nil means `<root>/output`.
    public var output: URL?
    /// The layouts folder; nil means `<root>/layouts`.
    public var layouts: URL?
    public var includeDrafts: Bool
    /// False for `check`: everything is done but nothing is written.
    public var writesOutput: Bool

    public init(root: URL, output: URL? = nil, layouts: URL? = nil, includeDrafts: Bool = false,
                writesOutput: Bool = true) {
        self.root = root
        self.output = output
        self.layouts = layouts
        self.includeDrafts = includeDrafts
        self.writesOutput = writesOutput
    }

    public var outputFolder: URL { output ?? root.appendingPathComponent("output") }
}
