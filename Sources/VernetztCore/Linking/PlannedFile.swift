import VernetztModel

/// One file the build writes, decided at link time, where every path is claimed once.
public struct PlannedFile: Sendable {
    /// Relative to the output root (`blog/x/index.html`).
    public var path: String
    public var content: PlannedContent
}
