import VernetztEngine

/// A free-text tag and the items that carry it, newest first.
public struct Tag: Sendable {
    public var name: String
    public var slug: String
    public var members: [Int]

    package init(name: String, slug: String, members: [Int]) {
        self.name = name
        self.slug = slug
        self.members = members
    }

    /// Where tag pages live: `/schlagwoerter/<slug>/`.
    public static let folder = "schlagwoerter/"
}
