/// A picture in a body, `![Alt](foto.jpg)`: where it points, as written, and its alt text.
public struct BodyPicture: Sendable, Hashable {
    public var raw: String
    public var alt: String
    /// The Markdown title (`![Alt](foto.jpg "Titel")`), shown as the picture's caption text on hover.
    public var title: String
}
