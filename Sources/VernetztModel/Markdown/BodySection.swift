/// A second-level heading of a body: an entry of the page's table of contents.
public struct BodySection: Sendable, Hashable {
    public var id: String
    public var title: String
}
