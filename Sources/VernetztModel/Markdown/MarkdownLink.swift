import VernetztEngine

/// A link in a Markdown body whose target is another item: `@angebote/konvoi-begleitung#ablauf`.
public struct MarkdownLink: Sendable, Hashable {
    /// The URL as written, the key by which the render stage rewrites it.
    public var raw: String
    public var location: SourceLocation
    /// `![](@stimmen/x)`: the item is shown in place, not linked.
    public var isEmbed = false
    /// A picture (`![Alt](foto.jpg)`, an `image` field): a missing file is a missing picture.
    public var isImage = false

    package init(raw: String, location: SourceLocation, isEmbed: Bool = false, isImage: Bool = false) {
        self.raw = raw
        self.location = location
        self.isEmbed = isEmbed
        self.isImage = isImage
    }
}
